import Balise
import Testing

/// Tokens of a text as (original text, kind) pairs, with scalar offsets checked
/// against the original.
private func tokens(_ text: String) -> [(String, Token.Kind)] {
    let analysis = Shared.annotator().analyze(Document(id: "t", text: text))
    let scalars = Array(text.unicodeScalars)
    return analysis.tokens.indices.map { i in
        let r = analysis.scalarRange(i..<(i + 1))
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[r])
        #expect(String(s) == analysis.originalText(i..<(i + 1)))
        return (String(s), analysis.tokens[i].kind)
    }
}

private func words(_ text: String) -> [String] { tokens(text).map(\.0) }

@Suite struct TokenizerTests {
    @Test func elisionsSplitWithBothApostrophes() {
        #expect(words("l’Union d'OpenAI qu’Emmanuel jusqu'à lorsqu’il n’est s'y c’est") ==
                ["l’", "Union", "d'", "OpenAI", "qu’", "Emmanuel", "jusqu'", "à", "lorsqu’", "il", "n’", "est", "s'", "y", "c’", "est"])
    }

    @Test func wordsWithApostrophesThatAreNotElisionsStayWhole() {
        #expect(words("aujourd’hui la presqu’île, aujourd'hui quelqu'un") == ["aujourd’hui", "la", "presqu’île", ",", "aujourd'hui", "quelqu'un"])
    }

    @Test func elisionsInsideHyphenatedNamesStay() {
        #expect(words("à Gonfreville-l'Orcher, rue du Mont-d’Or, c'est-à-dire") == ["à", "Gonfreville-l'Orcher", ",", "rue", "du", "Mont-d’Or", ",", "c'", "est-à-dire"])
    }

    @Test func capitalNOrMBeforeACapitalOpensAName() {
        #expect(words("Aurélien N'Guessan, M’Bappé. N'importe quoi, il n'a pas, N’oubliez") ==
                ["Aurélien", "N'Guessan", ",", "M’Bappé", ".", "N'", "importe", "quoi", ",", "il", "n'", "a", "pas", ",", "N’", "oubliez"])
    }

    @Test func elidedArticleDetachedFromItsApostropheIsRejoined() {
        #expect(words("l' Union") == ["l'", "Union"])
    }

    @Test func digitGroupsJoinAcrossEverySpaceKind() {
        #expect(words("12 000 et 12\u{00A0}000 et 12\u{202F}000 et 1 250 000 et 2\u{2009}500") ==
                ["12 000", "et", "12\u{00A0}000", "et", "12\u{202F}000", "et", "1 250 000", "et", "2\u{2009}500"])
    }

    @Test func digitGroupsDoNotSwallowYearsOrPhoneNumbers() {
        #expect(words("en 2024 150 personnes") == ["en", "2024", "150", "personnes"])
        #expect(words("01 23 45 67 89") == ["01", "23", "45", "67", "89"])
        #expect(words("3 000,50 €") == ["3 000,50", "€"])
    }

    @Test func decimalCommaIsOneNumber() {
        let t = tokens("6,6 milliards")
        #expect(t.map(\.0) == ["6,6", "milliards"])
        #expect(t[0].1 == .number)
    }

    @Test func ordinals() {
        let t = tokens("le 1er janvier, la 2e place, le XXe siècle, la 3ème fois, Louis XIV")
        #expect(t.filter { $0.1 == .ordinal }.map(\.0) == ["1er", "2e", "XXe", "3ème"])
    }

    @Test func currencySymbolsAndPercentAreTokens() {
        let t = tokens("3M€, $US 20, 12 % et 5£")
        #expect(t.map(\.0) == ["3", "M", "€", ",", "$", "US", "20", ",", "12", "%", "et", "5", "£"])
        #expect(t[2].1 == .symbol)
        #expect(t[9].1 == .symbol)
    }

    @Test func hyphenatedCompoundsAreOneToken() {
        #expect(words("Jean-Luc vingt-deux Saint-Germain-des-Prés a-t-il") == ["Jean-Luc", "vingt-deux", "Saint-Germain-des-Prés", "a-t-il"])
    }

    @Test func abbreviationsKeepTheirFullStop() {
        #expect(words("M. Dupont, Mme Durand, MM. Martin et J.-L. Mélenchon chez Apple Inc. en janv. 2025") ==
                ["M.", "Dupont", ",", "Mme", "Durand", ",", "MM.", "Martin", "et", "J.-L.", "Mélenchon", "chez", "Apple", "Inc.", "en", "janv.", "2025"])
    }

    @Test func monthAbbreviationKeepsItsStopOnlyBeforeANumber() {
        #expect(words("Il y en avait sept. Le lendemain") == ["Il", "y", "en", "avait", "sept", ".", "Le", "lendemain"])
    }

    @Test func shapes() {
        let analysis = Shared.annotator().analyze(Document(id: "t", text: "OpenAI et la SNCF à Paris"))
        let flags = analysis.tokens.map(\.flags)
        #expect(flags[0].contains(.capitalized) && flags[0].contains(.internalCaps))
        #expect(!flags[1].contains(.capitalized))
        #expect(flags[3].contains(.allCaps))
        #expect(flags[5].contains(.capitalized) && !flags[5].contains(.allCaps))
    }

    @Test func foldedKeys() {
        let analysis = Shared.annotator().analyze(Document(id: "t", text: "Œuvre ÉTÉ d’Île-de-France"))
        #expect((0..<analysis.count).map(analysis.key) == ["oeuvre", "ete", "d'", "ile-de-france"])
    }
}

