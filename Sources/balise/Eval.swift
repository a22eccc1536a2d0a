import ArgumentParser
import Balise

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score predicted entities against gold ones.",
        discussion: """
        GOLD and PRED are each a JSON Lines file, a CoNLL file or a brat folder. Per type \
        and overall: strict precision, recall and F1 (same span and type), partial ones \
        (overlapping spans of the same type, each entity used once) and, for MONEY and \
        DATE, the share of strict matches whose value is right. Gold documents without a \
        prediction count as all missed. The figures agree with conlleval/seqeval and \
        with score.py. Exit status: 0 when it ran, 1 when --min-f1 is not met, 2 on an \
        input or usage error.
        """
    )

    @Argument(help: "The gold documents.")
    var gold: String

    @Argument(help: "The predicted documents.")
    var predicted: String

    @Option(name: .customLong("gold-format"), help: "Format of GOLD: jsonl, conll or brat (default: from the path).")
    var goldFormat: DocumentFormat?

    @Option(name: .customLong("pred-format"), help: "Format of PRED: jsonl, conll or brat (default: from the path).")
    var predictedFormat: DocumentFormat?

    @Option(help: "Score only these types, comma-separated (PER,ORG,LOC,MONEY,DATE).")
    var types: String?

    @Flag(help: "Print one JSON object instead of the tables.")
    var json = false

    @Flag(help: "List every false negative, false positive and wrong value with its context.")
    var errors = false

    @Option(name: .customLong("min-f1"), help: "Exit 1 when a strict F1 is below its floor: TYPE=X,... (TYPE may be overall).")
    var minF1: String?

    func run() throws {
        var selected = EntityType.allCases
        if let set = try parseTypesOption(types) { selected = EntityType.allCases.filter(set.contains) }
        let floors = try parseFloors()
        let goldDocs = try load(gold, format: goldFormat)
        let predDocs = try load(predicted, format: predictedFormat)
        let evaluation = Evaluation(gold: goldDocs, predicted: predDocs, types: selected)

        let sink = try OutputSink(path: nil)
        if json {
            sink.write(EvaluationReport.json(evaluation) + "\n")
        } else {
            sink.write(EvaluationReport.table(evaluation))
            if errors { sink.write("\n" + EvaluationReport.errors(evaluation)) }
        }
        try sink.close()
        if json && !evaluation.differentTexts.isEmpty {
            printError("warning: \(evaluation.differentTexts.count) document(s) have another text in the prediction; their offsets do not compare")
        }

        var failed = false
        for (name, floor) in floors {
            let counts = name == "overall" ? evaluation.overall : evaluation.counts[EntityType(rawValue: name)!]
            guard let counts else { continue }
            if counts.strict.f1 < floor {
                printError("\(name): strict F1 \(EvaluationReport.fixed3(counts.strict.f1)) is below \(floor)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func load(_ path: String, format: DocumentFormat?) throws -> [AnnotatedDocument] {
        guard let format = format ?? (path == "-" ? .jsonl : DocumentFormat.guess(path: path)) else {
            throw usageError("cannot tell the format of \(path) from its name: use --gold-format/--pred-format")
        }
        do {
            // Read as the reference scorer reads: file order, unknown types skipped, any offsets.
            return try DocumentFiles.read(path, format: format,
                                          jsonOptions: JSONLinesFormat.ReadOptions(keepOrder: true, skipUnknownTypes: true, keepBadOffsets: true),
                                          warn: { printError("warning: " + $0) })
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }

    private func parseFloors() throws -> [(String, Double)] {
        guard let minF1 else { return [] }
        var floors: [(String, Double)] = []
        for piece in minF1.split(separator: ",") {
            let parts = piece.split(separator: "=", maxSplits: 1)
            let name = parts.first.map { String($0).uppercased() } ?? ""
            let key = name == "OVERALL" || name == "ALL" ? "overall" : name
            guard parts.count == 2, let value = Double(parts[1]), key == "overall" || EntityType(rawValue: key) != nil else {
                throw usageError("--min-f1: expected TYPE=X,... (TYPE one of PER, ORG, LOC, MONEY, DATE, overall), got '\(piece)'")
            }
            floors.append((key, value))
        }
        return floors
    }
}
