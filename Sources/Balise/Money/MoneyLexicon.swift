/// A currency as a lexicon entry names it: `euros`, `€`, `USD`, `centimes`.
struct Currency: Sendable {
    enum Kind: String, Sendable {
        /// A word, with its qualifier (`dollars canadiens`): only after the amount.
        case name
        /// `€`, `$US`, `M€`'s `€`: before or after the amount.
        case symbol
        /// An ISO code written in capitals: before or after the amount.
        case code
        /// A fraction of a currency (`centimes`, `pence`): only after the amount.
        case subunit
    }

    let code: String
    let kind: Kind
    /// How much of `code` one unit is (0.01 for `centimes`, 1 otherwise).
    let factor: ExactDecimal
    /// Only after a number written in digits (`50 cents`, never `deux cents`).
    let afterDigitsOnly: Bool
    /// A word several countries' currencies share (`pesos`): `code` is the default, and a
    /// country named in the sentence picks its own (`currency-countries.txt`).
    let byCountry: Bool

    /// Whether the currency may come before its amount (`USD 20`, `€12`).
    var mayLead: Bool { kind == .symbol || kind == .code }
}

/// A multiplier word or abbreviation: `millions` (10^6), `Md` (10^9).
struct Multiplier: Sendable {
    enum Kind: String, Sendable {
        /// May take `de` before the currency (`3 millions d'euros`) and a smaller amount
        /// after it (`1 million 200 000 euros`).
        case word
        /// Never takes `de` (`3 mille euros`).
        case bare
        /// Written exactly so (`3 M€`, `30 M d'euros`).
        case abbreviation
        /// Half the power of ten, otherwise like `word` (`un demi-million d'euros`).
        case half
    }

    let exponent: Int
    let kind: Kind
}

/// What a cue word does in a money phrase (see `Lexicons/money-cues.txt`).
enum MoneyCue: String, Sendable {
    case of
    case half
    case rangeOpen = "range-open"
    /// `et`: joins a range opened by `entre`, a half (`et demi`), a ten and its unit (`vingt et un`).
    case and
    /// A unit that `et` joins to a ten: `un`, `une`, `onze`.
    case unitAfterAnd = "unit-after-and"
    case rangeTo = "range-to"
    case rangeDash = "range-dash"
    case generic
    /// A unit that `cents` multiplies (`deux cents`).
    case hundredsCount = "hundreds-count"
    /// Makes two digits after an amount a count, not cents (`12 euros 30 minutes`).
    case countNoun = "count-noun"
}

/// Words looked up by vocabulary id; an entry may require its exact surface (`M` is a
/// multiplier, `m` is a metre; `à` is a cue, `a` is a verb).
struct WordTable<Value: Sendable>: Sendable {
    private var forms = WordMap<[(surface: [UInt16]?, value: Value)]>()
    /// The value of each word whose first form takes any surface: that form answers every
    /// look-up of the word. Read first, without the forms' array (retained and released at
    /// each look-up, and walked: the cue look-ups run at most number tokens).
    private var anySurface = WordMap<Value>()

    /// The ids of the words in the table (of any surface).
    var words: [Int32] { forms.keys }

    mutating func add(word: Int32, exactSurface: String?, value: Value) {
        if forms[word] == nil && exactSurface == nil { anySurface[word] = value }
        forms[word, default: []].append((exactSurface.map { Array($0.utf16) }, value))
    }

    func value(at i: Int, in text: AnalyzedText) -> Value? {
        guard i >= 0 && i < text.count else { return nil }
        let word = text.tokens[i].word
        guard word >= 0 else { return nil }
        if let value = anySurface[word] { return value }
        guard let candidates = forms[word] else { return nil }
        for form in candidates {
            guard let surface = form.surface else { return form.value }
            if text.units(i).elementsEqual(surface) { return form.value }
        }
        return nil
    }
}

/// The money lexicons, read once: currencies (matched as phrases by the gazetteer),
/// multipliers, the words of spelled-out numbers and the cue words. A class: every
/// document's `MoneyMatcher` holds it, and a struct of arrays was copied into each one
/// (a retain and a release per array).
final class MoneyLexicon: Sendable {
    let currencyCategory: LexiconCategory
    /// Indexed by `LexiconMatch.entry` of `currencyCategory`.
    let currencies: [Currency]
    let multipliers: WordTable<Multiplier>
    let cues: WordTable<MoneyCue>
    /// `centaine`: 100, read after `une`.
    let collectives: WordTable<Int>
    let countryCategory: LexiconCategory
    /// Indexed by `LexiconMatch.entry` of `countryCategory`: the default code of the shared
    /// currency word and the code of the country's own.
    let countryCodes: [(shared: String, code: String)]
    let numberWords: WordBitSet
    /// Every word that some money rule reads after a number: number words, multipliers,
    /// cue words and collectives, whatever surface an entry requires (so wider than each
    /// table). See `mayFollowNumber`.
    private let wordsAfterNumber: WordBitSet

