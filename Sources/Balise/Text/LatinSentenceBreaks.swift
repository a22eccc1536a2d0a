@_implementationOnly import CICU

/// ICU's sentence boundaries (locale "fr", no suppressions), computed without ICU over the
/// units `LatinWordBreaks` supports: after the word breaks, ICU's sentence iterator was the
/// text layer's last ICU cost. The classes come from ICU's own Sentence_Break property;
/// the rules are UAX #29's (SB3-SB11), which ICU 72 implements. `boundaries` returns nil
/// on any other unit and the caller asks ICU. A test compares both on random strings.
enum LatinSentenceBreaks {
    /// Sentence_Break classes (UAX #29 names), `unsupported` for units left to ICU.
    private enum Class: UInt8 {
        case unsupported, other, lower, upper, oLetter, numeric, aTerm, sTerm, close, sContinue, sp, cr, lf
    }

    /// Classes of the units below 0x250, then of the few supported units above.
    private static let table: [Class] = (0..<0x250).map { classOf(UInt16($0)) }
    /// Per unit below 0x250: true for the supported units that open no break context
    /// (all but terminators and line breaks), which `boundaries` skips in a tight loop.
    private static let quiet: [Bool] = table.map { ![.unsupported, .aTerm, .sTerm, .cr, .lf].contains($0) }
    private static let extras: [(UInt16, Class)] = [0x20AC, 0x2026, 0x201C, 0x201D, 0x201E, 0x2022, 0x2030].map { ($0, classOf($0)) }

    private static func classOf(_ unit: UInt16) -> Class {
        guard LatinWordBreaks.supports(unit) else { return .unsupported }
        switch UInt32(bitPattern: u_getIntPropertyValue(UChar32(unit), UCHAR_SENTENCE_BREAK)) {
        case U_SB_OTHER.rawValue: return .other
        case U_SB_LOWER.rawValue: return .lower
        case U_SB_UPPER.rawValue: return .upper
        case U_SB_OLETTER.rawValue: return .oLetter
        case U_SB_NUMERIC.rawValue: return .numeric
        case U_SB_ATERM.rawValue: return .aTerm
        case U_SB_STERM.rawValue: return .sTerm
        case U_SB_CLOSE.rawValue: return .close
        case U_SB_SCONTINUE.rawValue: return .sContinue
        case U_SB_SP.rawValue: return .sp
        case U_SB_CR.rawValue: return .cr
        case U_SB_LF.rawValue: return .lf
        default: return .unsupported  // Sep, Format, Extend: rules we do not model
        }
    }

    @inline(__always)
    private static func classOf(_ unit: UInt16, _ table: UnsafeBufferPointer<Class>) -> Class {
        if Int(unit) < table.count { return table[Int(unit)] }
        for (u, c) in extras where u == unit { return c }
        return .unsupported
    }

    /// Whether `unit` may open a break context (a terminator or a line break); false for
    /// units this path does not handle.
    static func opensContext(_ unit: UInt16) -> Bool {
        Int(unit) < quiet.count && !quiet[Int(unit)] && table[Int(unit)] != .unsupported
    }

    /// Whether the candidates `Tokenizer.tokenizeWithSentences` collects over a text the
    /// word fast path read hold every unit that opens a break context: full stops (found
    /// anywhere), line breaks, and terminators that make a word segment of their own. True
    /// for ICU 72's classes; checked once, so that other classes only turn the shortcut off.
    static let candidatesSeeEveryContext: Bool = {
        for u in 0..<0x250 {
            let unit = UInt16(u)
            guard LatinWordBreaks.supports(unit) else { continue }
            let c = table[u]
            if c == .unsupported { return false }
            guard c == .aTerm || c == .sTerm || c == .cr || c == .lf else { continue }
            // The reader notes `.` wherever it is, line breaks, and the terminators that make
            // a segment of their own among `!`, `?` and the units beyond ASCII.
            if unit == 0x2E || unit == 0x0A || unit == 0x0D { continue }
            if !LatinWordBreaks.standsAlone(unit) || !(unit == 0x21 || unit == 0x3F || unit >= 0x80) { return false }
        }
        for (_, c) in extras where [.unsupported, .aTerm, .sTerm, .cr, .lf].contains(c) { return false }
        return true
    }()

