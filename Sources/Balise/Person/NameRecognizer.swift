/// Placeholder so the pipeline builds: the names (PER, ORG, LOC) recognizer replaces it.
public struct NameRecognizer: Recognizer {
    public let name = "NameRecognizer"

    public static func make(_ loader: LexiconLoader) throws -> any Recognizer { NameRecognizer() }

    public func propose(in text: AnalyzedText, into candidates: inout [Candidate]) {}
}
