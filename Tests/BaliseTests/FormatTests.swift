import Balise
import Foundation
import Testing

/// Documents of the format fixtures and, when present, of the corpus.
enum FormatFixtures {
    static let directory = Repository.root + "/Tests/Fixtures/formats"
    static let documentsPath = directory + "/documents.jsonl"
    static let corpusPath = Repository.corpus + "/gold.jsonl"

    static func documents() throws -> [AnnotatedDocument] {
        try DocumentFiles.read(documentsPath, format: .jsonl)
    }

    /// The fixtures, then the corpus documents when the corpus exists.
    static func allDocuments() throws -> [AnnotatedDocument] {
        var docs = try documents()
        if FileManager.default.fileExists(atPath: corpusPath) {
            docs += try DocumentFiles.read(corpusPath, format: .jsonl)
        }
        return docs
    }
}

/// Entities compared on what CoNLL keeps: type, value and the text without its spacing
/// (CoNLL rebuilds the text with one space between tokens).
private func conllView(_ doc: AnnotatedDocument) -> [String] {
    doc.entities.map { e in
        let letters = String(e.text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        return "\(e.type.rawValue) \(letters) \(e.value.map { ValueNotation.format($0, separator: " ") } ?? "-")"
    }
}

@Suite struct ValueNotationTests {
    @Test func moneyDateAndRangeRoundTrip() {
        let values: [(EntityValue, EntityType, String)] = [
            (.money(MoneyValue(amount: "6600000000", currency: "USD")), .money, "amount=6600000000 currency=USD"),
            (.money(MoneyValue(min: "5000000", max: "10000000", currency: "EUR")), .money, "min=5000000 max=10000000 currency=EUR"),
            (.date(DateValue(timex: "2025-02", mod: .end)), .date, "timex=2025-02 mod=END"),
            (.date(DateValue(timex: "2025-03-03/2025-03-05")), .date, "timex=2025-03-03/2025-03-05"),
        ]
        for (value, type, text) in values {
            #expect(ValueNotation.format(value, separator: " ") == text)
            #expect(ValueNotation.parse(Substring(text), type: type, separator: " ") == value)
            let piped = ValueNotation.format(value, separator: "|")
            #expect(ValueNotation.parse(Substring(piped), type: type, separator: "|") == value)
        }
    }

    @Test func humanNotesAreNotValues() {
        #expect(ValueNotation.parse("à vérifier", type: .money, separator: " ") == nil)
        #expect(ValueNotation.parse("timex=2025 mod=SOON", type: .date, separator: " ") == nil)
        #expect(ValueNotation.parse("timex=2025", type: .money, separator: " ") == nil)
    }

    @Test func escapedFieldsKeepSpacesAndSeparators() {
        let fields = [("id", "doc espace|x=1%")]
        let text = ValueNotation.format(fields, separator: "|")
        #expect(text == "id=doc%20espace%7Cx%3D1%25")
        let back = ValueNotation.parseFields(Substring(text), separator: "|")
        #expect(back?.first?.1 == "doc espace|x=1%")
    }
}

@Suite struct JSONLinesRoundTripTests {
    @Test func fixturesAndCorpusRoundTrip() throws {
        for doc in try FormatFixtures.allDocuments() {
            let line = JSONLinesFormat.encode(doc)
            let back = try JSONLinesFormat.decode(Array(line.utf8), fallbackID: "x")
            #expect(back == doc, "\(doc.id)")
        }
    }

    /// The writer writes each type's name as a literal of its own: it must be the raw value.
    @Test func everyTypeIsWrittenAsItsRawValue() throws {
        let text = "abcdefghij"
        let entities = EntityType.allCases.enumerated().map { k, type in
            Entity(type: type, start: k, end: k + 1, text: String(Array(text)[k]))
        }
        let doc = AnnotatedDocument(document: Document(id: "t", text: text), entities: entities)
        for pretty in [false, true] {
            let line = JSONLinesFormat.encode(doc, options: .init(pretty: pretty))
            let sp = pretty ? " " : ""
            for type in EntityType.allCases {
                #expect(line.contains("\"type\":\(sp)\"\(type.rawValue)\""), "\(type)")
            }
            let back = try JSONLinesFormat.decode(Array(line.utf8), fallbackID: "x")
            #expect(back.entities.map(\.type) == EntityType.allCases)
        }
    }
}

@Suite struct BratFormatTests {
    @Test func fixturesAndCorpusRoundTrip() throws {
        for doc in try FormatFixtures.allDocuments() {
            let files = BratFormat.encode(doc)
            let (back, warnings) = try BratFormat.decode(id: doc.id, text: files.text, ann: files.ann, meta: files.meta)
            #expect(back == doc, "\(doc.id)")
            #expect(warnings.isEmpty, "\(doc.id): \(warnings)")
        }
    }

    @Test func writesOffsetsInCodePointsAndOneLineTexts() throws {
        let docs = try FormatFixtures.documents()
        let astral = BratFormat.encode(docs.first { $0.id == "doc-astral" }!)
        #expect(astral.ann == "T1\tPER 2 13\tMarie Curie\nT2\tLOC 27 35\tVarsovie\nT3\tLOC 45 50\tParis\n")
        #expect(astral.meta == nil)
        let spaced = BratFormat.encode(docs.first { $0.id == "doc espace" }!)
        #expect(spaced.ann.hasPrefix("T1\tORG 3 15;16 27\tministère de l'Intérieur\n"))
        let basic = BratFormat.encode(docs.first { $0.id == "doc-basic" }!)
        #expect(basic.ann.contains("#2\tAnnotatorNotes T2\tamount=6600000000 currency=USD\n"))
        #expect(basic.ann.contains("#4\tAnnotatorNotes T4\ttimex=2025-03-03\n"))
        #expect(basic.meta == "date=2025-03-01\n")
    }

    @Test func readsFilesEditedInBrat() throws {
        let text = "Le 3 mars, Sam Altman a rencontré Mistral à Paris."
        let ann = """
            T7\tPER 11 21\tSam Altman
            T3\tDATE 3 9\t3 mars
            #5\tAnnotatorNotes T3\ttimex=XXXX-03-03
            #6\tAnnotatorNotes T7\tà vérifier
            T12\tORG 34 41\tMistral
            R1\tMeets Arg1:T7 Arg2:T12
            A1\tNegated T12
            T13\tLOC 44 49\tParis

            """
        let (doc, warnings) = try BratFormat.decode(id: "edited", text: text, ann: ann, meta: nil)
        #expect(doc.entities.map { "\($0.type.rawValue) \($0.start) \($0.end) \($0.text)" } ==
                ["DATE 3 9 3 mars", "PER 11 21 Sam Altman", "ORG 34 41 Mistral", "LOC 44 49 Paris"])
        #expect(doc.entities[0].value == .date(DateValue(timex: "XXXX-03-03")))
        #expect(doc.entities[1].value == nil)
        #expect(warnings == [
            "edited.ann: 1 line(s) starting with \"A\" ignored (only entities and their notes are read)",
            "edited.ann: 1 line(s) starting with \"R\" ignored (only entities and their notes are read)",
        ])
    }

    @Test func rejectsDiscontinuousSpansAndUnknownTypes() throws {
        let text = "Banque de France"
        #expect {
            _ = try BratFormat.decode(id: "d", text: text, ann: "T1\tORG 0 6;10 16\tBanque France\n", meta: nil)
        } throws: { "\($0)".contains("d.ann:1: discontinuous span \"0 6;10 16\"") }
        let (joined, _) = try BratFormat.decode(id: "d", text: "Banque\nde France", ann: "T1\tORG 0 6;7 16\tBanque de France\n", meta: nil)
        #expect(joined.entities == [Entity(type: .organization, start: 0, end: 16, text: "Banque\nde France")])
        #expect {
            _ = try BratFormat.decode(id: "d", text: text, ann: "T1\tMISC 0 6\tBanque\n", meta: nil)
        } throws: { "\($0)".contains("unknown entity type \"MISC\"") }
        #expect {
            _ = try BratFormat.decode(id: "d", text: text, ann: "T1\tORG 0 60\tBanque\n", meta: nil)
        } throws: { "\($0)".contains("outside the text") }
    }
}

