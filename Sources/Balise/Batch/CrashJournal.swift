#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a batch started and finished, in `OUTPUT_DIR/.balise-journal`, so that a run
/// that died on an internal error (a trap in the annotator, which no handler can catch and
/// which takes every worker with it) can be resumed without dying on the same file again.
///
/// One line a file event, appended with `O_APPEND` (a short line is written whole):
/// `S path` a worker started the file, `R path` it was started alone, `E path` it ended
/// (written, failed or abandoned), `B path` an earlier run found it stops balise.
/// Reading the journal of a dead run (`--resume`): a file started alone and never ended is
/// the one balise died on (bad); files started beside others and never ended may be
/// innocent (other workers' files in flight) and are retried one at a time, so that a
/// second death names one file. A run that ends normally keeps only the `B` lines (or no
/// journal when there are none): `--resume` goes on leaving those files out.
final class CrashJournal: @unchecked Sendable {
    static let fileName = ".balise-journal"
    static let badFileReason = "balise stopped on an internal error while annotating this file in an earlier run: "
        + "left out (please report it with the file); remove it from OUTPUT_DIR/.balise-journal to try it again"

    /// What a dead run's journal says.
    struct Reading: Equatable {
        /// Files that stop balise: left out and listed as errors.
        var bad: [String] = []
        /// Files in flight beside others when balise stopped: to retry one at a time.
        var retry: [String] = []
    }

    let path: String
    private var fd: Int32

    /// Starts a new journal (any earlier one is replaced) holding the known `bad` files, and
    /// the `pending` files of a dead run as started: retried first, each is ended or found
    /// bad before this run can die elsewhere, or stays to retry.
    init(outputRoot: String, bad: [String], pending: [String] = []) throws {
        path = outputRoot + "/" + CrashJournal.fileName
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw InputError("\(path): cannot create: \(String(cString: strerror(errno)))") }
        for file in bad { append("B", file) }
        for file in pending { append("S", file) }
    }

    deinit { if fd >= 0 { close(fd) } }

    func started(_ file: String, alone: Bool) { append(alone ? "R" : "S", file) }
    func ended(_ file: String) { append("E", file) }

    /// At the end of a run that did not die: the journal is no longer needed unless it
    /// names bad files, which a later `--resume` must still leave out.
    func finish(bad: [String]) {
        close(fd)
        fd = -1
        if bad.isEmpty { unlink(path) }
    }

    /// The journal left in `outputRoot` by an earlier run, if any.
    static func read(outputRoot: String) -> Reading {
        guard let bytes = try? InputFiles.readBytes(outputRoot + "/" + fileName) else { return Reading() }
        var order: [String] = []
        var state: [String: UInt8] = [:]
        for line in bytes.split(separator: 0x0A) where line.count > 2 && line[line.startIndex + 1] == 0x20 {
            let file = unescape(String(decoding: line.dropFirst(2), as: UTF8.self))
            let event = line[line.startIndex]
            if state[file] == nil { order.append(file) }
            // A known bad file stays bad whatever follows.
            if state[file] != UInt8(ascii: "B") { state[file] = event }
        }
        var reading = Reading()
        for file in order {
            switch state[file] {
            case UInt8(ascii: "B"), UInt8(ascii: "R"): reading.bad.append(file)
            case UInt8(ascii: "S"): reading.retry.append(file)
            default: break
            }
        }
        return reading
    }

    private func append(_ event: String, _ file: String) {
        guard fd >= 0 else { return }
        var line = event + " " + CrashJournal.escape(file) + "\n"
        line.withUTF8 { _ = write(fd, $0.baseAddress, $0.count) }
    }

    /// Paths may hold any byte but NUL: the line break and the backslash are escaped.
    static func escape(_ file: String) -> String {
        guard file.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\n" }) else { return file }
        var out = String.UnicodeScalarView()
        for c in file.unicodeScalars {
            switch c {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            default: out.append(c)
            }
        }
        return String(out)
    }

    static func unescape(_ text: String) -> String {
        guard text.unicodeScalars.contains("\\") else { return text }
        var out = String.UnicodeScalarView()
        var escaped = false
        for c in text.unicodeScalars {
            if escaped { out.append(c == "n" ? "\n" : c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return String(out)
    }
}
