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
/// order found. It is written under a temporary name and renamed at the end (or removed
/// when the batch had no problem), like every output. Workers add to it concurrently.
final class ErrorLog: Sendable {
    static let fileName = "errors.jsonl"

    private let path: String
    /// Guarded errors, kept to write the file at the end; a batch has few of them
    /// compared with its files, and a file contributes at most one per bad line.
    private let records = Mutex<[BatchError]>([])
    /// Errors of an earlier run, by file, carried over for the files that `--resume`
    /// skips (their errors are not found again).
    private let earlier: [String: [BatchError]]

    init(outputRoot: String, keepingEarlier: Bool) {
        path = outputRoot + "/" + ErrorLog.fileName
        earlier = keepingEarlier ? ErrorLog.read(path) : [:]
    }

    func record(_ error: BatchError) {
        records.withLock { $0.append(error) }
    }

    /// Carries over the earlier errors of a file that is not processed again.
    func carryOver(file: String) {
        guard let old = earlier[file] else { return }
        records.withLock { $0.append(contentsOf: old) }
    }

    var count: Int { records.withLock { $0.count } }

    var all: [BatchError] { records.withLock { $0 } }

    /// Writes (or removes) the file.
    func finish() throws {
        let errors = all
        guard !errors.isEmpty else {
            unlink(path)
            return
        }
        let file = try AtomicFile(path: path)
        for error in errors { try file.write(error.jsonLine + "\n") }
        try file.commit()
    }

    static func read(_ path: String) -> [String: [BatchError]] {
        guard let reader = try? LineReader(path: path) else { return [:] }
        var byFile: [String: [BatchError]] = [:]
        while let line = try? reader.next() {
            guard let error = try? JSONDecoder().decode(BatchError.self, from: Data(line)) else { continue }
            byFile[error.file, default: []].append(error)
        }
        return byFile
    }
}
