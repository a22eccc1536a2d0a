#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input problem reported to the user in one line; the batch goes on.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

public enum InputFiles {
    /// The whole content of a file (or of standard input for `-`).
    public static func readBytes(_ path: String) throws -> [UInt8] {
        let fd: Int32 = path == "-" ? 0 : try openForReading(path)
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        _ = fstat(fd, &info)
        var bytes = [UInt8]()
        if info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError("\(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// A descriptor open for reading on a file that is not a directory.
    static func openForReading(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw InputError("\(path): is a directory")
        }
        return fd
    }

    /// A text file decoded as UTF-8; invalid UTF-8 is an error naming the byte offset.
    public static func readText(_ path: String) throws -> String {
        let bytes = try readBytes(path)
        return try decodeUTF8(bytes, name: path)
    }

    public static func decodeUTF8(_ bytes: some Collection<UInt8>, name: String) throws -> String {
        if let offset = UTF8Check.firstInvalidByte(bytes) {
            throw InputError("\(name): not valid UTF-8 (invalid byte at offset \(offset))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The file name without directories and without its last extension.
    public static func documentID(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF).
public enum UTF8Check {
    /// The offset of the first byte that does not start or continue a valid sequence.
    public static func firstInvalidByte(_ bytes: some Collection<UInt8>) -> Int? {
        bytes.withContiguousStorageIfAvailable(firstInvalidByte(in:)) ?? Array(bytes).withUnsafeBufferPointer(firstInvalidByte(in:))
    }

    private static func firstInvalidByte(in p: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = p.count
        while i < n {
            // ASCII, eight bytes at a time where possible: the common case.
            if i + 8 <= n, UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            if p[i] < 0x80 { i += 1; continue }
            guard let length = validSequenceLength(p, at: i) else { return i }
            i += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence that starts with the byte at `i`
    /// (0x80 or above), as Unicode's table of well-formed byte sequences (and the standard
    /// library's validation) has it: no overlong form, no surrogate, nothing above
    /// U+10FFFF. Nil when the bytes there are not one.
    @inline(__always)
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b0 = bytes[i]
        let n = bytes.count
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            k < n && bytes[k] >= low && bytes[k] <= high
        }
        switch b0 {
        case 0xC2...0xDF:
            return continuation(i &+ 1) ? 2 : nil
        case 0xE0:
            return continuation(i &+ 1, 0xA0) && continuation(i &+ 2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(i &+ 1) && continuation(i &+ 2) ? 3 : nil
        case 0xED:
            return continuation(i &+ 1, 0x80, 0x9F) && continuation(i &+ 2) ? 3 : nil
        case 0xF0:
            return continuation(i &+ 1, 0x90) && continuation(i &+ 2) && continuation(i &+ 3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(i &+ 1) && continuation(i &+ 2) && continuation(i &+ 3) ? 4 : nil
        case 0xF4:
            return continuation(i &+ 1, 0x80, 0x8F) && continuation(i &+ 2) && continuation(i &+ 3) ? 4 : nil
        default:
            return nil
        }
    }
}

/// Reads a file (or standard input) line by line with a fixed buffer, so that memory
/// stays flat whatever the file size.
public final class LineReader {
    private let fd: Int32
    private let ownsFD: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    public private(set) var lineNumber = 0

    public init(path: String) throws {
        if path == "-" {
            fd = 0
            ownsFD = false
        } else {
            fd = try InputFiles.openForReading(path)
            ownsFD = true
        }
        buffer = [UInt8](repeating: 0, count: 1 << 20)
    }

    deinit { if ownsFD { close(fd) } }

    /// The next line without its line terminator, or nil at the end. The slice is valid
    /// until the next call.
    public func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = nextNewline() {
                var lineEnd = newline
                if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = buffer[start..<lineEnd]
                start = newline + 1
                lineNumber += 1
                return line
            }
            if eof {
                guard start < end else { return nil }
                var lineEnd = end
                if buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = buffer[start..<lineEnd]
                start = end
                lineNumber += 1
                return line
            }
            try fill()
        }
    }

    /// The offset of the first line feed in `buffer[start..<end]`, found by `memchr`: the
    /// generic `firstIndex(of:)` read the 20 MB corpus a byte at a time (about 1 % of a
    /// whole annotation run).
    private func nextNewline() -> Int? {
        guard start < end else { return nil }
        return buffer.withUnsafeBytes { bytes -> Int? in
            guard let found = memchr(bytes.baseAddress! + start, 0x0A, end - start) else { return nil }
            return bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }

    private func fill() throws {
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { p in
                _ = memmove(p.baseAddress!, p.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + end, $0.count - end) }
        if n < 0 {
            if errno == EINTR { return }
            throw InputError("read failed: \(String(cString: strerror(errno)))")
        }
        if n == 0 { eof = true } else { end += n }
    }
}

/// Buffered output to standard output or a file.
public final class OutputSink {
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private let path: String?

    public init(path: String?) throws {
        if let path, path != "-" {
            guard let f = fopen(path, "w") else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
            file = f
            ownsFile = true
            self.path = path
        } else {
            guard let f = fdopen(1, "w") else { throw InputError("cannot write to standard output") }
            file = f
            ownsFile = false
            self.path = nil
        }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    }

    public func write(bytes: UnsafeBufferPointer<UInt8>) {
        _ = fwrite(bytes.baseAddress, 1, bytes.count, file)
    }

    public func close() throws {
        let failed = fflush(file) != 0 || ferror(file) != 0
        if ownsFile { fclose(file) }
        if failed { throw InputError("\(path ?? "stdout"): write failed") }
    }
}

/// One line on standard error.
public func printError(_ message: String) {
    var line = "balise: " + message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
