/// Finds money phrases in one analysed text and records their parts (no arithmetic: see
/// `MoneyResolver`). A match always holds a number and a currency; approximation words,
/// range openers and rates around it stay outside because no rule reads them.
struct MoneyMatcher {
    let lexicon: MoneyLexicon
    let text: AnalyzedText

    struct Match {
        var tokens: Range<Int>
        var parts: MoneyParts
        var rule: MoneyRule
    }

    /// `<number> [<multiplier>] [et demi]` without its currency. The number is read
    /// (`parts(of:)`) only once a currency confirms the match.
    private struct Amount {
        var tokens: Range<Int>
        var numberEnd: Int
        var spelled: Bool
        var multiplier: Multiplier?
        var half: Bool
        /// The smaller amount after a multiplier word (`1 million 200 000`): none or one.
        var addends: [Amount]
        /// The last term written: the currency follows its multiplier or number.
        var last: Amount { addends.last?.last ?? self }
    }

    /// A currency after an amount, with the `de` that may join them.
    private struct TrailingCurrency {
        var currency: Currency
        var end: Int
        var usesOf: Bool
    }

    /// The money phrase that starts at token `i`, if any.
    func match(at i: Int) -> Match? {
        let token = text.tokens[i]
        if token.kind == .symbol || token.has(.allCaps), let match = currencyFirst(at: i) {
            return match
        }
        guard let first = amount(at: i) else { return nil }
        return numberFirst(first)
    }

    // MARK: - Rules

    /// `<amount> [de] <currency>`, and ranges whose first amount has no currency of its own
    /// (`de 3 € à 5 €` is two amounts).
    private func numberFirst(_ first: Amount) -> Match? {
        guard let currency = currencyAfter(first) else {
            return range(from: first, connectorAt: first.tokens.upperBound)
        }
        guard let parts = parts(of: first), !isCurrencyInGeneral(parts, after: currency.end) else { return nil }
        return Match(tokens: first.tokens.lowerBound..<currency.end,
                     parts: MoneyParts(amounts: .single(parts), currency: currency.currency.code, factor: currency.currency.factor),
                     rule: currency.usesOf ? .amountOfCurrency : .amountCurrency)
    }

    /// `<currency> <amount>`: `USD 20 millions`, `€2,40`, `CHF 95`.
    private func currencyFirst(at i: Int) -> Match? {
        guard let (currency, length) = lexicon.currency(at: i, in: text), currency.mayLead,
              currency.kind != .code || text.tokens[i].has(.allCaps) else { return nil }
        let start = i + length
        guard start < text.count, text.tokens[start].kind == .number,
              let amount = amount(at: start), let parts = parts(of: amount) else { return nil }
        return Match(tokens: i..<amount.tokens.upperBound,
                     parts: MoneyParts(amounts: .single(parts), currency: currency.code, factor: currency.factor),
                     rule: .currencyAmount)
    }

    /// `<amount> (à | - | et) <amount> <currency>`; `et` needs `entre` before the first amount.
    private func range(from first: Amount, connectorAt p: Int) -> Match? {
        guard let (rule, next) = connector(at: p, rangeStart: first.tokens.lowerBound) else { return nil }
        guard let second = amount(at: next), let currency = currencyAfter(second),
              let low = parts(of: first), let high = parts(of: second) else { return nil }
        return Match(tokens: first.tokens.lowerBound..<currency.end,
                     parts: MoneyParts(amounts: .range(low, high), currency: currency.currency.code, factor: currency.currency.factor),
                     rule: rule)
    }

    // MARK: - Parts

    private func connector(at p: Int, rangeStart: Int) -> (MoneyRule, Int)? {
        guard p + 1 < text.count else { return nil }
        switch lexicon.cue(at: p, in: text) {
        case .rangeTo:
            return (.rangeTo, p + 1)
        case .rangeDash where !text.tokens[p].has(.spaceBefore) && !text.tokens[p + 1].has(.spaceBefore):
            return (.rangeDash, p + 1)
        case .and where lexicon.cue(at: rangeStart - 1, in: text) == .rangeOpen:
            return (.rangeBetween, p + 1)
        default:
            return nil
        }
    }

