/// Finds DATE entities: `DateMatcher` reads the parts of each expression, `TenseDetector`
/// adds the sentence's tense when a partial date needs it, and `DateResolver` computes the
/// TIMEX3 value against the document date.
public struct DateRecognizer: Recognizer {
    public let name = "DateRecognizer"
    let lexicon: DateLexicon

    public static func make(_ loader: LexiconLoader) throws -> any Recognizer {
        DateRecognizer(lexicon: try DateLexicon(loader))
    }

    public func propose(in text: AnalyzedText, into candidates: inout [Candidate]) {
        let matcher = DateMatcher(lexicon: lexicon, text: text)
        let tenses = TenseDetector(lexicon: lexicon, text: text)
        // The direction of the last date seen and its sentence.
        var previous: (sentence: Int, tense: Tense) = (-1, .unknown)
        var i = 0
        while true {
            i = nextPossibleStart(from: i, in: text)
            guard i < text.count else { break }
            let token = text.tokens[i]
            switch token.kind {
            case .number, .ordinal:
                break
            case .word:
                if !token.has(.abbreviation) && !token.has(.hyphenated) {
                    // An article (`la`, `les`) opens a date only before another date word
                    // (`la semaine dernière`): most articles stop here.
                    // `dans`, `il`, `ans`, `été`: words whose rules need a given word beside them.
                    if token.word < 0 || !lexicon.starters.contains(token.word)
                        || (lexicon.articleStarters.contains(token.word) && !startsDateWord(i + 1, text))
                        || !matcher.starterMayOpenDate(i) {
                        i += 1
                        continue
                    }
                } else if !token.has(.abbreviation) && !lexicon.starters.contains(token.word)
                            && !matcher.hyphenatedWordMayOpenDate(i) {
                    // `Saint-Nazaire`, `porte-parole`: no `mi-`, no month before the hyphen.
                    i += 1
                    continue
                }
            default:
                i += 1
                continue
            }
            guard let found = matcher.match(at: i), !isRecurring(found.tokens, text) else {
                i += 1
                continue
            }
            var expression = found.expression
            let sentence = text.sentenceIndex(of: found.tokens.lowerBound)
            if expression.needsTense {
                let fallback = previous.sentence == sentence ? previous.tense : .unknown
                expression.tense = tenses.tense(around: found.tokens, fallback: fallback)
            }
            if found.habitualUnlessDirected && expression.tense != .past && expression.tense != .future {
                i = found.tokens.upperBound
                continue
            }
            previous = (sentence, expression.direction)
            let value = DateResolver.resolve(expression, reference: text.document.date)
            candidates.append(Candidate(type: .date, tokens: found.tokens, value: .date(value),
                                        priority: Priority.pattern, rule: found.rule))
            i = found.tokens.upperBound
        }
    }

    /// The first token from `i` that the scan below must look at (the token count if none):
    /// a number, an ordinal, a hyphenated word or an abbreviation, or a starter.
    private func nextPossibleStart(from i: Int, in text: AnalyzedText) -> Int {
        let starters = lexicon.starters
        return text.firstToken(from: i) { token in
            switch token.kind {
            case .number, .ordinal: true
            case .word: token.has(.abbreviation) || token.has(.hyphenated) || starters.contains(token.word)
            default: false
            }
        }
    }

    private func startsDateWord(_ i: Int, _ text: AnalyzedText) -> Bool {
        i < text.count && lexicon.starters.contains(text.tokens[i].word)
    }

    /// `chaque lundi`, `tous les lundis`: a set of days, not a date.
    private func isRecurring(_ span: Range<Int>, _ text: AnalyzedText) -> Bool {
        let before = span.lowerBound - 1
        guard before >= 0 else { return false }
        if lexicon.roles(text.tokens[before].word).contains(.set) { return true }
        return before > 0 && text.tokens[before].word == lexicon.wordLes
            && lexicon.roles(text.tokens[before - 1].word).contains(.set)
    }
}
