import Foundation

extension BinaryLocator {
    typealias Result = CommandResult

    /// Runs `balise ARGS`, with `input` on standard input (an empty one when nil).
    static func run(_ arguments: [String], input: String? = nil) throws -> CommandResult {
        guard let balise else { throw CocoaError(.fileNoSuchFile) }
        let dir = try makeTemporaryDirectory("stdin")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let inputPath = dir + "/in", outPath = dir + "/out", errPath = dir + "/err"
        FileManager.default.createFile(atPath: inputPath, contents: Data((input ?? "").utf8))
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: balise)
        process.arguments = arguments
        process.standardInput = FileHandle(forReadingAtPath: inputPath)
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        process.waitUntilExit()
        func read(_ path: String) -> String {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return CommandResult(status: process.terminationStatus, stdout: read(outPath), stderr: read(errPath))
    }

    static func temporaryDirectory() throws -> String { try makeTemporaryDirectory("cli") }
}
