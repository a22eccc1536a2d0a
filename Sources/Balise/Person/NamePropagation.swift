/// Placeholder so the pipeline builds: the document-level name pass replaces it.
public struct NamePropagation: DocumentPass {
    public let name = "NamePropagation"

    public static func make(_ loader: LexiconLoader) throws -> any DocumentPass { NamePropagation() }

    public func refine(_ text: AnalyzedText, selected: inout [Candidate], proposed: [Candidate]) {}
}
