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
            let w = text.tokens[before].word
            if w == lexicon.wordDepuis { return .past }
            if w == lexicon.wordIci && before > 0 && text.tokens[before - 1].word == lexicon.wordD { return .future }
            // `jusqu'au 21 mai`, `jusqu'à mardi`.
            if before > 0 && text.tokens[before - 1].word == lexicon.wordJusqu { return .future }
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
        let token = text.tokens[i]
        guard token.kind == .word, !token.has(.capitalized) || token.has(.sentenceStart) else { return nil }
        if let t = lexicon.tenseWords[token.word] {
            // `a` the verb, not `à` the preposition (both fold to `a`).
            if token.word == lexicon.wordA && text.units(i).first != 0x61 { return nil }
            return t == .unknown ? nil : t
        }
        let keyStart = Int(token.keyStart), keyEnd = Int(token.keyEnd)
        guard keyEnd - keyStart >= 4 else { return nil }
        for (suffix, tense) in lexicon.tenseSuffixes where suffix.count < keyEnd - keyStart {
            var matches = true
            var k = keyEnd - suffix.count
            for unit in suffix {
                if text.keys[k] != unit { matches = false; break }
                k += 1
            }
            if matches { return tense == .unknown ? nil : tense }
        }
        return nil
    }
}
