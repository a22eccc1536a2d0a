import ArgumentParser
import Balise

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert annotated documents between JSON Lines, CoNLL, brat and HTML.",
        discussion: """
        IN and OUT are each a .jsonl file, a .conll file or a brat folder (ID.txt + ID.ann \
        pairs, the document id being the file name; a path without extension is a brat \
        folder, created when missing); OUT may also be an .html page. '-' is standard \
        input or output (JSON Lines unless --from/--to says otherwise). Writing CoNLL \
        tokenizes the texts, so it loads the lexicons (except from CoNLL to CoNLL, which \
        keeps the tokens). Reading CoNLL rebuilds each text from its tokens (one space \
        between tokens, one newline between sentences).
        """
    )

    @Argument(help: "The documents to read.")
    var input: String

    @Argument(help: "Where to write them.")
    var output: String

    @Option(help: "Format of IN: jsonl, conll or brat (default: from the path).")
    var from: DocumentFormat?

    @Option(help: "Format of OUT: jsonl, conll, brat or html (default: from the path).")
    var to: DocumentFormat?

    @OptionGroup var extraction: ExtractionOptions

    func run() throws {
        let inFormat = from ?? (input == "-" ? .jsonl : DocumentFormat.guess(path: input))
        let outFormat = to ?? (output == "-" ? .jsonl : DocumentFormat.guess(path: output))
        guard let inFormat else { throw usageError("cannot tell the format of \(input) from its name: use --from") }
        guard let outFormat else { throw usageError("cannot tell the format of \(output) from its name: use --to") }
        if inFormat == .html { throw usageError("HTML pages are written, not read") }
        let documents: [AnnotatedDocument]
        do {
            documents = try DocumentFiles.read(input, format: inFormat, warn: { printError("warning: " + $0) })
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        // A text read from CoNLL is already tokenized: writing it back keeps its lines.
        let pretokenized = inFormat == .conll
        let annotator = outFormat == .conll && !pretokenized ? try extraction.loadExtractor().makeAnnotator() : nil
        do {
            let writer = try DocumentWriter(format: outFormat, path: output, annotator: annotator,
                                            pretokenized: pretokenized, warn: { printError("warning: " + $0) })
            for doc in documents { try writer.write(doc) }
            try writer.finish()
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}

extension DocumentFormat: ExpressibleByArgument {}
