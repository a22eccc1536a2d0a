#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One queued input file with the date its documents get when they name none.
struct FileJob: Sendable {
    var input: BatchInput
    var date: CalendarDay?
}

/// What a worker adds up, merged into the summary when it ends.
struct WorkerTally: Sendable {
    var written = 0
    var failed = 0
    var documents = 0
    var bytes = 0
    var entities = [Int](repeating: 0, count: EntityType.allCases.count)

    mutating func add(_ other: WorkerTally) {
        written += other.written
        failed += other.failed
        documents += other.documents
        bytes += other.bytes
        for k in entities.indices { entities[k] += other.entities[k] }
    }
}

/// Annotates input files on one thread with its own annotator, writing each output
/// atomically and recording bad files and bad lines instead of stopping.
final class FileAnnotation {
    private let annotator: Annotator
    private let configuration: BatchConfiguration
    private let errors: ErrorLog
    private let progress: BatchProgress
    private let stop: StopFlag
    /// Where each file's start and end are noted, if anywhere; `alone` when no other worker runs.
    private let journal: CrashJournal?
    private let alone: Bool
    private(set) var tally = WorkerTally()

    enum Outcome { case written, failed, interrupted }

    init(annotator: Annotator, configuration: BatchConfiguration, errors: ErrorLog, progress: BatchProgress, stop: StopFlag,
         journal: CrashJournal? = nil, alone: Bool = false) {
        self.annotator = annotator
        self.configuration = configuration
        self.errors = errors
        self.progress = progress
        self.stop = stop
        self.journal = journal
        self.alone = alone
    }

    @discardableResult
    func process(_ job: FileJob) -> Outcome {
        let path = configuration.inputDirectory + "/" + job.input.relativePath
        let outcome: Outcome
        journal?.started(job.input.relativePath, alone: alone)
        switch job.input.kind {
        case .text: outcome = processText(job, path: path)
        case .jsonLines: outcome = processJSONLines(job, path: path)
        }
        journal?.ended(job.input.relativePath)
        switch outcome {
        case .written: tally.written += 1
        case .failed:
            tally.failed += 1
            progress.filesFailed.add(1, ordering: .relaxed)
        case .interrupted: return outcome
        }
        progress.filesDone.add(1, ordering: .relaxed)
        return outcome
    }

    private func processText(_ job: FileJob, path: String) -> Outcome {
        let file = job.input.relativePath
        let bytes: [UInt8]
        do { bytes = try InputFiles.readBytes(path) } catch {
            return fail(file, reason: Self.reason(error, path: path))
        }
        defer { account(bytes: bytes.count) }
        // The standard library's validation is the fast path; the byte-by-byte check
        // only runs to name the offending offset.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return fail(file, reason: "not valid UTF-8 (invalid byte at offset \(UTF8Check.firstInvalidByte(bytes) ?? 0))")
        }
        let document = Document(id: job.input.stem, text: text, date: job.date)
        do {
            let output = try configuration.format.makeOutput(for: job.input, root: configuration.outputDirectory, explain: configuration.explain)
            do {
                let (annotated, analysis) = annotate(document)
                try output.add(annotated, analysis: analysis)
                try output.commit()
            } catch {
                output.abandon()
                throw error
            }
        } catch {
            return fail(file, reason: "cannot write the output: \(error)")
        }
        return .written
    }

    private func processJSONLines(_ job: FileJob, path: String) -> Outcome {
        let file = job.input.relativePath
        let reader: LineReader
        do { reader = try LineReader(path: path) } catch {
            return fail(file, reason: Self.reason(error, path: path))
        }
        let output: FileOutput
        do {
            output = try configuration.format.makeOutput(for: job.input, root: configuration.outputDirectory, explain: configuration.explain)
        } catch {
            return fail(file, reason: "cannot write the output: \(error)")
        }
        var badLines = 0
        while true {
            // A long file is abandoned at a line boundary: `--resume` redoes it whole.
            if stop.isRequested {
                output.abandon()
                return .interrupted
            }
            let line: ArraySlice<UInt8>
            do {
                guard let next = try reader.next() else { break }
                line = next
            } catch {
                output.abandon()
                return fail(file, line: reader.lineNumber + 1, reason: "cannot read: \(error); no output written")
            }
            account(bytes: line.count + 1)
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let decoded: AnnotatedDocument
            do {
                if String(validating: line, as: UTF8.self) == nil {
                    throw InputError("not valid UTF-8 (invalid byte at offset \(UTF8Check.firstInvalidByte(line) ?? 0) of the line)")
                }
                decoded = try JSONLinesFormat.decode(line, fallbackID: "\(job.input.stem)-\(reader.lineNumber)")
            } catch {
                errors.record(BatchError(file: file, line: reader.lineNumber, reason: "\(error)"))
                badLines += 1
                continue
            }
            var document = decoded.document
            if document.date == nil { document.date = job.date }
            do {
                let (annotated, analysis) = annotate(document)
                try output.add(annotated, analysis: analysis)
            } catch {
                output.abandon()
                return fail(file, reason: "cannot write the output: \(error)")
            }
        }
        do { try output.commit() } catch {
            return fail(file, reason: "cannot write the output: \(error)")
        }
        return badLines > 0 ? .failed : .written
    }

    /// For the tests of the recovery from internal errors only: a document whose text holds
    /// the value of the environment variable `BALISE_TEST_TRAP_ON` stops the process as a
    /// trap in the annotator would.
    private static let trapMarker: String? = getenv("BALISE_TEST_TRAP_ON").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }

    /// The entities and the analysis they came from, which CoNLL output reuses for its tokens.
    private func annotate(_ document: Document) -> (AnnotatedDocument, AnalyzedText) {
        if let marker = Self.trapMarker, document.text.contains(marker) { fatalError("BALISE_TEST_TRAP_ON: the document holds \(marker)") }
        let analysis = annotator.analyze(document)
        let entities = annotator.entities(in: analysis, types: configuration.types)
        tally.documents += 1
        for e in entities { tally.entities[EntityType.allCases.firstIndex(of: e.type)!] += 1 }
        progress.documents.add(1, ordering: .relaxed)
        return (AnnotatedDocument(document: document, entities: entities), analysis)
    }

    private func account(bytes: Int) {
        tally.bytes += bytes
        progress.bytesDone.add(bytes, ordering: .relaxed)
    }

    private func fail(_ file: String, line: Int? = nil, reason: String) -> Outcome {
        errors.record(BatchError(file: file, line: line, reason: reason))
        return .failed
    }

    /// The error text without the path it starts with (the record names the file).
    static func reason(_ error: Error, path: String) -> String {
        let text = "\(error)"
        return text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text
    }
}
