/// Writes a TIMEX value into one string: joining its zero-padded numbers and separators
/// with `+` cost an append each, about four per date. The text is the same as `pad`'s and
/// `CalendarDay.description`'s.
struct TimexText {
    /// Room for three numbers of any size and their separators.
    private static let capacity = 96
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    private init(_ bytes: UnsafeMutableBufferPointer<UInt8>) { self.bytes = bytes }

    /// The text that `write` writes (at most three numbers and a few separators).
    static func make(_ write: (inout TimexText) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var text = TimexText(buffer)
            write(&text)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<text.count]), as: UTF8.self)
        }
    }

    /// ASCII text.
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { for unit in $0 { put(unit) } }
    }

    mutating func append(_ text: String) {
        for unit in text.utf8 { put(unit) }
    }

    /// `pad(value, width)`.
    mutating func append(_ value: Int, width: Int) {
        precondition(count + PaddedDecimal.length(value, width: width) <= bytes.count, "TIMEX text too long")
        count += PaddedDecimal.write(value, width: width, into: bytes.baseAddress! + count)
    }

    /// `yearText(year)`: four digits, or `XXXX` without a year.
    mutating func appendYear(_ year: Int?) {
        if let year { append(year, width: 4) } else { append("XXXX") }
    }

    /// `day.description`: `YYYY-MM-DD`.
    mutating func append(_ day: CalendarDay) {
        append(day.year, width: 4)
        put(0x2D)
        append(day.month, width: 2)
        put(0x2D)
        append(day.day, width: 2)
    }

    private mutating func put(_ unit: UInt8) {
        precondition(count < bytes.count, "TIMEX text too long")
        bytes[count] = unit
        count += 1
    }
}
