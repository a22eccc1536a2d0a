/// Turns the parts that the money rules found into an exact value.
public struct MoneyResolver: Sendable {
    public init() {}

    public func resolve(_ parts: MoneyParts) -> MoneyValue? {
        switch parts.amounts {
        case .single(let amount):
            if parts.factor.isOne, let whole = wholeValue(of: amount) {
                return MoneyValue(amount: Self.decimalText(whole, negative: amount.negative && whole != 0), currency: parts.currency)
            }
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

    /// `value(of:)` of the usual amount, when it is a whole number below 2^64, read without
    /// the digit arrays of `ExactDecimal` (each amount cost several allocations): digits in
    /// groups of three after the first, joined by single spaces (`12 000`), perhaps a decimal
    /// comma that the multiplier's power of ten absorbs (`6,6 milliards`), or a spelled-out
    /// value; no half, no addend. Nil for anything else, which `value(of:)` reads; `String`
    /// of the result is then `ExactDecimal`'s canonical form of the same value.
    func wholeValue(of amount: AmountParts) -> UInt64? {
        guard !amount.half, !amount.halved, amount.addends.isEmpty else { return nil }
        let exponent = amount.exponent ?? 0
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        switch amount.number {
        case .spelled(let value):
            guard value >= 0 else { return nil }
            mantissa = UInt64(value)
        case .digits(var text):
            // Over the bytes in one buffer: walking `text.utf8` cost more than the reading.
            guard let read = text.withUTF8({ Self.wholeDigits($0) }) else { return nil }
            (mantissa, fractionDigits) = read
        }
        guard exponent >= fractionDigits else { return nil }
        for _ in 0..<(exponent - fractionDigits) {
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            mantissa = product
        }
        return mantissa
    }

    /// The digits of `wholeValue`'s number as one integer and how many of them follow the
    /// comma; nil for any other writing.
    private static func wholeDigits(_ text: UnsafeBufferPointer<UInt8>) -> (mantissa: UInt64, fractionDigits: Int)? {
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        var digitCount = 0
        var group = 0            // digits in the group being read
        var groups = 1
        var afterComma = false
        for unit in text {
            switch unit {
            case 0x30...0x39:
                digitCount += 1
                guard digitCount <= 18 else { return nil }
                mantissa = mantissa * 10 + UInt64(unit - 0x30)
                if afterComma { fractionDigits += 1 } else { group += 1 }
            case 0x20 where !afterComma:
                guard group > 0, groups == 1 || group == 3 else { return nil }
                groups += 1
                group = 0
            case 0x2C where !afterComma:
                afterComma = true
            default:
                return nil
            }
        }
        guard group > 0, groups == 1 || group == 3, !afterComma || fractionDigits > 0 else { return nil }
        return (mantissa, fractionDigits)
    }

    /// `String(value)` after a `-` when `negative`, written straight into the string: the
    /// generic `String(_:)` of an integer went through a protocol's `description`, and the
    /// sign then cost a concatenation.
    static func decimalText(_ value: UInt64, negative: Bool) -> String {
        var digits = 1
        var rest = value / 10
        while rest != 0 {
            rest /= 10
            digits += 1
        }
        let length = digits + (negative ? 1 : 0)
        return String(unsafeUninitializedCapacity: length) { out in
            if negative { out[0] = 0x2D }
            var v = value
            for k in stride(from: length - 1, through: length - digits, by: -1) {
                out[k] = UInt8(0x30 + v % 10)
                v /= 10
            }
            return length
        }
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
        // The digits in one array, the integer's then the fraction's (a comma comes once);
        // the integer's groups are described by counters: the arrays of digits, fraction
        // and group sizes cost more allocations than the reading (one number per amount).
        var digits: [UInt8] = []
        digits.reserveCapacity(text.utf8.count)
        var integerCount = 0
        var groupCount = 1
        var current = 0            // digits in the group being read
        var emptyGroup = false     // a closed group had no digit
        var laterNotThree = false  // a closed group after the first had other than three digits
        var secondGroup = 0        // digits of the second group
        var dots = 0
        var apostrophes = 0
        var afterComma = false
        func closeGroup() {
            if current == 0 { emptyGroup = true }
            if groupCount >= 2 && current != 3 { laterNotThree = true }
            if groupCount == 2 { secondGroup = current }
        }
        for unit in text.utf8 {
            switch unit {
            case 0x30...0x39:
                digits.append(unit - 0x30)
                if !afterComma {
                    integerCount += 1
                    current += 1
                }
            case 0x2C:
                guard !afterComma, apostrophes == 0 else { return nil }
                afterComma = true
            case 0x2E where apostrophes > 0:
                guard !afterComma else { return nil }
                afterComma = true
            case 0x27:
                guard !afterComma, dots == 0 else { return nil }
                apostrophes += 1
                closeGroup()
                groupCount += 1
                current = 0
            case 0x2E, 0x20:
                guard !afterComma else { return nil }
                if unit == 0x2E { dots += 1 }
                closeGroup()
                groupCount += 1
                current = 0
            default:
                return nil
            }
        }
        closeGroup()
        let fractionCount = digits.count - integerCount
        guard !digits.isEmpty, !emptyGroup || integerCount == 0 else { return nil }
        if groupCount > 1 && laterNotThree {
            // `1.5`: a decimal point, the English way.
            guard dots == 1, groupCount == 2, !afterComma else { return nil }
            return ExactDecimal(digits: digits, scale: secondGroup)
        }
        return ExactDecimal(digits: digits, scale: fractionCount)
    }
}
