/// Minimal, fast JSON writing: strings escaped as RFC 8259 requires, UTF-8 kept as is.
enum JSONText {
    /// `s` as a JSON string. Works on the UTF-8 bytes (the writer quotes each document's
    /// whole text): one pass sizes the output, one writes it.
    static func quoted(_ s: String) -> String {
        var s = s
        return s.withUTF8 { utf8 in
            let n = utf8.count
            var size = n + 2
            var i = 0
            while i < n {
                let b = utf8[i]
                if b == 0x22 || b == 0x5C || b == 0x0A || b == 0x0D || b == 0x09 {
                    size += 1
                } else if b < 0x20 {
                    size += 5
                } else if isLineOrParagraphSeparator(utf8, i) {
                    size += 3
                    i += 2
                }
                i += 1
            }
            return String(unsafeUninitializedCapacity: size) { out in
                let hex: StaticString = "0123456789abcdef"
                var o = 0
                func put(_ byte: UInt8) {
                    out[o] = byte
                    o += 1
                }
                put(0x22)
                var i = 0
                while i < n {
                    let b = utf8[i]
                    switch b {
                    case 0x22: put(0x5C); put(0x22)
                    case 0x5C: put(0x5C); put(0x5C)
                    case 0x0A: put(0x5C); put(UInt8(ascii: "n"))
                    case 0x0D: put(0x5C); put(UInt8(ascii: "r"))
                    case 0x09: put(0x5C); put(UInt8(ascii: "t"))
                    case 0..<0x20:
                        for c in "\\u00".utf8 { put(c) }
                        put(hex.utf8Start[Int(b >> 4)])
                        put(hex.utf8Start[Int(b & 0xF)])
                    default:
                        if isLineOrParagraphSeparator(utf8, i) {
                            // U+2028 and U+2029 are valid in JSON but end lines in JavaScript.
                            for c in "\\u202".utf8 { put(c) }
                            put(utf8[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                            i += 3
                            continue
                        }
                        put(b)
                    }
                    i += 1
                }
                put(0x22)
                return o
            }
        }
    }

    /// Whether the UTF-8 at `i` is U+2028 or U+2029 (E2 80 A8, E2 80 A9).
    @inline(__always)
    private static func isLineOrParagraphSeparator(_ utf8: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        utf8[i] == 0xE2 && i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9)
    }
}
