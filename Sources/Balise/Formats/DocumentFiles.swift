import FoundationEssentials

/// The on-disk forms of a batch of annotated documents.
public enum DocumentFormat: String, CaseIterable, Sendable {
    /// JSON Lines of ANNOTATION.md, one document a line (the reference format).
    case jsonl
    /// CoNLL BIO columns (`CoNLLFormat`).
    case conll
    /// A folder of brat `ID.txt` + `ID.ann` pairs (`BratFormat`).
    case brat
    /// One HTML page (`HTMLFormat`); written, never read.
    case html

    /// The format a path names: `.jsonl`/`.json`, `.conll`/`.bio`/`.iob`, `.html`/`.htm`;
    /// an existing directory or a path without extension is a brat folder.
    public static func guess(path: String) -> DocumentFormat? {
        if path == "-" { return nil }
        if FileSystem.isDirectory(path) { return .brat }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .brat }
        switch name[name.index(after: dot)...].lowercased() {
        case "jsonl", "json", "ndjson": return .jsonl
        case "conll", "bio", "iob", "iob2": return .conll
        case "html", "htm": return .html
        default: return nil
        }
    }
}

public enum DocumentFiles {
    /// Every document of `path` (`-` is standard input, except for brat folders).
    /// Problems that lose nothing go to `warn`; the others throw.
    public static func read(_ path: String, format: DocumentFormat,
                            jsonOptions: JSONLinesFormat.ReadOptions = JSONLinesFormat.ReadOptions(),
                            warn: (String) -> Void = { _ in }) throws -> [AnnotatedDocument] {
        switch format {
        case .jsonl: return try readJSONLines(path, options: jsonOptions)
        case .conll:
            let name = path == "-" ? "stdin" : InputFiles.documentID(forPath: path)
            return try CoNLLFormat.decode(try InputFiles.readText(path), name: name, source: path == "-" ? "stdin" : path)
        case .brat: return try readBrat(path, warn: warn)
        case .html: throw InputError("\(path): HTML pages are written, not read")
        }
    }

    static func readJSONLines(_ path: String, options: JSONLinesFormat.ReadOptions) throws -> [AnnotatedDocument] {
        let reader = try LineReader(path: path)
        let name = path == "-" ? "stdin" : path
        var documents: [AnnotatedDocument] = []
        while let line = try reader.next() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if let offset = UTF8Check.firstInvalidByte(line) {
                throw InputError("\(name):\(reader.lineNumber): not valid UTF-8 (invalid byte at offset \(offset) of the line)")
            }
            do {
                documents.append(try JSONLinesFormat.decode(line, fallbackID: "\(InputFiles.documentID(forPath: name))-\(reader.lineNumber)", options: options))
            } catch {
                throw InputError("\(name):\(reader.lineNumber): \(error)")
            }
        }
        return documents
    }

    static func readBrat(_ path: String, warn: (String) -> Void) throws -> [AnnotatedDocument] {
        guard FileSystem.isDirectory(path) else { throw InputError("\(path): not a directory of brat files") }
        let names = try FileSystem.list(path)
        let texts = Set(names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) })
        for name in names where name.hasSuffix(".ann") && !texts.contains(String(name.dropLast(4))) {
            warn("\(path)/\(name): no matching .txt file; ignored")
        }
        var documents: [AnnotatedDocument] = []
        for id in texts.sorted() {
            let base = path + "/" + id
            let text = try InputFiles.readText(base + ".txt")
            let ann = FileSystem.exists(base + ".ann") ? try InputFiles.readText(base + ".ann") : ""
            let meta = FileSystem.exists(base + ".meta") ? try InputFiles.readText(base + ".meta") : nil
            let (doc, warnings) = try BratFormat.decode(id: id, text: text, ann: ann, meta: meta)
            warnings.forEach(warn)
            documents.append(doc)
        }
        return documents
    }
}

