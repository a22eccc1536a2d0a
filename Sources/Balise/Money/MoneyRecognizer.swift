/// MONEY: amounts with a currency (`6,6 milliards de dollars`, `12 €`, `USD 20`,
/// `cinquante euros`, `5 et 10 millions d'euros`). `MoneyMatcher` finds the parts,
/// `MoneyResolver` computes the exact value.
public struct MoneyRecognizer: Recognizer {
    public let name = "MoneyRecognizer"
    let lexicon: MoneyLexicon
    let resolver = MoneyResolver()

    public static func make(_ loader: LexiconLoader) throws -> any Recognizer {
        MoneyRecognizer(lexicon: try MoneyLexicon(loader))
    }

    public func propose(in text: AnalyzedText, into candidates: inout [Candidate]) {
        var i = nextPossibleStart(from: 0, in: text)
        guard i < text.count else { return }
        let matcher = MoneyMatcher(lexicon: lexicon, text: text, index: text.lexiconIndex)
        while i < text.count {
            // The match taken apart, its parts handed over: bound whole and read through, it
            // was copied (every string and array in it retained) and both copies released.
            guard let (tokens, parts, rule) = matcher.match(at: i).map({ ($0.tokens, $0.parts, $0.rule) }),
                  let value = resolver.resolve(parts) else {
                i = nextPossibleStart(from: i + 1, in: text)
                continue
            }
            candidates.append(Candidate(type: .money, tokens: tokens, value: .money(value),
                                        priority: Priority.pattern, rule: rule.rawValue))
            i = nextPossibleStart(from: tokens.upperBound, in: text)
        }
    }

    /// The first token from `i` where a money phrase may start (the token count if none): a
    /// number, a number word, a symbol or capitals (a code).
    private func nextPossibleStart(from i: Int, in text: AnalyzedText) -> Int {
        let numberWords = lexicon.numberWords
        return text.firstToken(from: i) { token in
            token.kind == .number || token.kind == .symbol || token.has(.allCaps) || numberWords.contains(token.word)
        }
    }
}
