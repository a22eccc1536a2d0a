/// Minimal, fast JSON writing: strings escaped as RFC 8259 requires, UTF-8 kept as is.
enum JSONText {
    /// `s` as a JSON string.
    static func quoted(_ s: String) -> String {
        var out = JSONBytes()
        out.appendQuoted(s)
        return out.string
    }
}

/// JSON output built as UTF-8 bytes: the writer quotes each document's whole text and
/// builds every entity, and growing a String piece by piece cost a fifth of `balise annotate`.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    @inline(__always)
    mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Text already known to need no escaping (enum raw values, the `sp` separator).
    mutating func appendRaw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A decimal integer.
    mutating func append(_ value: Int) {
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // At most 20 digits; written backwards into a small stack buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = 20
            repeat {
                n -= 1
                digits[n] = UInt8(ascii: "0") &+ UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[n..<20]))
        }
    }

    /// `s` as a JSON string. Runs of bytes that need no escape are copied whole.
    mutating func appendQuoted(_ s: String) {
        var s = s
        s.withUTF8 { appendQuoted(utf8: $0) }
    }

    mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        bytes.reserveCapacity(bytes.count + n + 2)
        bytes.append(0x22)
        var runStart = 0
        var i = 0
        while i < n {
            let b = utf8[i]
            // Only `"`, `\`, control bytes and the first byte of U+2028/U+2029 stop the run.
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 { i += 1; continue }
            if b == 0xE2 && !JSONBytes.isLineOrParagraphSeparator(utf8, i) { i += 1; continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
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
                bytes.append(hex.utf8Start[Int(b >> 4)])
                bytes.append(hex.utf8Start[Int(b & 0xF)])
            }
            i += 1
            runStart = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n]))
        bytes.append(0x22)
    }

    /// Whether the UTF-8 at `i` is U+2028 or U+2029 (E2 80 A8, E2 80 A9).
    @inline(__always)
    private static func isLineOrParagraphSeparator(_ utf8: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        utf8[i] == 0xE2 && i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9)
    }
}
