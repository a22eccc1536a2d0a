import Foundation
import Testing

/// `balise batch` end to end on the built binary: exit status, errors.jsonl, dates from
/// paths, and an interruption by SIGINT followed by `--resume`.
@Suite(.serialized) struct BatchCLITests {
    private var balise: String {
        get throws { try #require(BinaryLocator.balise, "build the balise executable first (swift build)") }
    }

    /// Runs `balise ARGUMENTS` to completion; returns the status and standard error.
    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try balise)
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
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

    /// A trap in the annotator ends the process. The batch runs in a child that the command
    /// resumes: the files in flight are retried alone, and a file that stops balise again is
    /// left out and listed; a later `--resume` leaves it out without dying on it again.
    /// (`BALISE_TEST_TRAP_ON` makes a document holding its value trap, as a bug would.)
    @Test func aFileThatStopsBaliseIsLeftOutAndTheBatchFinishes() throws {
        let tree = try BatchTree("cli-trap")
        defer { tree.remove() }
        for k in 1...6 { try tree.add("a/bon\(k).txt", "La BCE a relevé ses taux le \(k) mars.") }
        try tree.add("b/piege.txt", "Ce texte contient PIEGE-ICI et Lyon.")
        try tree.add("b/lignes.jsonl", #"{"id":"x","text":"Lyon"}"# + "\n" + #"{"id":"y","text":"PIEGE-ICI"}"# + "\n")
        let trap = ["BALISE_TEST_TRAP_ON": "PIEGE-ICI", "SWIFT_BACKTRACE": "enable=no"]
        let good = (1...6).map { "a/bon\($0).jsonl" }
        let reason = "balise stopped on an internal error while annotating this file in an earlier run: left out "
            + "(please report it with the file); remove it from OUTPUT_DIR/.balise-journal to try it again"
        let listed = [#"{"file":"b/lignes.jsonl","reason":"\#(reason)"}"#, #"{"file":"b/piege.txt","reason":"\#(reason)"}"#]

        let result = try run(["batch", tree.input, "--output", tree.output, "--jobs", "2"], environment: trap)
        #expect(result.status == 1)
        // No temporary file left, the journal keeps the two files for `--resume`.
        #expect(tree.outputFiles == [".balise-journal"] + good + ["errors.jsonl"])
        #expect(try tree.read("errors.jsonl").split(separator: "\n").map(String.init).sorted() == listed)
        #expect(try tree.read(".balise-journal").split(separator: "\n").sorted() == ["B b/lignes.jsonl", "B b/piege.txt"])
        #expect(result.stderr.contains("balise: the batch stopped on an internal error (signal 4); resuming it"))
        // The summary is the last child's: the files written by the children before it count as complete.
        #expect(result.stderr.contains("8 files: ") && result.stderr.contains(" skipped as complete, 2 with errors"))

        let again = try run(["batch", tree.input, "--output", tree.output, "--resume", "--quiet"], environment: trap)
        #expect(again.status == 1)
        #expect(again.stderr == "")
        #expect(try tree.read("errors.jsonl").split(separator: "\n").map(String.init).sorted() == listed)

        // A run without --resume tries every file again: with the bug gone, all are written.
        let fixed = try run(["batch", tree.input, "--output", tree.output, "--quiet"])
        #expect(fixed.status == 0)
        #expect(fixed.stderr == "")
        #expect(tree.outputFiles == good + ["b/lignes.jsonl", "b/piege.jsonl"])
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
