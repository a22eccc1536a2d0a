import Foundation
import Testing

/// `balise annotate` end to end on the built binary: protocol, order, ids, errors, exit codes.
@Suite struct AnnotateCLITests {
    private func json(_ line: Substring) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func plainTextFilesGiveOneDocumentEachNamedAfterTheFile() throws {
        let dir = try BinaryLocator.temporaryDirectory()
        try write("Sam Altman a levé 6,6 milliards de dollars.", to: dir + "/premier.txt")
        try write("", to: dir + "/vide.txt")
        let r = try BinaryLocator.run(["annotate", "--format", "jsonl", "--date", "2024-10-01", dir + "/premier.txt", dir + "/vide.txt"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = json(lines[0]), second = json(lines[1])
        #expect(first["id"] as? String == "premier")
        #expect(first["date"] as? String == "2024-10-01")
        let money = (first["entities"] as? [[String: Any]] ?? []).first { $0["type"] as? String == "MONEY" }
        #expect(money?["text"] as? String == "6,6 milliards de dollars")
        #expect(money?["start"] as? Int == 18)
        #expect((money?["value"] as? [String: String]) == ["amount": "6600000000", "currency": "USD"])
        #expect(second["id"] as? String == "vide")
        #expect((second["entities"] as? [Any])?.isEmpty == true)
        #expect(second["text"] as? String == "")
    }

    @Test func defaultOutputForTextIsOneIndentedJSONDocument() throws {
        let r = try BinaryLocator.run(["annotate"], input: "Il a payé 12 000 euros.")
        #expect(r.status == 0)
        let doc = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any]
        #expect(doc?["id"] as? String == "stdin")
        #expect(r.stdout.contains("\n  \"text\": "))
    }

    @Test func jsonLinesKeepOrderAndSkipBadLinesWithTheirLineNumber() throws {
        let input = """
        {"id": "a", "text": "Il a payé 12 000 euros.", "date": "2024-10-01"}
        {"id": "b", "text": 
        {"id": "c"}
        {"id": "d", "text": "La ville de Lyon.", "date": "2024-13-01"}

        {"id": "e", "text": "Rien ici."}
        """
        let r = try BinaryLocator.run(["annotate", "--input", "jsonl", "--format", "jsonl"], input: input)
        #expect(r.status == 1)
        let ids = r.stdout.split(separator: "\n").map { json($0)["id"] as? String }
        #expect(ids == ["a", "e"])
        let errors = r.stderr.split(separator: "\n")
        #expect(errors.count == 3)
        #expect(errors[0].contains("stdin:2:") && errors[0].contains("malformed JSON"))
        #expect(errors[1].contains("stdin:3:") && errors[1].contains("no \"text\""))
        #expect(errors[2].contains("stdin:4:") && errors[2].contains("date"))
        #expect(json(r.stdout.split(separator: "\n")[0])["date"] as? String == "2024-10-01")
    }

    @Test func invalidUTF8NamesTheFileAndByteOffsetAndOtherFilesAreStillDone() throws {
        let dir = try BinaryLocator.temporaryDirectory()
        var bytes = Array("Bonjour Paris ".utf8)
        bytes.append(0xC3)
        bytes.append(0x28)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/casse.txt"))
        try write("Bonjour Lyon.", to: dir + "/bon.txt")
        let r = try BinaryLocator.run(["annotate", "--format", "jsonl", dir + "/casse.txt", dir + "/bon.txt"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("casse.txt: not valid UTF-8 (invalid byte at offset 14)"))
        #expect(r.stdout.split(separator: "\n").map { json($0)["id"] as? String } == ["bon"])
    }

    @Test func missingFileIsOneLineAndTheOthersAreDone() throws {
        let dir = try BinaryLocator.temporaryDirectory()
        try write("Bonjour Lyon.", to: dir + "/bon.txt")
        let r = try BinaryLocator.run(["annotate", "--format", "jsonl", dir + "/absent.txt", dir + "/bon.txt"])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("absent.txt: No such file or directory"))
        #expect(r.stdout.split(separator: "\n").count == 1)
    }

    @Test func badOptionsAreOneLineErrorsWithStatus2() throws {
        let date = try BinaryLocator.run(["annotate", "--date", "2024-13-01"], input: "x")
        #expect(date.status == 2)
        #expect(date.stderr == "balise: error: --date must be a day YYYY-MM-DD, got '2024-13-01'\n")
        let types = try BinaryLocator.run(["annotate", "--types", "PER,FOO"], input: "x")
        #expect(types.status == 2)
        #expect(types.stderr.split(separator: "\n").count == 1)
    }

    @Test func typesFilterAndOutputFile() throws {
        let dir = try BinaryLocator.temporaryDirectory()
        let r = try BinaryLocator.run(["annotate", "--format", "jsonl", "--types", "MONEY", "--output", dir + "/out.jsonl"],
                                      input: "Sam Altman a levé 6,6 milliards de dollars à Paris.")
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOfFile: dir + "/out.jsonl", encoding: .utf8)
        let types = (json(Substring(written.split(separator: "\n")[0]))["entities"] as? [[String: Any]] ?? []).map { $0["type"] as? String }
        #expect(types == ["MONEY"])
    }

    @Test func offsetsAreCodePointsOfTheOriginal() throws {
        let text = "😀 Me\u{0301}lenchon a payé 12\u{202F}000\u{00A0}€ à Gene\u{0300}ve.\r\n"
        let r = try BinaryLocator.run(["annotate", "--format", "jsonl"], input: text)
        let doc = json(Substring(r.stdout.split(separator: "\n")[0]))
        let scalars = Array(text.unicodeScalars)
        for e in doc["entities"] as? [[String: Any]] ?? [] {
            let start = e["start"] as! Int, end = e["end"] as! Int
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[start..<end])
            #expect(String(s) == e["text"] as? String)
        }
        let money = (doc["entities"] as? [[String: Any]] ?? []).first { $0["type"] as? String == "MONEY" }
        #expect(money?["text"] as? String == "12\u{202F}000\u{00A0}€")
    }
}
