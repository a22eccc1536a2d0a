import ArgumentParser
import Balise

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate plain text files or JSON Lines documents.",
        discussion: """
        Plain text (default): each FILE is one document whose id is the file name; standard \
        input when no FILE is given. JSON Lines (--input jsonl): one document a line with \
        "id", "text" and an optional "date"; output keeps the input order. \
        --format conll writes BIO columns, brat a folder of .txt/.ann pairs (--output DIR), \
        html one page for all documents (--output FILE or standard output).
        """
    )

    enum InputKind: String, ExpressibleByArgument, CaseIterable { case text, jsonl }
    enum OutputKind: String, ExpressibleByArgument, CaseIterable { case json, jsonl, conll, brat, html }

    @Argument(help: "Input files (standard input when none).")
    var files: [String] = []

    @Option(help: "Input format: text or jsonl.")
    var input: InputKind = .text

    @Option(help: "Output format: json (indented), jsonl (one document a line), conll, brat (into --output DIR) or html. Default: json for text input, jsonl for jsonl input.")
    var format: OutputKind?

    @Option(help: "Document date YYYY-MM-DD for plain-text input (relative dates are resolved against it).")
    var date: String?

    @Option(help: "Keep only these types, comma-separated (PER,ORG,LOC,MONEY,DATE).")
    var types: String?

    @Option(name: .shortAndLong, help: "Write to this file (a directory for brat) instead of standard output.")
    var output: String?

    @Flag(help: "Add to each entity the rule that produced it.")
    var explain = false

    @OptionGroup var extraction: ExtractionOptions

    func run() throws {
        let documentDate = try parseDateOption(date)
        let typeFilter = try parseTypesOption(types)
        let extractor = try extraction.loadExtractor()
        let annotator = try extractor.makeAnnotator()
        // Kept (with the extractor it holds) until the process exits, which returns its memory
        // at once: released at the end of `run`, the lexicons and the worker's caches were
        // freed object by object (about 10 M instructions after 1000 documents).
        _ = Unmanaged.passRetained(annotator)
        let kind = format ?? (input == .text ? .json : .jsonl)
        let options = JSONLinesFormat.Options(pretty: kind == .json, explain: explain)
        let documentFormat: DocumentFormat = switch kind {
        case .json, .jsonl: .jsonl
        case .conll: .conll
        case .brat: .brat
        case .html: .html
        }
        let writer: DocumentWriter
        do {
            writer = try DocumentWriter(format: documentFormat, path: output, jsonOptions: options,
                                        warn: { printError("warning: " + $0) })
        } catch { throw usageError("\(error)") }
        /// Tokenizes once for both the entities and the CoNLL tokens.
        func annotateAndWrite(_ document: Document) throws {
            let analysis = annotator.analyze(document)
            let doc = AnnotatedDocument(document: document, entities: annotator.entities(in: analysis, types: typeFilter))
            try writer.write(doc, analysis: analysis)
        }
        var failed = false
        let inputs = files.isEmpty ? ["-"] : files

        for path in inputs {
            switch input {
            case .text:
                do {
                    let text = try InputFiles.readText(path)
                    let id = path == "-" ? "stdin" : InputFiles.documentID(forPath: path)
                    try annotateAndWrite(Document(id: id, text: text, date: documentDate))
                } catch {
                    printError("error: \(error)")
                    failed = true
                }
            case .jsonl:
                let name = path == "-" ? "stdin" : path
                let fileID = InputFiles.documentID(forPath: name)
                let reader: LineReader
                do { reader = try LineReader(path: path) } catch {
                    printError("error: \(error)")
                    failed = true
                    continue
                }
                while true {
                    let line: ArraySlice<UInt8>
                    do {
                        guard let next = try reader.next() else { break }
                        line = next
                    } catch {
                        printError("error: \(name): \(error)")
                        failed = true
                        break
                    }
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    do {
                        // The usual line is read (and its UTF-8 checked) in one pass; others get the full reader.
                        var doc: AnnotatedDocument
                        if let plain = try JSONLinesFormat.decodePlain(line, fallbackID: "\(fileID)-\(reader.lineNumber)") {
                            doc = plain
                        } else {
                            if let offset = UTF8Check.firstInvalidByte(line) {
                                throw InputError("not valid UTF-8 (invalid byte at offset \(offset) of the line)")
                            }
                            doc = try JSONLinesFormat.decode(line, fallbackID: "\(fileID)-\(reader.lineNumber)")
                        }
                        if doc.document.date == nil { doc.document.date = documentDate }
                        try annotateAndWrite(doc.document)
                    } catch {
                        printError("error: \(name):\(reader.lineNumber): \(error) (document skipped)")
                        failed = true
                    }
                }
            }
        }
        do { try writer.finish() } catch { throw usageError("\(error)") }
        if failed { throw ExitCode(1) }
    }
}
