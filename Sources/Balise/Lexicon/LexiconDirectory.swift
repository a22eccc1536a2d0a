import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of a lexicon file: the entry and its TAB-separated fields.
public struct LexiconEntry: Sendable, Equatable {
    public var text: String
    public var fields: [String]

    public func field(_ index: Int) -> String? { index < fields.count ? fields[index] : nil }
}

public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// The folder of word lists (`Lexicons/`): plain UTF-8, one entry a line, `#` comments,
/// optional TAB-separated fields after the entry.
public struct LexiconDirectory: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// `$BALISE_LEXICONS`, then `share/balise/Lexicons` or `Lexicons` beside the
    /// executable, then the source tree this library was built from.
    public static func locate(executablePath: String? = nil) -> LexiconDirectory? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["BALISE_LEXICONS"], !env.isEmpty { candidates.append(env) }
        if let exe = executablePath ?? CommandLine.arguments.first {
            let dir = parentDirectory(exe)
            candidates.append(dir + "/../share/balise/Lexicons")
            candidates.append(dir + "/Lexicons")
        }
        let source = #filePath  // .../Sources/Balise/Lexicon/LexiconDirectory.swift
        var root = source
        for _ in 0..<4 { root = parentDirectory(root) }
        candidates.append(root + "/Lexicons")
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/elisions.txt") {
            return LexiconDirectory(path: candidate)
        }
        return nil
    }

    public func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: "\(path)/\(name).txt")
    }

    /// The bytes of `NAME.txt`, checked to be UTF-8.
    func bytes(_ name: String) throws -> [UInt8] {
        let file = "\(path)/\(name).txt"
        let bytes: [UInt8]
        do { bytes = try LexiconDirectory.readFile(file) } catch {
            throw LexiconError(description: "cannot read lexicon \(file): \(error)")
        }
        if let offset = UTF8Check.firstInvalidByte(bytes) {
            throw LexiconError(description: "\(file): not valid UTF-8 (byte \(offset))")
        }
        return bytes
    }

    /// The whole file, read straight into an array of its size: no chunks copied, no
    /// buffer zeroed first (every start-up reads 4 MB of lexicons).
    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = try InputFiles.openForReading(path)
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? max(0, Int(info.st_size)) : 0
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno }
                if n <= 0 { break }
                count += n
            }
        }
        // A file that grew since fstat (or reports no size) is read on to its end.
        var chunk = [UInt8](repeating: 0, count: failure == 0 && bytes.count == size ? 1 << 12 : 0)
        while failure == 0 && !chunk.isEmpty {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { failure = errno }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        if failure != 0 { throw InputError("\(path): \(String(cString: strerror(failure)))") }
        return bytes
    }

    /// All entries of `NAME.txt`.
    public func entries(_ name: String) throws -> [LexiconEntry] {
        let bytes = try self.bytes(name)
        var result: [LexiconEntry] = []
        result.reserveCapacity(bytes.count / 12)
        bytes.withUnsafeBufferPointer { all in
            forEachLine(all) { line in
                guard let first = line.first, first != UInt8(ascii: "#") else { return }
                guard let tab = line.firstIndex(of: 0x09) else {
                    result.append(LexiconEntry(text: String(decoding: line, as: UTF8.self), fields: []))
                    return
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: line[..<tab]), as: UTF8.self)
                guard !text.isEmpty else { return }
                let fields = line[(tab + 1)...].split(separator: 0x09, omittingEmptySubsequences: false)
                    .map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
                result.append(LexiconEntry(text: text, fields: fields))
            }
        }
        return result
    }
}

/// Calls `body` with every line of `bytes` (without its `\n` or `\r\n`), skipping empty lines.
func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var start = 0
    let n = bytes.count
    while start < n {
        var end = start
        while end < n && bytes[end] != 0x0A { end += 1 }
        var lineEnd = end
        if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        if lineEnd > start { body(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])) }
        start = end + 1
    }
}

/// The directory part of a path (`a/b/c` -> `a/b`).
func parentDirectory(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}
