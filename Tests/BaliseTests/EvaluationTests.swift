import Balise
import Foundation
import Testing

private func doc(_ id: String, _ text: String, _ entities: [Entity]) -> AnnotatedDocument {
    AnnotatedDocument(document: Document(id: id, text: text), entities: entities)
}

private func entity(_ type: EntityType, _ start: Int, _ end: Int, _ value: EntityValue? = nil) -> Entity {
    Entity(type: type, start: start, end: end, text: "", value: value)
}

@Suite struct ScorerTests {
    @Test func strictPartialAndValueCounts() {
        let text = String(repeating: "x", count: 100)
        let gold = [doc("a", text, [
            entity(.person, 0, 10),
            entity(.person, 20, 30),
            entity(.money, 40, 50, .money(MoneyValue(amount: "6600000000", currency: "USD"))),
            entity(.date, 60, 70, .date(DateValue(timex: "2025-02", mod: .end))),
            entity(.organization, 80, 90),
        ]), doc("missing", text, [entity(.location, 0, 5)])]
        let predicted = [doc("a", text, [
            entity(.person, 0, 10),                      // strict
            entity(.person, 22, 30),                     // partial only
            entity(.money, 40, 50, .money(MoneyValue(amount: "6.6E+9", currency: "USD"))),  // same value
            entity(.date, 60, 70, .date(DateValue(timex: "2025-02"))),                      // wrong value (mod)
            entity(.location, 80, 90),                   // retyped ORG
            entity(.location, 95, 99),                   // spurious
        ]), doc("extra", text, [entity(.person, 0, 4)])]
        let e = Evaluation(gold: gold, predicted: predicted)
        let per = e.counts[.person]!
        #expect((per.gold, per.predicted, per.strictMatches, per.partialMatches) == (2, 2, 1, 2))
        #expect(per.strict == PRF(truePositives: 1, predicted: 2, gold: 2))
        #expect(per.strict.f1 == 0.5 && per.partial.f1 == 1.0)
        #expect(e.counts[.money]!.valueAccuracy == 1.0)
        #expect(e.counts[.date]!.valueAccuracy == 0.0)
        #expect(e.counts[.location]!.gold == 1 && e.counts[.location]!.predicted == 2 && e.counts[.location]!.strictMatches == 0)
        #expect(e.overall.gold == 6 && e.overall.predicted == 6 && e.overall.strictMatches == 3)
        #expect(e.confusion[.organization]?[.location] == 1)
        #expect(e.confusion[.location]?[nil] == 1)
        #expect(e.confusion[nil]?[.location] == 1)
        #expect(e.missingDocuments == ["missing"] && e.extraDocuments == ["extra"])
        #expect(e.errors.map { "\($0.kind.rawValue) \($0.entity.type.rawValue) \($0.documentID) \($0.entity.start)" } == [
            "FN PER a 20", "FP PER a 22", "VALUE DATE a 60", "FN ORG a 80", "FP LOC a 80", "FP LOC a 95", "FN LOC missing 0",
        ])
    }

    @Test func partialMatchingIsGreedyInGoldOrderAndUsesEachPredictionOnce() {
        let text = String(repeating: "x", count: 40)
        // The first gold takes the first overlapping prediction, leaving the second gold none.
        let gold = [doc("a", text, [entity(.organization, 0, 20), entity(.organization, 5, 8)])]
        let predicted = [doc("a", text, [entity(.organization, 6, 7), entity(.organization, 0, 3)])]
        #expect(Evaluation(gold: gold, predicted: predicted).counts[.organization]!.partialMatches == 1)
        let reordered = [doc("a", text, [entity(.organization, 0, 3), entity(.organization, 6, 7)])]
        #expect(Evaluation(gold: gold, predicted: reordered).counts[.organization]!.partialMatches == 2)
    }

    @Test func repeatedSpansCountOnceAndTypesRestrict() {
        let text = String(repeating: "x", count: 40)
        let gold = [doc("a", text, [entity(.person, 0, 5), entity(.person, 0, 5), entity(.date, 10, 15, .date(DateValue(timex: "2025")))])]
        let predicted = [doc("a", text, [entity(.person, 0, 5), entity(.date, 10, 15, .date(DateValue(timex: "2025")))])]
        let e = Evaluation(gold: gold, predicted: predicted, types: [.person])
        #expect(e.types == [.person] && e.counts[.date] == nil)
        #expect(e.overall.gold == 1 && e.overall.strictMatches == 1)
    }

    @Test func reportTableAndJSON() {
        let text = "Paris et Lyon"
        let gold = [doc("a", text, [entity(.location, 0, 5), entity(.location, 9, 13)])]
        let predicted = [doc("a", text, [entity(.location, 0, 5)])]
        let e = Evaluation(gold: gold, predicted: predicted, types: [.location, .money])
        let table = EvaluationReport.table(e)
        #expect(table.contains("LOC          2     1     1  1.000  0.500  0.667  1.000  0.500  0.667       \n"))
        #expect(table.contains("MONEY        0     0     0  0.000  0.000  0.000  0.000  0.000  0.000      -\n"))
        #expect(EvaluationReport.json(e) == #"{"types": {"LOC": {"gold": 2, "predicted": 1, "matched": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6666666666666666, "partial": {"matched": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6666666666666666}}, "MONEY": {"gold": 0, "predicted": 0, "matched": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0, "partial": {"matched": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}, "value_accuracy": null}}, "overall": {"gold": 2, "predicted": 1, "matched": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6666666666666666, "partial": {"matched": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6666666666666666}}, "documents": {"missing": 0, "extra": 0, "different_text": 0}}"#)
        #expect(EvaluationReport.errors(e) == "FN\tLOC\ta\t9-13\tParis et [[Lyon]]\n")
    }

    @Test func moneyAmountsCompareAsDecimals() {
        func same(_ a: String, _ b: String) -> Bool {
            let x = EntityValue.money(MoneyValue(amount: a, currency: "EUR")), y = EntityValue.money(MoneyValue(amount: b, currency: "EUR"))
            let gold = [doc("a", "xxxx", [entity(.money, 0, 4, x)])]
            let pred = [doc("a", "xxxx", [entity(.money, 0, 4, y)])]
            return Evaluation(gold: gold, predicted: pred).counts[.money]!.valueAccuracy == 1.0
        }
        #expect(same("6600000000", "6.6E9"))
        #expect(same("6600000000", "6600000000.00"))
        #expect(same("0.25", ".25"))
        #expect(same("0", "-0.0"))
        #expect(same("1_000", "1000"))
        #expect(!same("12000", "12001"))
        #expect(!same("12 000", "12000"))
        #expect(same("douze", "douze"))
        #expect(!same("NaN", "NaN"))
    }
}

