#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import Synchronization

/// One input problem: the file (relative to the input directory), the line for JSON
/// Lines, and the reason.
public struct BatchError: Sendable, Equatable, Codable {
    public var file: String
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `{"file": "a/b.jsonl", "line": 3, "reason": "..."}` on one line.
    public var jsonLine: String {
        var out = "{\"file\":" + JSONText.quoted(file)
        if let line { out += ",\"line\":\(line)" }
        return out + ",\"reason\":" + JSONText.quoted(reason) + "}"
    }
}

/// `OUTPUT_DIR/errors.jsonl`: every problem of the batch, one JSON object a line, in the
/// order found. Records are streamed to a temporary file as they come (memory stays flat
/// however many bad lines a corpus has) and renamed into place at the end, or removed
/// when the batch had no problem. Workers add to it concurrently.
/// `@unchecked Sendable`: the file and the counts are only touched under `monitor`.
final class ErrorLog: @unchecked Sendable {
    static let fileName = "errors.jsonl"

    private let path: String
    private let monitor = Monitor()
    private var file: AtomicFile?
    private var recorded = 0
    private var writeFailure: Error?
    /// Files with errors in the log of an earlier run (few: one entry per bad file).
    private let earlierFiles: Set<String>
    /// Those of them that `--resume` skips: their earlier errors are copied over at the
    /// end, since they are not found again.
    private var carried = Set<String>()

    init(outputRoot: String, keepingEarlier: Bool) {
        path = outputRoot + "/" + ErrorLog.fileName
        var files = Set<String>()
        if keepingEarlier { ErrorLog.forEach(in: path) { files.insert($0.file) } }
        earlierFiles = files
    }

    func record(_ error: BatchError) {
        monitor.locked { append(error.jsonLine) }
    }

    /// Keeps the earlier errors of a file that is not processed again.
    func carryOver(file: String) {
        guard earlierFiles.contains(file) else { return }
        monitor.locked { _ = carried.insert(file) }
    }

    /// Errors recorded so far, carried-over ones included once `finish` has run.
    var count: Int { monitor.locked { recorded } }

    /// Writes the carried-over errors, then renames the file into place (or removes
    /// both the temporary file and an old log when there is nothing to record).
    func finish() throws {
        try monitor.locked {
            if !carried.isEmpty {
                ErrorLog.forEach(in: path) { error in
                    if carried.contains(error.file) { append(error.jsonLine) }
                }
            }
            if let writeFailure { file?.abandon(); throw writeFailure }
            if let file {
                try file.commit()
            } else {
                unlink(path)
            }
        }
    }

    /// The caller holds the lock.
    private func append(_ line: String) {
        recorded += 1
        do {
            if file == nil { file = try AtomicFile(path: path) }
            try file?.write(line + "\n")
        } catch {
            writeFailure = writeFailure ?? error
        }
    }

    /// Streams the records of an existing log; lines that are not records are skipped.
    static func forEach(in path: String, _ body: (BatchError) -> Void) {
        guard let reader = try? LineReader(path: path) else { return }
        let decoder = JSONDecoder()
        while let line = try? reader.next() {
            guard let error = try? decoder.decode(BatchError.self, from: Data(line)) else { continue }
            body(error)
        }
    }
}
