/// Minimal, fast JSON writing: strings escaped as RFC 8259 requires, UTF-8 kept as is.
enum JSONText {
    /// `s` as a JSON string.
    static func quoted(_ s: String) -> String {
        let out = JSONBytes(capacity: s.utf8.count + 2)
        out.appendQuoted(s)
        return out.string
    }
}

/// JSON output built as UTF-8 bytes: the writer quotes each document's whole text and
/// builds every entity, and growing a String piece by piece cost a fifth of `balise annotate`.
/// Raw memory, so that the many small literals (`,"end":`) are plain copies: appending them
/// to an Array paid its uniqueness and capacity checks each time.
final class JSONBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    func removeAll() { count = 0 }

    /// Room for `n` more bytes.
    @inline(__always)
    func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        new.initialize(from: base, count: count)
        base.deallocate()
        base = new
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let source = bytes.baseAddress { (base + count).initialize(from: source, count: bytes.count) }
        count += bytes.count
    }

    /// A literal, copied byte by byte: most are a few bytes long (`,"end":`), and a call
    /// to `memcpy` for each cost more than the copy.
    @inline(__always)
    func append(_ literal: StaticString) {
        let n = literal.utf8CodeUnitCount
        reserve(n)
        let source = literal.utf8Start, target = base + count
        var k = 0
        while k < n {
            target[k] = source[k]
            k &+= 1
        }
        count &+= n
    }

    /// Text already known to need no escaping (enum raw values).
    func appendRaw(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    /// A decimal integer, its digits written in place, two at a time (offsets, two an
    /// entity: a stack buffer, a copy and a division a digit cost more than the digits).
    func appendDecimal(_ value: Int) {
        let magnitude = value.magnitude
        // A sign and at most 20 digits.
        reserve(21)
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count &+= 1
        }
        let digits = JSONBytes.digitCount(magnitude)
        JSONBytes.writeDigits(magnitude, endingAt: base + count + digits)
        count &+= digits
    }

    /// Writes the decimal digits of `magnitude` backwards from `end`, two at a time (the
    /// caller has counted them with `digitCount` and made room).
    @inline(__always)
    static func writeDigits(_ magnitude: UInt, endingAt end: UnsafeMutablePointer<UInt8>) {
        var magnitude = magnitude
        var p = end
        let pairs = JSONBytes.digitPairs.utf8Start
        while magnitude >= 100 {
            let pair = Int(magnitude % 100) &* 2
            magnitude /= 100
            p -= 2
            p[0] = pairs[pair]
            p[1] = pairs[pair &+ 1]
        }
        if magnitude >= 10 {
            let pair = Int(magnitude) &* 2
            p -= 2
            p[0] = pairs[pair]
            p[1] = pairs[pair &+ 1]
        } else {
            p -= 1
            p.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude)
        }
    }

    /// "00" to "99", for `appendDecimal`.
    static let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    private static func digitCount(_ value: UInt) -> Int {
        var count = 1, rest = value
        while rest >= 100 { count &+= 2; rest /= 100 }
        return rest >= 10 ? count &+ 1 : count
    }

    /// A day as a JSON string, as its `description` reads (`"2025-03-04"`), written directly.
    func appendQuoted(_ day: CalendarDay) {
        guard (0...9999).contains(day.year) else { return appendQuoted(day.description) }
        reserve(12)
        let p = base + count
        let pairs = JSONBytes.digitPairs.utf8Start
        p[0] = 0x22
        p[1] = pairs[(day.year / 100) &* 2]; p[2] = pairs[(day.year / 100) &* 2 &+ 1]
        p[3] = pairs[(day.year % 100) &* 2]; p[4] = pairs[(day.year % 100) &* 2 &+ 1]
        p[5] = UInt8(ascii: "-")
        p[6] = pairs[day.month &* 2]; p[7] = pairs[day.month &* 2 &+ 1]
        p[8] = UInt8(ascii: "-")
        p[9] = pairs[day.day &* 2]; p[10] = pairs[day.day &* 2 &+ 1]
        p[11] = 0x22
        count &+= 12
    }

    /// `s` as a JSON string. Runs of bytes that need no escape are copied whole.
    func appendQuoted(_ s: String) {
        var s = s
        s.withUTF8 { appendQuoted(utf8: $0) }
    }

    func appendQuoted(utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        reserve(n + 2)
        append(0x22)
        var runStart = 0
        var i = 0
        while i < n {
            // Eight plain bytes at a time, then straight to the first byte that may stop the run.
            if i &+ 8 <= n {
                let w = WordOfBytes.load(utf8.baseAddress! + i)
                let stops = WordOfBytes.controlBytes(w) | WordOfBytes.bytes(w, equalTo: 0x22)
                    | WordOfBytes.bytes(w, equalTo: 0x5C) | WordOfBytes.bytes(w, equalTo: 0xE2)
                if stops == 0 {
                    i &+= 8
                    continue
                }
                i &+= WordOfBytes.firstFlagged(stops)
            }
            let b = utf8[i]
            // Only `"`, `\`, control bytes and the first byte of U+2028/U+2029 stop the run.
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 { i += 1; continue }
            if b == 0xE2 && !JSONBytes.isLineOrParagraphSeparator(utf8, i) { i += 1; continue }
            append(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            switch b {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0xE2:
                // U+2028 and U+2029 are valid in JSON but end lines in JavaScript.
                append(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                i += 2
            default:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                append(hex.utf8Start[Int(b >> 4)])
                append(hex.utf8Start[Int(b & 0xF)])
            }
            i += 1
            runStart = i
        }
        append(UnsafeBufferPointer(rebasing: utf8[runStart..<n]))
        append(0x22)
    }

    /// UTF-16 units as a JSON string (see `Cursor.writeQuoted(utf16:)`).
    func appendQuoted(utf16 units: UnsafeBufferPointer<UInt16>) {
        var cursor = self.cursor(reserving: Cursor.quotedBound(utf16: units.count))
        cursor.writeQuoted(utf16: units)
        commit(cursor)
    }

    /// Room for `n` more bytes, written through the cursor returned; `commit` it after.
    @inline(__always)
    func cursor(reserving n: Int) -> Cursor {
        reserve(n)
        return Cursor(p: base + count)
    }

    /// Counts the bytes written through `cursor` (made by `cursor(reserving:)`, no other
    /// write in between).
    @inline(__always)
    func commit(_ cursor: Cursor) {
        count = base.distance(to: cursor.p)
    }

    /// Writes into room reserved beforehand (`JSONBytes.cursor(reserving:)`): a pointer moved
    /// along. Each entity is written through one: checking and counting the room for each of
    /// its dozen pieces, in the buffer object, cost more than writing them.
    struct Cursor {
        var p: UnsafeMutablePointer<UInt8>

        @inline(__always)
        mutating func write(_ byte: UInt8) {
            p.pointee = byte
            p += 1
        }

        /// A literal, copied a word at a time (most are a few bytes long: a call to `memcpy`
        /// cost more, and so did copying them byte by byte): from four bytes, two words that
        /// may overlap cover the end, never reading or writing past the literal's bytes.
        @inline(__always)
        mutating func write(_ literal: StaticString) {
            let n = literal.utf8CodeUnitCount
            let source = UnsafeRawPointer(literal.utf8Start)
            let target = UnsafeMutableRawPointer(p)
            if n >= 8 {
                var k = 0
                while k &+ 8 < n {
                    target.storeBytes(of: source.loadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: k, as: UInt64.self)
                    k &+= 8
                }
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self), toByteOffset: n &- 8, as: UInt64.self)
            } else if n >= 4 {
                target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self), toByteOffset: n &- 4, as: UInt32.self)
            } else {
                var k = 0
                while k < n {
                    p[k] = literal.utf8Start[k]
                    k &+= 1
                }
            }
            p += n
        }

        /// Text already known to need no escaping (enum raw values).
        @inline(__always)
        mutating func writeRaw(_ s: String) {
            var s = s
            s.withUTF8 { bytes in
                for b in bytes { write(b) }
            }
        }

        /// At most the bytes `writeDecimal` writes: a sign and 19 digits.
        static let decimalBound = 20

        /// A decimal integer, its digits written in place, two at a time.
        @inline(__always)
        mutating func writeDecimal(_ value: Int) {
            let magnitude = value.magnitude
            if value < 0 { write(UInt8(ascii: "-")) }
            p += Cursor.digitCount(magnitude)
            JSONBytes.writeDigits(magnitude, endingAt: p)
        }

        /// The digits of `value`: offsets are short, compared with powers of ten before dividing.
        @inline(__always)
        static func digitCount(_ value: UInt) -> Int {
            if value < 10 { return 1 }
            if value < 100 { return 2 }
            if value < 1000 { return 3 }
            if value < 10000 { return 4 }
            if value < 100000 { return 5 }
            if value < 1000000 { return 6 }
            var count = 7, rest = value / 1000000
            while rest >= 10 { count &+= 1; rest /= 10 }
            return count
        }

        /// At most the bytes `writeQuoted(utf16:)` writes for `n` units (six a unit: `\u001f`,
        /// `\u2028`) and the quotes.
        @inline(__always)
        static func quotedBound(utf16 n: Int) -> Int { 6 &* n &+ 2 }

        /// At most the bytes `writeQuoted(_:)` writes for a string of `n` UTF-8 bytes.
        @inline(__always)
        static func quotedBound(utf8 n: Int) -> Int { 6 &* n &+ 2 }

        /// `s` as a JSON string, escaped as `JSONBytes.appendQuoted(utf8:)` escapes.
        @inline(__always)
        mutating func writeQuoted(_ s: String) {
            var s = s
            s.withUTF8 { writeQuoted(utf8: $0) }
        }

        /// UTF-8 as a JSON string: only `"`, `\`, control bytes and U+2028/U+2029 escaped.
        mutating func writeQuoted(utf8: UnsafeBufferPointer<UInt8>) {
            write(0x22)
            let n = utf8.count
            var i = 0
            while i < n {
                let b = utf8[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
                    write(b)
                    i &+= 1
                    continue
                }
                if b == 0xE2 {
                    if JSONBytes.isLineOrParagraphSeparator(utf8, i) {
                        p = JSONBytes.write(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", at: p)
                        i &+= 3
                    } else {
                        write(b)
                        i &+= 1
                    }
                    continue
                }
                p = JSONBytes.writeEscape(of: b, at: p)
                i &+= 1
            }
            write(0x22)
        }

        /// UTF-16 units as a JSON string: transcoded to UTF-8 as `UTF16String.make` does (a
        /// lone surrogate becomes U+FFFD) and escaped as `JSONBytes.appendQuoted(utf8:)` escapes,
        /// in one pass with no String in between (entity texts are read from the document's units).
        mutating func writeQuoted(utf16 units: UnsafeBufferPointer<UInt16>) {
            var p = self.p
            p.pointee = 0x22
            p += 1
            var i = 0
            let n = units.count
            while i < n {
                // Four units at a time while they are plain ASCII (most of a French name is).
                if i &+ 4 <= n {
                    let w = UnsafeRawPointer(units.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if let four = Cursor.plainASCII(w) {
                        UnsafeMutableRawPointer(p).storeBytes(of: four, as: UInt32.self)
                        p += 4
                        i &+= 4
                        continue
                    }
                }
                let c = UInt32(units[i])
                i &+= 1
                if c < 0x80 {
                    if c >= 0x20 && c != 0x22 && c != 0x5C {
                        p.pointee = UInt8(c)
                        p += 1
                    } else {
                        p = JSONBytes.writeEscape(of: UInt8(c), at: p)
                    }
                } else if c < 0x800 {
                    p[0] = UInt8(0xC0 | (c >> 6)); p[1] = UInt8(0x80 | (c & 0x3F))
                    p += 2
                } else if c >= 0xD800 && c <= 0xDFFF {
                    if c <= 0xDBFF, i < n, units[i] >= 0xDC00 && units[i] <= 0xDFFF {
                        let s = 0x10000 + ((c - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                        p[0] = UInt8(0xF0 | (s >> 18)); p[1] = UInt8(0x80 | ((s >> 12) & 0x3F))
                        p[2] = UInt8(0x80 | ((s >> 6) & 0x3F)); p[3] = UInt8(0x80 | (s & 0x3F))
                        p += 4
                        i &+= 1
                    } else {
                        p[0] = 0xEF; p[1] = 0xBF; p[2] = 0xBD
                        p += 3
                    }
                } else if c == 0x2028 || c == 0x2029 {
                    // Valid in JSON but line ends in JavaScript, escaped as `appendQuoted(utf8:)` does.
                    p = JSONBytes.write(c == 0x2028 ? "\\u2028" : "\\u2029", at: p)
                } else {
                    p[0] = UInt8(0xE0 | (c >> 12)); p[1] = UInt8(0x80 | ((c >> 6) & 0x3F)); p[2] = UInt8(0x80 | (c & 0x3F))
                    p += 3
                }
            }
            p.pointee = 0x22
            self.p = p + 1
        }

        /// Four UTF-16 units (little-endian in `w`) as four bytes when each is ASCII that
        /// needs no escape (from 0x20, not `"` nor `\`); nil otherwise.
        @inline(__always)
        static func plainASCII(_ w: UInt64) -> UInt32? {
            guard w & 0xFF80_FF80_FF80_FF80 == 0 else { return nil }
            // The low byte of each unit, packed into four bytes.
            var v = w | (w >> 8)
            v = (v & 0x0000_FFFF_0000_FFFF)
            v = v | (v >> 16)
            let four = UInt32(truncatingIfNeeded: v)
            // Tested as a word whose upper four bytes are plain letters.
            let word = UInt64(four) | 0x4141_4141_0000_0000
            let stops = WordOfBytes.controlBytes(word) | WordOfBytes.bytes(word, equalTo: 0x22) | WordOfBytes.bytes(word, equalTo: 0x5C)
            return stops == 0 ? four : nil
        }
    }

    /// The JSON escape of an ASCII byte that needs one (`"`, `\`, a control byte), written at `p`;
    /// returns the position after it.
    static func writeEscape(of b: UInt8, at p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        switch b {
        case 0x22: return write("\\\"", at: p)
        case 0x5C: return write("\\\\", at: p)
        case 0x0A: return write("\\n", at: p)
        case 0x0D: return write("\\r", at: p)
        case 0x09: return write("\\t", at: p)
        default:
            let hex: StaticString = "0123456789abcdef"
            let q = write("\\u00", at: p)
            q[0] = hex.utf8Start[Int(b >> 4)]
            q[1] = hex.utf8Start[Int(b & 0xF)]
            return q + 2
        }
    }

    @inline(__always)
    static func write(_ literal: StaticString, at p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        p.initialize(from: literal.utf8Start, count: literal.utf8CodeUnitCount)
        return p + literal.utf8CodeUnitCount
    }

    /// Whether the UTF-8 at `i` is U+2028 or U+2029 (E2 80 A8, E2 80 A9).
    @inline(__always)
    static func isLineOrParagraphSeparator(_ utf8: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        utf8[i] == 0xE2 && i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9)
    }
}