@Suite struct OffsetTests {
    /// The entity text read back from the original with scalar offsets.
    private func check(_ text: String, token: String) {
        let analysis = Shared.annotator().analyze(Document(id: "t", text: text))
        let scalars = Array(text.unicodeScalars)
        guard let i = analysis.tokens.indices.first(where: { analysis.originalText($0..<($0 + 1)) == token }) else {
            Issue.record("token \(token) not found in \(text)")
            return
        }
        let r = analysis.scalarRange(i..<(i + 1))
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[r])
        #expect(String(s) == token)
    }

    @Test func emojiBeforeASpan() {
        check("😀🇫🇷 Bonjour Paris", token: "Paris")
        let analysis = Shared.annotator().analyze(Document(id: "t", text: "😀🇫🇷 Bonjour Paris"))
        #expect(analysis.scalarRange((analysis.count - 1)..<analysis.count) == 12..<17)
    }

    @Test func decomposedAccents() {
        let text = "Me\u{0301}lenchon a\u{0300} Gene\u{0300}ve"
        check(text, token: "Me\u{0301}lenchon")
        check(text, token: "Gene\u{0300}ve")
        let analysis = Shared.annotator().analyze(Document(id: "t", text: text))
        #expect(analysis.key(0) == "melenchon")
        #expect(analysis.scalarRange(2..<3) == 14..<21)
    }

    @Test func crlfAndBOM() {
        let text = "\u{FEFF}Titre\r\n\r\nLe groupe Lumio.\r\nFin"
        check(text, token: "Lumio")
        let analysis = Shared.annotator().analyze(Document(id: "t", text: text))
        #expect(analysis.scalarRange(0..<1) == 1..<6)
        #expect(analysis.tokens[1].has(.paragraphStart))
        #expect(analysis.tokens[analysis.count - 1].has(.lineStart))
    }

    @Test func normalisedViewMapsBackExactly() {
        let text = "L’État a versé 12\u{202F}000\u{00A0}€ — voilà"
        let analysis = Shared.annotator().analyze(Document(id: "t", text: text))
        #expect(analysis.normalizedText(0..<analysis.count) == "L'État a versé 12 000 € - voilà")
        let money = analysis.tokens.firstIndex { $0.kind == .number }!
        #expect(analysis.originalText(money..<(money + 2)) == "12\u{202F}000\u{00A0}€")
    }
}

@Suite struct SentenceTests {
    private func sentences(_ text: String) -> [String] {
        let analysis = Shared.annotator().analyze(Document(id: "t", text: text))
        return analysis.sentences.map { analysis.originalText($0) }
    }

    @Test func noBreakAfterTitlesAndInitials() {
        #expect(sentences("M. Dupont est venu. Mme. Durand aussi. Le Dr. Martin et J.-L. Mélenchon ont parlé.") ==
                ["M. Dupont est venu.", "Mme. Durand aussi.", "Le Dr. Martin et J.-L. Mélenchon ont parlé."])
    }

    @Test func breakAfterANumberWord() {
        #expect(sentences("Il y en avait sept. Le lendemain, tout était fini.") == ["Il y en avait sept.", "Le lendemain, tout était fini."])
    }

    @Test func linesAreSentences() {
        #expect(sentences("Un titre sans point\nLe texte commence ici.") == ["Un titre sans point", "Le texte commence ici."])
    }
}

