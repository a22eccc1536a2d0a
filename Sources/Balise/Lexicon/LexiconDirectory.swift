import FoundationEssentials

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

    /// All entries of `NAME.txt`.
    public func entries(_ name: String) throws -> [LexiconEntry] {
        let file = "\(path)/\(name).txt"
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LexiconError(description: "cannot read lexicon \(file)")
        }
        var result: [LexiconEntry] = []
        var lineNumber = 0
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw LexiconError(description: "\(file):\(lineNumber): not valid UTF-8")
            }
            let parts = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let entry = parts[0]
            if entry.isEmpty { continue }
            result.append(LexiconEntry(text: entry, fields: Array(parts.dropFirst())))
        }
        return result
    }
}

/// The directory part of a path (`a/b/c` -> `a/b`).
func parentDirectory(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}