    init(_ loader: LexiconLoader) throws {
        let (category, entries) = try loader.category("currencies")
        currencyCategory = category
        currencies = try entries.map { entry in
            guard let code = entry.field(0), let kind = Currency.Kind(rawValue: entry.field(1) ?? "") else {
                throw LexiconError(description: "currencies.txt: bad entry \(entry.text)")
            }
            guard let factor = ExactDecimal(entry.field(2).flatMap { $0.isEmpty ? nil : $0 } ?? "1") else {
                throw LexiconError(description: "currencies.txt: bad factor for \(entry.text)")
            }
            return Currency(code: code, kind: kind, factor: factor, afterDigitsOnly: entry.field(3) == "after-digits",
                            byCountry: entry.field(3) == "country-cue")
        }
        let (countries, countryEntries) = try loader.category("currency-countries")
        countryCategory = countries
        countryCodes = try countryEntries.map { entry in
            guard let shared = entry.field(0), let code = entry.field(1), !shared.isEmpty, !code.isEmpty else {
                throw LexiconError(description: "currency-countries.txt: bad entry \(entry.text)")
            }
            return (shared, code)
        }

        var multipliers = WordTable<Multiplier>()
        for entry in try loader.entries("money-multipliers") {
            guard let exponent = entry.field(0).flatMap({ Int($0) }), let kind = Multiplier.Kind(rawValue: entry.field(1) ?? "") else {
                throw LexiconError(description: "money-multipliers.txt: bad entry \(entry.text)")
            }
            multipliers.add(word: try Self.word(entry.text, loader), exactSurface: kind == .abbreviation ? entry.text : nil,
                            value: Multiplier(exponent: exponent, kind: kind))
        }
        self.multipliers = multipliers

        var cues = WordTable<MoneyCue>()
        for entry in try loader.entries("money-cues") {
            guard let cue = MoneyCue(rawValue: entry.field(0) ?? "") else {
                throw LexiconError(description: "money-cues.txt: bad role for \(entry.text)")
            }
            cues.add(word: try Self.word(entry.text, loader), exactSurface: entry.field(1) == "exact" ? entry.text : nil, value: cue)
        }
        self.cues = cues

        var collectives = WordTable<Int>()
        for entry in try loader.entries("money-collectives") {
            guard let value = entry.field(0).flatMap({ Int($0) }) else {
                throw LexiconError(description: "money-collectives.txt: bad number for \(entry.text)")
            }
            collectives.add(word: try Self.word(entry.text, loader), exactSurface: nil, value: value)
        }
        self.collectives = collectives

        let numberWords = WordBitSet(try loader.entries("money-number-words").map { try Self.word($0.text, loader) })
        self.numberWords = numberWords
        var wordsAfterNumber = numberWords
        wordsAfterNumber.formUnion(multipliers.words)
        wordsAfterNumber.formUnion(cues.words)
        wordsAfterNumber.formUnion(collectives.words)
        self.wordsAfterNumber = wordsAfterNumber
    }

    private static func word(_ text: String, _ loader: LexiconLoader) throws -> Int32 {
        let id = loader.word(text)
        guard id >= 0 else { throw LexiconError(description: "money lexicons: `\(text)` is not one token") }
        return id
    }

    @inline(__always)
    func isNumberWord(_ word: Int32) -> Bool { numberWords.contains(word) }

    /// Whether token `k`, right after a number, may be read by a money rule: false proves
    /// that no number-first rule can match there (see `MoneyMatcher.match(at:)`). A token
    /// is read if it is a digit group (`1'250`), a number word, a multiplier, a cue word or
    /// a collective (by vocabulary id, whatever surface a table asks), or if a currency
    /// phrase starts there.
    func mayFollowNumber(_ k: Int, in text: AnalyzedText, index: LexiconMatchIndex) -> Bool {
        guard k < text.count else { return false }
        let token = text.tokens[k]
        return token.has(.hasDigit) || wordsAfterNumber.contains(token.word)
            || index.longest(category: currencyCategory.id, at: k) != nil
    }

    func cue(at i: Int, in text: AnalyzedText) -> MoneyCue? { cues.value(at: i, in: text) }

    func multiplier(at i: Int, in text: AnalyzedText) -> Multiplier? { multipliers.value(at: i, in: text) }

    func collective(at i: Int, in text: AnalyzedText) -> Int? { collectives.value(at: i, in: text) }

    /// The code of a shared currency word (`pesos`) in the country named nearest to token
    /// `i` in its sentence, or its default code.
    func code(of currency: Currency, near i: Int, in text: AnalyzedText) -> String {
        guard currency.byCountry else { return currency.code }
        var best: (distance: Int, code: String)?
        for k in text.sentence(of: i) {
            guard let match = text.lexicon(category: countryCategory.id, at: k) else { continue }
            let (shared, code) = countryCodes[Int(match.entry)]
            guard shared == currency.code else { continue }
            let distance = abs(k - i)
            if best == nil || distance < best!.distance { best = (distance, code) }
        }
        return best?.code ?? currency.code
    }

    /// The longest currency phrase starting at token `i`, with its length in tokens.
    func currency(at i: Int, in text: AnalyzedText) -> (currency: Currency, length: Int)? {
        currency(at: i, in: text, index: text.lexiconIndex)
    }

    /// `currency(at:in:)` from the text's lexicon index, which a matcher keeps.
    func currency(at i: Int, in text: AnalyzedText, index: LexiconMatchIndex) -> (currency: Currency, length: Int)? {
        guard i < text.count, let match = index.longest(category: currencyCategory.id, at: i) else { return nil }
        return (currencies[Int(match.entry)], match.length)
    }
}
