import Balise
import Testing

/// The money and date recognizers turn most tokens away with cheap tests before their rules
/// run (a number no money word follows, a date word without the word its rules need beside
/// it, a hyphenated word with no month). These cases are read by exactly the rules those
/// tests screen: each must still be found, and the screened words must still find nothing.
@Suite struct ScreeningTests {
    func dates(_ text: String) -> [String] {
        let document = Document(id: "screen", text: text)
        return Shared.annotator().annotate(document, types: [.date]).entities.map(\.text)
    }

    func money(_ text: String) -> [String] {
        let document = Document(id: "screen", text: text)
        return Shared.annotator().annotate(document, types: [.money]).entities.map(\.text)
    }

    @Test(arguments: [
        ("Il reviendra dans deux semaines.", "dans deux semaines"),
        ("Il est parti il y a trois jours.", "il y a trois jours"),
        ("Les ventes ont baissé l'an dernier.", "l'an dernier"),
        ("Le chantier reprendra l'année prochaine.", "l'année prochaine"),
        ("Le bilan de l'année 2024 est bon.", "année 2024"),
        ("Il a fait chaud l'été dernier.", "l'été dernier"),
        ("La ligne rouvrira à l'été 2025.", "été 2025"),
        ("Les travaux reprendront au printemps.", "printemps"),
        ("Il sera jugé au mois de juin.", "mois de juin"),
        ("La récolte commence mi-mars.", "mi-mars"),
    ])
    func screenedDateWordsStillOpenTheirDates(_ text: String, _ date: String) {
        #expect(dates(text).contains(date), "\(text): \(dates(text))")
    }

    @Test(arguments: [
        "Il est venu dans la ville.", "Il a été élu à Saint-Nazaire.", "Le porte-parole a parlé.",
        "Il a vingt ans.", "Il y est allé.",
    ])
    func screenedWordsFindNoDate(_ text: String) {
        #expect(dates(text).isEmpty, "\(text): \(dates(text))")
    }

    @Test(arguments: [
        ("Le budget atteint 12 € 50.", "12 € 50"),
        ("Une prime de 40 et 60 euros.", "40 et 60 euros"),
        ("Il a coûté 3 millions d'euros.", "3 millions d'euros"),
        ("Le prix est de 1'250'000 francs.", "1'250'000 francs"),
        ("Il a payé cinquante euros.", "cinquante euros"),
        ("Une centaine d'euros suffit.", "Une centaine d'euros"),
        ("Le déficit est de -3 M€ cette année.", "-3 M€"),
    ])
    func numbersBeforeMoneyWordsStillOpenAmounts(_ text: String, _ amount: String) {
        #expect(money(text).contains(amount), "\(text): \(money(text))")
    }

    @Test(arguments: ["Il y avait 150 personnes.", "Le score est de 3 à 1.", "Ils étaient deux."])
    func numbersBeforeOtherWordsFindNoAmount(_ text: String) {
        #expect(money(text).isEmpty, "\(text): \(money(text))")
    }

    /// Whole amounts are written as text without `ExactDecimal`: the same text.
    @Test(arguments: ["0", "7", "12 000", "6,6", "1 250 000", "999999999999999999"])
    func wholeAmountsReadAsExactDecimals(_ digits: String) throws {
        let resolver = MoneyResolver()
        for exponent in [nil, 3, 6, 9] as [Int?] {
            for negative in [false, true] {
                let amount = AmountParts(number: .digits(digits), exponent: exponent, negative: negative)
                guard let value = resolver.value(of: amount) else { continue }
                let expected = (negative && !value.isZero ? "-" : "") + value.description
                let resolved = try #require(resolver.resolve(MoneyParts(amounts: .single(amount), currency: "EUR")))
                #expect(resolved.amount == expected, "\(digits) e\(exponent ?? 0) negative: \(negative)")
            }
        }
    }
}
