/// Reads the common JSON Lines input, one object whose members are all strings, byte by
/// byte: Foundation's JSONDecoder (through `Data` and Codable) took as long as writing the
/// output. Anything else (numbers, nulls, arrays, duplicate keys, lone surrogates, bad
/// JSON) gives nil and is left to JSONDecoder, which also words the errors. A line it
/// reads is valid UTF-8: strings are validated, everything else must be ASCII.
enum PlainDocumentScanner {
    struct Fields {
        var id: String?
        var date: String?
        var text: String?
        /// The text's JSON string content as the line holds it, when the JSON writer would
        /// write exactly these bytes for the text (see `Reader.canonical`).
        var jsonText: [UInt8]?
    }

    static func scan(_ line: some Collection<UInt8>) -> Fields? {
        line.withContiguousStorageIfAvailable { scan(bytes: $0) } ?? nil
    }

    static func scan(bytes: UnsafeBufferPointer<UInt8>) -> Fields? {
        var reader = Reader(bytes: bytes)
        var fields = Fields()
        reader.skipSpace()
        guard reader.take(0x7B) else { return nil }  // {
        reader.skipSpace()
        if !reader.take(0x7D) {  // }
            var seenID = false, seenDate = false, seenText = false
            while true {
                guard let key = reader.keyName() else { return nil }
                reader.skipSpace()
                guard reader.take(0x3A) else { return nil }  // :
                reader.skipSpace()
                guard let value = reader.string() else { return nil }
                switch key {
                case .id: if seenID { return nil }; seenID = true; fields.id = value
                case .date: if seenDate { return nil }; seenDate = true; fields.date = value
                case .text:
                    if seenText { return nil }
                    seenText = true
                    fields.text = value
                    fields.jsonText = reader.lastStringIsCanonical ? reader.lastStringContent : nil
                case .other: break
                }
                reader.skipSpace()
                if reader.take(0x2C) { reader.skipSpace(); continue }  // ,
                guard reader.take(0x7D) else { return nil }
                break
            }
        }
        reader.skipSpace()
        return reader.atEnd ? fields : nil
    }

    private enum Key { case id, date, text, other }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        /// Where the content of the last string read lies in `bytes` (without the quotes).
        var lastStringStart = 0, lastStringEnd = 0
        /// Whether the last string read uses only the escapes `JSONBytes.appendQuoted` writes
        /// for what they stand for (`\"`, `\\`, `\n`, `\r`, `\t`): with no raw U+2028 or
        /// U+2029 either (the writer escapes those), its bytes are what the writer would write.
        var lastStringHasOtherEscapes = false
        /// Whether the last string read holds a raw U+2028 or U+2029.
        var lastStringHoldsSeparator = false

        var lastStringIsCanonical: Bool { !lastStringHasOtherEscapes && !lastStringHoldsSeparator }

        var lastStringContent: [UInt8] { Array(UnsafeBufferPointer(rebasing: bytes[lastStringStart..<lastStringEnd])) }

        var atEnd: Bool { i == bytes.count }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        /// A member name without escapes: `id`, `date`, `text` or another one (ignored,
        /// as the Codable reader ignores it, when its value is a string).
        mutating func keyName() -> Key? {
            guard take(0x22) else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != 0x22 {
                if bytes[i] == 0x5C || bytes[i] < 0x20 || bytes[i] >= 0x80 { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            let name = UnsafeBufferPointer(rebasing: bytes[start..<i])
            i += 1
            if Reader.name(name, is: "id") { return .id }
            if Reader.name(name, is: "date") { return .date }
            if Reader.name(name, is: "text") { return .text }
            // `entities` needs the Codable reader.
            if Reader.name(name, is: "entities") { return nil }
            return .other
        }

        /// Whether `name` is `literal`, byte for byte (the generic `elementsEqual` over a
        /// String's UTF-8 view cost a hundred instructions a name).
        @inline(__always)
        private static func name(_ name: UnsafeBufferPointer<UInt8>, is literal: StaticString) -> Bool {
            guard name.count == literal.utf8CodeUnitCount else { return false }
            for k in 0..<name.count where name[k] != literal.utf8Start[k] { return false }
            return true
        }

        /// A string value; nil on anything JSONDecoder should judge (among which invalid
        /// UTF-8). One pass finds the string's end, checks its UTF-8 and decodes its escapes:
        /// the String is then made without the standard library checking the bytes again
        /// (`String(validating:)` read them a second time, a byte at a time, which cost
        /// more than the whole scan).
        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            let start = i
            lastStringHasOtherEscapes = false
            lastStringHoldsSeparator = false
            var ascii = true
            // The decoded bytes, once an escape is met (before it, they are the line's own).
            var decoded: UnsafeMutablePointer<UInt8>? = nil
            var written = 0
            defer { decoded?.deallocate() }
            var runStart = start
            let n = bytes.count
            while true {
                i = Reader.plainRunEnd(bytes, i)
                guard i < n else { return nil }
                let b = bytes[i]
                if b >= 0x80 {
                    ascii = false
                    // Two-byte sequences (é, à, ç: most of French beyond ASCII) checked here.
                    if b >= 0xC2 && b <= 0xDF {
                        guard i &+ 1 < n, bytes[i &+ 1] & 0xC0 == 0x80 else { return nil }
                        i &+= 2
                        continue
                    }
                    guard let length = UTF8Check.validSequenceLength(bytes, at: i) else { return nil }
                    // U+2028 and U+2029 (E2 80 A8, E2 80 A9): the writer escapes them.
                    if b == 0xE2 && bytes[i &+ 1] == 0x80 && (bytes[i &+ 2] == 0xA8 || bytes[i &+ 2] == 0xA9) {
                        lastStringHoldsSeparator = true
                    }
                    i &+= length
                    continue
                }
                if b >= 0x20 && b != 0x22 && b != 0x5C { i &+= 1; continue }
                if b < 0x20 { return nil }
                if b == 0x22 {
                    (lastStringStart, lastStringEnd) = (start, i)
                    i &+= 1
                    guard let target = decoded else {
                        return Reader.makeString(UnsafeBufferPointer(rebasing: bytes[start..<lastStringEnd]), ascii: ascii)
                    }
                    written = Reader.copy(bytes, runStart..<lastStringEnd, to: target, at: written)
                    return Reader.makeString(UnsafeBufferPointer(start: target, count: written), ascii: ascii)
                }
                // An escape: the run before it is copied whole (texts hold `\n` between paragraphs).
                let target: UnsafeMutablePointer<UInt8>
                if let decoded { target = decoded } else {
                    // Never more decoded bytes than the line's bytes after the opening quote.
                    target = .allocate(capacity: n &- start)
                    decoded = target
                }
                written = Reader.copy(bytes, runStart..<i, to: target, at: written)
                i &+= 1
                guard i < n else { return nil }
                let e = bytes[i]
                i &+= 1
                var byte = e
                switch e {
                case 0x22, 0x5C: break
                case 0x2F: lastStringHasOtherEscapes = true
                case UInt8(ascii: "b"): byte = 0x08; lastStringHasOtherEscapes = true
                case UInt8(ascii: "f"): byte = 0x0C; lastStringHasOtherEscapes = true
                case UInt8(ascii: "n"): byte = 0x0A
                case UInt8(ascii: "r"): byte = 0x0D
                case UInt8(ascii: "t"): byte = 0x09
                case UInt8(ascii: "u"):
                    lastStringHasOtherEscapes = true
                    guard var scalar = hex4() else { return nil }
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        guard take(0x5C), take(UInt8(ascii: "u")), let low = hex4(), low >= 0xDC00 && low < 0xE000 else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        return nil
                    }
                    guard let s = Unicode.Scalar(scalar) else { return nil }
                    if !s.isASCII { ascii = false }
                    for unit in UTF8.encode(s)! {
                        target[written] = unit
                        written &+= 1
                    }
                    runStart = i
                    continue
                default:
                    return nil
                }
                target[written] = byte
                written &+= 1
                runStart = i
            }
        }

