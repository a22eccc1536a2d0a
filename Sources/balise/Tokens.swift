import ArgumentParser
import Balise

struct Tokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the text layer's tokens and sentences (for debugging rules and lexicons).")

    @Argument(help: "A plain text file (standard input when none).")
    var file: String = "-"

    @OptionGroup var extraction: ExtractionOptions

    func run() throws {
        let text: String
        do { text = try InputFiles.readText(file) } catch { throw usageError("\(error)") }
        let annotator = try extraction.loadExtractor().makeAnnotator()
        let analysis = annotator.analyze(Document(id: "tokens", text: text))
        let sink = try OutputSink(path: nil)
        for (s, sentence) in analysis.sentences.enumerated() {
            sink.write("# sentence \(s + 1)\n")
            for i in sentence {
                let t = analysis.tokens[i]
                let range = analysis.scalarRange(i..<(i + 1))
                sink.write("\(range.lowerBound)\t\(range.upperBound)\t\(t.kind)\t\(analysis.originalText(i..<(i + 1)))\t\(analysis.key(i))\t\(describe(t.flags))\n")
            }
        }
        try sink.close()
    }

    private func describe(_ flags: Token.Flags) -> String {
        let names: [(Token.Flags, String)] = [
            (.capitalized, "cap"), (.allCaps, "caps"), (.internalCaps, "innercap"), (.hasDigit, "digit"),
            (.hyphenated, "hyphen"), (.abbreviation, "abbr"), (.elision, "elision"), (.initial, "initial"),
            (.groupedDigits, "groups"), (.lineStart, "line"), (.paragraphStart, "para"), (.sentenceStart, "sent"),
        ]
        return names.filter { flags.contains($0.0) }.map(\.1).joined(separator: ",")
    }
}
