#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// What `balise batch` does, independent of the command line.
public struct BatchConfiguration: Sendable {
    public var inputDirectory: String
    public var outputDirectory: String
    public var format: BatchFormat = .jsonl
    /// Worker threads, each with its own annotator.
    public var jobs: Int = availableProcessors()
    /// The date of documents that get none from their JSON line or their path.
    public var date: CalendarDay?
    /// A `DateFromPath` pattern.
    public var datePattern: String?
    public var types: Set<EntityType>?
    public var explain = false
    /// Skips inputs whose output is complete and newer than the input.
    public var resume = false

    public init(inputDirectory: String, outputDirectory: String) {
        self.inputDirectory = inputDirectory
        self.outputDirectory = outputDirectory
    }
}

/// The outcome of a batch.
public struct BatchSummary: Sendable {
    /// Input files found (including skipped and failed ones).
    public var files = 0
    public var written = 0
    /// Skipped by `--resume` as already complete.
    public var skipped = 0
    /// Files with at least one problem (a .jsonl with bad lines is also written).
    public var failed = 0
    public var documents = 0
    public var entities: [EntityType: Int] = [:]
    /// Problems recorded in `errors.jsonl` (carried over ones included).
    public var errors = 0
    /// Input bytes read (skipped files excluded).
    public var bytes = 0
    public var seconds = 0.0
    public var jobs = 0
    /// Files the `--date-from-path` pattern gave no date.
    public var undatedByPath = 0
    /// Stopped by a signal (or a `StopFlag`) before the end: outputs not written are
    /// missing, none is partial; `--resume` completes them.
    public var interrupted = false
    public var errorLog: String?

    /// A few lines for standard error.
    public var report: String {
        let mb = Double(bytes) / 1e6
        let rate = seconds > 0 ? mb / seconds : 0
        let docRate = seconds > 0 ? Double(documents) / seconds : 0
        var lines: [String] = []
        lines.append("\(files) files: \(written) written, \(skipped) skipped as complete, \(failed) with errors\(interrupted ? ", \(files - written - skipped - failed) not done (interrupted)" : "")")
        lines.append("\(documents) documents, \(BatchProgress.Snapshot.decimal(mb)) MB in \(BatchProgress.Snapshot.decimal(seconds)) s: \(BatchProgress.Snapshot.decimal(rate)) MB/s, \(Int(docRate)) documents/s, \(jobs) worker\(jobs == 1 ? "" : "s")")
        let total = entities.values.reduce(0, +)
        lines.append("entities: \(total) (" + EntityType.allCases.map { "\($0.rawValue) \(entities[$0] ?? 0)" }.joined(separator: ", ") + ")")
        if undatedByPath > 0 { lines.append("\(undatedByPath) files got no date from their path") }
        if errors > 0, let errorLog { lines.append("\(errors) error\(errors == 1 ? "" : "s") recorded in \(errorLog)") }
        if interrupted { lines.append("interrupted: run again with --resume to complete") }
        return lines.joined(separator: "\n")
    }
}

public struct BatchSetupError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Runs a batch: walks the input tree on the calling thread, feeds a bounded queue,
/// and lets `jobs` worker threads annotate one file each at a time with their own
/// annotator (annotators are not thread-safe; the extractor is shared).
public final class BatchRunner {
    public let configuration: BatchConfiguration
    private let extractor: Extractor
    private let stop: StopFlag
    private let datePattern: DateFromPath?

    public init(configuration: BatchConfiguration, extractor: Extractor, stop: StopFlag = .signals) throws {
        self.configuration = configuration
        self.extractor = extractor
        self.stop = stop
        do {
            datePattern = try configuration.datePattern.map(DateFromPath.init(pattern:))
        } catch {
            throw BatchSetupError(description: "\(error)")
        }
    }

