/// Turns the parts that the money rules found into an exact value.
public struct MoneyResolver: Sendable {
    public init() {}

    public func resolve(_ parts: MoneyParts) -> MoneyValue? {
        switch parts.amounts {
        case .single(let amount):
            guard let value = value(of: amount) else { return nil }
            let sign = amount.negative && !value.isZero ? "-" : ""
            return MoneyValue(amount: sign + (value * parts.factor).description, currency: parts.currency)
        case .range(var first, let second):
            if first.exponent == nil, let exponent = second.exponent, sharesMultiplier(first, second) {
                first.exponent = exponent
            }
            guard let low = value(of: first), let high = value(of: second) else { return nil }
            return MoneyValue(min: (low * parts.factor).description, max: (high * parts.factor).description,
                              currency: parts.currency)
        }
    }

    /// `number × 10^exponent` (halved for `demi-million`), plus half of 10^exponent for
    /// `et demi`, plus the addends; nil when an addend is not smaller than the unit it
    /// follows (`3 millions 5 millions`). The sign is the caller's.
    public func value(of amount: AmountParts) -> ExactDecimal? {
        guard let number = number(amount.number) else { return nil }
        let exponent = amount.exponent ?? 0
        var total = number.timesPowerOfTen(exponent)
        if amount.halved { total = total * ExactDecimal.half }
        if amount.half { total = total + ExactDecimal.half.timesPowerOfTen(exponent) }
        guard !amount.addends.isEmpty else { return total }
        let unit = ExactDecimal.one.timesPowerOfTen(exponent)
        for addend in amount.addends {
            guard let value = value(of: addend), value < unit else { return nil }
            total = total + value
        }
        return total
    }

    /// In `5 et 10 millions` the multiplier of the second number distributes to the first;
    /// in `500 000 et 1 million` it does not: the first number already counts the units.
    /// The rule: it distributes unless the first number is a thousand times the second or more.
    private func sharesMultiplier(_ first: AmountParts, _ second: AmountParts) -> Bool {
        guard let a = number(first.number), let b = number(second.number) else { return false }
        return a < b.timesPowerOfTen(3)
    }

    private func number(_ number: AmountParts.Number) -> ExactDecimal? {
        switch number {
        case .digits(let text): return DigitNumeral.parse(text)
        case .spelled(let value): return value >= 0 ? ExactDecimal(UInt64(value)) : nil
        }
    }
}

/// Numbers written in digits the French way: groups of three joined by a space or a full
/// stop (`12 000`, `12.000`), a decimal comma (`6,6`, `1 250,50`, `1.250,50`). A full stop
/// not followed by exactly three digits is read as a decimal point (`1.5`). Swiss groups
/// are joined by apostrophes and take a decimal point (`1'250'000`, `12'500.50`).
enum DigitNumeral {
    static func parse(_ text: String) -> ExactDecimal? {
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        var groups: [Int] = [0]  // digit counts of the integer part's groups
        var dots = 0
        var apostrophes = 0
        var afterComma = false
        for unit in text.utf8 {
            switch unit {
            case 0x30...0x39:
                if afterComma { fraction.append(unit - 0x30) } else { integer.append(unit - 0x30); groups[groups.count - 1] += 1 }
            case 0x2C:
                guard !afterComma, apostrophes == 0 else { return nil }
                afterComma = true
            case 0x2E where apostrophes > 0:
                guard !afterComma else { return nil }
                afterComma = true
            case 0x27:
                guard !afterComma, dots == 0 else { return nil }
                apostrophes += 1
                groups.append(0)
            case 0x2E, 0x20:
                guard !afterComma else { return nil }
                if unit == 0x2E { dots += 1 }
                groups.append(0)
            default:
                return nil
            }
        }
        guard !integer.isEmpty || !fraction.isEmpty, !groups.contains(0) || integer.isEmpty else { return nil }
        if groups.count > 1 && !groups.dropFirst().allSatisfy({ $0 == 3 }) {
            // `1.5`: a decimal point, the English way.
            guard dots == 1, groups.count == 2, !afterComma else { return nil }
            let fractionDigits = groups[1]
            return ExactDecimal(digits: integer, scale: fractionDigits)
        }
        return ExactDecimal(digits: integer + fraction, scale: fraction.count)
    }
}
