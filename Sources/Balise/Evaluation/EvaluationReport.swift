/// The ways `balise eval` shows an `Evaluation`.
public enum EvaluationReport {
    /// The per-type table, the overall row, the confusion table and notes on documents.
    public static func table(_ e: Evaluation) -> String {
        var out = pad("type", 8) + [("gold", 6), ("pred", 6), ("match", 6), ("P", 7), ("R", 7), ("F1", 7),
                                    ("partP", 7), ("partR", 7), ("partF1", 7), ("value", 7)]
            .map { lpad($0.0, $0.1) }.joined() + "\n"
        func row(_ name: String, _ c: TypeCounts, value: Bool) -> String {
            let s = c.strict, p = c.partial
            var line = pad(name, 8) + lpad("\(c.gold)", 6) + lpad("\(c.predicted)", 6) + lpad("\(c.strictMatches)", 6)
            line += [s.precision, s.recall, s.f1, p.precision, p.recall, p.f1].map { lpad(fixed3($0), 7) }.joined()
            line += lpad(value ? c.valueAccuracy.map(fixed3) ?? "-" : "", 7)
            return line + "\n"
        }
        for t in e.types { out += row(t.rawValue, e.counts[t]!, value: t == .money || t == .date) }
        out += row("overall", e.overall, value: false)

        out += "\nSame span, gold type (rows) against predicted type (columns); - is no entity on that span:\n"
        let columns: [EntityType?] = e.types.map { $0 } + [nil]
        out += pad("", 8) + columns.map { lpad($0?.rawValue ?? "-", 7) }.joined() + "\n"
        for rowType in columns {
            let cells = e.confusion[rowType] ?? [:]
            out += pad(rowType?.rawValue ?? "-", 8) + columns.map { col in
                rowType == nil && col == nil ? lpad("", 7) : lpad("\(cells[col] ?? 0)", 7)
            }.joined() + "\n"
        }
        if !e.missingDocuments.isEmpty {
            out += "\n\(e.missingDocuments.count) gold document(s) have no prediction (counted as all missed): \(e.missingDocuments.prefix(10).joined(separator: ", "))\(e.missingDocuments.count > 10 ? ", ..." : "")\n"
        }
        if !e.extraDocuments.isEmpty {
            out += "\(e.extraDocuments.count) predicted document(s) are not in the gold (not scored): \(e.extraDocuments.prefix(10).joined(separator: ", "))\(e.extraDocuments.count > 10 ? ", ..." : "")\n"
        }
        if !e.differentTexts.isEmpty {
            out += "warning: \(e.differentTexts.count) document(s) have another text in the prediction, so their offsets do not compare: \(e.differentTexts.prefix(10).joined(separator: ", "))\n"
        }
        return out
    }

    /// One line per false negative, false positive and wrong value, in document order.
    public static func errors(_ e: Evaluation) -> String {
        var out = ""
        for err in e.errors {
            let x = err.entity
            out += "\(err.kind.rawValue)\t\(x.type.rawValue)\t\(err.documentID)\t\(x.start)-\(x.end)\t\(err.context)"
            if err.kind == .wrongValue {
                out += "\tgold: \(describe(x.value))\tpredicted: \(describe(err.predicted?.value))"
            }
            out += "\n"
        }
        return out
    }

    static func describe(_ value: EntityValue?) -> String {
        value.map { ValueNotation.format($0, separator: " ") } ?? "none"
    }

    /// One JSON object: `{"types": {"PER": {...}, ...}, "overall": {...}, "documents": {...}}`.
    public static func json(_ e: Evaluation) -> String {
        func object(_ c: TypeCounts, value: Bool) -> String {
            let s = c.strict, p = c.partial
            var out = "{\"gold\": \(c.gold), \"predicted\": \(c.predicted), \"matched\": \(c.strictMatches), "
            out += "\"precision\": \(number(s.precision)), \"recall\": \(number(s.recall)), \"f1\": \(number(s.f1)), "
            out += "\"partial\": {\"matched\": \(c.partialMatches), \"precision\": \(number(p.precision)), \"recall\": \(number(p.recall)), \"f1\": \(number(p.f1))}"
            if value { out += ", \"value_accuracy\": \(c.valueAccuracy.map(number) ?? "null")" }
            return out + "}"
        }
        let types = e.types.map { "\"\($0.rawValue)\": " + object(e.counts[$0]!, value: $0 == .money || $0 == .date) }
        return "{\"types\": {" + types.joined(separator: ", ") + "}, \"overall\": " + object(e.overall, value: false)
            + ", \"documents\": {\"missing\": \(e.missingDocuments.count), \"extra\": \(e.extraDocuments.count), \"different_text\": \(e.differentTexts.count)}}"
    }

    static func number(_ x: Double) -> String {
        x.isFinite ? "\(x)" : "null"
    }

    /// `x` rounded to three decimals, as Python's `%.3f` prints it.
    public static func fixed3(_ x: Double) -> String {
        guard x.isFinite else { return "nan" }
        let scaled = (abs(x) * 1000).rounded(.toNearestOrEven)
        let whole = Int(scaled) / 1000, frac = Int(scaled) % 1000
        let digits = String(frac)
        return (x < 0 && scaled != 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: 3 - digits.count) + digits
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    static func lpad(_ s: String, _ width: Int) -> String {
        s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
    }
}
