import Balise
import Testing

/// The extractor measured on the project's gold corpus: each type's strict F1 must stay
/// at or above the floor committed in `Corpus/floors.txt`.
@Suite struct CorpusTests {
    static func floors() throws -> [EntityType: Double] {
        var floors: [EntityType: Double] = [:]
        for line in try InputFiles.readText(Repository.corpus + "/floors.txt").split(separator: "\n") {
            if line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ")
            guard parts.count == 2, let type = EntityType(rawValue: String(parts[0])), let value = Double(parts[1]) else { continue }
            floors[type] = value
        }
        return floors
    }

    static func evaluate() throws -> Evaluation {
        let reader = try LineReader(path: Repository.corpus + "/gold.jsonl")
        var gold: [AnnotatedDocument] = []
        while let line = try reader.next() {
            gold.append(try JSONLinesFormat.decode(line, fallbackID: "line-\(reader.lineNumber)"))
        }
        let annotator = Shared.annotator()
        let predicted = gold.map { annotator.annotate($0.document) }
        return Evaluation(gold: gold, predicted: predicted)
    }

    @Test func strictF1StaysAboveTheFloors() throws {
        let floors = try Self.floors()
        #expect(floors.count == EntityType.allCases.count, "Corpus/floors.txt must give a floor for every type")
        let evaluation = try Self.evaluate()
        #expect(evaluation.overall.gold >= 1500, "the corpus must hold at least 1500 entities")
        for type in EntityType.allCases {
            guard let floor = floors[type], let counts = evaluation.counts[type] else { continue }
            #expect(counts.strict.f1 >= floor, "\(type.rawValue): strict F1 \(counts.strict.f1) fell below its floor \(floor)\n\(EvaluationReport.table(evaluation))")
        }
    }

    @Test func valuesOfMoneyAndDatesStayAccurate() throws {
        let floors = try Self.floors()
        let evaluation = try Self.evaluate()
        for type in [EntityType.money, .date] {
            let accuracy = evaluation.counts[type]?.valueAccuracy ?? 0
            let floor = floors[type] ?? 0
            #expect(accuracy >= floor, "\(type.rawValue): value accuracy \(accuracy) fell below \(floor)")
        }
    }
}
