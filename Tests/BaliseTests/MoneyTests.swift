import Balise
import Testing

@Suite struct MoneyTests {
    // MARK: - Case file

    @Test func caseFileGivesEveryExpectedAmount() throws {
        let file = try CaseFile(path: Repository.cases + "/money.txt")
        let positives = file.cases.filter { !$0.expected.isEmpty }.count
        #expect(positives >= 200 && file.cases.count - positives >= 60, "money.txt: \(positives) positive, \(file.cases.count - positives) negative cases")
        let messages = failures(of: file, types: [.money], annotator: Shared.annotator())
        #expect(messages.isEmpty, "\(messages.count) money cases fail:\n\(messages.joined(separator: "\n"))")
    }

    @Test func explainNamesTheRule() {
        let document = Document(id: "rule", text: "Le coût est estimé entre 5 et 10 millions d'euros.")
        let entities = Shared.annotator().annotate(document, types: [.money]).entities
        #expect(entities.map(\.rule) == ["entre <amount> et <amount> <currency>"])
    }

    // MARK: - Exact decimals

    @Test(arguments: [
        ("0", "0"), ("007", "7"), ("1.80", "1.8"), ("0.25", "0.25"), ("1.0", "1"), ("0.050", "0.05"),
        ("6600000000", "6600000000"), ("123456789012345678901234567890", "123456789012345678901234567890"),
    ])
    func canonicalForm(_ written: String, _ canonical: String) throws {
        #expect(try #require(ExactDecimal(written)).description == canonical)
    }

    @Test(arguments: ["", ".", "1.2.3", "1,5", "-3", "1e9", "12 000"])
    func rejectsNonCanonicalText(_ written: String) {
        #expect(ExactDecimal(written) == nil)
    }

    @Test func additionIsExact() throws {
        let sum = try #require(ExactDecimal("0.1")) + #require(ExactDecimal("0.2"))
        #expect(sum.description == "0.3")
        #expect((try #require(ExactDecimal("999.99")) + ExactDecimal("0.01")!).description == "1000")
        #expect((ExactDecimal.zero + ExactDecimal.half).description == "0.5")
    }

    @Test func multiplicationIsExact() throws {
        #expect((try #require(ExactDecimal("6.6")) * ExactDecimal(1_000_000_000)).description == "6600000000")
        #expect((try #require(ExactDecimal("1.5")) * ExactDecimal("0.01")!).description == "0.015")
        #expect((ExactDecimal(99) * ExactDecimal("0.01")!).description == "0.99")
        #expect((ExactDecimal(UInt64.max) * ExactDecimal(UInt64.max)).description == "340282366920938463426481119284349108225")
        #expect((ExactDecimal.zero * ExactDecimal(12)).description == "0")
    }

    @Test func powersOfTenMoveThePoint() throws {
        let x = try #require(ExactDecimal("6.6"))
        #expect(x.timesPowerOfTen(9).description == "6600000000")
        #expect(x.timesPowerOfTen(1).description == "66")
        #expect(x.timesPowerOfTen(-2).description == "0.066")
        #expect(ExactDecimal(25).timesPowerOfTen(-2).description == "0.25")
        #expect(ExactDecimal(3).timesPowerOfTen(12).description == "3000000000000")
    }

    @Test func comparisonFollowsValue() throws {
        #expect(try #require(ExactDecimal("0.05")) < ExactDecimal("0.5")!)
        #expect(ExactDecimal.zero < ExactDecimal("0.05")!)
        #expect(!(ExactDecimal.zero < ExactDecimal.zero))
        #expect(try #require(ExactDecimal("999.999")) < ExactDecimal(1000))
        #expect(!(ExactDecimal(1000) < ExactDecimal("999.999")!))
        #expect(ExactDecimal("1.50") == ExactDecimal("1.5"))
    }

    // MARK: - Resolver

    private let resolver = MoneyResolver()

    private func single(_ number: AmountParts.Number, exponent: Int? = nil, half: Bool = false,
                        currency: String = "EUR", factor: String = "1") -> MoneyValue? {
        resolver.resolve(MoneyParts(amounts: .single(AmountParts(number: number, exponent: exponent, half: half)),
                                    currency: currency, factor: ExactDecimal(factor)!))
    }

    @Test(arguments: [
        ("12 000", "12000"), ("12.000", "12000"), ("1 250,50", "1250.5"), ("1.250,50", "1250.5"),
        ("6,6", "6.6"), ("1,0912", "1.0912"), ("1.5", "1.5"), ("2 500 000", "2500000"), ("0,50", "0.5"),
    ])
    func readsFrenchDigits(_ written: String, _ amount: String) {
        #expect(single(.digits(written)) == MoneyValue(amount: amount, currency: "EUR"))
    }