    /// Runs the batch. `progress`, when given, is called about five times a second from
    /// another thread, and once more at the end.
    public func run(progress report: (@Sendable (BatchProgress.Snapshot, _ finished: Bool) -> Void)? = nil) throws -> BatchSummary {
        let config = configuration
        let input = config.inputDirectory
        var info = stat()
        guard stat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw BatchSetupError(description: "\(input): not a directory")
        }
        do { try makeDirectories(config.outputDirectory) } catch {
            throw BatchSetupError(description: "\(error)")
        }
        if FileIdentity(path: input) == FileIdentity(path: config.outputDirectory) {
            throw BatchSetupError(description: "the output directory must differ from the input directory")
        }
        for (name, content) in config.format.directoryFiles() {
            let file = try AtomicFile(path: config.outputDirectory + "/" + name)
            try file.write(content)
            try file.commit()
        }

        let progress = BatchProgress()
        let errors = ErrorLog(outputRoot: config.outputDirectory, keepingEarlier: config.resume)
        // What an earlier run that died on an internal error left in flight (see `CrashJournal`).
        let earlier = config.resume ? CrashJournal.read(outputRoot: config.outputDirectory) : CrashJournal.Reading()
        let journal: CrashJournal
        do { journal = try CrashJournal(outputRoot: config.outputDirectory, bad: earlier.bad, pending: earlier.retry) } catch {
            throw BatchSetupError(description: "\(error)")
        }
        let leftOut = Set(earlier.bad), retried = Set(earlier.retry)
        let totals = Locked(WorkerTally())
        // First, alone: if one of them stops balise again, the journal names it and no other file.
        if !earlier.retry.isEmpty {
            let annotator: Annotator
            do { annotator = try extractor.makeAnnotator() } catch {
                throw BatchSetupError(description: "cannot make an annotator: \(error)")
            }
            let worker = FileAnnotation(annotator: annotator, configuration: config, errors: errors, progress: progress,
                                        stop: stop, journal: journal, alone: true)
            for file in earlier.retry where !stop.isRequested {
                if let job = job(for: file) { worker.process(job) }
            }
            totals.withLock { $0.add(worker.tally) }
        }
        // A few hundred small jobs (a path, a date) cost little memory and let the walk run
        // ahead of the workers without waking them for every file.
        let queue = WorkQueue<FileJob>(capacity: 256, stop: stop)
        let tree = InputTree(root: input, excluding: config.outputDirectory)
        let fatal = Locked<String?>(nil)
        let finished = StopFlag()

        let workers = (0..<max(1, config.jobs)).map { _ in
            WorkerThread { [extractor, stop] in
                let annotator: Annotator
                do { annotator = try extractor.makeAnnotator() } catch {
                    fatal.withLock { $0 = $0 ?? "cannot make an annotator: \(error)" }
                    stop.request()
                    return
                }
                let worker = FileAnnotation(annotator: annotator, configuration: config, errors: errors, progress: progress, stop: stop,
                                            journal: journal)
                while let job = queue.pop() {
                    if worker.process(job) == .interrupted { break }
                }
                let tally = worker.tally
                totals.withLock { $0.add(tally) }
            }
        }
        var helpers: [WorkerThread] = []
        if let report {
            helpers.append(WorkerThread { [stop] in
                InputTree(root: input, excluding: config.outputDirectory).survey(progress: progress, until: { stop.isRequested || finished.isRequested })
            })
            helpers.append(WorkerThread {
                let monitor = Monitor()
                while !finished.isRequested {
                    report(progress.snapshot, false)
                    monitor.locked { monitor.wait(seconds: 0.2) }
                }
            })
        }

