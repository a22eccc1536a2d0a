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
    /// number, a number word, a symbol or capitals (a code). Most tokens are none of these:
    /// they are skipped in a loop of its own over the tokens' memory, which holds nothing
    /// else and reads the bit set of number words once (in the scan around the matcher, each
    /// token cost about thirty instructions).
    private func nextPossibleStart(from i: Int, in text: AnalyzedText) -> Int {
        text.tokens.withUnsafeBufferPointer { tokens in
            let numberWords = lexicon.numberWords
            var k = i
            while k < tokens.count {
                let token = tokens[k]
                if token.kind == .number || token.kind == .symbol || token.has(.allCaps) || numberWords.contains(token.word) {
                    return k
                }
                k += 1
            }
            return k
        }
    }
}