/// The shared reference scorer, beside the repository on CI or in /work/shared.
private let scorePy: String? = [Repository.root + "/../shared/tools/score.py", "/work/shared/tools/score.py"]
    .first { FileManager.default.fileExists(atPath: $0) }

/// A prediction made from the gold by dropping documents and entities, shifting edges,
/// changing types and values, repeating and adding entities (left unsorted).
private func perturb(_ gold: [AnnotatedDocument], seed: UInt64) -> [AnnotatedDocument] {
    var rng = SplitMix64(seed: seed)
    var out: [AnnotatedDocument] = []
    for d in gold {
        if Double.random(in: 0..<1, using: &rng) < 0.05 { continue }
        var entities: [Entity] = []
        for var e in d.entities {
            let r = Double.random(in: 0..<1, using: &rng)
            switch r {
            case ..<0.1: continue
            case ..<0.2: e.start += [-2, -1, 1, 2].randomElement(using: &rng)!
            case ..<0.3: e.end += [-2, -1, 1, 3].randomElement(using: &rng)!
            case ..<0.4: e.type = EntityType.allCases.randomElement(using: &rng)!
            case ..<0.55:
                switch e.value {
                case .money(var m)?:
                    if let a = m.amount { m.amount = [a + ".0", a + "1", "1E3", "0" + a].randomElement(using: &rng)! }
                    if Bool.random(using: &rng) { m.currency = "USD" }
                    e.value = .money(m)
                case .date(var v)?:
                    v.mod = [DateValue.Mod.start, .end, nil].randomElement(using: &rng)!
                    if Bool.random(using: &rng) { v.timex = "XXXX" + v.timex.dropFirst(min(4, v.timex.count)) }
                    e.value = .date(v)
                case nil: break
                }
            default: break
            }
            entities.append(e)
            if Double.random(in: 0..<1, using: &rng) < 0.05 {
                var twin = e
                twin.start += 3; twin.end += 3
                entities.append(twin)
            }
            if Double.random(in: 0..<1, using: &rng) < 0.02 { entities.append(e) }
        }
        out.append(AnnotatedDocument(document: d.document, entities: entities))
    }
    return out
}

