/// Placeholder so the pipeline builds: the date recognizer replaces it.
public struct DateRecognizer: Recognizer {
    public let name = "DateRecognizer"

    public static func make(_ loader: LexiconLoader) throws -> any Recognizer { DateRecognizer() }

    public func propose(in text: AnalyzedText, into candidates: inout [Candidate]) {}
}
