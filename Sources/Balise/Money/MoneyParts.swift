/// What the money rules find, before any arithmetic: the resolver turns it into a value.

/// `<number> [<multiplier>] [et demi] [<amount>]`: `6,6 milliards`, `cinquante`,
/// `3 milliards et demi`, `1 million 200 000`.
public struct AmountParts: Sendable, Equatable {
    public enum Number: Sendable, Equatable {
        /// As written in digits, in the normalised view (`12 000`, `6,6`, `1.250,50`).
        case digits(String)
        /// The value of a spelled-out number (`soixante et onze`).
        case spelled(Int64)
    }

    public var number: Number
    /// The power of ten of the multiplier (`millions`: 6), nil without one.
    public var exponent: Int?
    /// `et demi` after the multiplier.
    public var half: Bool
    /// A multiplier that counts half its unit (`un demi-million`).
    public var halved: Bool
    /// A minus sign written against the digits (`-3 M€`).
    public var negative: Bool
    /// A smaller amount written after this one that adds to it (`200 000` in
    /// `1 million 200 000`); at most one, itself possibly followed by another.
    public var addends: [AmountParts]

    public init(number: Number, exponent: Int? = nil, half: Bool = false, addends: [AmountParts] = [],
                halved: Bool = false, negative: Bool = false) {
        self.number = number
        self.exponent = exponent
        self.half = half
        self.addends = addends
        self.halved = halved
        self.negative = negative
    }
}

/// One amount or a range of two, in one currency.
public struct MoneyParts: Sendable, Equatable {
    public enum Amounts: Sendable, Equatable {
        case single(AmountParts)
        case range(AmountParts, AmountParts)
    }

    public var amounts: Amounts
    /// ISO 4217 code.
    public var currency: String
    /// How much of `currency` one written unit is (0.01 for `centimes`).
    public var factor: ExactDecimal

    public init(amounts: Amounts, currency: String, factor: ExactDecimal = .one) {
        self.amounts = amounts
        self.currency = currency
        self.factor = factor
    }
}

/// The money rules, named by their pattern for `--explain`. `<amount>` is
/// `<number> [<multiplier>] [et demi]`; range openers (`entre`) stay outside the span.
public enum MoneyRule: String, Sendable, CaseIterable {
    case amountCurrency = "<amount> <currency>"
    case amountOfCurrency = "<amount> de <currency>"
    case currencyAmount = "<currency> <amount>"
    case amountCurrencyCents = "<amount> <currency> <cents>"
    case collectiveOfCurrency = "une <collective> de <currency>"
    case rangeBetween = "entre <amount> et <amount> <currency>"
    case rangeAnd = "<amount> et <amount> <currency>"
    case rangeTo = "<amount> à <amount> <currency>"
    case rangeDash = "<amount>-<amount> <currency>"
}
