/// Placeholder so the pipeline builds: the money recognizer replaces it.
public struct MoneyRecognizer: Recognizer {
    public let name = "MoneyRecognizer"

    public static func make(_ loader: LexiconLoader) throws -> any Recognizer { MoneyRecognizer() }

    public func propose(in text: AnalyzedText, into candidates: inout [Candidate]) {}
}