@Suite struct OverlapPolicyTests {
    private func candidate(_ type: EntityType, _ r: Range<Int>, _ p: Int) -> Candidate {
        Candidate(type: type, tokens: r, priority: p, rule: "\(type.rawValue)\(r)")
    }

    @Test func outermostWinsAtEqualPriority() {
        let kept = OverlapPolicy().select([candidate(.location, 2..<3, 50), candidate(.organization, 0..<3, 50)])
        #expect(kept == [candidate(.organization, 0..<3, 50)])
    }

    @Test func higherPriorityWinsOverLonger() {
        let kept = OverlapPolicy().select([candidate(.person, 0..<3, 20), candidate(.date, 2..<4, 60)])
        #expect(kept == [candidate(.date, 2..<4, 60)])
    }

    @Test func disjointCandidatesAreAllKeptInOrder() {
        let kept = OverlapPolicy().select([candidate(.money, 5..<7, 60), candidate(.person, 0..<2, 50), candidate(.location, 2..<3, 20)])
        #expect(kept.map(\.tokens) == [0..<2, 2..<3, 5..<7])
    }

    @Test func leftmostWinsAmongEqualCandidates() {
        let kept = OverlapPolicy().select([candidate(.person, 1..<3, 50), candidate(.organization, 0..<2, 50)])
        #expect(kept == [candidate(.organization, 0..<2, 50)])
    }

    @Test func outputNeverOverlaps() {
        var all: [Candidate] = []
        for start in 0..<12 { for length in 1...4 { all.append(candidate(.person, start..<(start + length), (start * 7 + length) % 5)) } }
        let kept = OverlapPolicy().select(all)
        for (a, b) in zip(kept, kept.dropFirst()) { #expect(a.tokens.upperBound <= b.tokens.lowerBound) }
    }

    @Test func movingSelectionKeepsTheSameCandidates() {
        var all: [Candidate] = []
        for start in 0..<12 { for length in 1...4 { all.append(candidate(.person, start..<(start + length), (start * 7 + length) % 5)) } }
        all.append(candidate(.date, 3..<3, 60))
        var moved = all
        #expect(OverlapPolicy().select(moving: &moved) == OverlapPolicy().select(all))
    }

    /// The policy written plainly: every candidate in order of priority, length, position,
    /// then proposal; kept unless it overlaps one kept before.
    private func reference(_ candidates: [Candidate]) -> [Candidate] {
        let order = candidates.indices.filter { !candidates[$0].tokens.isEmpty }.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            if x.priority != y.priority { return x.priority > y.priority }
            if x.tokens.count != y.tokens.count { return x.tokens.count > y.tokens.count }
            if x.tokens.lowerBound != y.tokens.lowerBound { return x.tokens.lowerBound < y.tokens.lowerBound }
            return a < b
        }
        var kept: [Candidate] = []
        for index in order where !kept.contains(where: { $0.tokens.overlaps(candidates[index].tokens) }) {
            kept.append(candidates[index])
        }
        return kept.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Candidates alone on their tokens are kept without being sorted with the others: the
    /// selection must still be the plain policy's, whether the ranks fit one integer or not.
    @Test func sameSelectionAsThePlainPolicy() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<400 {
            var all: [Candidate] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let start = Int.random(in: 0..<60, using: &generator)
                let length = Int.random(in: 0...4, using: &generator)
                // In rounds 7, 17, 27...: some priorities beyond the packed key's 8 bits.
                let priority = round % 10 == 7 && Bool.random(using: &generator) ? 300 : Int.random(in: 0...3, using: &generator) * 20
                all.append(candidate(.person, start..<(start + length), priority))
            }
            let expected = reference(all)
            #expect(OverlapPolicy().select(all) == expected)
            var moved = all
            #expect(OverlapPolicy().select(moving: &moved) == expected)
        }
    }
}

