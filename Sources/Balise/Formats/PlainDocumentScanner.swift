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

        var lastStringIsCanonical: Bool {
            !lastStringHasOtherEscapes && !Reader.holdsLineOrParagraphSeparator(lastStringContentBuffer)
        }

        var lastStringContentBuffer: UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[lastStringStart..<lastStringEnd])
        }

        var lastStringContent: [UInt8] { Array(lastStringContentBuffer) }

        /// Whether `content` holds U+2028 or U+2029 (E2 80 A8, E2 80 A9); the lead byte is
        /// looked for eight bytes at a time.
        static func holdsLineOrParagraphSeparator(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = content.baseAddress else { return false }
            let n = content.count
            var i = 0
            while i < n {
                if i &+ 8 <= n {
                    let leads = WordOfBytes.bytes(WordOfBytes.load(base + i), equalTo: 0xE2)
                    if leads == 0 {
                        i &+= 8
                        continue
                    }
                    i &+= WordOfBytes.firstFlagged(leads)
                }
                if base[i] == 0xE2 && i + 2 < n && base[i + 1] == 0x80 && (base[i + 2] == 0xA8 || base[i + 2] == 0xA9) {
                    return true
                }
                i += 1
            }
            return false
        }

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
            if name.elementsEqual("id".utf8) { return .id }
            if name.elementsEqual("date".utf8) { return .date }
            if name.elementsEqual("text".utf8) { return .text }
            // `entities` needs the Codable reader.
            if name.elementsEqual("entities".utf8) { return nil }
            return .other
        }

        /// A string value; nil on anything JSONDecoder should judge.
        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            let start = i
            lastStringHasOtherEscapes = false
            // Fast path: no escape, copied straight from the line.
            while i < bytes.count {
                i = Reader.plainRunEnd(bytes, i)
                guard i < bytes.count else { break }
                let b = bytes[i]
                if b == 0x22 {
                    let s = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    (lastStringStart, lastStringEnd) = (start, i)
                    i += 1
                    return s
                }
                if b == 0x5C { break }
                if b < 0x20 { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            // Texts hold `\n` between paragraphs: the runs between escapes are copied whole.
            var decoded = [UInt8]()
            decoded.reserveCapacity(bytes.count - start)
            var runStart = start
            while i < bytes.count {
                i = Reader.plainRunEnd(bytes, i)
                guard i < bytes.count else { break }
                let b = bytes[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C { i += 1; continue }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                if b == 0x22 {
                    (lastStringStart, lastStringEnd) = (start, i)
                    i += 1
                    return String(validating: decoded, as: UTF8.self)
                }
                if b < 0x20 { return nil }
                i += 1
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case 0x22, 0x5C: decoded.append(e)
                case 0x2F: decoded.append(e); lastStringHasOtherEscapes = true
                case UInt8(ascii: "b"): decoded.append(0x08); lastStringHasOtherEscapes = true
                case UInt8(ascii: "f"): decoded.append(0x0C); lastStringHasOtherEscapes = true
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
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
                    decoded.append(contentsOf: UTF8.encode(s)!)
                default:
                    return nil
                }
                runStart = i
            }
            return nil
        }

        /// From `i`, eight bytes at a time, the first byte that may end a plain run inside a
        /// string (a `"`, `\` or control byte); or where fewer than eight bytes are left, so
        /// that the caller reads those one by one.
        @inline(__always)
        static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
            var i = i
            while i &+ 8 <= bytes.count {
                let w = WordOfBytes.load(bytes.baseAddress! + i)
                let stops = WordOfBytes.controlBytes(w) | WordOfBytes.bytes(w, equalTo: 0x22) | WordOfBytes.bytes(w, equalTo: 0x5C)
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