        var summary = BatchSummary()
        tree.walk { event in
            if stop.isRequested { return false }
            switch event {
            case .problem(let path, let reason):
                summary.files += 1
                summary.failed += 1
                progress.filesFailed.add(1, ordering: .relaxed)
                progress.filesDone.add(1, ordering: .relaxed)
                errors.record(BatchError(file: path, reason: reason))
                return true
            case .file(let file):
                summary.files += 1
                if config.resume && isComplete(file) {
                    summary.skipped += 1
                    errors.carryOver(file: file.relativePath)
                    progress.filesSkipped.add(1, ordering: .relaxed)
                    progress.bytesSkipped.add(file.size, ordering: .relaxed)
                    progress.filesDone.add(1, ordering: .relaxed)
                    return true
                }
                if leftOut.contains(file.relativePath) {
                    summary.failed += 1
                    errors.record(BatchError(file: file.relativePath, reason: CrashJournal.badFileReason))
                    progress.filesFailed.add(1, ordering: .relaxed)
                    progress.filesDone.add(1, ordering: .relaxed)
                    return true
                }
                var date = config.date
                if let datePattern {
                    if let day = datePattern.day(in: file.relativePath) { date = day } else { summary.undatedByPath += 1 }
                }
                // Done first, alone.
                if retried.contains(file.relativePath) { return true }
                return queue.push(FileJob(input: file, date: date))
            }
        }
        queue.close()
        for worker in workers { worker.join() }
        journal.finish(bad: earlier.bad)
        finished.request()
        for helper in helpers { helper.join() }

        let tally = totals.withLock { $0 }
        summary.written = tally.written
        summary.failed += tally.failed
        summary.documents = tally.documents
        summary.bytes = tally.bytes
        for (k, type) in EntityType.allCases.enumerated() { summary.entities[type] = tally.entities[k] }
        summary.seconds = monotonicNow() - progress.started
        summary.jobs = max(1, config.jobs)
        summary.interrupted = stop.isRequested
        try errors.finish()
        summary.errors = errors.count
        if summary.errors > 0 { summary.errorLog = config.outputDirectory + "/" + ErrorLog.fileName }
        report?(progress.snapshot, true)
        if let message = fatal.withLock({ $0 }) { throw BatchSetupError(description: message) }
        return summary
    }

    /// The job of an input file named by its relative path (a file to retry), nil when it is
    /// gone or no longer an input.
    private func job(for relativePath: String) -> FileJob? {
        var info = stat()
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        guard stat(configuration.inputDirectory + "/" + relativePath, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let kind = BatchInput.kind(ofName: name) else { return nil }
        return FileJob(input: BatchInput(relativePath: relativePath, kind: kind, status: info), date: datePattern?.day(in: relativePath) ?? configuration.date)
    }

    /// Removes the temporary outputs that the batch process `pid` left in `outputDirectory`
    /// when it died without a chance to remove them (SIGKILL, an internal error).
    public static func removeTemporaries(leftBy pid: Int32, in outputDirectory: String) {
        AtomicFile.removeTemporaries(of: pid, under: outputDirectory)
    }

    /// The output exists (it is renamed into place only when whole) and is not older
    /// than the input.
    private func isComplete(_ input: BatchInput) -> Bool {
        var info = stat()
        let path = configuration.outputDirectory + "/" + configuration.format.outputPath(for: input)
        guard stat(path, &info) == 0 else { return false }
        return info.modifiedNanoseconds >= input.modified
    }
}

extension InputTree {
    /// Counts the files and bytes ahead of the workers, for the progress bar's totals.
    func survey(progress: BatchProgress, until done: () -> Bool) {
        var files = 0, bytes = 0
        var complete = true
        walk { event in
            if done() { complete = false; return false }
            files += 1
            if case .file(let input) = event { bytes += input.size }
            return true
        }
        if complete {
            progress.totalBytes.store(bytes, ordering: .relaxed)
            progress.totalFiles.store(files, ordering: .relaxed)
        }
    }
}

/// A value behind a mutex that escaping closures can share (a `Mutex` itself cannot be
/// captured: it is not copyable).
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<T>(_ body: (inout Value) -> T) -> T { mutex.withLock { body(&$0) } }
}
