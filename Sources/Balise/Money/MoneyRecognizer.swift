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
        let matcher = MoneyMatcher(lexicon: lexicon, text: text)
        var i = 0
        while i < text.count {
            // A money phrase starts at a number, a number word, a symbol or capitals (a code):
            // most tokens are none of these, and are skipped without calling the matcher.
            let token = text.tokens[i]
            guard token.kind == .number || token.kind == .symbol || token.has(.allCaps) || lexicon.isNumberWord(token.word) else {
                i += 1
                continue
            }
            // The match taken apart, its parts handed over: bound whole and read through, it
            // was copied (every string and array in it retained) and both copies released.
            guard let (tokens, parts, rule) = matcher.match(at: i).map({ ($0.tokens, $0.parts, $0.rule) }),
                  let value = resolver.resolve(parts) else {
                i += 1
                continue
            }
            candidates.append(Candidate(type: .money, tokens: tokens, value: .money(value),
                                        priority: Priority.pattern, rule: rule.rawValue))
            i = tokens.upperBound
        }
    }
}
