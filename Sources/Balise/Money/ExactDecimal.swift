/// A non-negative decimal number held exactly: `digits` × 10^-`scale`. Money values are
/// computed with it so that `6,6 milliards` is exactly 6600000000, never 6599999999.99.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Decimal digits, most significant first, without leading zeros (empty for zero).
    public private(set) var digits: [UInt8]
    /// How many trailing digits are after the decimal point; trailing zeros after the
    /// point are removed, so equal numbers have equal digits and scale.
    public private(set) var scale: Int

    public init(digits: [UInt8], scale: Int = 0) {
        precondition(scale >= 0 && digits.allSatisfy { $0 < 10 }, "digits are 0...9 and the scale is not negative")
        var digits = digits
        var scale = scale
        while scale > 0, digits.last == 0 {
            digits.removeLast()
            scale -= 1
        }
        // Only when there are zeros to drop: `removeFirst(0)` still made the shared array
        // unique, copying it for every value, which is nearly always canonical already.
        let leadingZeros = digits.prefix { $0 == 0 }.count
        if leadingZeros > 0 { digits.removeFirst(leadingZeros) }
        self.digits = digits
        self.scale = digits.isEmpty ? 0 : scale
    }

    public init(_ value: UInt64) {
        var digits: [UInt8] = []
        var rest = value
        while rest > 0 {
            digits.append(UInt8(rest % 10))
            rest /= 10
        }
        self.init(digits: digits.reversed())
    }

    /// Reads the canonical form (`"1250.5"`, `"0.01"`): ASCII digits with at most one
    /// full stop, as written in lexicons and tests.
    public init?(_ text: String) {
        var digits: [UInt8] = []
        var scale: Int?
        for unit in text.utf8 {
            if unit >= 0x30 && unit <= 0x39 {
                digits.append(unit - 0x30)
                if let s = scale { scale = s + 1 }
            } else if unit == 0x2E && scale == nil {
                scale = 0
            } else {
                return nil
            }
        }
        guard !digits.isEmpty else { return nil }
        self.init(digits: digits, scale: scale ?? 0)
    }

    public static let zero = ExactDecimal(digits: [])
    public static let one = ExactDecimal(digits: [1])
    public static let half = ExactDecimal(digits: [5], scale: 1)

    public var isZero: Bool { digits.isEmpty }

    var isOne: Bool { scale == 0 && digits.count == 1 && digits[0] == 1 }

    /// This number × 10^`exponent` (a negative exponent divides).
    public func timesPowerOfTen(_ exponent: Int) -> ExactDecimal {
        guard !isZero, exponent != 0 else { return self }
        if exponent < 0 { return ExactDecimal(digits: digits, scale: scale - exponent) }
        if exponent <= scale { return ExactDecimal(digits: digits, scale: scale - exponent) }
        // One allocation: `digits + [zeros]` built the zeros' array, then the sum.
        var shifted: [UInt8] = []
        shifted.reserveCapacity(digits.count + exponent - scale)
        shifted.append(contentsOf: digits)
        shifted.append(contentsOf: repeatElement(0, count: exponent - scale))
        return ExactDecimal(digits: shifted)
    }

    /// The digits with `scale` raised to `target`: the same number as an integer count of 10^-target.
    private func digits(atScale target: Int) -> [UInt8] {
        digits + [UInt8](repeating: 0, count: target - scale)
    }

    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        let scale = max(a.scale, b.scale)
        let x = a.digits(atScale: scale), y = b.digits(atScale: scale)
        var sum = [UInt8](repeating: 0, count: max(x.count, y.count) + 1)
        var carry: UInt8 = 0
        for k in 0..<(sum.count) {
            let dx = k < x.count ? x[x.count - 1 - k] : 0
            let dy = k < y.count ? y[y.count - 1 - k] : 0
            let total = dx + dy + carry
            sum[sum.count - 1 - k] = total % 10
            carry = total / 10
        }
        return ExactDecimal(digits: sum, scale: scale)
    }

    public static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        guard !a.isZero && !b.isZero else { return .zero }
        // Most currencies have a factor of one: no product to compute (both are canonical).
        if b.isOne { return a }
        if a.isOne { return b }
        // Schoolbook product on little-endian digits.
        let x = Array(a.digits.reversed()), y = Array(b.digits.reversed())
        var product = [Int](repeating: 0, count: x.count + y.count)
        for (i, dx) in x.enumerated() {
            for (j, dy) in y.enumerated() {
                product[i + j] += Int(dx) * Int(dy)
            }
        }
        var carry = 0
        for k in product.indices {
            let total = product[k] + carry
            product[k] = total % 10
            carry = total / 10
        }
        return ExactDecimal(digits: product.reversed().map { UInt8($0) }, scale: a.scale + b.scale)
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        // Zero is the one value whose padded digits start with a zero.
        if a.isZero || b.isZero { return a.isZero && !b.isZero }
        let scale = max(a.scale, b.scale)
        let x = a.digits(atScale: scale), y = b.digits(atScale: scale)
        if x.count != y.count { return x.count < y.count }
        return x.lexicographicallyPrecedes(y)
    }

    /// The canonical form: no exponent, no leading zeros before the units, no trailing
    /// zeros after the point, no trailing point (`"0.25"`, `"1.8"`, `"6600000000"`).
    public var description: String {
        guard !isZero else { return "0" }
        // ASCII bytes written straight into the string: appending Characters one by one cost
        // more than the arithmetic (one value per MONEY entity), and so did a padded copy of
        // the digits and a byte array.
        let zeros = max(0, scale + 1 - digits.count)  // `0.05`: zeros before the digits
        let count = zeros + digits.count + (scale > 0 ? 1 : 0)
        let point = zeros + digits.count - scale      // where the point goes among the digits
        return String(unsafeUninitializedCapacity: count) { bytes in
            var n = 0
            for k in 0..<(zeros + digits.count) {
                if scale > 0 && k == point {
                    bytes[n] = 0x2E
                    n += 1
                }
                bytes[n] = 0x30 + (k < zeros ? 0 : digits[k - zeros])
                n += 1
            }
            return n
        }
    }
}
