/// CoNLL-2002 style BIO columns, three a line like the CoNLL-2002 Dutch data:
///
///     -DOCSTART- id=a-bce-taux|date=2024-10-01 O
///
///     La _ O
///     BCE _ B-ORG
///     a _ O
///     levé _ O
///     6,6 amount=6600000000|currency=USD B-MONEY
///     milliards _ I-MONEY
///     ...
///
/// Column 1 is a token, column 2 holds what plain BIO cannot (`_` when empty): on a
/// `-DOCSTART-` line the document's `id` and `date`, on the first token of a MONEY or
/// DATE entity its value (`ValueNotation`, fields joined by `|`); the last column is the
/// IOB2 tag. Every line has the same three columns and the tag comes last, so
/// conlleval and column readers (seqeval users, HF `conll2002`) read the file as it is;
/// `paste -d' ' gold.conll <(cut -d' ' -f3 pred.conll)` makes a conlleval input.
///
/// Tokens are Balise's tokens, split further at white space inside a token (`12 000`
/// gives `12` and `000`, both in the entity) and at entity boundaries that fall inside
/// a token, so that every span survives. A blank line ends a sentence (Balise's
/// sentences; never inside an entity).
///
/// Reading rebuilds the text: tokens joined by one space, sentences by one newline.
/// Offsets then count in that rebuilt text; spans, types and values are kept.
/// Readers accept two columns (`TOKEN TAG`), three (as above; a middle column without
/// `=`, such as a part of speech, is ignored) or more (the tag last, middle columns
/// ignored); an `I-X` that does not continue an `X` opens a new entity, as conlleval does.
public enum CoNLLFormat {
    public static let documentStart = "-DOCSTART-"

    public struct Encoded: Sendable {
        public var text: String
        /// Entities that no token lies inside (for instance over characters the
        /// tokenizer skips); they are missing from `text`.
        public var lost: [Entity]
    }

    /// One document as CoNLL lines (a `-DOCSTART-` line, a blank line, the sentences),
    /// tokens and sentences from Balise's tokenizer.
    public static func encode(_ doc: AnnotatedDocument, analysis: AnalyzedText) -> Encoded {
        let sentences = analysis.sentences.map { sentence in sentence.map { analysis.scalarRange($0..<($0 + 1)) } }
        return encode(doc, sentences: sentences)
    }

    /// The same for a text that is already tokenized, as `decode` rebuilds it: tokens
    /// are the runs between white space, sentences the lines. Writing back a document
    /// read from CoNLL this way gives the same lines.
    public static func encodePretokenized(_ doc: AnnotatedDocument) -> Encoded {
        var sentences: [[Range<Int>]] = [[]]
        var position = 0
        for scalar in doc.text.unicodeScalars {
            if scalar == "\n" {
                sentences.append([])
            } else if !scalar.properties.isWhitespace {
                if let last = sentences[sentences.count - 1].last, last.upperBound == position {
                    sentences[sentences.count - 1][sentences[sentences.count - 1].count - 1] = last.lowerBound..<(position + 1)
                } else {
                    sentences[sentences.count - 1].append(position..<(position + 1))
                }
            }
            position += 1
        }
        return encode(doc, sentences: sentences)
    }

    /// `sentences` holds each sentence's token ranges in code points, in text order.
    static func encode(_ doc: AnnotatedDocument, sentences: [[Range<Int>]]) -> Encoded {
        let scalars = Array(doc.text.unicodeScalars)
        let entities = doc.entities.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var cuts = Set<Int>()
        for e in entities { cuts.insert(e.start); cuts.insert(e.end) }

        var out = documentStart + " " + documentFields(doc.document) + " O\n\n"
        var used = [Bool](repeating: false, count: entities.count)
        var current = 0
        var previousEntity: Int?
        var lineHasTokens = false

        func emit(_ start: Int, _ end: Int, newSentence: Bool) {
            while current < entities.count && entities[current].end <= start { current += 1 }
            var inside: Int?
            if current < entities.count && entities[current].start <= start && end <= entities[current].end {
                inside = current
            }
            if newSentence && lineHasTokens && (inside == nil || inside != previousEntity) {
                out += "\n"
            }
            var token = String.UnicodeScalarView()
            token.append(contentsOf: scalars[start..<end])
            out += String(token)
            if let k = inside {
                let first = !used[k]
                used[k] = true
                let misc = first ? entities[k].value.map { ValueNotation.format($0, separator: "|") } ?? "_" : "_"
                out += " " + misc + " " + (first ? "B-" : "I-") + entities[k].type.rawValue + "\n"
            } else {
                out += " _ O\n"
            }
            previousEntity = inside
            lineHasTokens = true
        }

        for sentence in sentences {
            var newSentence = true
            for range in sentence {
                var pieceStart = range.lowerBound
                for k in range {
                    if scalars[k].properties.isWhitespace {
                        if k > pieceStart { emit(pieceStart, k, newSentence: newSentence); newSentence = false }
                        pieceStart = k + 1
                    } else if k > pieceStart && cuts.contains(k) {
                        emit(pieceStart, k, newSentence: newSentence)
                        newSentence = false
                        pieceStart = k
                    }
                }
                if pieceStart < range.upperBound {
                    emit(pieceStart, range.upperBound, newSentence: newSentence)
                    newSentence = false
                }
            }
        }
        if lineHasTokens { out += "\n" }
        let lost = entities.indices.filter { !used[$0] }.map { entities[$0] }
        return Encoded(text: out, lost: lost)
    }