    /// `boundaries(_:)` for a text whose units that may open a break context are all among
    /// `candidates` (ascending offsets; others may be there too): the units between two
    /// candidates are skipped without being read.
    static func boundaries(_ text: UnsafeBufferPointer<UInt16>, candidates: UnsafeBufferPointer<Int32>) -> [Int]? {
        var c = 0
        return boundaries(text) { from in
            while c < candidates.count && Int(candidates[c]) < from { c += 1 }
            return c < candidates.count ? Int(candidates[c]) : text.count
        }
    }

    /// Where the text after a sentence terminator stands: `ATerm`/`STerm`, then `Close*`, then `Sp*`.
    private enum Phase { case none, term, close, space }

    /// The end of every sentence of `text` (the last is `text.count`), as ICU's iterator
    /// gives them, or nil when `text` holds a unit this path does not handle.
    ///
    /// A break can only follow a terminator (`.` `!` `?`, then closing marks and spaces) or
    /// a line break, so the text between them is skipped with one table look-up per unit,
    /// and the rules run from each terminator or line break until that context ends.
    static func boundaries(_ text: UnsafeBufferPointer<UInt16>) -> [Int]? {
        boundaries(text, skip: nil)
    }

    /// `boundaries`, with `skip(j)` giving the first unit at or after `j` that may open a
    /// break context (nil: read each unit).
    @inline(__always)
    private static func boundaries(_ text: UnsafeBufferPointer<UInt16>, skip: ((Int) -> Int)?) -> [Int]? {
        let n = text.count
        guard n > 0 else { return [] }
        return table.withUnsafeBufferPointer { table -> [Int]? in
            var result: [Int] = []
            var j = 0
            while j < n {
                // Units that cannot open a break context: no rule breaks before or after them.
                if let skip {
                    j = skip(j)
                } else {
                    quiet.withUnsafeBufferPointer { quiet in
                        while j < n, Int(text[j]) < quiet.count, quiet[Int(text[j])] { j += 1 }
                    }
                }
                if j == n { break }
                var c = classOf(text[j], table)
                while c != .aTerm && c != .sTerm && c != .cr && c != .lf {
                    if c == .unsupported { return nil }
                    j += 1
                    if j == n { break }
                    c = classOf(text[j], table)
                }
                if j == n { break }
                // The rules, from the unit at `j` until the context it opened ends.
                var termIsATerm = false
                var phase = Phase.none
                @inline(__always) func advance(_ c: Class) {
                    switch c {
                    case .aTerm, .sTerm: phase = .term; termIsATerm = c == .aTerm
                    case .close where phase == .term || phase == .close: phase = .close
                    case .sp where phase != .none: phase = .space
                    default: phase = .none
                    }
                }
                advance(c)
                var previous = c
                j += 1
                while j < n {
                    let next = classOf(text[j], table)
                    if next == .unsupported { return nil }
                    let afterTerm = phase != .none
                    let isBreak: Bool
                    if previous == .cr && next == .lf { isBreak = false }  // SB3
                    else if previous == .cr || previous == .lf { isBreak = true }  // SB4
                    else if previous == .aTerm && next == .numeric { isBreak = false }  // SB6
                    else if previous == .aTerm && next == .upper && j >= 2
                                && isCased(classOf(text[j - 2], table)) { isBreak = false }  // SB7
                    else if afterTerm && termIsATerm && lowerFollows(text, from: j, table) { isBreak = false }  // SB8
                    else if afterTerm && (next == .sContinue || next == .aTerm || next == .sTerm) { isBreak = false }  // SB8a
                    else if afterTerm && phase != .space && (next == .close || next == .sp || next == .cr || next == .lf) { isBreak = false }  // SB9
                    else if afterTerm && (next == .sp || next == .cr || next == .lf) { isBreak = false }  // SB10
                    else { isBreak = afterTerm }  // SB11, else SB998
                    if isBreak {
                        result.append(j)
                        phase = .none
                    }
                    advance(next)
                    previous = next
                    j += 1
                    if phase == .none && next != .cr && next != .lf { break }
                }
            }
            result.append(n)
            return result
        }
    }

    @inline(__always) private static func isCased(_ c: Class) -> Bool { c == .upper || c == .lower }

    /// SB8's look-ahead: skipping everything but letters, terminators and line breaks, is
    /// the next of those a lower-case letter?
    private static func lowerFollows(_ text: UnsafeBufferPointer<UInt16>, from start: Int, _ table: UnsafeBufferPointer<Class>) -> Bool {
        var k = start
        while k < text.count {
            switch classOf(text[k], table) {
            case .lower: return true
            case .oLetter, .upper, .cr, .lf, .aTerm, .sTerm, .unsupported: return false
            default: k += 1
            }
        }
        return false
    }
}