@Suite struct CalendarDayTests {
    @Test func arithmetic() {
        let d = CalendarDay(iso: "2026-11-28")!
        #expect(d.weekday == 6)
        #expect(d.adding(days: 4).description == "2026-12-02")
        #expect(d.adding(days: -333).description == "2025-12-30")
        #expect(CalendarDay(iso: "2026-01-01")!.isoWeek == (2026, 1))
        #expect(CalendarDay(iso: "2027-01-01")!.isoWeek == (2026, 53))
        #expect(CalendarDay(iso: "2024-02-30") == nil)
        #expect(CalendarDay(iso: "2024-2-03") == nil)
    }
}

/// The tokenizer finds word and sentence breaks itself in Latin text and with ICU in other
/// text (see `LatinWordBreaks`, `LatinSentenceBreaks`): both must give the same tokens and
/// sentences. A text followed by a line break and a Greek letter goes through ICU; the
/// same text alone through the fast paths.
@Suite struct LatinBreakTests {
    /// Every unit the fast paths handle, with the joining ones (letters, digits, `.` `'`
    /// `,` `;` `·`, spaces) and the sentence ones (`!` `?`, closing marks, line breaks)
    /// repeated so that random strings exercise their rules.
    private static let alphabet: [UInt16] = {
        var units = (0x20..<0x7F).map(UInt16.init) + (0xA0..<0x250).map(UInt16.init)
        units.removeAll { [0x40, 0x5F, 0xA9, 0xAD, 0xAE].contains($0) }
        units += [0x09, 0x0A, 0x0D, 0x20AC, 0x2026, 0x201C, 0x201D, 0x201E, 0x2022, 0x2030]
        for _ in 0..<20 { units += Array("aZé19.',; ".utf16) + [0xB7] }
        for _ in 0..<10 { units += Array("A. b! C? \")(« » ,:-\n\r".utf16) }
        return units
    }()

    /// 1 to `maxLength` units drawn from `alphabet`.
    private static func randomText(upTo maxLength: Int, _ generator: inout SplitMix64) -> [UInt16] {
        let length = Int(generator.next() % UInt64(maxLength)) + 1
        return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
    }

    private static func describe(_ t: Token) -> String {
        "\(t.start)-\(t.end) \(t.kind) \(t.flags.rawValue) key \(t.keyStart)-\(t.keyEnd) word \(t.word)"
    }

