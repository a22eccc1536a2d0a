/// A proleptic Gregorian calendar day, free of time zones and of the clock.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] {
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// ISO 8601 week-numbering year and week.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let jan1 = CalendarDay(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.dayNumber - jan1.dayNumber) / 7 + 1)
    }

    public var description: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.dayNumber < b.dayNumber }
}

/// Zero-padded decimal rendering used by TIMEX values.
public func pad(_ value: Int, _ width: Int) -> String {
    // Every TIMEX value is made of these: the digits are written straight into the string,
    // where `String(value)`, `String(repeating:)` and a concatenation cost several hundred
    // instructions.
    String(unsafeUninitializedCapacity: PaddedDecimal.length(value, width: width)) { out in
        PaddedDecimal.write(value, width: width, into: out.baseAddress!)
    }
}

/// The text of `pad`, written into bytes: zeros up to `width` characters, then `-` for a
/// negative value, then its digits (`pad(-5, 4)` is `00-5`). `pad` and `TimexText` write
/// their numbers with it.
enum PaddedDecimal {
    /// The number of characters `write` writes.
    static func length(_ value: Int, width: Int) -> Int {
        max(width, digitCount(value) + (value < 0 ? 1 : 0))
    }

    /// Writes the text at `out`; returns its length. The digits are those of the magnitude,
    /// written from the end (a generic `stride` and signed remainders cost twice as much).
    @discardableResult
    static func write(_ value: Int, width: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = digitCount(value)
        let sign = value < 0 ? 1 : 0
        let length = max(width, digits + sign)
        var k = 0
        while k < length - digits - sign { out[k] = 0x30; k += 1 }
        if value < 0 { out[k] = 0x2D }
        var rest = value.magnitude
        var end = length
        while end > length - digits {
            end -= 1
            out[end] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        return length
    }

    private static func digitCount(_ value: Int) -> Int {
        var digits = 1
        var rest = value.magnitude
        while rest >= 10 { rest /= 10; digits += 1 }
        return digits
    }
}
