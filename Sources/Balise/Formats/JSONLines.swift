import FoundationEssentials

/// The JSON Lines document format of ANNOTATION.md: `id`, `date` (optional), `text`,
/// `entities` sorted by start, each `start`, `end`, `type`, `text`, `value` (optional).
public enum JSONLinesFormat {
    public struct Options: Sendable {
        /// Indented output (one document over several lines) instead of one line.
        public var pretty = false
        /// Adds each entity's `rule`.
        public var explain = false
        public init(pretty: Bool = false, explain: Bool = false) {
            self.pretty = pretty
            self.explain = explain
        }
    }

    /// One document as JSON (no trailing newline).
    public static func encode(_ doc: AnnotatedDocument, options: Options = Options()) -> String {
        let out = JSONBytes()
        encode(doc, options: options, into: out)
        return out.string
    }

    /// One document as JSON, appended to `out` as UTF-8 (no trailing newline).
    static func encode(_ doc: AnnotatedDocument, options: Options, into out: JSONBytes) {
        let nl: StaticString = options.pretty ? "\n  " : ""
        let sp: StaticString = options.pretty ? " " : ""
        out.reserve(doc.text.utf8.count + 100 * doc.entities.count + 64)
        out.append("{"); out.append(nl); out.append("\"id\":"); out.append(sp); out.appendQuoted(doc.id)
        if let date = doc.document.date {
            out.append(","); out.append(nl); out.append("\"date\":"); out.append(sp); out.appendQuoted(date)
        }
        out.append(","); out.append(nl); out.append("\"text\":"); out.append(sp)
        if let escaped = doc.document.jsonText {
            // Read from a line that wrote it as this writer would: copied, not escaped again.
            out.append(0x22)
            escaped.withUnsafeBufferPointer { out.append($0) }
            out.append(0x22)
        } else {
            out.appendQuoted(doc.text)
        }
        out.append(","); out.append(nl); out.append("\"entities\":"); out.append(sp); out.append("[")
        // Read in place from the buffer: enumerating the entities, reading them from the
        // array, or passing `entities[k]` on, copied each one, retaining and releasing its
        // strings; a pointer lets `encode` read the fields where they are.
        doc.entities.withUnsafeBufferPointer { entities in
            guard let base = entities.baseAddress else { return }
            for k in entities.indices {
                if k > 0 { out.append(",") }
                if options.pretty { out.append("\n    ") }
                encode(base + k, explain: options.explain, sp: sp, into: out)
            }
        }
        if options.pretty {
            out.append(doc.entities.isEmpty ? "]\n}" : "\n  ]\n}")
        } else {
            out.append("]}")
        }
    }

