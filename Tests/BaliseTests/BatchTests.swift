import Balise
import Foundation
import Testing

/// A directory tree of input files under the system's temporary directory.
struct BatchTree {
    let root: String
    var input: String { root + "/in" }
    var output: String { root + "/out" }

    init(_ label: String) throws {
        root = NSTemporaryDirectory() + "balise-batch-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
    }

    func add(_ relativePath: String, _ text: String) throws {
        try add(relativePath, bytes: Array(text.utf8))
    }

    func add(_ relativePath: String, bytes: [UInt8]) throws {
        let path = input + "/" + relativePath
        try FileManager.default.createDirectory(atPath: String(path[..<path.lastIndex(of: "/")!]), withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Every file under `directory`, relative to it, sorted.
    static func files(under directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let name = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(name)
            }
        }
        return found.sorted()
    }

    var outputFiles: [String] { Self.files(under: output) }

    func read(_ outputPath: String) throws -> String {
        try String(contentsOfFile: output + "/" + outputPath, encoding: .utf8)
    }

    /// The JSON objects of a JSON Lines output file.
    func documents(_ outputPath: String) throws -> [[String: Any]] {
        try read(outputPath).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// `errors.jsonl` as (file, line, reason), sorted by file and line.
    func errors() throws -> [(file: String, line: Int?, reason: String)] {
        guard FileManager.default.fileExists(atPath: output + "/errors.jsonl") else { return [] }
        return try documents("errors.jsonl").map { ($0["file"] as! String, $0["line"] as? Int, $0["reason"] as! String) }
            .sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
    }

    func run(_ configure: (inout BatchConfiguration) -> Void = { _ in }, stop: StopFlag = StopFlag()) throws -> BatchSummary {
        var configuration = BatchConfiguration(inputDirectory: input, outputDirectory: output)
        configuration.jobs = 2
        configure(&configuration)
        return try BatchRunner(configuration: configuration, extractor: Shared.extractor, stop: stop).run()
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct BatchTests {
    // MARK: - Paths and dates

    @Test func outputPathKeepsTheRelativePathWithTheFormatsExtension() {
        let text = BatchInput(relativePath: "a/b.txt", kind: .text, size: 1, modified: 0)
        let lines = BatchInput(relativePath: "a/c.d.jsonl", kind: .jsonLines, size: 1, modified: 0)
        #expect(BatchFormat.jsonl.outputPath(for: text) == "a/b.jsonl")
        #expect(BatchFormat.json.outputPath(for: text) == "a/b.json")
        #expect(BatchFormat.conll.outputPath(for: lines) == "a/c.d.conll")
        #expect(BatchFormat.html.outputPath(for: text) == "a/b.html")
        #expect(BatchFormat.brat.outputPath(for: text) == "a/b.ann")
        #expect(BatchFormat.brat.outputPath(for: lines) == "a/c.d.brat")
        #expect(BatchInput.kind(ofName: "x.txt") == .text)
        #expect(BatchInput.kind(ofName: "x.jsonl") == .jsonLines)
        #expect(BatchInput.kind(ofName: "x.json") == nil)
        #expect(BatchInput.kind(ofName: ".txt") == nil)
    }

    @Test func dateFromPathReadsThreeGroupsInOrder() throws {
        let pattern = try DateFromPath(pattern: #"(\d{4})/(\d{2})/(\d{2})/"#)
        #expect(pattern.day(in: "presse/2024/10/01/article.txt") == CalendarDay(year: 2024, month: 10, day: 1))
        #expect(pattern.day(in: "2024/02/30/article.txt") == nil)  // no such day
        #expect(pattern.day(in: "divers/article.txt") == nil)
    }

    @Test func dateFromPathReadsNamedGroupsInAnyOrder() throws {
        let pattern = try DateFromPath(pattern: #"(?<day>\d{2})-(?<month>\d{2})-(?<year>\d{4})"#)
        #expect(pattern.day(in: "lot-3/29-02-2024.txt") == CalendarDay(year: 2024, month: 2, day: 29))
        #expect(pattern.day(in: "29-02-2023.txt") == nil)
        #expect(throws: DateFromPath.PatternError.self) { try DateFromPath(pattern: #"(?<year>\d{4})/(\d{2})"#) }
        #expect(throws: DateFromPath.PatternError.self) { try DateFromPath(pattern: "(unclosed") }
    }

    // MARK: - Walking

    @Test func walkIsRecursiveSortedAndSkipsHiddenOtherAndOutputFiles() throws {
        let tree = try BatchTree("walk")
        defer { tree.remove() }
        for path in ["b.txt", "a.jsonl", "notes.md", ".cache/x.txt", "z/y/c.txt", "z/d.txt", "out/old.txt"] {
            try tree.add(path, "x")
        }
        var seen: [String] = []
        InputTree(root: tree.input, excluding: tree.input + "/out").walk { event in
            if case .file(let input) = event { seen.append(input.relativePath) }
            return true
        }
        #expect(seen == ["a.jsonl", "b.txt", "z/d.txt", "z/y/c.txt"])
    }

    @Test func twoInputsWithTheSameOutputAreAProblemNotAnOverwrite() throws {
        let tree = try BatchTree("clash")
        defer { tree.remove() }
        try tree.add("a.jsonl", #"{"id":"j","text":"Paris."}"# + "\n")
        try tree.add("a.txt", "Lyon.")
        let summary = try tree.run()
        #expect(summary.written == 1)
        #expect(summary.errors == 1)
        let errors = try tree.errors()
        #expect(errors.map(\.file) == ["a.txt"])
        #expect(errors.first?.reason == "same output as a.jsonl: rename one of them")
        #expect(try tree.documents("a.jsonl").map { $0["id"] as? String } == ["j"])
    }

    // MARK: - Running

    @Test func everyInputGivesOneOutputUnderTheSameRelativePath() throws {
        let tree = try BatchTree("tree")
        defer { tree.remove() }
        try tree.add("une.txt", "Emmanuel Macron était à Marseille.")
        try tree.add("2024/10/brèves.txt", "Il a payé 12 000 euros.")
        try tree.add("2024/lot.jsonl", #"{"id":"l1","text":"Rien."}"# + "\n\n" + #"{"text":"Toujours rien."}"# + "\n")
        let summary = try tree.run()
        #expect(tree.outputFiles == ["2024/10/brèves.jsonl", "2024/lot.jsonl", "une.jsonl"])
        #expect((summary.files, summary.written, summary.failed, summary.documents, summary.errors) == (3, 3, 0, 4, 0))
        #expect(summary.entities[.money] == 1)
        let brief = try tree.documents("2024/10/brèves.jsonl")
        #expect(brief.count == 1)
        #expect(brief[0]["id"] as? String == "2024/10/brèves")
        #expect(try tree.documents("2024/lot.jsonl").map { $0["id"] as? String } == ["l1", "2024/lot-3"])
        #expect(!FileManager.default.fileExists(atPath: tree.output + "/errors.jsonl"))
    }

    @Test func badFilesAndBadLinesAreRecordedAndTheRestIsWritten() throws {
        let tree = try BatchTree("bad")
        defer { tree.remove() }
        try tree.add("bon.txt", "Lyon.")
        try tree.add("latin1.txt", bytes: Array("Caf".utf8) + [0xE9, 0x2E])
        let lines = [#"{"id":"l1","text":"Un."}"#, #"{"id":"l2","text":"#, #"{"id":"l3","text":"x"#, #"{"id":"l4","date":"2024-13-01","text":"y"}"#, #"{"id":"l5","text":"Cinq."}"#]
        var bytes = Array(lines[0...1].joined(separator: "\n").utf8) + [0x0A]
        bytes += Array(lines[2].utf8) + [0xFF] + Array("\"}".utf8) + [0x0A]
        bytes += Array(lines[3...4].joined(separator: "\n").utf8) + [0x0A]
        try tree.add("lot.jsonl", bytes: bytes)
        let summary = try tree.run()
        #expect((summary.files, summary.written, summary.failed, summary.errors) == (3, 1, 2, 4))
        let errors = try tree.errors()
        #expect(errors.map(\.file) == ["latin1.txt", "lot.jsonl", "lot.jsonl", "lot.jsonl"])
        #expect(errors.map(\.line) == [nil, 2, 3, 4])
        #expect(errors[0].reason == "not valid UTF-8 (invalid byte at offset 3)")
        #expect(errors[2].reason == "not valid UTF-8 (invalid byte at offset 20 of the line)")
        #expect(errors[3].reason.hasPrefix("bad \"date\""))
        #expect(try tree.documents("lot.jsonl").map { $0["id"] as? String } == ["l1", "l5"])
        #expect(tree.outputFiles == ["bon.jsonl", "errors.jsonl", "lot.jsonl"])
    }

    @Test func resumeSkipsCompleteOutputsRedoesTheRestAndKeepsEarlierErrors() throws {
        let tree = try BatchTree("resume")
        defer { tree.remove() }
        for k in 1...4 { try tree.add("d\(k).txt", "Document \(k) à Paris.") }
        try tree.add("lot.jsonl", #"{"id":"l1","text":"Un."}"# + "\n" + "pas du JSON\n")
        let first = try tree.run()
        #expect((first.written, first.failed, first.errors) == (4, 1, 1))

        try FileManager.default.removeItem(atPath: tree.output + "/d2.jsonl")
        try tree.add("d3.txt", "Document trois à Lyon.")
        // An input edited after its output was written.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: tree.input + "/d3.txt")

        let second = try tree.run { $0.resume = true }
        #expect((second.files, second.skipped, second.written, second.documents) == (5, 3, 2, 2))
        #expect(second.errors == 1)  // lot.jsonl was skipped: its bad line is carried over
        #expect(try tree.errors().map { "\($0.file):\($0.line ?? 0)" } == ["lot.jsonl:2"])
        #expect(try tree.documents("d3.jsonl").first?["text"] as? String == "Document trois à Lyon.")
        #expect(tree.outputFiles == ["d1.jsonl", "d2.jsonl", "d3.jsonl", "d4.jsonl", "errors.jsonl", "lot.jsonl"])
    }

    @Test func documentDateComesFromTheLineThenThePathThenTheOption() throws {
        let tree = try BatchTree("dates")
        defer { tree.remove() }
        try tree.add("2024/10/01/a.txt", "Il est venu hier.")
        try tree.add("2024/10/01/lot.jsonl", #"{"id":"propre","date":"2020-05-01","text":"Il est venu hier."}"# + "\n" + #"{"id":"sans","text":"Il est venu hier."}"# + "\n")
        try tree.add("divers/b.txt", "Il est venu hier.")
        let summary = try tree.run {
            $0.datePattern = #"(\d{4})/(\d{2})/(\d{2})/"#
            $0.date = CalendarDay(iso: "2023-01-01")
        }
        #expect(summary.undatedByPath == 1)
        func dates(_ path: String) throws -> [String] {
            try tree.documents(path).map { doc in
                let timex = ((doc["entities"] as? [[String: Any]])?.first?["value"] as? [String: Any])?["timex"] as? String
                return "\(doc["date"] as? String ?? "-") \(timex ?? "-")"
            }
        }
        #expect(try dates("2024/10/01/a.jsonl") == ["2024-10-01 2024-09-30"])
        #expect(try dates("2024/10/01/lot.jsonl") == ["2020-05-01 2020-04-30", "2024-10-01 2024-09-30"])
        #expect(try dates("divers/b.jsonl") == ["2023-01-01 2022-12-31"])
    }

    @Test func bratOutputGivesPairsForTextAndAFolderForJSONLines() throws {
        let tree = try BatchTree("brat")
        defer { tree.remove() }
        try tree.add("a/b.txt", "Emmanuel Macron.")
        try tree.add("a/c.jsonl", #"{"id":"x/1","date":"2024-10-01","text":"Lyon."}"# + "\n" + #"{"id":"x/1","text":"Nice."}"# + "\n")
        let summary = try tree.run { $0.format = .brat }
        #expect(summary.errors == 0)
        #expect(tree.outputFiles == ["a/b.ann", "a/b.txt", "a/c.brat/x_1-2.ann", "a/c.brat/x_1-2.txt", "a/c.brat/x_1.ann",
                                     "a/c.brat/x_1.meta", "a/c.brat/x_1.txt", "annotation.conf", "kb_shortcuts.conf", "visual.conf"])
        #expect(try tree.read("a/b.txt") == "Emmanuel Macron.")
        #expect(try tree.read("a/b.ann") == "T1\tPER 0 15\tEmmanuel Macron\n")
    }

    @Test func aStopBeforeTheStartWritesNothingAndLeavesNoTemporaryFile() throws {
        let tree = try BatchTree("stop")
        defer { tree.remove() }
        for k in 1...5 { try tree.add("d\(k).txt", "Paris.") }
        try tree.add("lot.jsonl", #"{"text":"Paris."}"# + "\n")
        let stop = StopFlag()
        stop.request()
        let summary = try tree.run({ _ in }, stop: stop)
        #expect(summary.interrupted)
        #expect(summary.written == 0)
        #expect(tree.outputFiles == [])
    }

    // MARK: - Parts

    @Test func workQueueHandsEveryItemOnceInOrderAcrossThreads() {
        let stop = StopFlag()
        let queue = WorkQueue<Int>(capacity: 3, stop: stop)
        let received = ReceivedItems()
        let consumer = Thread {
            while let item = queue.pop() { received.append(item) }
            received.finish()
        }
        consumer.start()
        for k in 0..<200 { #expect(queue.push(k)) }
        queue.close()
        #expect(received.waitForFinish() == Array(0..<200))
        let stopped = WorkQueue<Int>(capacity: 1, stop: stop)
        #expect(stopped.push(1))
        stop.request()
        #expect(!stopped.push(2))
        #expect(stopped.pop() == nil)
    }

    @Test func progressLineShowsFilesMegabytesRateAndETA() {
        let snapshot = BatchProgress.Snapshot(files: 50, skipped: 0, failed: 2, bytes: 5_000_000, documents: 100,
                                              totalFiles: 200, totalBytes: 20_000_000, seconds: 10, bytesProcessed: 5_000_000)
        #expect(snapshot.progressLine(width: 80) == "[#####...............] 50/200 files  5.0/20.0 MB  10 docs/s  ETA 0:30  2 failed")
        let early = BatchProgress.Snapshot(files: 3, skipped: 0, failed: 0, bytes: 1_250_000, documents: 3,
                                           totalFiles: nil, totalBytes: nil, seconds: 0.2, bytesProcessed: 1_250_000)
        #expect(early.progressLine(width: 80) == "3 files  1.3 MB  15 docs/s  ETA ?")
    }
}

/// What a consumer thread received, handed back when it is done.
private final class ReceivedItems: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Int] = []
    private var finished = false

    func append(_ item: Int) { condition.lock(); items.append(item); condition.unlock() }

    func finish() { condition.lock(); finished = true; condition.broadcast(); condition.unlock() }

    func waitForFinish() -> [Int] {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        return items
    }
}
