import Foundation

/// Finds the `balise` executable for end-to-end tests and runs commands.
///
/// SwiftPM on Linux cannot make a test target depend on an executable target, but
/// `swift test` builds every product into the same products directory as the test
/// bundle: the binary is looked for beside the running test executable
/// (`/proc/self/exe`, then `CommandLine.arguments[0]`), then in the newest
/// `.build*/debug/balise` under the repository root.
enum BinaryLocator {
    static let balise: String? = locate("balise")

    static func locate(_ name: String) -> String? {
        let fm = FileManager.default
        var candidates: [String] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(directory(of: exe) + "/" + name)
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            candidates.append(directory(of: first) + "/" + name)
        }
        if let found = candidates.first(where: { fm.isExecutableFile(atPath: $0) }) { return found }
        let roots = ((try? fm.contentsOfDirectory(atPath: Repository.root)) ?? []).filter { $0.hasPrefix(".build") }
        let built = roots.map { "\(Repository.root)/\($0)/debug/\(name)" }.filter { fm.isExecutableFile(atPath: $0) }
        return built.max { modified($0) < modified($1) }
    }

    private static func directory(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    }

    private static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }
}

struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program and waits for it; its output goes through files, so that a large
/// output on either stream cannot block the child.
func runCommand(_ executable: String, _ arguments: [String]) throws -> CommandResult {
    let dir = try makeTemporaryDirectory("run")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = FileManager.default.createFile(atPath: dir + "/out", contents: nil)
    _ = FileManager.default.createFile(atPath: dir + "/err", contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle(forWritingAtPath: dir + "/out")
    process.standardError = FileHandle(forWritingAtPath: dir + "/err")
    try process.run()
    process.waitUntilExit()
    func read(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: dir + "/" + name) ?? Data(), as: UTF8.self)
    }
    return CommandResult(status: process.terminationStatus, stdout: read("out"), stderr: read("err"))
}

/// A fresh directory under the system's temporary directory.
func makeTemporaryDirectory(_ label: String) throws -> String {
    let path = NSTemporaryDirectory() + "balise-\(label)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