    @Test(arguments: [("1'500", "1500"), ("1'250'000", "1250000"), ("12'500.50", "12500.5")])
    func readsSwissDigitGroups(_ written: String, _ amount: String) {
        #expect(single(.digits(written)) == MoneyValue(amount: amount, currency: "EUR"))
    }

    @Test(arguments: ["1,2,3", "12 00", "1.25.000", "1,5.000", "12a", "1'50", "1'500,50", "1.500'000"])
    func rejectsMalformedDigits(_ written: String) {
        #expect(single(.digits(written)) == nil)
    }

    @Test func appliesMultiplierHalfAndSubunit() {
        #expect(single(.digits("6,6"), exponent: 9, currency: "USD") == MoneyValue(amount: "6600000000", currency: "USD"))
        #expect(single(.digits("3"), exponent: 9, half: true) == MoneyValue(amount: "3500000000", currency: "EUR"))
        #expect(single(.spelled(1), exponent: 6, half: true) == MoneyValue(amount: "1500000", currency: "EUR"))
        #expect(single(.digits("25"), factor: "0.01") == MoneyValue(amount: "0.25", currency: "EUR"))
        #expect(single(.spelled(99), factor: "0.01") == MoneyValue(amount: "0.99", currency: "EUR"))
        #expect(single(.spelled(200), exponent: 6) == MoneyValue(amount: "200000000", currency: "EUR"))
    }

    @Test func halvesTheMultiplierAndKeepsTheSign() {
        let halfMillion = AmountParts(number: .spelled(1), exponent: 6, halved: true)
        #expect(resolver.resolve(MoneyParts(amounts: .single(halfMillion), currency: "EUR")) == MoneyValue(amount: "500000", currency: "EUR"))
        let loss = AmountParts(number: .digits("3"), exponent: 6, negative: true)
        #expect(resolver.resolve(MoneyParts(amounts: .single(loss), currency: "EUR")) == MoneyValue(amount: "-3000000", currency: "EUR"))
        let zero = AmountParts(number: .digits("0"), negative: true)
        #expect(resolver.resolve(MoneyParts(amounts: .single(zero), currency: "EUR")) == MoneyValue(amount: "0", currency: "EUR"))
    }

    // MARK: - Matching across lines and around the amount

