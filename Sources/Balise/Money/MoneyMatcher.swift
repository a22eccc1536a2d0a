/// Finds money phrases in one analysed text and records their parts (no arithmetic: see
/// `MoneyResolver`). A match always holds a number and a currency; approximation words,
/// range openers and rates around it stay outside because no rule reads them.
struct MoneyMatcher {
    let lexicon: MoneyLexicon
    let text: AnalyzedText
    /// `text.lexiconIndex`, kept: asked through the text, each currency look-up paid a call,
    /// the test whether the index is built, and a retain and a release of it.
    let index: LexiconMatchIndex

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
        /// `une centaine`: the number a collective noun stands for.
        var collective: Int? = nil
        var multiplier: Multiplier?
        var half: Bool
        /// Where the smaller amount after a multiplier word starts (`200 000` in
        /// `1 million 200 000`), if there is one: `addend(of:)` reads it again. An amount then
        /// holds no array: one is made, copied and dropped at every number token, and an
        /// array in it cost reference counting each time.
        var addendStart: Int? = nil
    }

    /// A currency after an amount, with the `de` that may join them.
    private struct TrailingCurrency {
        var currency: Currency
        var end: Int
        var usesOf: Bool
    }

    /// The money phrase that starts at token `i` (or at the sign just before it), if any.
    func match(at i: Int) -> Match? {
        let token = text.tokens[i]
        if token.kind == .symbol || token.has(.allCaps), let match = currencyFirst(at: i) {
            return match
        }
        // Most numbers are followed by a word that no money rule reads (`150 personnes`):
        // then the amount ends at `i + 1`, no `de`, currency or range connector follows it,
        // and every number-first rule fails, at the cost of building the amount first.
        guard lexicon.mayFollowNumber(i + 1, in: text, index: index) else { return nil }
        guard let first = amount(at: i), var match = numberFirst(first) else { return nil }
        sign(&match)
        return match
    }

    // MARK: - Rules

    /// `<amount> [de] <currency>`, and ranges whose first amount has no currency of its own
    /// (`de 3 € à 5 €` is two amounts).
    private func numberFirst(_ first: Amount) -> Match? {
        guard let currency = currencyAfter(first) else {
            return range(from: first, connectorAt: first.tokens.upperBound)
        }
        guard var parts = parts(of: first), !isCurrencyInGeneral(parts, after: currency.end) else { return nil }
        var code = lexicon.code(of: currency.currency, near: first.tokens.lowerBound, in: text)
        // `6'200 francs`: digit groups written the Swiss way name Swiss francs when no country does.
        if code == "FRF" && currency.currency.byCountry && first.tokens.contains(where: { isSwissGroups($0) }) { code = "CHF" }
        if let cents = cents(after: currency, of: first) {
            guard case .digits(let units) = parts.number else { return nil }
            parts.number = .digits(units + "," + text.surface(cents))
            return Match(tokens: first.tokens.lowerBound..<cents + 1,
                         parts: MoneyParts(amounts: .single(parts), currency: code, factor: currency.currency.factor),
                         rule: .amountCurrencyCents)
        }
        let rule: MoneyRule = first.collective != nil ? .collectiveOfCurrency : currency.usesOf ? .amountOfCurrency : .amountCurrency
        return Match(tokens: first.tokens.lowerBound..<currency.end,
                     parts: MoneyParts(amounts: .single(parts), currency: code, factor: currency.currency.factor),
                     rule: rule)
    }

    /// `3 € 50`, `3€50`, `12 euros 30`: two digits after a whole amount's currency are its
    /// cents, unless a noun makes them a count (`12 euros 30 minutes plus tard`).
    private func cents(after currency: TrailingCurrency, of amount: Amount) -> Int? {
        let k = currency.end
        guard !amount.spelled, amount.multiplier == nil, amount.addendStart == nil, amount.numberEnd == amount.tokens.lowerBound + 1,
              currency.currency.kind == .symbol || currency.currency.kind == .name, !currency.usesOf,
              k < text.count, text.tokens[k].kind == .number, text.tokens[k].length == 2,
              !text.tokens[k].has(.groupedDigits), text.units(k).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              text.units(amount.tokens.lowerBound).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 || $0 == 0x20 }) else { return nil }
        let next = k + 1
        if next < text.count {
            let t = text.tokens[next]
            if t.kind == .number || t.kind == .ordinal || t.kind == .symbol { return nil }
            if lexicon.cue(at: next, in: text) == .countNoun || lexicon.currency(at: next, in: text, index: index) != nil
                || lexicon.multiplier(at: next, in: text) != nil { return nil }
        }
        return k
    }

    /// `-3 M€`, `+5 M€`: a sign against the digits, after a space or at the start of a line,
    /// belongs to a single amount (`250-300 M€` is a range).
    /// In place, and the tokens tested before the amount is copied out: most matches have no
    /// sign, and copying a match in and out cost more than the tests.
    private func sign(_ match: inout Match) {
        let i = match.tokens.lowerBound
        guard i > 0, !text.tokens[i].has(.spaceBefore), text.tokens[i].kind == .number else { return }
        let sign = text.tokens[i - 1]
        guard sign.length == 1, sign.kind == .punctuation || sign.kind == .symbol,
              i - 1 == 0 || sign.has(.spaceBefore) || sign.has(.lineStart) else { return }
        let unit = text.view.units[Int(sign.start)]
        guard unit == 0x2D || unit == 0x2B, case .single(var amount) = match.parts.amounts else { return }
        amount.negative = unit == 0x2D
        match.tokens = i - 1..<match.tokens.upperBound
        match.parts.amounts = .single(amount)
    }

    /// `<currency> <amount>`: `USD 20 millions`, `€2,40`, `CHF 95`.
    private func currencyFirst(at i: Int) -> Match? {
        guard let (currency, length) = lexicon.currency(at: i, in: text, index: index), currency.mayLead,
              currency.kind != .code || text.tokens[i].has(.allCaps) else { return nil }
        let start = i + length
        guard start < text.count, text.tokens[start].kind == .number,
              let amount = amount(at: start), let parts = parts(of: amount) else { return nil }
        return Match(tokens: i..<amount.tokens.upperBound,
                     parts: MoneyParts(amounts: .single(parts), currency: lexicon.code(of: currency, near: i, in: text),
                                       factor: currency.factor),
                     rule: .currencyAmount)
    }

    /// `<amount> (à | - | et) <amount> <currency>`; `et` needs `entre` before the first amount.
    private func range(from first: Amount, connectorAt p: Int) -> Match? {
        guard let (rule, next) = connector(at: p, rangeStart: first.tokens.lowerBound) else { return nil }
        guard let second = amount(at: next), let currency = currencyAfter(second),
              let low = parts(of: first), let high = parts(of: second) else { return nil }
        return Match(tokens: first.tokens.lowerBound..<currency.end,
                     parts: MoneyParts(amounts: .range(low, high), currency: lexicon.code(of: currency.currency, near: first.tokens.lowerBound, in: text),
                                       factor: currency.currency.factor),
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
        case .and:
            // `une prime de 40 et 60 euros`: a bare number joined to an amount is its lower bound.
            return (.rangeAnd, p + 1)
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
            if isSwissGroups(end) { end += 1 }
        } else if lexicon.isNumberWord(token.word) {
            if let collective = lexicon.collective(at: i + 1, in: text), text.keyIs(i, "une") || text.keyIs(i, "un") {
                return collectiveAmount(at: i, value: collective)
            }
            end = spelledRunEnd(from: i)
            spelled = true
        } else {
            return nil
        }
        var amount = Amount(tokens: i..<end, numberEnd: end, spelled: spelled, multiplier: nil, half: false)
        if let multiplier = lexicon.multiplier(at: end, in: text) {
            amount.multiplier = multiplier
            end += 1
            if multiplier.kind == .half {
                // `un demi-million`: neither `et demi` nor a smaller amount follows.
            } else if lexicon.cue(at: end, in: text) == .and, lexicon.cue(at: end + 1, in: text) == .half {
                amount.half = true
                end += 2
            } else if multiplier.kind == .word, let addend = self.amount(at: end),
                      (addend.multiplier?.exponent ?? 0) < multiplier.exponent {
                amount.addendStart = end
                end = addend.tokens.upperBound
            }
        }
        amount.tokens = i..<end
        return amount
    }

    /// The smaller amount written after `amount`'s multiplier, read again from its start
    /// (`amount(at:)` reads the same tokens the same way).
    private func addend(of amount: Amount) -> Amount? {
        amount.addendStart.flatMap { self.amount(at: $0) }
    }

    /// The last term written: the currency follows its multiplier or number.
    private func last(of amount: Amount) -> Amount {
        guard let addend = addend(of: amount) else { return amount }
        return last(of: addend)
    }

    /// `une centaine`, `une vingtaine de millions`: the collective noun is the number and
    /// takes `de` before a multiplier word.
    private func collectiveAmount(at i: Int, value: Int) -> Amount {
        var amount = Amount(tokens: i..<i + 2, numberEnd: i + 2, spelled: false, multiplier: nil, half: false)
        amount.collective = value
        if lexicon.cue(at: i + 2, in: text) == .of, let multiplier = lexicon.multiplier(at: i + 3, in: text),
           multiplier.kind == .word {
            amount.multiplier = multiplier
            amount.tokens = i..<i + 4
        }
        return amount
    }

    /// `1'250'000`, `12'500.50`: the tokenizer keeps the Swiss groups after the first one
    /// as one token against it.
    private func isSwissGroups(_ k: Int) -> Bool {
        guard k < text.count, !text.tokens[k].has(.spaceBefore), text.tokens[k].has(.hasDigit) else { return false }
        let units = text.units(k)
        return units.first == 0x27 && units.dropFirst().first.map { $0 >= 0x30 && $0 <= 0x39 } == true
    }

    /// The end of the run of number words from `i` (`quatre-vingt-dix-neuf`, `deux cent mille`,
    /// `soixante et onze`). A plural `cents` that no unit before it multiplies is the
    /// sub-unit, not part of the number (`vingt cents`, but `deux cents`).
    private func spelledRunEnd(from i: Int) -> Int {
        var j = i + 1
        while j < text.count {
            if lexicon.isNumberWord(text.tokens[j].word) {
                if isSubunitCents(j) { break }
                j += 1
            } else if lexicon.cue(at: j, in: text) == .and, lexicon.cue(at: j + 1, in: text) == .unitAfterAnd {
                j += 2
            } else {
                break
            }
        }
        return j
    }

    private func isSubunitCents(_ j: Int) -> Bool {
        guard text.units(j).last == 0x73, lexicon.cue(at: j - 1, in: text) != .hundredsCount,
              let (currency, _) = lexicon.currency(at: j, in: text, index: index), currency.afterDigitsOnly else { return false }
        return j + 1 >= text.count || !lexicon.isNumberWord(text.tokens[j + 1].word)
    }

    /// The currency after an amount: `de` only after a multiplier (`millions d'euros`,
    /// `M d'euros`) or a collective (`une centaine d'euros`) but `mille`; codes in capitals;
    /// `cents` after digits or where the number words stopped before them.
    private func currencyAfter(_ amount: Amount) -> TrailingCurrency? {
        var p = amount.tokens.upperBound
        let last = last(of: amount)
        let usesOf = lexicon.cue(at: p, in: text) == .of
        if usesOf {
            if let multiplier = last.multiplier {
                guard multiplier.kind != .bare else { return nil }
            } else if last.collective == nil {
                return nil
            }
            p += 1
        }
        guard let (currency, length) = lexicon.currency(at: p, in: text, index: index) else { return nil }
        if currency.kind == .code && !text.tokens[p].has(.allCaps) { return nil }
        if currency.afterDigitsOnly && last.spelled && !isSubunitCents(p) { return nil }
        if last.collective != nil && !usesOf { return nil }
        return TrailingCurrency(currency: currency, end: p + length, usesOf: usesOf)
    }

    /// The parts of an amount: its digits as written, or its spelled-out number read by
    /// ICU (nil when ICU cannot read the run).
    private func parts(of amount: Amount) -> AmountParts? {
        var addends: [AmountParts] = []
        if let addend = addend(of: amount) {
            guard let parts = parts(of: addend) else { return nil }
            addends.append(parts)
        }
        let numberTokens = amount.tokens.lowerBound..<amount.numberEnd
        let number: AmountParts.Number
        if let collective = amount.collective {
            number = .spelled(Int64(collective))
        } else if amount.spelled {
            guard let value = text.services.spelledNumber(text.normalizedText(numberTokens).lowercased()) else { return nil }
            number = .spelled(value)
        } else {
            number = .digits(digitText(numberTokens))
        }
        return AmountParts(number: number, exponent: amount.multiplier?.exponent, half: amount.half, addends: addends,
                           halved: amount.multiplier?.kind == .half)
    }

    /// `text.normalizedText(tokens)` of a number written in digits: its tokens' units, a space
    /// where one stood before a token. Written straight into the string when they are ASCII
    /// (always, in practice; a short one then needs no allocation at all): the general path
    /// gathers the units in an array first, then transcodes them.
    private func digitText(_ tokens: Range<Int>) -> String {
        var length = 0
        for k in tokens {
            if k > tokens.lowerBound && text.tokens[k].has(.spaceBefore) { length += 1 }
            length += Int(text.tokens[k].end - text.tokens[k].start)
        }
        var ascii = true
        let written = text.view.units.withUnsafeBufferPointer { units in
            String(unsafeUninitializedCapacity: length) { bytes in
                var n = 0
                for k in tokens {
                    if k > tokens.lowerBound && text.tokens[k].has(.spaceBefore) {
                        bytes[n] = 0x20
                        n += 1
                    }
                    for unit in units[Int(text.tokens[k].start)..<Int(text.tokens[k].end)] {
                        guard unit < 0x80 else {
                            ascii = false
                            return 0
                        }
                        bytes[n] = UInt8(unit)
                        n += 1
                    }
                }
                return n
            }
        }
        return ascii ? written : text.normalizedText(tokens)
    }

    /// `un euro fort`, `un dollar faible`: the currency itself, not one unit of it.
    private func isCurrencyInGeneral(_ parts: AmountParts, after end: Int) -> Bool {
        parts.number == .spelled(1) && parts.exponent == nil && lexicon.cue(at: end, in: text) == .generic
    }
}