    /// The entity at `e`, read in place (`e.pointee` whole would be a copy), written through
    /// one cursor into room reserved for the longest it can be.
    static func encode(_ e: UnsafePointer<Entity>, explain: Bool, sp: StaticString, into out: JSONBytes) {
        var bound = 80 + 2 * JSONBytes.Cursor.decimalBound
        switch e.pointee.storedText {
        case .string(let text): bound += JSONBytes.Cursor.quotedBound(utf8: text.utf8.count)
        case .utf16(_, let start, let end): bound += JSONBytes.Cursor.quotedBound(utf16: Int(end) - Int(start))
        }
        // One copy of the value, read by both (each read from the entity copied it again).
        let value = e.pointee.value
        bound += value?.jsonMemberBound ?? 0
        if explain, let rule = e.pointee.rule { bound += 16 + JSONBytes.Cursor.quotedBound(utf8: rule.utf8.count) }
        var c = out.cursor(reserving: bound)
        c.write("{\"start\":"); c.write(sp); c.writeDecimal(e.pointee.start)
        c.write(","); c.write(sp); c.write("\"end\":"); c.write(sp); c.writeDecimal(e.pointee.end)
        c.write(","); c.write(sp); c.write("\"type\":"); c.write(sp)
        c.write(e.pointee.type.quotedName)
        c.write(","); c.write(sp); c.write("\"text\":"); c.write(sp)
        switch e.pointee.storedText {
        case .string(let text):
            c.writeQuoted(text)
        case .utf16(let units, let start, let end):
            units.withUnsafeBufferPointer { c.writeQuoted(utf16: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)])) }
        }
        value?.writeJSONMember(sp: sp, into: &c)
        if explain, let rule = e.pointee.rule {
            c.write(","); c.write(sp); c.write("\"rule\":"); c.write(sp); c.writeQuoted(rule)
        }
        c.write("}")
        out.commit(c)
    }

    // MARK: - Reading

    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    private struct RawDocument: Decodable {
        var id: String?
        var date: String?
        var text: String?
        var entities: [RawEntity]?
    }

    private struct RawEntity: Decodable {
        var start: Int
        var end: Int
        var type: String
        var text: String?
        var value: RawValue?
    }

    private struct RawValue: Decodable {
        var amount: FlexibleDecimal?
        var min: FlexibleDecimal?
        var max: FlexibleDecimal?
        var currency: String?
        var timex: String?
        var mod: String?
    }

    /// A decimal written as a JSON string (the standard) or, leniently, as a number.
    private struct FlexibleDecimal: Decodable {
        var text: String
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { text = s }
            else if let i = try? c.decode(Int64.self) { text = String(i) }
            else { text = String(describing: try c.decode(Double.self)) }
        }
    }

    /// How lenient reading is with entities (the evaluation reads them as scorers do).
    public struct ReadOptions: Sendable {
        /// Keeps the entities in file order instead of sorting them by start.
        public var keepOrder = false
        /// Drops entities of types outside the five instead of failing.
        public var skipUnknownTypes = false
        /// Keeps entities whose offsets fall outside the text (their text is then empty)
        /// instead of failing: a scorer compares offsets, whatever they point at.
        public var keepBadOffsets = false
        public init(keepOrder: Bool = false, skipUnknownTypes: Bool = false, keepBadOffsets: Bool = false) {
            self.keepOrder = keepOrder
            self.skipUnknownTypes = skipUnknownTypes
            self.keepBadOffsets = keepBadOffsets
        }
    }

    /// Decodes one JSON document; `fallbackID` names documents without an `id`.
    /// Entities are read too (gold files) and checked against the text.
    public static func decode(_ line: some Collection<UInt8>, fallbackID: String, options: ReadOptions = ReadOptions()) throws -> AnnotatedDocument {
        if let plain = try decodePlain(line, fallbackID: fallbackID) { return plain }
        let raw: RawDocument
        do {
            raw = try JSONDecoder().decode(RawDocument.self, from: Data(line))
        } catch {
            throw ReadError(description: "malformed JSON (\(describe(error)))")
        }
        return try document(raw, fallbackID: fallbackID, options: options)
    }

    /// The common input line, one object whose members are all strings (`id`, `text`,
    /// `date`), decoded as `decode` would; nil for any other line. A line it accepts is
    /// valid UTF-8, so callers need not check it first; `fallbackID` is built only when
    /// the line has no `id`.
    public static func decodePlain(_ line: some Collection<UInt8>, fallbackID: @autoclosure () -> String) throws -> AnnotatedDocument? {
        guard let plain = PlainDocumentScanner.scan(line) else { return nil }
        var doc = try document(RawDocument(id: plain.id ?? fallbackID(), date: plain.date, text: plain.text),
                               fallbackID: "", options: ReadOptions())
        doc.document.jsonText = plain.jsonText
        return doc
    }

    private static func document(_ raw: RawDocument, fallbackID: String, options: ReadOptions) throws -> AnnotatedDocument {
        guard let text = raw.text else { throw ReadError(description: "document has no \"text\"") }
        var date: CalendarDay?
        if let d = raw.date {
            guard let day = CalendarDay(iso: d) else { throw ReadError(description: "bad \"date\" \(JSONText.quoted(d)): expected YYYY-MM-DD") }
            date = day
        }
        let document = Document(id: raw.id ?? fallbackID, text: text, date: date)
        var entities: [Entity] = []
        if let rawEntities = raw.entities {
            let scalars = Array(text.unicodeScalars)
            for e in rawEntities {
                guard let type = EntityType(rawValue: e.type) else {
                    if options.skipUnknownTypes { continue }
                    throw ReadError(description: "unknown entity type \(JSONText.quoted(e.type))")
                }
                guard e.start >= 0, e.end <= scalars.count, e.start < e.end else {
                    if options.keepBadOffsets {
                        entities.append(Entity(type: type, start: e.start, end: e.end, text: "", value: value(e.value, type)))
                        continue
                    }
                    throw ReadError(description: "entity offsets \(e.start)-\(e.end) outside the text (\(scalars.count) characters)")
                }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[e.start..<e.end])
                entities.append(Entity(type: type, start: e.start, end: e.end, text: String(s), value: value(e.value, type)))
            }
            if !options.keepOrder { entities.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
        }
        return AnnotatedDocument(document: document, entities: entities)
    }

    private static func value(_ raw: RawValue?, _ type: EntityType) -> EntityValue? {
        guard let raw else { return nil }
        switch type {
        case .money:
            let currency = raw.currency ?? ""
            if let a = raw.amount { return .money(MoneyValue(amount: a.text, currency: currency)) }
            if let lo = raw.min, let hi = raw.max { return .money(MoneyValue(min: lo.text, max: hi.text, currency: currency)) }
            return nil
        case .date:
            guard let timex = raw.timex else { return nil }
            return .date(DateValue(timex: timex, mod: raw.mod.flatMap(DateValue.Mod.init(rawValue:))))
        default:
            return nil
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.underlyingError.map { "\($0)" } ?? context.debugDescription
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path): \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, _):
            return "missing \(key.stringValue)"
        default:
            return "\(error)"
        }
    }
}