    @Test func readsAnAmountSplitOverALineBreak() throws {
        let document = Document(id: "lines", text: "Le contrat porte sur 3 millions\nd'euros au total, puis 12 000\neuros.")
        let entities = Shared.annotator().annotate(document, types: [.money]).entities
        #expect(entities.map(\.text) == ["3 millions\nd'euros", "12 000\neuros"])
        #expect(entities.map(\.value) == [.money(MoneyValue(amount: "3000000", currency: "EUR")),
                                           .money(MoneyValue(amount: "12000", currency: "EUR"))])
    }

    @Test func theNearestCountryPicksASharedCurrency() {
        let document = Document(id: "pesos", text: "De retour d'Argentine, il a payé 500 pesos au Mexique.")
        let entities = Shared.annotator().annotate(document, types: [.money]).entities
        #expect(entities.map(\.value) == [.money(MoneyValue(amount: "500", currency: "MXN"))])
    }

    @Test func addsTheSmallerAmountAfterAMultiplier() {
        let millionAndMore = AmountParts(number: .digits("1"), exponent: 6, addends: [AmountParts(number: .digits("200 000"))])
        #expect(resolver.value(of: millionAndMore)?.description == "1200000")
        let chained = AmountParts(number: .spelled(1), exponent: 9,
                                  addends: [AmountParts(number: .spelled(200), exponent: 6, addends: [AmountParts(number: .digits("5 000"))])])
        #expect(resolver.value(of: chained)?.description == "1200005000")
    }

    @Test func rejectsAnAddendAsLargeAsItsUnit() {
        let repeated = AmountParts(number: .digits("3"), exponent: 6, addends: [AmountParts(number: .digits("5"), exponent: 6)])
        #expect(resolver.value(of: repeated) == nil)
        let tooLarge = AmountParts(number: .digits("1"), exponent: 6, addends: [AmountParts(number: .digits("1 000 000"))])
        #expect(resolver.value(of: tooLarge) == nil)
    }

    private func range(_ low: AmountParts, _ high: AmountParts, factor: String = "1") -> MoneyValue? {
        resolver.resolve(MoneyParts(amounts: .range(low, high), currency: "EUR", factor: ExactDecimal(factor)!))
    }

    @Test func rangeSharesTheSecondMultiplier() {
        #expect(range(AmountParts(number: .digits("5")), AmountParts(number: .digits("10"), exponent: 6))
                == MoneyValue(min: "5000000", max: "10000000", currency: "EUR"))
        #expect(range(AmountParts(number: .digits("1")), AmountParts(number: .digits("1,5"), exponent: 9))
                == MoneyValue(min: "1000000000", max: "1500000000", currency: "EUR"))
    }

    @Test func rangeKeepsAFirstNumberThatCountsUnits() {
        #expect(range(AmountParts(number: .digits("500 000")), AmountParts(number: .digits("1"), exponent: 6))
                == MoneyValue(min: "500000", max: "1000000", currency: "EUR"))
        #expect(range(AmountParts(number: .digits("600"), exponent: 6), AmountParts(number: .digits("1"), exponent: 9))
                == MoneyValue(min: "600000000", max: "1000000000", currency: "EUR"))
    }

    @Test func rangeAppliesTheSubunitToBothEnds() {
        #expect(range(AmountParts(number: .digits("20")), AmountParts(number: .digits("50")), factor: "0.01")
                == MoneyValue(min: "0.2", max: "0.5", currency: "EUR"))
    }

    /// `resolve` reads the usual whole amounts without `ExactDecimal`'s arrays: its text must
    /// be the exact arithmetic's, for those and for the amounts it leaves to it.
    @Test func wholeAmountsResolveAsTheExactArithmetic() {
        let texts = ["0", "7", "007", "12", "150", "12 000", "1 250 000", "1234 567", "12 00", "12  000", " 12", "12 ",
                     "6,6", "6,60", "0,5", "1,25", "12 000,50", "1 000 000,5", ",5", "12,", "1,2,3", "1.5", "12.000",
                     "1'250'000", "3,5 ", "999999999999999999", "9999999999999999999", "18446744073709551615",
                     "123456789012345678", "", "1 2", "1 234,567"]
        var amounts: [AmountParts] = []
        for text in texts {
            for exponent in [nil, 0, 1, 3, 6, 9, 12] {
                amounts.append(AmountParts(number: .digits(text), exponent: exponent))
                amounts.append(AmountParts(number: .digits(text), exponent: exponent, negative: true))
            }
        }
        for value: Int64 in [0, 1, 50, 5000, -3, Int64.max] {
            for exponent in [nil, 3, 9] { amounts.append(AmountParts(number: .spelled(value), exponent: exponent)) }
        }
        amounts.append(AmountParts(number: .digits("3"), exponent: 6, half: true))
        amounts.append(AmountParts(number: .digits("1"), exponent: 6, halved: true))
        amounts.append(AmountParts(number: .digits("1"), exponent: 6, addends: [AmountParts(number: .digits("200 000"))]))
        for amount in amounts {
            let exact = resolver.value(of: amount).map { (amount.negative && !$0.isZero ? "-" : "") + $0.description }
            let resolved = resolver.resolve(MoneyParts(amounts: .single(amount), currency: "EUR"))
            #expect(resolved?.amount == exact, "\(amount)")
        }
    }

    // MARK: - Spelled numbers without ICU's lenient parse

    /// `TextServices` answers some phrases without ICU's lenient parse: its answers must be
    /// ICU's, for ICU's own spellings, for phrases built from them, and for words it rejects
    /// on their first letter.
    @Test func spelledNumbersAnswerAsICUDoes() throws {
        let icu = try SpelledNumberParser()
        let services = TextServices()
        var phrases: [String] = []
        for value in Array(0...1100) + (1...120).map({ $0 * 1000 }) + [1_500, 21_000, 200_000, 300_500, 999_999, 2_000_000] {
            phrases.append(icu.spell(Int64(value)))
        }
        phrases += ["une", "vingt et un", "vingt et une", "cents", "cent cent", "mille mille", "cinq  mille", " cinq",
                    "cinq ", "deux-cents", "mille cinq cents", "trois cents mille", "premier", "premières",
                    "deuxième", "zero", "nan", "NaN", "inf", "les", "Les", "des", "ces", "l'an", "quelques", "prochaines",
                    "derniers", "jours", "année", "un jour", "deux ans", "", "-", "5", "12", "cinq-mille"]
        let letters = "abcdefghijklmnopqrstuvwxyz".map { String($0) }
        for first in letters + letters.map { $0.uppercased() } {
            phrases.append(first)
            phrases += letters.map { first + $0 }
        }
        for phrase in phrases {
            #expect(services.spelledNumber(phrase) == icu.parse(phrase), "\(phrase)")
        }
    }
}
