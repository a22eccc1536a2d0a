import Balise
import Testing

/// Texts that stop or start anywhere. A rule that reads one token past the end traps, and a
/// trap stops a whole run of `annotate` or `batch`, not one document: texts ending in an
/// article (`Les`), in `l'année` or in `Lire à` did. Every text here is annotated and its
/// entities checked against the invariants of the output format.
@Suite struct RobustnessTests {
    /// Entities in text order, not overlapping, inside the text, whose `text` is the text at
    /// their offsets (code points), with a value for every amount and date.
    static func violations(of annotated: AnnotatedDocument) -> [String] {
        let scalars = Array(annotated.document.text.unicodeScalars)
        var problems: [String] = []
        var lastEnd = 0
        for entity in annotated.entities {
            let where_ = "\(entity.type.rawValue) \(entity.start)..<\(entity.end) in \(String(reflecting: annotated.document.text))"
            guard entity.start >= lastEnd, entity.start < entity.end, entity.end <= scalars.count else {
                problems.append("out of order or out of the text: \(where_)")
                continue
            }
            var expected = String.UnicodeScalarView()
            expected.append(contentsOf: scalars[entity.start..<entity.end])
            if entity.text != String(expected) { problems.append("text \(String(reflecting: entity.text)) differs from the offsets: \(where_)") }
            if (entity.type == .money || entity.type == .date) && entity.value == nil { problems.append("no value: \(where_)") }
            lastEnd = entity.end
        }
        return problems
    }

    /// Every cut at a space or punctuation mark of a document: the 240 units before it as
    /// one text, the 240 after it as another.
    static func cuts(of text: String) -> [String] {
        let units = Array(text.unicodeScalars)
        var texts: [String] = []
        func slice(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: units[range])
            return String(view)
        }
        for (k, u) in units.enumerated() where u.properties.isWhitespace || RobustnessTests.isPunctuation(u) {
            texts.append(slice(max(0, k - 240)..<k))
            texts.append(slice(max(0, k - 240)..<(k + 1)))
            texts.append(slice(k..<min(units.count, k + 240)))
            texts.append(slice((k + 1)..<min(units.count, k + 241)))
        }
        return texts
    }

    static func isPunctuation(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    static func corpusDocuments() throws -> [Document] {
        let reader = try LineReader(path: Repository.corpus + "/gold.jsonl")
        var documents: [Document] = []
        while let line = try reader.next() {
            documents.append(try JSONLinesFormat.decode(line, fallbackID: "line-\(reader.lineNumber)").document)
        }
        return documents
    }

    @Test func textsCutAnywhereInCorpusDocuments() throws {
        let documents = try Self.corpusDocuments()
        // One document in twenty-four: 8 documents, about 15 000 texts.
        let chosen = stride(from: 0, to: documents.count, by: 24).map { documents[$0] }
        #expect(chosen.count >= 7)
        let annotator = Shared.annotator()
        var checked = 0, entities = 0
        for document in chosen {
            for (n, text) in Self.cuts(of: document.text).enumerated() {
                let annotated = annotator.annotate(Document(id: "\(document.id)-\(n)", text: text, date: document.date))
                let problems = Self.violations(of: annotated)
                #expect(problems.isEmpty, "\(problems)")
                checked += 1
                entities += annotated.entities.count
            }
        }
        #expect(checked > 5_000)
        #expect(entities > checked, "the cut texts should still hold names, places, amounts and dates")
    }

    /// Word salads from the corpus's own words and punctuation, with capitals and line breaks
    /// at random (fixed seed): sequences no rule was written for.
    @Test func wordSaladsKeepTheInvariants() throws {
        let documents = try Self.corpusDocuments()
        var words: [Substring] = []
        for document in documents.prefix(60) {
            words += document.text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        }
        var generator = SplitMix64(seed: 2026)
        let separators = [" ", " ", " ", " ", "\n", "\n\n", ", ", ". ", "-", "'", ""]
        let annotator = Shared.annotator()
        for n in 0..<4000 {
            var text = ""
            for _ in 0..<(1 + Int(generator.next() % 10)) {
                var word = String(words[Int(generator.next() % UInt64(words.count))])
                switch generator.next() % 20 {
                case 0: word = word.uppercased()
                case 1...4: word = word.prefix(1).uppercased() + word.dropFirst()
                default: break
                }
                text += word + separators[Int(generator.next() % UInt64(separators.count))]
            }
            if generator.next() % 2 == 0 { while text.last?.isWhitespace == true { text.removeLast() } }
            let problems = Self.violations(of: annotator.annotate(Document(id: "salad-\(n)", text: text, date: CalendarDay(iso: "2024-10-01"))))
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    /// Each of these stopped the run before (an index past the last token).
    @Test(arguments: [
        ("Les", [String]()),
        ("Le ", []),
        ("Zipperaient ,\n\nLa", []),
        ("conspues, l’an\n", []),
        ("Les travaux dureront toute l'année", []),
        ("Rendez-vous à la fin de l'année", ["DATE la fin de l'année"]),
        ("Une année", []),
        ("Elle préside l’association Lire à", ["ORG Lire"]),
    ])
    func textsEndingWhereARuleLooksFurther(_ text: String, _ expected: [String]) {
        let annotated = Shared.annotator().annotate(Document(id: "end", text: text, date: CalendarDay(iso: "2024-10-01")))
        #expect(annotated.entities.map { "\($0.type.rawValue) \($0.text)" } == expected)
        #expect(Self.violations(of: annotated).isEmpty)
    }
}