/// Writes documents one at a time in any `DocumentFormat`: JSON Lines and CoNLL stream
/// to a file or standard output, brat fills a folder, HTML gathers the batch into one page.
public final class DocumentWriter {
    public let format: DocumentFormat
    private let path: String?
    private let jsonOptions: JSONLinesFormat.Options
    private let annotator: Annotator?
    private let pretokenized: Bool
    private let warn: (String) -> Void
    private var sink: OutputSink?
    private var pending: [AnnotatedDocument] = []
    private var written = Set<String>()
    private let jsonBuffer = JSONBytes()

    /// `path` is a file (nil or `-`: standard output) or, for brat, a folder created
    /// when missing. CoNLL needs the tokenizer: pass `annotator` unless every call to
    /// `write` brings its analysis, or `pretokenized` for texts read from CoNLL (their
    /// tokens are the runs between spaces, their sentences the lines).
    public init(format: DocumentFormat, path: String?, jsonOptions: JSONLinesFormat.Options = JSONLinesFormat.Options(),
                annotator: Annotator? = nil, pretokenized: Bool = false, warn: @escaping (String) -> Void = { _ in }) throws {
        self.format = format
        self.path = path
        self.jsonOptions = jsonOptions
        self.annotator = annotator
        self.pretokenized = pretokenized
        self.warn = warn
        switch format {
        case .jsonl, .conll:
            sink = try OutputSink(path: path)
        case .brat:
            guard let path, path != "-" else { throw InputError("brat output needs a directory (--output DIR)") }
            try FileSystem.makeDirectory(path)
            try FileSystem.write(BratFormat.annotationConf, to: path + "/annotation.conf")
            try FileSystem.write(BratFormat.visualConf, to: path + "/visual.conf")
            try FileSystem.write(BratFormat.shortcutsConf, to: path + "/kb_shortcuts.conf")
        case .html:
            break
        }
    }

    public func write(_ doc: AnnotatedDocument, analysis: AnalyzedText? = nil) throws {
        switch format {
        case .jsonl:
            // One byte buffer reused for every document: no String is built on this path.
            jsonBuffer.removeAll()
            JSONLinesFormat.encode(doc, options: jsonOptions, into: jsonBuffer)
            jsonBuffer.append("\n")
            sink!.write(bytes: jsonBuffer.bytes)
        case .conll:
            let encoded: CoNLLFormat.Encoded
            if let text = analysis ?? annotator?.analyze(doc.document) {
                encoded = CoNLLFormat.encode(doc, analysis: text)
            } else if pretokenized {
                encoded = CoNLLFormat.encodePretokenized(doc)
            } else {
                throw InputError("CoNLL output needs the tokenizer")
            }
            for e in encoded.lost {
                warn("\(doc.id): \(e.type.rawValue) \(e.start)-\(e.end) \"\(e.text)\" covers no token and is missing from the CoNLL output")
            }
            sink!.write(encoded.text)
        case .brat:
            try writeBrat(doc)
        case .html:
            pending.append(doc)
        }
    }

    private func writeBrat(_ doc: AnnotatedDocument) throws {
        let id = doc.id
        guard !id.isEmpty, !id.contains("/"), id != ".", id != "..", !id.contains("\0") else {
            throw InputError("document id \"\(id)\" cannot be a brat file name")
        }
        if !written.insert(id).inserted { warn("\(id): several documents have this id; the last one wins in the brat folder") }
        if doc.text.unicodeScalars.contains("\r") {
            warn("\(id): the text holds carriage returns; brat reads them as line ends and its offsets will differ after them")
        }
        let files = BratFormat.encode(doc)
        let base = path! + "/" + id
        try FileSystem.write(files.text, to: base + ".txt")
        try FileSystem.write(files.ann, to: base + ".ann")
        if let meta = files.meta {
            try FileSystem.write(meta, to: base + ".meta")
        } else if FileSystem.exists(base + ".meta") {
            try? FileManager.default.removeItem(atPath: base + ".meta")
        }
    }

    public func finish() throws {
        if format == .html {
            let title = path.flatMap { $0 == "-" ? nil : InputFiles.documentID(forPath: $0) } ?? "Balise"
            let out = try OutputSink(path: path)
            out.write(HTMLFormat.page(pending, title: title))
            try out.close()
        }
        try sink?.close()
    }
}