private func writeJSONLines(_ docs: [AnnotatedDocument], to path: String) throws {
    let text = docs.map { JSONLinesFormat.encode($0) + "\n" }.joined()
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

private func jsonObject(_ text: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
}

@Suite struct EvalCommandTests {
    /// `balise eval --json` and score.py agree to the third decimal on every figure.
    @Test(.enabled(if: scorePy != nil, "needs /work/shared/tools/score.py"))
    func agreesWithTheReferenceScorer() throws {
        let balise = try #require(BinaryLocator.balise, "build the balise executable first")
        let dir = try makeTemporaryDirectory("eval")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gold = try FormatFixtures.allDocuments()
        let goldPath = dir + "/gold.jsonl"
        try writeJSONLines(gold, to: goldPath)
        var compared = 0
        for seed in UInt64(1)...4 {
            let predPath = dir + "/pred-\(seed).jsonl"
            try writeJSONLines(perturb(gold, seed: seed), to: predPath)
            for types in [nil, "PER,MONEY,DATE"] {
                let ours = try runCommand(balise, ["eval", "--json", goldPath, predPath] + (types.map { ["--types", $0] } ?? []))
                #expect(ours.status == 0, "\(ours.stderr)")
                let theirs = try runCommand("/usr/bin/env", ["python3", scorePy!, goldPath, predPath, "--json"] + (types.map { ["--types=\($0)"] } ?? []))
                #expect(theirs.status == 0, "\(theirs.stderr)")
                let o = try #require(jsonObject(ours.stdout)), t = try #require(jsonObject(theirs.stdout))
                let rows = try #require(t["rows"] as? [String: [String: Any]])
                let typeRows = try #require(o["types"] as? [String: [String: Any]])
                for (name, row) in rows {
                    let mine = try #require(name == "ALL" ? o["overall"] as? [String: Any] : typeRows[name], "\(name)")
                    let partial = try #require(mine["partial"] as? [String: Any])
                    let pairs: [(String, Any?, Any?)] = [
                        ("gold", row["gold"], mine["gold"]), ("pred", row["pred"], mine["predicted"]), ("tp", row["tp"], mine["matched"]),
                        ("p", row["p"], mine["precision"]), ("r", row["r"], mine["recall"]), ("f1", row["f1"], mine["f1"]),
                        ("partial_f1", row["partial_f1"], partial["f1"]), ("value_acc", row["value_acc"], mine["value_accuracy"]),
                    ]
                    for (label, a, b) in pairs {
                        let x = (a as? NSNumber)?.doubleValue, y = (b as? NSNumber)?.doubleValue
                        #expect((x == nil) == (y == nil) && abs((x ?? 0) - (y ?? 0)) < 0.0005,
                                "seed \(seed) types \(types ?? "all") \(name) \(label): score.py \(String(describing: a)) balise \(String(describing: b))")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared >= 4 * 2 * 4 * 8)
    }

    @Test func minF1SetsTheExitStatusAndErrorsListContext() throws {
        let balise = try #require(BinaryLocator.balise, "build the balise executable first")
        let dir = try makeTemporaryDirectory("minf1")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gold = try FormatFixtures.documents()
        try writeJSONLines(gold, to: dir + "/gold.jsonl")
        var pred = gold
        pred[0].entities.removeFirst()  // doc-basic loses ORG "Banque de France"
        try writeJSONLines(pred, to: dir + "/pred.jsonl")
        let pass = try runCommand(balise, ["eval", dir + "/gold.jsonl", dir + "/pred.jsonl", "--min-f1", "PER=1,MONEY=1,overall=0.9"])
        #expect(pass.status == 0, "\(pass.stderr)")
        let fail = try runCommand(balise, ["eval", "--errors", dir + "/gold.jsonl", dir + "/pred.jsonl", "--min-f1", "ORG=0.95"])
        #expect(fail.status == 1)
        #expect(fail.stderr.contains("ORG: strict F1 0.909 is below 0.95"))
        #expect(fail.stdout.contains("FN\tORG\tdoc-basic\t3-19\tLa [[Banque de France]] a prêté 6,6 milliards de dollars…\n"))
        let bad = try runCommand(balise, ["eval", dir + "/gold.jsonl", dir + "/nowhere.jsonl"])
        #expect(bad.status == 2)
    }
}

@Suite struct ConvertCommandTests {
    /// JSON Lines -> brat -> JSON Lines and -> CoNLL -> JSON Lines keep every span, type and value.
    @Test func convertsBetweenAllFormats() throws {
        let balise = try #require(BinaryLocator.balise, "build the balise executable first")
        let dir = try makeTemporaryDirectory("convert")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = FormatFixtures.documentsPath
        let original = try FormatFixtures.documents()

        for step in [["convert", source, dir + "/brat"], ["convert", dir + "/brat", dir + "/from-brat.jsonl"],
                     ["convert", source, dir + "/docs.conll"], ["convert", dir + "/docs.conll", dir + "/from-conll.jsonl"],
                     ["convert", dir + "/docs.conll", dir + "/again.conll"], ["convert", source, dir + "/page.html"]] {
            let r = try runCommand(balise, step)
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        let fromBrat = try DocumentFiles.read(dir + "/from-brat.jsonl", format: .jsonl)
        #expect(fromBrat == original.sorted { $0.id < $1.id })
        for name in ["annotation.conf", "visual.conf", "doc-basic.meta"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/brat/" + name), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/brat/doc-astral.meta"))
        let fromCoNLL = try DocumentFiles.read(dir + "/from-conll.jsonl", format: .jsonl)
        #expect(fromCoNLL.map(\.id) == original.map(\.id))
        #expect(fromCoNLL.map { $0.entities.map(\.type) } == original.map { $0.entities.map(\.type) })
        #expect(fromCoNLL.map { $0.entities.map(\.value) } == original.map { $0.entities.map(\.value) })
        #expect(try String(contentsOfFile: dir + "/again.conll", encoding: .utf8) == String(contentsOfFile: dir + "/docs.conll", encoding: .utf8))
        let scored = try runCommand(balise, ["eval", "--json", dir + "/docs.conll", dir + "/from-conll.jsonl"])
        #expect(jsonObject(scored.stdout).flatMap { ($0["overall"] as? [String: Any])?["f1"] as? Double } == 1.0)
        let page = try String(contentsOfFile: dir + "/page.html", encoding: .utf8)
        #expect(page == HTMLFormat.page(original, title: "page"))
    }

    /// The brat folder reads in a brat reader outside Balise: bratly when installed,
    /// else the checker's own reader of brat's textbound grammar.
    @Test func bratFolderReadsInAPythonBratReader() throws {
        let balise = try #require(BinaryLocator.balise, "build the balise executable first")
        let dir = try makeTemporaryDirectory("brat")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = FileManager.default.fileExists(atPath: FormatFixtures.corpusPath) ? dir + "/all.jsonl" : FormatFixtures.documentsPath
        if source != FormatFixtures.documentsPath { try writeJSONLines(try FormatFixtures.allDocuments(), to: source) }
        let convert = try runCommand(balise, ["convert", source, dir + "/brat"])
        #expect(convert.status == 0, "\(convert.stderr)")
        let check = try runCommand("/usr/bin/env", ["python3", FormatFixtures.directory + "/check_brat.py", dir + "/brat", source])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains(" 0 problem(s)"))
    }
}