    static func documentFields(_ document: Document) -> String {
        var fields = [("id", document.id)]
        if let date = document.date { fields.append(("date", date.description)) }
        return ValueNotation.format(fields, separator: "|")
    }

    // MARK: - Reading

    /// All documents of a CoNLL file. `name` prefixes the ids of documents whose
    /// `-DOCSTART-` line carries none (`NAME-1`, `NAME-2`, ...); errors name `source`.
    public static func decode(_ content: String, name: String, source: String? = nil) throws -> [AnnotatedDocument] {
        var reader = Reader(name: name)
        var lineNumber = 0
        for rawLine in content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = rawLine
            do {
                try reader.read(line)
            } catch let error as InputError {
                throw InputError("\(source ?? name):\(lineNumber): \(error.description)")
            }
        }
        reader.finishDocument()
        return reader.documents
    }

    private struct Reader {
        let name: String
        var documents: [AnnotatedDocument] = []
        var started = false
        var id: String?
        var date: CalendarDay?
        var text = ""
        var length = 0
        var entities: [Entity] = []
        var open: (type: EntityType, start: Int, value: EntityValue?, tokens: [Substring])?
        var inSentence = false
        var hasLines = false

        init(name: String) { self.name = name }

        mutating func read(_ line: Substring) throws {
            let fields = line.split(whereSeparator: { $0.unicodeScalars.first!.properties.isWhitespace })
            if fields.isEmpty {
                closeEntity()
                inSentence = false
                return
            }
            if fields[0] == CoNLLFormat.documentStart {
                finishDocument()
                started = true
                if fields.count >= 3 { try readDocumentFields(fields[fields.count - 2]) }
                return
            }
            guard fields.count >= 2 else { throw InputError("expected a token and its tag, got \"\(line)\"") }
            started = true
            let tag = fields[fields.count - 1]
            let misc = fields.count == 3 ? fields[1] : "_"
            if inSentence {
                text += " "; length += 1
            } else if hasLines {
                text += "\n"; length += 1
            }
            let start = length
            if tag == "O" {
                closeEntity()
            } else {
                guard tag.count > 2, tag.hasPrefix("B-") || tag.hasPrefix("I-"),
                      let type = EntityType(rawValue: String(tag.dropFirst(2))) else {
                    throw InputError("bad tag \"\(tag)\" (expected O, B-TYPE or I-TYPE with TYPE one of PER, ORG, LOC, MONEY, DATE)")
                }
                if tag.hasPrefix("B-") || open?.type != type {
                    closeEntity()
                    var value: EntityValue?
                    // A middle column without `=` is another tool's (a POS tag in CoNLL-2002 Dutch).
                    if misc.contains("=") {
                        value = ValueNotation.parse(misc, type: type, separator: "|")
                        if value == nil { throw InputError("cannot read the value \"\(misc)\" of a \(type.rawValue) entity") }
                    }
                    open = (type, start, value, [])
                }
                open!.tokens.append(fields[0])
            }
            text += fields[0]
            length += fields[0].unicodeScalars.count
            inSentence = true
            hasLines = true
        }

        mutating func readDocumentFields(_ misc: Substring) throws {
            guard misc.contains("=") else { return }
            guard let fields = ValueNotation.parseFields(misc, separator: "|") else {
                throw InputError("bad -DOCSTART- fields \"\(misc)\" (expected id=ID|date=YYYY-MM-DD)")
            }
            for (key, value) in fields {
                switch key {
                case "id": id = value
                case "date":
                    guard let day = CalendarDay(iso: value) else { throw InputError("bad date \"\(value)\": expected YYYY-MM-DD") }
                    date = day
                default: break
                }
            }
        }

        mutating func closeEntity() {
            guard let o = open else { return }
            let surface = o.tokens.joined(separator: " ")
            entities.append(Entity(type: o.type, start: o.start, end: o.start + surface.unicodeScalars.count, text: surface, value: o.value))
            open = nil
        }

        mutating func finishDocument() {
            closeEntity()
            if started {
                let docID = id ?? "\(name)-\(documents.count + 1)"
                documents.append(AnnotatedDocument(document: Document(id: docID, text: text, date: date), entities: entities))
            }
            started = false
            id = nil
            date = nil
            text = ""
            length = 0
            entities = []
            inSentence = false
            hasLines = false
        }
    }
}
