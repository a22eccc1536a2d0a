@_implementationOnly import CICU

/// French names that ICU knows: months, weekdays, currency names.
public enum LocaleData {
    /// Month names in French, January first (`janvier` ...), and their abbreviations (`janv.` ...).
    public static func monthNames(abbreviated: Bool = false) throws -> [String] {
        try dateSymbols(abbreviated ? UDAT_SHORT_MONTHS : UDAT_MONTHS, range: 0..<12)
    }

    /// Weekday names in French, Monday first (`lundi` ... `dimanche`).
    public static func weekdayNames(abbreviated: Bool = false) throws -> [String] {
        // ICU numbers weekdays from Sunday = 1.
        let names = try dateSymbols(abbreviated ? UDAT_SHORT_WEEKDAYS : UDAT_WEEKDAYS, range: 1..<8)
        return Array(names[1...]) + [names[0]]
    }

    private static func dateSymbols(_ type: UDateFormatSymbolType, range: Range<Int>) throws -> [String] {
        let format = try icuCall("udat_open(fr)") { udat_open(UDAT_NONE, UDAT_LONG, "fr", nil, 0, nil, 0, $0) }
        defer { udat_close(format) }
        return try range.map { index in
            try icuString("udat_getSymbols") { udat_getSymbols(format, type, Int32(index), $0, $1, $2) }
        }
    }

    public struct CurrencyNames: Sendable {
        public let code: String
        public let symbol: String
        public let singular: String
        public let plural: String
    }

    /// ICU's French names of every current ISO 4217 currency.
    public static func currencies() -> [CurrencyNames] {
        var result: [CurrencyNames] = []
        var status = U_ZERO_ERROR
        // UCURR_COMMON | UCURR_NON_DEPRECATED
        guard let list = ucurr_openISOCurrencies(UInt32(UCURR_COMMON.rawValue | UCURR_NON_DEPRECATED.rawValue), &status) else { return [] }
        defer { uenum_close(list) }
        while true {
            var length: Int32 = 0
            var s = U_ZERO_ERROR
            guard let codePointer = uenum_next(list, &length, &s) else { break }
            let code = String(cString: codePointer)
            let units = Array(code.utf16) + [0]
            func name(_ style: UCurrNameStyle) -> String {
                var isChoice: Int8 = 0
                var n: Int32 = 0
                var st = U_ZERO_ERROR
                guard let p = ucurr_getName(units, "fr", style, &isChoice, &n, &st), st.rawValue <= 0 else { return code }
                return String(decoding: UnsafeBufferPointer(start: p, count: Int(n)), as: UTF16.self)
            }
            var isChoice: Int8 = 0
            var n: Int32 = 0
            var st = U_ZERO_ERROR
            let plural: String
            if let p = ucurr_getPluralName(units, "fr", &isChoice, "other", &n, &st), st.rawValue <= 0 {
                plural = String(decoding: UnsafeBufferPointer(start: p, count: Int(n)), as: UTF16.self)
            } else {
                plural = name(UCURR_LONG_NAME)
            }
            result.append(CurrencyNames(code: code, symbol: name(UCURR_SYMBOL_NAME), singular: name(UCURR_LONG_NAME), plural: plural))
        }
        return result
    }
}