        /// Copies `bytes[range]` to `target + at`; returns the new count written.
        @inline(__always)
        private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                 to target: UnsafeMutablePointer<UInt8>, at: Int) -> Int {
            (target + at).update(from: bytes.baseAddress! + range.lowerBound, count: range.count)
            return at &+ range.count
        }

        /// A String of bytes this reader has checked to be valid UTF-8 (`UTF8Check.validSequenceLength`
        /// on every byte from 0x80; escapes decoded to whole scalars), copied without a
        /// second check.
        @inline(__always)
        private static func makeString(_ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String {
            String(copying: UTF8Span(unchecked: utf8.span, isKnownASCII: ascii))
        }

        /// From `i`, eight bytes at a time, the first byte that may end a plain ASCII run
        /// inside a string (a `"`, `\`, control byte or a byte from 0x80, whose sequence is
        /// then checked); or where fewer than eight bytes are left, so that the caller reads
        /// those one by one.
        @inline(__always)
        static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
            var i = i
            // Sixteen bytes at a time as one vector first: lane by lane the four tests are
            // exact and take a few instructions, where the word's tests take a dozen for eight bytes.
            guard let start = bytes.baseAddress else { return i }
            let base = UnsafeRawPointer(start)
            while i &+ 16 <= bytes.count {
                let v = base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                // Lane-wise arithmetic (comparisons, through SIMD masks, were not vectorised):
                // the high bit of a lane is set when it is below 0x20 or from 0x80 (`v | v - 0x20`),
                // or equal to `"` or `\` (`x - 1 & ~x` is 0x80 exactly when x is zero).
                let quote = v ^ SIMD16(repeating: 0x22), backslash = v ^ SIMD16(repeating: 0x5C)
                let one = SIMD16<UInt8>(repeating: 1)
                let marks = v | (v &- SIMD16(repeating: 0x20)) | ((quote &- one) & ~quote) | ((backslash &- one) & ~backslash)
                let flagged = unsafeBitCast(marks & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
                if flagged[0] != 0 { return i &+ WordOfBytes.firstFlagged(flagged[0]) }
                if flagged[1] != 0 { return i &+ 8 &+ WordOfBytes.firstFlagged(flagged[1]) }
                i &+= 16
            }
            while i &+ 8 <= bytes.count {
                let w = WordOfBytes.load(bytes.baseAddress! + i)
                let stops = WordOfBytes.controlBytes(w) | WordOfBytes.bytes(w, equalTo: 0x22)
                    | WordOfBytes.bytes(w, equalTo: 0x5C) | WordOfBytes.highBytes(w)
                if stops != 0 { return i &+ WordOfBytes.firstFlagged(stops) }
                i &+= 8
            }
            return i
        }

        private mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let digit: UInt8
                switch b {
                case 0x30...0x39: digit = b - 0x30
                case 0x41...0x46: digit = b - 0x41 + 10
                case 0x61...0x66: digit = b - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                i += 1
            }
            return value
        }
    }
}
