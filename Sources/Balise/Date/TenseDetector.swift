/// Reads the tense of the sentence around a date from its verbs and cue words
/// (`tense-cues.txt`): the cue nearest to the date decides, the nearer one on the left
/// when two are as near.
struct TenseDetector {
    let lexicon: DateLexicon
    let text: AnalyzedText

    /// Cues farther than this many tokens belong to another clause.
    static let reach = 10

    /// `fallback` is the direction of an earlier date of the same sentence, which a date
    /// coordinated with it shares (`vendredi ou lundi`, `demain, puis samedi`).
    func tense(around span: Range<Int>, fallback: Tense = .unknown) -> Tense {
        // A preposition that points one way: `depuis jeudi`, `d'ici juin`.
        let before = span.lowerBound - 1
        if before >= 0 {
            // `pour le 12 février`, `pour samedi`.
            let preposition = before > 0 && lexicon.roles(text.tokens[before].word).contains(.determiner) ? before - 1 : before
            if let found = cue(at: preposition), found.kind == .beforeDate { return found.tense }
            let w = text.tokens[before].word
            if w == lexicon.wordDepuis { return .past }
            if w == lexicon.wordIci && before > 0 && text.tokens[before - 1].word == lexicon.wordD { return .future }
            // `jusqu'au 21 mai`, `jusqu'à mardi`.
            if before > 0 && text.tokens[before - 1].word == lexicon.wordJusqu { return .future }
        }
        // `l'a promis cet été`: right before the date, a participle that announces (`promis`,
        // `prévu`) after an auxiliary is a compound past; with its object between (`a promis un
        // bilan au printemps`) it still announces.
        if before >= 1, cue(at: before)?.tense == .future, let auxiliary = cue(at: before - 1), auxiliary.tense == .past,
           text.tokens[before - 1].length <= 5 {
            return .past
        }
        let sentence = text.sentence(of: span.lowerBound)
        var distance = 1
        while distance <= TenseDetector.reach,
              span.lowerBound - distance >= sentence.lowerBound || span.upperBound - 1 + distance < sentence.upperBound {
            let left = span.lowerBound - distance
            if left >= sentence.lowerBound, let t = tense(of: left) { return t }
            let right = span.upperBound - 1 + distance
            if right < sentence.upperBound, let t = tense(of: right) { return t }
            distance += 1
        }
        return fallback
    }

    /// The tense that token `i` marks, or nil.
    func tense(of i: Int) -> Tense? {
        guard let found = cue(at: i) else { return nil }
        switch found.kind {
        case .hypothesis, .reported, .beforeDate:
            return nil
        case .conditional:
            return opens(.reported, before: i) ? .future : nil
        case .imperfect where opens(.hypothesis, before: i):
            // `si le vote avait lieu en juin`: a condition on what is to come.
            return .future
        default:
            break
        }
        return found.tense == .unknown ? nil : found.tense
    }

    /// Clauses opened by `si` or `que` are short: the opening word is a few tokens before the verb.
    static let clauseReach = 6

    func opens(_ kind: TenseCue.Kind, before i: Int) -> Bool {
        let sentence = text.sentence(of: i)
        var k = i - 1
        while k >= max(sentence.lowerBound, i - TenseDetector.clauseReach) {
            if cue(at: k)?.kind == kind { return true }
            k -= 1
        }
        return false
    }

    /// Whether token `i` is written `spelling` (lowercase), whatever its capitals.
    func spelled(_ i: Int, _ spelling: [UInt16]) -> Bool {
        let units = text.units(i)
        guard units.count == spelling.count else { return false }
        return zip(units, spelling).allSatisfy { u, s in
            u == s || ((0x41...0x5A).contains(u) || (0xC0...0xDE).contains(u)) && u + 0x20 == s
        }
    }

    /// The cue that token `i` is (or opens, for two-word cues), or nil.
    func cue(at i: Int) -> TenseCue? {
        let token = text.tokens[i]
        guard token.kind == .word, !token.has(.capitalized) || token.has(.sentenceStart) else { return nil }
        // `a` the verb, not `à` the preposition (both fold to `a`).
        if token.word == lexicon.wordA && text.units(i).first != 0x61 { return nil }
        // Most words are in neither table: tested in a bit set first, since a look-up in
        // `tensePairs` copied out an array and one in `tenseWords` a cue holding one.
        if token.word >= 0 ? lexicon.tenseCueWords.contains(token.word) : token.word == -1 && lexicon.unknownWordIsTenseCue {
            if let pairs = lexicon.tensePairs[token.word], i + 1 < text.count {
                let next = text.tokens[i + 1].word
                if let pair = pairs.first(where: { $0.next == next }) { return pair.cue }
            }
            if let cue = lexicon.tenseWords[token.word] {
                if let spelling = cue.spelling, !spelled(i, spelling) { return nil }
                return cue
            }
        }
        let keyStart = Int(token.keyStart), keyEnd = Int(token.keyEnd)
        guard keyEnd - keyStart >= 4, lexicon.tenseSuffixLastUnits?.contains(text.keys[keyEnd - 1]) ?? true else { return nil }
        for (suffix, cue) in lexicon.tenseSuffixes where suffix.count < keyEnd - keyStart {
            var matches = true
            var k = keyEnd - suffix.count
            for unit in suffix {
                if text.keys[k] != unit { matches = false; break }
                k += 1
            }
            if matches { return cue }
        }
        return nil
    }
}