extension EntityType {
    /// The raw value as a JSON string, quotes included: written as a literal, where the
    /// raw value was made as a String and its bytes copied out of it one at a time for
    /// every entity (`FormatTests` checks that each is its raw value quoted).
    @inline(__always)
    var quotedName: StaticString {
        switch self {
        case .person: "\"PER\""
        case .organization: "\"ORG\""
        case .location: "\"LOC\""
        case .money: "\"MONEY\""
        case .date: "\"DATE\""
        }
    }
}

extension EntityValue {
    /// At most the bytes `writeJSONMember` writes (pretty or not).
    @inline(__always)
    var jsonMemberBound: Int {
        switch self {
        case .money(let m):
            var n = 64 + JSONBytes.Cursor.quotedBound(utf8: m.currency.utf8.count)
            if let a = m.amount { n += 16 + JSONBytes.Cursor.quotedBound(utf8: a.utf8.count) }
            if let a = m.min { n += 16 + JSONBytes.Cursor.quotedBound(utf8: a.utf8.count) }
            if let a = m.max { n += 16 + JSONBytes.Cursor.quotedBound(utf8: a.utf8.count) }
            return n
        case .date(let d):
            return 64 + JSONBytes.Cursor.quotedBound(utf8: d.timex.utf8.count)
        }
    }

    /// The value as the member `,"value":{...}` of its entity's object, written through
    /// `c` (room for `jsonMemberBound` bytes).
    @inline(__always)
    func writeJSONMember(sp: StaticString, into c: inout JSONBytes.Cursor) {
        c.write(","); c.write(sp); c.write("\"value\":"); c.write(sp)
        switch self {
        case .money(let m):
            c.write("{")
            if let a = m.amount { c.write("\"amount\":"); c.write(sp); c.writeQuoted(a); c.write(","); c.write(sp) }
            if let a = m.min { c.write("\"min\":"); c.write(sp); c.writeQuoted(a); c.write(","); c.write(sp) }
            if let a = m.max { c.write("\"max\":"); c.write(sp); c.writeQuoted(a); c.write(","); c.write(sp) }
            c.write("\"currency\":"); c.write(sp); c.writeQuoted(m.currency)
            c.write("}")
        case .date(let d):
            c.write("{\"timex\":"); c.write(sp); c.writeQuoted(d.timex)
            if let mod = d.mod {
                c.write(","); c.write(sp); c.write("\"mod\":"); c.write(sp)
                c.write("\""); c.writeRaw(mod.rawValue); c.write("\"")
            }
            c.write("}")
        }
    }
}
