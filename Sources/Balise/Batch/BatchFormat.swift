#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output formats of `balise batch`, one output per input file.
public enum BatchFormat: String, CaseIterable, Sendable {
    /// JSON Lines, one document a line: `a/b.txt` gives `a/b.jsonl`.
    case jsonl
    /// The same documents indented: `a/b.json`.
    case json
    /// CoNLL BIO columns: `a/b.conll`.
    case conll
    /// brat standoff: `a/b.txt` gives `a/b.txt` + `a/b.ann` (+ `a/b.meta` with the date);
    /// `a/c.jsonl` gives a folder `a/c.brat/` with one pair per document. The output
    /// directory gets `annotation.conf`, `visual.conf` and `kb_shortcuts.conf`, which brat
    /// applies to every folder below it.
    case brat
    /// One HTML page per input file: `a/b.html`.
    case html

    /// The output of `input` relative to the output directory: the file (or, for a brat
    /// folder, the directory) whose presence means the output is complete, because it is
    /// renamed into place last.
    public func outputPath(for input: BatchInput) -> String {
        switch self {
        case .jsonl: return input.stem + ".jsonl"
        case .json: return input.stem + ".json"
        case .conll: return input.stem + ".conll"
        case .html: return input.stem + ".html"
        case .brat: return input.stem + (input.kind == .text ? ".ann" : ".brat")
        }
    }
}

/// Receives the documents of one input file, in order, and writes them in one format.
/// Nothing is visible under the final name before `commit`.
protocol FileOutput: AnyObject {
    func add(_ doc: AnnotatedDocument, analysis: AnalyzedText) throws
    func commit() throws
    func abandon()
}

extension BatchFormat {
    func makeOutput(for input: BatchInput, root: String, explain: Bool) throws -> FileOutput {
        let path = root + "/" + outputPath(for: input)
        switch self {
        case .jsonl, .json:
            let options = JSONLinesFormat.Options(pretty: self == .json, explain: explain)
            return try StreamOutput(path: path) { doc, _ in JSONLinesFormat.encode(doc, options: options) + "\n" }
        case .conll:
            return try StreamOutput(path: path) { doc, analysis in CoNLLFormat.encode(doc, analysis: analysis).text }
        case .html:
            return PageOutput(path: path, title: input.relativePath)
        case .brat:
            return input.kind == .text ? BratPairOutput(base: root + "/" + input.stem) : try BratFolderOutput(path: path)
        }
    }

    /// Files the whole output directory needs, written before the batch starts.
    func directoryFiles() -> [(name: String, content: String)] {
        guard self == .brat else { return [] }
        return [("annotation.conf", BratFormat.annotationConf), ("visual.conf", BratFormat.visualConf),
                ("kb_shortcuts.conf", BratFormat.shortcutsConf)]
    }
}

/// JSON Lines, indented JSON, CoNLL: documents one after the other in one file.
final class StreamOutput: FileOutput {
    private let file: AtomicFile
    private let encode: (AnnotatedDocument, AnalyzedText) -> String

    init(path: String, encode: @escaping (AnnotatedDocument, AnalyzedText) -> String) throws {
        file = try AtomicFile(path: path)
        self.encode = encode
    }

    func add(_ doc: AnnotatedDocument, analysis: AnalyzedText) throws { try file.write(encode(doc, analysis)) }
    func commit() throws { try file.commit() }
    func abandon() { file.abandon() }
}

/// One HTML page for the documents of a file. The page is built at the end, so the
/// documents of one input file are held in memory: keep HTML for files you will read.
final class PageOutput: FileOutput {
    private let path: String
    private let title: String
    private var documents: [AnnotatedDocument] = []

    init(path: String, title: String) {
        self.path = path
        self.title = title
    }

    func add(_ doc: AnnotatedDocument, analysis: AnalyzedText) throws { documents.append(doc) }

    func commit() throws {
        let file = try AtomicFile(path: path)
        do { try file.write(HTMLFormat.page(documents, title: title)) } catch { file.abandon(); throw error }
        try file.commit()
    }

    func abandon() { documents = [] }
}

/// brat for a text file: `stem.txt`, `stem.meta` when dated, then `stem.ann` last, so a
/// present `.ann` means the pair is complete.
final class BratPairOutput: FileOutput {
    private let base: String
    private var document: AnnotatedDocument?

    init(base: String) { self.base = base }

    func add(_ doc: AnnotatedDocument, analysis: AnalyzedText) throws { document = doc }

    func commit() throws {
        guard let document else { return }
        let files = BratFormat.encode(document)
        try write(files.text, to: base + ".txt")
        if let meta = files.meta {
            try write(meta, to: base + ".meta")
        } else {
            unlink(base + ".meta")
        }
        try write(files.ann, to: base + ".ann")
    }

    func abandon() { document = nil }

    private func write(_ content: String, to path: String) throws {
        let file = try AtomicFile(path: path)
        do { try file.write(content) } catch { file.abandon(); throw error }
        try file.commit()
    }
}

/// brat for a JSON Lines file: a folder of pairs, filled under a temporary name and
/// renamed into place whole. File names come from the document ids, made safe (`/`
/// becomes `_`) and unique (`-2`, `-3` ... after a repeated id).
final class BratFolderOutput: FileOutput {
    private let path: String
    private let temporary: String
    private var used = Set<String>()

    init(path: String) throws {
        self.path = path
        temporary = AtomicFile.temporaryPath(for: path)
        try makeDirectories(temporary)
    }

    func add(_ doc: AnnotatedDocument, analysis: AnalyzedText) throws {
        let name = uniqueName(for: doc.id)
        let files = BratFormat.encode(doc)
        let base = temporary + "/" + name
        try write(files.text, to: base + ".txt")
        if let meta = files.meta { try write(meta, to: base + ".meta") }
        try write(files.ann, to: base + ".ann")
    }

    func commit() throws {
        removeTree(path)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            removeTree(temporary)
            throw InputError("\(path): cannot rename the finished folder into place: \(reason)")
        }
    }

    func abandon() { removeTree(temporary) }

    private func uniqueName(for id: String) -> String {
        var safe = String(id.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
        if safe.isEmpty || safe.hasPrefix(".") { safe = "_" + safe }
        var name = safe
        var n = 1
        while !used.insert(name).inserted {
            n += 1
            name = safe + "-\(n)"
        }
        return name
    }

    private func write(_ content: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw InputError("\(path): cannot create: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var content = content
        try content.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputError("\(path): write failed: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }
}