    /// The amount that starts at token `i`: digits or a run of spelled-out number words,
    /// then a multiplier and `et demi`.
    private func amount(at i: Int) -> Amount? {
        guard i >= 0 && i < text.count else { return nil }
        let token = text.tokens[i]
        var end: Int
        let spelled: Bool
        if token.kind == .number {
            end = i + 1
            spelled = false
        } else if lexicon.isNumberWord(token.word) {
            end = spelledRunEnd(from: i)
            spelled = true
        } else {
            return nil
        }
        var amount = Amount(tokens: i..<end, numberEnd: end, spelled: spelled, multiplier: nil, half: false, addends: [])
        if let multiplier = lexicon.multiplier(at: end, in: text) {
            amount.multiplier = multiplier
            end += 1
            if lexicon.cue(at: end, in: text) == .and, lexicon.cue(at: end + 1, in: text) == .half {
                amount.half = true
                end += 2
            } else if multiplier.kind == .word, let addend = self.amount(at: end),
                      (addend.multiplier?.exponent ?? 0) < multiplier.exponent {
                amount.addends = [addend]
                end = addend.tokens.upperBound
            }
        }
        amount.tokens = i..<end
        return amount
    }

    /// The end of the run of number words from `i` (`quatre-vingt-dix-neuf`, `deux cent mille`,
    /// `soixante et onze`).
    private func spelledRunEnd(from i: Int) -> Int {
        var j = i + 1
        while j < text.count {
            if lexicon.isNumberWord(text.tokens[j].word) {
                j += 1
            } else if lexicon.cue(at: j, in: text) == .and, lexicon.cue(at: j + 1, in: text) == .unitAfterAnd {
                j += 2
            } else {
                break
            }
        }
        return j
    }

    /// The currency after an amount: `de` only after a multiplier (`millions d'euros`,
    /// `M d'euros`) but `mille`, codes in capitals, `cents` after digits.
    private func currencyAfter(_ amount: Amount) -> TrailingCurrency? {
        var p = amount.tokens.upperBound
        let usesOf = lexicon.cue(at: p, in: text) == .of
        if usesOf {
            guard let multiplier = amount.last.multiplier, multiplier.kind != .bare else { return nil }
            p += 1
        }
        guard let (currency, length) = lexicon.currency(at: p, in: text) else { return nil }
        if currency.kind == .code && !text.tokens[p].has(.allCaps) { return nil }
        if currency.afterDigitsOnly && amount.last.spelled { return nil }
        return TrailingCurrency(currency: currency, end: p + length, usesOf: usesOf)
    }

    /// The parts of an amount: its digits as written, or its spelled-out number read by
    /// ICU (nil when ICU cannot read the run).
    private func parts(of amount: Amount) -> AmountParts? {
        var addends: [AmountParts] = []
        for addend in amount.addends {
            guard let parts = parts(of: addend) else { return nil }
            addends.append(parts)
        }
        let numberTokens = amount.tokens.lowerBound..<amount.numberEnd
        let number: AmountParts.Number
        if amount.spelled {
            guard let value = text.services.spelledNumber(text.normalizedText(numberTokens).lowercased()) else { return nil }
            number = .spelled(value)
        } else {
            number = .digits(text.surface(numberTokens.lowerBound))
        }
        return AmountParts(number: number, exponent: amount.multiplier?.exponent, half: amount.half, addends: addends)
    }

    /// `un euro fort`, `un dollar faible`: the currency itself, not one unit of it.
    private func isCurrencyInGeneral(_ parts: AmountParts, after end: Int) -> Bool {
        parts.number == .spelled(1) && parts.exponent == nil && lexicon.cue(at: end, in: text) == .generic
    }
}
