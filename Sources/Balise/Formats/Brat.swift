/// brat standoff: per document `ID.txt` (the exact text, UTF-8) and `ID.ann`:
///
///     T1<TAB>ORG 0 3<TAB>BCE
///     T2<TAB>MONEY 40 64<TAB>6,6 milliards de dollars
///     #1<TAB>AnnotatorNotes T2<TAB>amount=6600000000 currency=USD
///
/// Offsets count Unicode code points, as brat's Python server does (it reads the text
/// with Python's UTF-8 decoding), so they are the JSON Lines offsets unchanged. An
/// entity across a line break is written as brat itself writes one: a fragment per
/// line (`T1<TAB>ORG 3 15;16 27<TAB>ministère de l'Intérieur`, the fragments' texts
/// joined by a space), and read back as one span. Values are
/// `AnnotatorNotes` written in `ValueNotation` (`timex=2025-02 mod=END`). The document
/// date lives in a sidecar `ID.meta` (`date=2024-10-01`), which brat ignores, because
/// a brat note must point at an annotation. A folder also gets `annotation.conf`,
/// `visual.conf` and `kb_shortcuts.conf` for the five types.
///
/// Reading accepts files edited in brat: any `T`/`#` numbering, notes that are not
/// values (ignored), `R`, `E`, `A`, `M`, `N` and `*` lines (ignored with a warning).
/// A discontinuous span whose fragments are separated by anything but white space
/// (`0 5;8 10`) is an error.
public enum BratFormat {
    public struct Files: Sendable, Equatable {
        public var text: String
        public var ann: String
        /// Contents of `ID.meta`, nil when the document has no date.
        public var meta: String?
    }

    public static func encode(_ doc: AnnotatedDocument) -> Files {
        var ann = ""
        var notes = ""
        let entities = doc.entities.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        let scalars = Array(doc.text.unicodeScalars)
        for (k, e) in entities.enumerated() {
            ann += "T\(k + 1)\t\(e.type.rawValue) \(spans(e, scalars))\n"
            if let value = e.value {
                notes += "#\(k + 1)\tAnnotatorNotes T\(k + 1)\t\(ValueNotation.format(value, separator: " "))\n"
            }
        }
        let meta = doc.document.date.map { "date=\($0.description)\n" }
        return Files(text: doc.text, ann: ann + notes, meta: meta)
    }

