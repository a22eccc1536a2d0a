import Foundation
import Testing

/// `balise batch` end to end on the built binary: exit status, errors.jsonl, dates from
/// paths, and an interruption by SIGINT followed by `--resume`.
@Suite(.serialized) struct BatchCLITests {
    private var balise: String {
        get throws { try #require(BinaryLocator.balise, "build the balise executable first (swift build)") }
    }

    /// Runs `balise ARGUMENTS` to completion; returns the status and standard error.
    private func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try balise)
        process.arguments = arguments
        let errorFile = NSTemporaryDirectory() + "balise-batch-stderr-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorFile) }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: errorFile)
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: FileManager.default.contents(atPath: errorFile) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, stderr)
    }

    @Test func aBadFileGivesExitStatusOneAndARecordWhileGoodFilesAreWritten() throws {
        let tree = try BatchTree("cli-bad")
        defer { tree.remove() }
        try tree.add("a/bon.txt", "La BCE a relevé ses taux.")
        try tree.add("a/mauvais.txt", bytes: [0x41, 0xC3])
        let result = try run(["batch", tree.input, "--output", tree.output, "--jobs", "2"])
        #expect(result.status == 1)
        #expect(tree.outputFiles == ["a/bon.jsonl", "errors.jsonl"])
        #expect(try tree.read("errors.jsonl") == #"{"file":"a/mauvais.txt","reason":"not valid UTF-8 (invalid byte at offset 1)"}"# + "\n")
        #expect(result.stderr.contains("2 files: 1 written, 0 skipped as complete, 1 with errors"))
        #expect(result.stderr.contains("1 error recorded in \(tree.output)/errors.jsonl"))

        try FileManager.default.removeItem(atPath: tree.input + "/a/mauvais.txt")
        let clean = try run(["batch", tree.input, "--output", tree.output, "--quiet"])
        #expect(clean.status == 0)
        #expect(clean.stderr == "")
        #expect(tree.outputFiles == ["a/bon.jsonl"])
    }

    @Test func dateFromPathOnTheCommandLine() throws {
        let tree = try BatchTree("cli-date")
        defer { tree.remove() }
        try tree.add("2024/10/01/brève.txt", "Il est venu hier.")
        let result = try run(["batch", tree.input, "-o", tree.output, "--format", "json",
                              "--date-from-path", #"(?<year>\d{4})/(?<month>\d{2})/(?<day>\d{2})/"#])
        #expect(result.status == 0)
        let doc = try tree.read("2024/10/01/brève.json")
        #expect(doc.contains("\n  \"date\": \"2024-10-01\""))
        #expect(doc.contains("\"timex\": \"2024-09-30\""))
        let bad = try run(["batch", tree.input, "-o", tree.output, "--date-from-path", #"(?<year>\d{4})"#])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("name all three groups year, month and day"))
    }

    @Test func sigintStopsWithNoPartialOutputAndResumeCompletesTheBatch() throws {
        let tree = try BatchTree("cli-stop")
        defer { tree.remove() }
        let paragraph = String(repeating: "Le 3 octobre, Bruno Le Maire a annoncé à Bercy un plan de 12 milliards d’euros. ", count: 20)
        let count = 240
        for k in 0..<count { try tree.add("lot\(k % 4)/f\(k).txt", "Article \(k). " + paragraph) }
        var lines = ""
        for k in 0..<400 { lines += #"{"id":"l\#(k)","text":"Article \#(k) à Lyon."}"# + "\n" }
        try tree.add("lot0/a-long.jsonl", lines)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try balise)
        process.arguments = ["batch", tree.input, "-o", tree.output, "--jobs", "1", "--quiet"]
        try process.run()
        // Interrupt once the workers have written a few outputs.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && tree.outputFiles.filter({ $0.hasSuffix(".jsonl") }).count < 3 && Date() < deadline {
            usleep(5_000)
        }
        #expect(process.isRunning, "the batch ended before it could be interrupted")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)

        let done = tree.outputFiles
        #expect(done.allSatisfy { !$0.contains(".balise-tmp-") })
        #expect(done.count >= 3 && done.count < count + 1)
        for path in done {
            // Each output present is whole: one complete document named after its input.
            let docs = try tree.documents(path)
            if path.hasSuffix("a-long.jsonl") {
                #expect(docs.count == 400)
            } else {
                #expect(docs.count == 1)
                #expect(docs.first?["id"] as? String == String(path.dropLast(6)))
            }
        }

        let resumed = try run(["batch", tree.input, "-o", tree.output, "--resume"])
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("\(count + 1) files: \(count + 1 - done.count) written, \(done.count) skipped as complete, 0 with errors"))
        #expect(tree.outputFiles.count == count + 1)
        #expect(tree.outputFiles.allSatisfy { !$0.contains(".balise-tmp-") })
    }
}