    @Test func fastPathGivesICUsTokens() throws {
        let tokenizer = try Tokenizer(rules: Shared.extractor.rules, vocabulary: Shared.extractor.vocabulary)
        var generator = SplitMix64(seed: 29)
        var mismatches: [String] = []
        for _ in 0..<5_000 {
            let text = LatinBreakTests.randomText(upTo: 24, &generator)
            var fastKeys: [UInt16] = [], icuKeys: [UInt16] = []
            var fastTokens = tokenizer.tokenize(text, keys: &fastKeys)
            let fastSentences = tokenizer.sentences(text, &fastTokens)
            let icuText = text + [0x0A, 0x0394]
            var icuTokens = tokenizer.tokenize(icuText, keys: &icuKeys)
            var icuSentences = tokenizer.sentences(icuText, &icuTokens)
            // The Greek letter's sentence, or the letter alone when it joined the last one (after `M.`).
            let greek = icuTokens.count - 1
            if icuSentences.last == greek..<(greek + 1) { icuSentences.removeLast() }
            else if let last = icuSentences.popLast() { icuSentences.append(last.lowerBound..<greek) }
            let fast = fastTokens.map(LatinBreakTests.describe), icu = Array(icuTokens.dropLast().map(LatinBreakTests.describe))
            if (fast != icu || fastSentences != icuSentences) && mismatches.count < 5 {
                mismatches.append("\(String(decoding: text, as: UTF16.self).debugDescription): fast \(fast) \(fastSentences) ICU \(icu) \(icuSentences)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// `tokenizeWithSentences` reads the sentence breaks only where the word breaks saw a
    /// terminator or a line break: the same sentences as `sentences` reading every unit.
    @Test func sentencesFromTheWordBreaksMatchReadingEveryUnit() throws {
        let tokenizer = try Tokenizer(rules: Shared.extractor.rules, vocabulary: Shared.extractor.vocabulary)
        var generator = SplitMix64(seed: 31)
        var mismatches: [String] = []
        for _ in 0..<5_000 {
            let text = LatinBreakTests.randomText(upTo: 40, &generator)
            var keys: [UInt16] = [], otherKeys: [UInt16] = []
            var tokens = tokenizer.tokenize(text, keys: &keys)
            let sentences = tokenizer.sentences(text, &tokens)
            let both = tokenizer.tokenizeWithSentences(text, keys: &otherKeys)
            let expected = tokens.map(LatinBreakTests.describe), found = both.tokens.map(LatinBreakTests.describe)
            if (expected != found || sentences != both.sentences) && mismatches.count < 5 {
                mismatches.append("\(String(decoding: text, as: UTF16.self).debugDescription): \(sentences) vs \(both.sentences)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}

@Suite struct TokenKeyMemoTests {
    private static func describe(_ tokens: [Token], _ keys: [UInt16]) -> [String] {
        tokens.map { t in
            "\(t.start)-\(t.end) \(t.kind) \(t.flags.rawValue) \(String(decoding: keys[Int(t.keyStart)..<Int(t.keyEnd)], as: UTF16.self)) \(t.word)"
        }
    }

    /// The first reading of a text finds every key the long way (the memo starts empty and
    /// is filled after each text); reading it again takes them from the memo.
    @Test func rememberedTokensMatchTheLongWay() throws {
        let tokenizer = try Tokenizer(rules: Shared.extractor.rules, vocabulary: Shared.extractor.vocabulary)
        let text = Array(("Le XIe siècle, l'XIe arrondissement : 1er mai, 12 000 œufs à Paris. PARIS et paris ; "
            + "OpenAI, SNCF, Jean-Luc Mélenchon, M. Dupont, aujourd'hui Gonfreville-l'Orcher, XIe 1er 12 Paris "
            + "administration gouvernementale, Œuvre STRASSE straße, fin de la phrase sans mot long ici.").utf16)
        var firstKeys: [UInt16] = [], secondKeys: [UInt16] = []
        let first = tokenizer.tokenize(text, keys: &firstKeys)
        let second = tokenizer.tokenize(text, keys: &secondKeys)
        #expect(TokenKeyMemoTests.describe(first, firstKeys) == TokenKeyMemoTests.describe(second, secondKeys))
        #expect(first.contains { $0.word >= 0 })
    }
}

@Suite struct ElisionSplitMemoTests {
    private static func describe(_ tokens: [Token]) -> [String] {
        tokens.map { "\($0.start)-\($0.end) \($0.kind) \($0.flags.rawValue)" }
    }

    /// The first reading of a text splits every elision the long way (the memo starts
    /// empty); reading it again takes the splits of the words of at most 16 units from the
    /// memo. Both must agree, and with a fresh tokenizer reading each word alone.
    @Test func rememberedSplitsMatchTheLongWay() throws {
        let tokenizer = try Tokenizer(rules: Shared.extractor.rules, vocabulary: Shared.extractor.vocabulary)
        let words = ["l'Union", "d'Or", "Mont-d'Or", "qu'aujourd'hui", "aujourd'hui", "N'Guessan", "n'est",
                     "L'XIe", "lorsqu'il", "jusqu'à", "l'A7", "presqu'île", "l'l'l'l'l'l'l'l'l'x", "l'", "l '",
                     "d'administration", "l'internationalisation", "M'Bappé", "m'a", "c'est-à-dire"]
        let text = Array(words.joined(separator: " ").utf16)
        var firstKeys: [UInt16] = [], secondKeys: [UInt16] = []
        let first = tokenizer.tokenize(text, keys: &firstKeys)
        let second = tokenizer.tokenize(text, keys: &secondKeys)
        #expect(ElisionSplitMemoTests.describe(first) == ElisionSplitMemoTests.describe(second))
        #expect(first.contains { $0.has(.elision) })
        for word in words {
            let units = Array(word.utf16)
            var freshKeys: [UInt16] = [], warmKeys: [UInt16] = []
            let fresh = try Tokenizer(rules: Shared.extractor.rules, vocabulary: Shared.extractor.vocabulary)
                .tokenize(units, keys: &freshKeys)
            let warm = tokenizer.tokenize(units, keys: &warmKeys)
            #expect(ElisionSplitMemoTests.describe(fresh) == ElisionSplitMemoTests.describe(warm), "\(word)")
        }
    }
}
