/// ICU's word boundaries and rule statuses, computed without ICU for text made only of
/// Latin letters (U+00C0-U+024F and ASCII), digits, spaces, line breaks and ASCII or
/// Latin-1 punctuation: 98 % of the news documents we see. ICU's rule-driven iterator read
/// about 70 MB/s and was the text layer's largest cost; over these characters its word
/// rules (UAX #29 as ICU 72 ships them) reduce to a few joins, written out below.
///
/// Any other unit makes `forEachSegment` return false, and the caller segments the whole
/// text with ICU instead: `@` (ICU 72 keeps `a@b` whole) and `_` (ExtendNumLet, whose
/// statuses are not modelled), format and combining characters, controls, other scripts,
/// emoji, surrogates. `:` is supported: ICU 72 does not join letters across it. A test
/// compares both paths on random strings over every supported unit.
enum LatinWordBreaks {
    /// Word-break classes of the supported units (ICU's names in the comments).
    private enum Class: UInt8 {
        case unsupported = 0
        /// A segment of its own (`Other`).
        case other
        /// `ALetter`.
        case letter
        /// `Numeric`.
        case digit
        /// `MidLetter` (`·`): joins two letters.
        case midLetter
        /// `MidNum` (`,` `;`): joins two digits.
        case midNum
        /// `MidNumLet` and `Single_Quote` (`.` `'`): joins two letters or two digits.
        case midNumLet
        /// `WSegSpace` (U+0020): runs of it stay together.
        case space
        case carriageReturn
        case lineFeed
    }

    private static let limit = 0x250

    /// Classes of the units below `limit`.
    private static let table: [Class] = {
        var table = [Class](repeating: .unsupported, count: limit)
        for u in 0x21..<0x7F { table[u] = .other }
        for u in 0x41...0x5A { table[u] = .letter }
        for u in 0x61...0x7A { table[u] = .letter }
        for u in 0x30...0x39 { table[u] = .digit }
        table[0x2C] = .midNum
        table[0x3B] = .midNum
        table[0x2E] = .midNumLet
        table[0x27] = .midNumLet
        table[0x40] = .unsupported  // `@`: ICU 72 keeps `a@b` whole
        table[0x5F] = .unsupported  // `_` (ExtendNumLet): statuses we do not model
        table[0x20] = .space
        table[0x09] = .other
        table[0x0D] = .carriageReturn
        table[0x0A] = .lineFeed
        for u in 0xA0...0xBF { table[u] = .other }
        table[0xAA] = .letter  // ª
        table[0xB5] = .letter  // µ
        table[0xBA] = .letter  // º
        table[0xB7] = .midLetter  // ·
        table[0xA9] = .unsupported  // © and ® are pictographic (emoji rules)
        table[0xAE] = .unsupported
        table[0xAD] = .unsupported  // soft hyphen (Format)
        for u in 0xC0..<limit { table[u] = .letter }
        table[0xD7] = .other  // ×
        table[0xF7] = .other  // ÷
        return table
    }()

    @inline(__always)
    private static func classOf(_ unit: UInt16, _ table: UnsafeBufferPointer<Class>) -> Class {
        if Int(unit) < limit { return table[Int(unit)] }
        switch unit {
        case 0x20AC, 0x2026, 0x201C, 0x201D, 0x201E, 0x2022, 0x2030: return .other  // € … “ ” „ • ‰
        default: return .unsupported
        }
    }

    /// Whether `unit` is always a word segment of its own (`Other`).
    static func standsAlone(_ unit: UInt16) -> Bool {
        table.withUnsafeBufferPointer { classOf(unit, $0) == .other }
    }

    /// Whether the fast paths (words here, sentences in `LatinSentenceBreaks`) handle `unit`.
    static func supports(_ unit: UInt16) -> Bool {
        table.withUnsafeBufferPointer { classOf(unit, $0) != .unsupported }
    }

    /// Calls `visit(start, end, status, fullStopInside, apostropheInside, afterSpaces)` for every segment of `text`, as
    /// ICU's word iterator would (status 200 for a segment ending on a letter, 100 for one
    /// ending on a digit, 0 otherwise), telling whether a full stop joined the segment
    /// (`U.S`, `1.000`) and whether an apostrophe did (`l'Union`: the only way one gets
    /// inside a segment here), but for the segments of plain spaces (U+0020), a third of all
    /// segments: they are not visited, and `afterSpaces` tells that one came just before the
    /// segment visited. Returns false, having visited only a prefix, at the first
    /// unsupported unit.
    @inline(__always)
    static func forEachSegment(_ text: UnsafeBufferPointer<UInt16>, _ visit: (Int, Int, Int32, Bool, Bool, Bool) -> Void) -> Bool {
        table.withUnsafeBufferPointer { table in
            let n = text.count
            var i = 0
            var afterSpaces = false
            while i < n {
                let start = i
                var status: Int32 = 0
                var fullStopInside = false
                var apostropheInside = false
                switch classOf(text[i], table) {
                case .unsupported:
                    return false
                case .other, .midLetter, .midNum, .midNumLet, .lineFeed:
                    i += 1
                case .carriageReturn:
                    i += i + 1 < n && text[i + 1] == 0x0A ? 2 : 1
                case .space:
                    i += 1
                    while i < n && text[i] == 0x20 { i += 1 }
                    afterSpaces = true
                    continue
                case .letter, .digit:
                    // Letters and digits join in any order; a middle mark joins two letters
                    // (`aujourd'hui`, `U.S`) or two digits (`6,6`, `1.000`) around it.
                    var last = classOf(text[i], table)
                    i += 1
                    while i < n {
                        // Lowercase ASCII, most units of a word, without the table.
                        if text[i] &- 0x61 < 26 { last = .letter; i += 1; continue }
                        let next = classOf(text[i], table)
                        if next == .letter || next == .digit { last = next; i += 1; continue }
                        guard i + 1 < n else { break }
                        let after = classOf(text[i + 1], table)
                        if last == .letter && after == .letter && (next == .midLetter || next == .midNumLet)
                            || last == .digit && after == .digit && (next == .midNum || next == .midNumLet) {
                            fullStopInside = fullStopInside || text[i] == 0x2E
                            apostropheInside = apostropheInside || text[i] == 0x27
                            i += 2
                            continue
                        }
                        break
                    }
                    status = last == .letter ? 200 : 100
                }
                visit(start, i, status, fullStopInside, apostropheInside, afterSpaces)
                afterSpaces = false
            }
            return true
        }
    }
}
