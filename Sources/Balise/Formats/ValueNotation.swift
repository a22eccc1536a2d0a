/// Entity values written as `key=value` fields where JSON cannot go: brat notes
/// (`amount=6600000000 currency=USD`, fields separated by spaces) and the CoNLL value
/// column (`timex=2025-02|mod=END`, fields separated by `|`).
///
/// Field values are percent-escaped (`%20`) when they hold white space, `%`, `|` or `=`,
/// so that a field never breaks a column or a note.
public enum ValueNotation {
    /// The fields of a value, in a fixed order.
    public static func fields(_ value: EntityValue) -> [(String, String)] {
        switch value {
        case .money(let m):
            var out: [(String, String)] = []
            if let a = m.amount { out.append(("amount", a)) }
            if let a = m.min { out.append(("min", a)) }
            if let a = m.max { out.append(("max", a)) }
            out.append(("currency", m.currency))
            return out
        case .date(let d):
            var out = [("timex", d.timex)]
            if let mod = d.mod { out.append(("mod", mod.rawValue)) }
            return out
        }
    }

    public static func format(_ value: EntityValue, separator: String) -> String {
        format(fields(value), separator: separator)
    }

    public static func format(_ fields: [(String, String)], separator: String) -> String {
        fields.map { $0.0 + "=" + escape($0.1) }.joined(separator: separator)
    }

    /// Splits `key=value` fields; nil when a piece is not of that shape.
    public static func parseFields(_ text: Substring, separator: Character) -> [(String, String)]? {
        var out: [(String, String)] = []
        for piece in text.split(separator: separator) {
            guard let eq = piece.firstIndex(of: "="), eq != piece.startIndex else { return nil }
            out.append((String(piece[..<eq]), unescape(piece[piece.index(after: eq)...])))
        }
        return out
    }

    /// The value of an entity of `type` written in the notation; nil when the text is
    /// something else (a human note, an unknown key, a value for another type).
    public static func parse(_ text: Substring, type: EntityType, separator: Character) -> EntityValue? {
        guard let fields = parseFields(text, separator: separator), !fields.isEmpty else { return nil }
        return value(fields, type: type)
    }

    public static func value(_ fields: [(String, String)], type: EntityType) -> EntityValue? {
        var map: [String: String] = [:]
        for (k, v) in fields { map[k] = v }
        switch type {
        case .money:
            guard Set(map.keys).isSubset(of: ["amount", "min", "max", "currency"]), let currency = map["currency"] else { return nil }
            if let amount = map["amount"], map["min"] == nil, map["max"] == nil {
                return .money(MoneyValue(amount: amount, currency: currency))
            }
            if let lo = map["min"], let hi = map["max"], map["amount"] == nil {
                return .money(MoneyValue(min: lo, max: hi, currency: currency))
            }
            return nil
        case .date:
            guard Set(map.keys).isSubset(of: ["timex", "mod"]), let timex = map["timex"] else { return nil }
            var mod: DateValue.Mod?
            if let m = map["mod"] {
                guard let parsed = DateValue.Mod(rawValue: m) else { return nil }
                mod = parsed
            }
            return .date(DateValue(timex: timex, mod: mod))
        default:
            return nil
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "%" || scalar == "|" || scalar == "=" || scalar.value < 0x20 {
                for byte in String(scalar).utf8 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("%") else { return String(s) }
        var bytes: [UInt8] = []
        let utf8 = Array(s.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let byte = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
