import Balise

/// A recognizer case file (`Tests/Cases/*.txt`): one case a line, written in the corpus
/// markup. `[[MONEY 12 000 euros|12000 EUR]]` marks an expected entity and its value;
/// a line without marks expects no entity of the file's types. `@date YYYY-MM-DD` sets
/// the document date of the lines after it (`@date none` removes it); `#` starts a comment.
struct CaseFile {
    struct Case: CustomStringConvertible {
        var line: Int
        var document: Document
        var expected: [Entity]
        var description: String { "line \(line): \(document.text)" }
    }

    let path: String
    var cases: [Case] = []

    init(path: String) throws {
        self.path = path
        let text = try InputFiles.readText(path)
        var date: CalendarDay?
        for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            if line.trimmingCharacters(in: " \t").isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("@date ") {
                let value = String(line.dropFirst(6)).trimmingCharacters(in: " \t")
                date = value == "none" ? nil : CalendarDay(iso: value)
                if value != "none" && date == nil { throw CaseFileError(message: "\(path):\(n + 1): bad @date") }
                continue
            }
            let (plain, entities) = try InlineMarkup.parse(line, context: "\(path):\(n + 1)")
            cases.append(Case(line: n + 1, document: Document(id: "case-\(n + 1)", text: plain, date: date), expected: entities))
        }
    }
}

struct CaseFileError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The inline markup of Corpus/src and of the case files.
enum InlineMarkup {
    static func parse(_ line: String, context: String) throws -> (String, [Entity]) {
        var plain = ""
        var scalarCount = 0
        var entities: [Entity] = []
        var rest = Substring(line)
        while let open = rest.firstRange(of: "[[") {
            let before = rest[..<open.lowerBound]
            plain += before
            scalarCount += before.unicodeScalars.count
            guard let close = rest[open.upperBound...].firstRange(of: "]]") else {
                throw CaseFileError(message: "\(context): unclosed [[")
            }
            let body = rest[open.upperBound..<close.lowerBound]
            guard let space = body.firstIndex(of: " "), let type = EntityType(rawValue: String(body[..<space])) else {
                throw CaseFileError(message: "\(context): expected [[TYPE text]] in \(body)")
            }
            let afterType = body[body.index(after: space)...]
            let parts = afterType.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let surface = String(parts[0])
            let value = parts.count > 1 ? try parseValue(String(parts[1]), type: type, context: context) : nil
            let length = surface.unicodeScalars.count
            entities.append(Entity(type: type, start: scalarCount, end: scalarCount + length, text: surface, value: value))
            plain += surface
            scalarCount += length
            rest = rest[close.upperBound...]
        }
        plain += rest
        return (plain, entities)
    }

    static func parseValue(_ raw: String, type: EntityType, context: String) throws -> EntityValue {
        let parts = raw.split(separator: " ").map(String.init)
        switch type {
        case .money:
            guard parts.count == 2 else { throw CaseFileError(message: "\(context): bad money value \(raw)") }
            let numbers = parts[0].split(separator: "-").map(String.init)
            if numbers.count == 2 { return .money(MoneyValue(min: numbers[0], max: numbers[1], currency: parts[1])) }
            return .money(MoneyValue(amount: parts[0], currency: parts[1]))
        case .date:
            guard parts.count == 1 || parts.count == 2 else { throw CaseFileError(message: "\(context): bad date value \(raw)") }
            return .date(DateValue(timex: parts[0], mod: parts.count == 2 ? DateValue.Mod(rawValue: parts[1]) : nil))
        default:
            throw CaseFileError(message: "\(context): \(type.rawValue) takes no value")
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

/// Runs every case of a file through the annotator and returns one message per
/// mismatch (empty when all pass).
func failures(of file: CaseFile, types: Set<EntityType>, annotator: Annotator) -> [String] {
    var messages: [String] = []
    for c in file.cases {
        let found = annotator.annotate(c.document, types: types).entities
        let expected = c.expected.filter { types.contains($0.type) }
        if found != expected {
            func show(_ es: [Entity]) -> String {
                es.isEmpty ? "nothing" : es.map { e in
                    var s = "\(e.type.rawValue) «\(e.text)» \(e.start)-\(e.end)"
                    switch e.value {
                    case .money(let m): s += " = \(m.amount ?? "\(m.min ?? "?")-\(m.max ?? "?")") \(m.currency)"
                    case .date(let d): s += " = \(d.timex)\(d.mod.map { " " + $0.rawValue } ?? "")"
                    case nil: break
                    }
                    return s
                }.joined(separator: "; ")
            }
            messages.append("\(file.path.split(separator: "/").last!):\(c.line): \(c.document.text)\n    expected: \(show(expected))\n    found:    \(show(found))")
        }
    }
    return messages
}