@Suite struct CoNLLFormatTests {
    @Test func writesTokensTagsAndValues() throws {
        let doc = try FormatFixtures.documents().first { $0.id == "doc-adjacent" }!
        let encoded = CoNLLFormat.encode(doc, analysis: Shared.annotator().analyze(doc.document))
        #expect(encoded.lost.isEmpty)
        #expect(encoded.text == """
            -DOCSTART- id=doc-adjacent O

            Les _ O
            villes _ O
            Lyon _ B-LOC
            Marseille _ B-LOC
            et _ O
            la _ O
            start-up _ O
            Mistral _ B-ORG
            -AI _ O
            ont _ O
            reçu _ O
            € amount=12|currency=EUR B-MONEY
            12 _ I-MONEY
            . _ O


            """)
    }

    @Test func fixturesAndCorpusRoundTrip() throws {
        let annotator = Shared.annotator()
        for doc in try FormatFixtures.allDocuments() {
            let first = CoNLLFormat.encode(doc, analysis: annotator.analyze(doc.document))
            #expect(first.lost.isEmpty, "\(doc.id): \(first.lost)")
            let back = try CoNLLFormat.decode(first.text, name: "x")
            #expect(back.count == 1)
            guard let read = back.first else { continue }
            #expect(read.id == doc.id && read.document.date == doc.document.date)
            #expect(conllView(read) == conllView(doc), "\(doc.id)")
            for e in read.entities {
                #expect(read.text.unicodeScalars.count >= e.end)
            }
            #expect(CoNLLFormat.encodePretokenized(read).text == first.text, "\(doc.id)")
            // Tokenizing the rebuilt text again may split tokens further, never the tags' spans.
            let retokenized = CoNLLFormat.encode(read, analysis: annotator.analyze(read.document))
            #expect(retokenized.lost.isEmpty)
            #expect(conllView(try CoNLLFormat.decode(retokenized.text, name: "x")[0]) == conllView(doc), "\(doc.id)")
        }
    }

    @Test func readsPlainColumnsAsConllevalDoes() throws {
        let text = """
            -DOCSTART- O

            Le O
            Crédit I-ORG
            Agricole I-ORG
            Lyon B-LOC
            Lille I-LOC

            Paris I-ORG
            x -X- I-PER

            """
        let docs = try CoNLLFormat.decode(text, name: "plain")
        #expect(docs.count == 1)
        #expect(docs[0].id == "plain-1")
        #expect(docs[0].text == "Le Crédit Agricole Lyon Lille\nParis x")
        #expect(docs[0].entities.map { "\($0.type.rawValue) \($0.start) \($0.text)" } ==
                ["ORG 3 Crédit Agricole", "LOC 19 Lyon Lille", "ORG 30 Paris", "PER 36 x"])
    }

    @Test func reportsBadTagsWithTheirLine() {
        #expect {
            _ = try CoNLLFormat.decode("-DOCSTART- O\n\nParis B-GPE\n", name: "bad", source: "bad.conll")
        } throws: { "\($0)".hasPrefix("bad.conll:3: bad tag \"B-GPE\"") }
    }
}

@Suite struct HTMLFormatTests {
    @Test func marksEveryEntityEscapesTextAndHasALegend() throws {
        let docs = try FormatFixtures.documents()
        let page = HTMLFormat.page(docs)
        let entityCount = docs.reduce(0) { $0 + $1.entities.count }
        #expect(page.components(separatedBy: "<mark class=\"e ").count - 1 == entityCount + EntityType.allCases.count)
        #expect(page.contains("<ul class=\"legend\">"))
        for type in EntityType.allCases { #expect(page.contains("<li><mark class=\"e \(type.rawValue)\"")) }
        #expect(page.contains(">AT&amp;T</mark> &lt;USA&gt; » a payé "))
        #expect(page.contains("title=\"MONEY: amount=12000 currency=EUR\">12\u{A0}000 €</mark> &quot;net&quot; "))
        #expect(page.contains("title=\"DATE: timex=2024 mod=END\">fin 2024</mark> &amp; plus."))
        #expect(page.contains("<h2>doc espace</h2>"))
        #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"))
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
    }
}

/// The annotator's entities keep their text as a range of the document's UTF-16 units and
/// the JSON writer escapes it from there: the output must be the one written from strings.
@Suite struct EntityTextInPlaceTests {
    @Test func sameJSONAsFromStrings() throws {
        let text = "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin le 3 mars 2025 "
            + "pour 2,5 millions d’euros.\nM. Jean \"Dupont\" est arrivé à Paris 😀 lundi\u{2028}avec "
            + "la Banque de France\t(BDF) et 𝒳 Société Générale \\ Crédit Agricole le 14 juillet."
        let annotator = Shared.annotator()
        let doc = annotator.annotate(Document(id: "t\u{1}", text: text, date: CalendarDay(iso: "2025-03-01")))
        #expect(doc.entities.count >= 5)
        let scalars = Array(text.unicodeScalars)
        var fromStrings = doc
        fromStrings.entities = doc.entities.map {
            Entity(type: $0.type, start: $0.start, end: $0.end, text: String($0.text), value: $0.value, rule: $0.rule)
        }
        for e in doc.entities {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[e.start..<e.end])
            #expect(e.text == String(s))
        }
        for options in [JSONLinesFormat.Options(), JSONLinesFormat.Options(pretty: true, explain: true)] {
            #expect(JSONLinesFormat.encode(doc, options: options) == JSONLinesFormat.encode(fromStrings, options: options))
        }
        let back = try JSONLinesFormat.decode(Array(JSONLinesFormat.encode(doc).utf8), fallbackID: "x")
        #expect(back == doc)
    }
}

/// A text read from a JSON line that escapes it as the writer does is copied to the output
/// instead of escaped again: the output must be the one written from the text itself.
@Suite struct JSONTextReuseTests {
    @Test(arguments: [
        #"{"id":"a","text":"Plain \"quoted\" back\\slash\nline\ttab\rreturn d’été"}"#,
        #"{"id":"b","text":"Slash \/ escaped, \u00e9 and \u0001 and \b\f"}"#,
        "{\"id\":\"c\",\"text\":\"Raw separators \u{2028} and \u{2029} here\"}",
        #"{"id":"d","text":"Escaped separators \u2028 \u2029 and a pair \ud83d\ude00"}"#,
    ])
    func sameOutputAsFromTheText(line: String) throws {
        let read = try JSONLinesFormat.decode(Array(line.utf8), fallbackID: "x")
        let fresh = AnnotatedDocument(document: Document(id: read.id, text: read.text), entities: [])
        for options in [JSONLinesFormat.Options(), JSONLinesFormat.Options(pretty: true)] {
            #expect(JSONLinesFormat.encode(read, options: options) == JSONLinesFormat.encode(fresh, options: options))
        }
        var changed = read
        changed.document.text += " (edited)"
        #expect(JSONLinesFormat.encode(changed) == JSONLinesFormat.encode(
            AnnotatedDocument(document: Document(id: read.id, text: read.text + " (edited)"), entities: [])))
    }
}

/// The plain line reader checks the UTF-8 of its strings itself, in the pass that finds
/// their end, and makes the Strings without a second check: it must accept exactly the
/// bytes the standard library accepts, and give the same text.
@Suite struct PlainLineUTF8Tests {
    /// Bytes at the edges of UTF-8's ranges (leads, continuations, overlong and surrogate forms).
    static let edges: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xA8, 0xBF, 0xC0, 0xC2, 0xDF,
                                 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]

    static func check(_ content: [UInt8]) throws {
        let expected = String(validating: content, as: UTF8.self)
        // In a long ASCII run (read eight bytes at a time), after an escape, and at the end of the string.
        for (before, after) in [("Un texte assez long ", " et la suite"), ("ligne\\n", ""), ("", "")] {
            let line = Array(#"{"id":"a","text":""#.utf8) + Array(before.utf8) + content + Array(after.utf8) + Array(#""}"#.utf8)
            let read = try JSONLinesFormat.decodePlain(line, fallbackID: "x")
            let prefix = before.replacingOccurrences(of: "\\n", with: "\n")
            #expect(read?.text == expected.map { prefix + $0 + after }, "\(content)")
        }
    }

    @Test func acceptsExactlyValidUTF8() throws {
        let edges = PlainLineUTF8Tests.edges
        for a in edges {
            try PlainLineUTF8Tests.check([a])
            for b in edges {
                try PlainLineUTF8Tests.check([a, b])
                for c in edges {
                    try PlainLineUTF8Tests.check([a, b, c])
                    guard a >= 0xF0 else { continue }
                    for d in edges { try PlainLineUTF8Tests.check([a, b, c, d]) }
                }
            }
        }
    }

    @Test func keepsTextsBeyondASCII() throws {
        for text in ["é", "d’été « guillemets » – tiret", "😀 emoji \u{10FFFF} \u{FFFD}", "\u{2028}", "ASCII only"] {
            try PlainLineUTF8Tests.check(Array(text.utf8))
        }
    }
}
