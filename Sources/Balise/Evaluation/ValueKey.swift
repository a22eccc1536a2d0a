/// What two values must share to count as the same value: MONEY amounts compared as
/// decimal numbers (`"6600000000"` equals `"6.6E9"` and `"6600000000.00"`) and the
/// currency; DATE the timex and the modifier. Other types have no value.
enum ValueKey: Equatable {
    case none
    case money(currency: String, amount: DecimalNumber?, min: DecimalNumber?, max: DecimalNumber?)
    case date(timex: String, mod: String?)

    init(_ value: EntityValue?, type: EntityType) {
        switch (type, value) {
        case (.money, .money(let m)?):
            self = .money(currency: m.currency, amount: m.amount.map(DecimalNumber.init),
                          min: m.min.map(DecimalNumber.init), max: m.max.map(DecimalNumber.init))
        case (.date, .date(let d)?):
            self = .date(timex: d.timex, mod: d.mod?.rawValue)
        default:
            self = .none
        }
    }
}

/// A decimal string reduced to a canonical form, so that equal numbers compare equal
/// whatever their writing; a string that is not a number compares as text.
enum DecimalNumber: Equatable {
    case finite(negative: Bool, digits: String, exponent: Int)
    case infinite(negative: Bool)
    /// Not a number: equal to nothing, itself included.
    case notANumber
    case text(String)

    init(_ raw: String) {
        var s = Substring(raw)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        var negative = false
        if let sign = s.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            s.removeFirst()
        }
        switch s.lowercased() {
        case "inf", "infinity": self = .infinite(negative: negative); return
        case "nan", "snan": self = .notANumber; return
        default: break
        }
        var mantissa = s
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(s[s.index(after: e)...]) else { self = .text(raw); return }
            exponent = x
            mantissa = s[..<e]
        }
        // Underscores group digits as in Python literals, never at an edge or doubled.
        if mantissa.hasPrefix("_") || mantissa.hasSuffix("_") || mantissa.contains("__") { self = .text(raw); return }
        let parts = mantissa.replacingUnderscores().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !(parts.allSatisfy(\.isEmpty)),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            self = .text(raw); return
        }
        var digits = String(parts[0]) + (parts.count == 2 ? String(parts[1]) : "")
        exponent -= parts.count == 2 ? parts[1].count : 0
        while digits.first == "0" { digits.removeFirst() }
        if digits.isEmpty { self = .finite(negative: false, digits: "0", exponent: 0); return }
        while digits.last == "0" { digits.removeLast(); exponent += 1 }
        self = .finite(negative: negative, digits: digits, exponent: exponent)
    }

    static func == (a: DecimalNumber, b: DecimalNumber) -> Bool {
        switch (a, b) {
        case let (.finite(n1, d1, e1), .finite(n2, d2, e2)): return n1 == n2 && d1 == d2 && e1 == e2
        case let (.infinite(n1), .infinite(n2)): return n1 == n2
        case let (.text(t1), .text(t2)): return t1 == t2
        default: return false
        }
    }
}

private extension Substring {
    func replacingUnderscores() -> String {
        String(filter { $0 != "_" })
    }
}