    /// `START END` and the text, or, across line breaks, one fragment per line as
    /// brat's editor makes them (`3 15;16 27`, texts joined by a space).
    static func spans(_ e: Entity, _ scalars: [Unicode.Scalar]) -> String {
        guard e.start >= 0, e.end <= scalars.count, e.start < e.end,
              scalars[e.start..<e.end].contains(where: isLineBreak) else {
            return "\(e.start) \(e.end)\t\(oneLine(e.text))"
        }
        var fragments: [Range<Int>] = []
        var start = e.start
        for k in e.start...e.end where k == e.end || isLineBreak(scalars[k]) {
            if k > start { fragments.append(start..<k) }
            start = k + 1
        }
        let texts = fragments.map { r -> String in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[r])
            return String(s)
        }
        return fragments.map { "\($0.lowerBound) \($0.upperBound)" }.joined(separator: ";") + "\t" + texts.joined(separator: " ")
    }

    /// Line breaks in the sense of Python's `str.splitlines`, which brat's readers use.
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The text with each run of white space as one space, for comparing a `T` line's
    /// text with the document's.
    static func collapsed(_ text: Substring) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isLineBreak) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(isLineBreak(s) ? " " : s) }
        return String(out)
    }

    /// A document from its files. Problems that lose nothing come back as warnings.
    public static func decode(id: String, text: String, ann: String, meta: String?) throws -> (AnnotatedDocument, [String]) {
        var warnings: [String] = []
        var date: CalendarDay?
        if let meta {
            for line in meta.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
                guard let fields = ValueNotation.parseFields(line, separator: " ") else {
                    throw InputError("\(id).meta: expected key=value, got \"\(line)\"")
                }
                for (key, value) in fields where key == "date" {
                    guard let day = CalendarDay(iso: value) else { throw InputError("\(id).meta: bad date \"\(value)\": expected YYYY-MM-DD") }
                    date = day
                }
            }
        }
        let scalars = Array(text.unicodeScalars)
        var entities: [(id: Substring, entity: Entity)] = []
        var notes: [(target: Substring, text: Substring)] = []
        var ignored: [Character: Int] = [:]
        var lineNumber = 0
        for rawLine in ann.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = rawLine
            if line.allSatisfy(\.isWhitespace) { continue }
            let place = "\(id).ann:\(lineNumber)"
            let columns = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            switch line.first! {
            case "T":
                guard columns.count >= 2 else { throw InputError("\(place): expected ID<TAB>TYPE START END<TAB>TEXT") }
                let entity = try textBound(columns[1], place: place, scalars: scalars)
                if columns.count == 3, collapsed(columns[2]) != collapsed(Substring(entity.text)) {
                    warnings.append("\(place): the text after the offsets (\"\(columns[2])\") differs from the document's (\"\(entity.text)\"); the offsets win")
                }
                entities.append((columns[0], entity))
            case "#":
                let head = columns.count >= 2 ? columns[1].split(separator: " ") : []
                if head.count == 2, head[0] == "AnnotatorNotes", columns.count == 3 {
                    notes.append((head[1], columns[2]))
                }
            default:
                ignored[line.first!, default: 0] += 1
            }
        }
        for (kind, count) in ignored.sorted(by: { $0.key < $1.key }) {
            warnings.append("\(id).ann: \(count) line(s) starting with \"\(kind)\" ignored (only entities and their notes are read)")
        }
        var byID: [Substring: Int] = [:]
        for (k, e) in entities.enumerated() { byID[e.id] = k }
        var result = entities.map(\.entity)
        for note in notes {
            guard let k = byID[note.target] else {
                warnings.append("\(id).ann: a note points at \(note.target), which is not an entity")
                continue
            }
            if result[k].value == nil, let value = ValueNotation.parse(note.text, type: result[k].type, separator: " ") {
                result[k].value = value
            }
        }
        result.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return (AnnotatedDocument(document: Document(id: id, text: text, date: date), entities: result), warnings)
    }

    private static func textBound(_ column: Substring, place: String, scalars: [Unicode.Scalar]) throws -> Entity {
        let parts = column.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { throw InputError("\(place): expected TYPE START END") }
        guard let type = EntityType(rawValue: String(parts[0])) else {
            throw InputError("\(place): unknown entity type \"\(parts[0])\" (expected PER, ORG, LOC, MONEY, DATE)")
        }
        var fragments: [(Int, Int)] = []
        for fragment in parts[1].split(separator: ";") {
            let numbers = fragment.split(separator: " ")
            guard numbers.count == 2, let start = Int(numbers[0]), let end = Int(numbers[1]) else {
                throw InputError("\(place): expected START END offsets, got \"\(parts[1])\"")
            }
            fragments.append((start, end))
        }
        // Fragments split by line breaks only are one span cut by brat at the lines.
        for (a, b) in zip(fragments, fragments.dropFirst()) {
            let gap = a.1 <= b.0 && b.0 <= scalars.count ? scalars[a.1..<b.0] : []
            if a.1 > b.0 || gap.isEmpty || !gap.allSatisfy({ $0.properties.isWhitespace }) {
                throw InputError("\(place): discontinuous span \"\(parts[1])\" cannot be read: Balise entities are one continuous span; join or split the fragments in brat")
            }
        }
        let start = fragments[0].0, end = fragments[fragments.count - 1].1
        guard start >= 0, start < end, end <= scalars.count else {
            throw InputError("\(place): offsets \(start)-\(end) outside the text (\(scalars.count) characters)")
        }
        var surface = String.UnicodeScalarView()
        surface.append(contentsOf: scalars[start..<end])
        return Entity(type: type, start: start, end: end, text: String(surface))
    }

    // MARK: - Configuration files

    public static let annotationConf = """
        # Balise entity types (see ANNOTATION.md); written by balise.
        [entities]
        PER
        ORG
        LOC
        MONEY
        DATE

        [relations]

        [events]

        [attributes]

        """

    public static let visualConf = """
        # Balise colours; the same as the HTML view.
        [labels]
        PER | Person | PER
        ORG | Organization | ORG
        LOC | Location | LOC
        MONEY | Money | MONEY
        DATE | Date | DATE

        [drawing]
        PER\tbgColor:\(Palette.colour(.person))
        ORG\tbgColor:\(Palette.colour(.organization))
        LOC\tbgColor:\(Palette.colour(.location))
        MONEY\tbgColor:\(Palette.colour(.money))
        DATE\tbgColor:\(Palette.colour(.date))

        """

    public static let shortcutsConf = """
        P\tPER
        O\tORG
        L\tLOC
        M\tMONEY
        D\tDATE

        """
}

/// One background colour per type, shared by the HTML view and brat's `visual.conf`.
public enum Palette {
    public static func colour(_ type: EntityType) -> String {
        switch type {
        case .person: return "#ffd0a8"
        case .organization: return "#a8d8ff"
        case .location: return "#b8f0b0"
        case .money: return "#ffe680"
        case .date: return "#e0c8ff"
        }
    }
}
