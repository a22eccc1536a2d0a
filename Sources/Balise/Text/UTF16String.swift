/// Strings from UTF-16 code units. `String(decoding:as: UTF16.self)` transcodes through the
/// standard library's generic slow path; entity texts, keys and surfaces are built for
/// every candidate, so this writes the UTF-8 directly (lone surrogates become U+FFFD, as
/// `String(decoding:)` repairs them).
enum UTF16String {
    static func make(_ units: UnsafeBufferPointer<UInt16>) -> String {
        if units.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: utf8Count(units)) { out in
            var o = 0, i = 0
            let n = units.count
            while i < n {
                let c = UInt32(units[i])
                if c < 0x80 {
                    out[o] = UInt8(c); o += 1; i += 1
                } else if c < 0x800 {
                    out[o] = UInt8(0xC0 | (c >> 6)); out[o + 1] = UInt8(0x80 | (c & 0x3F)); o += 2; i += 1
                } else if c >= 0xD800 && c <= 0xDFFF {
                    if c <= 0xDBFF, i + 1 < n, units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF {
                        let s = 0x10000 + ((c - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                        out[o] = UInt8(0xF0 | (s >> 18)); out[o + 1] = UInt8(0x80 | ((s >> 12) & 0x3F))
                        out[o + 2] = UInt8(0x80 | ((s >> 6) & 0x3F)); out[o + 3] = UInt8(0x80 | (s & 0x3F))
                        o += 4; i += 2
                    } else {
                        out[o] = 0xEF; out[o + 1] = 0xBF; out[o + 2] = 0xBD; o += 3; i += 1
                    }
                } else {
                    out[o] = UInt8(0xE0 | (c >> 12)); out[o + 1] = UInt8(0x80 | ((c >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (c & 0x3F)); o += 3; i += 1
                }
            }
            return o
        }
    }

    /// The exact length in UTF-8 of what `make` writes. Asking for three bytes a unit made
    /// every string of more than five units a heap string; with the exact length, one of up
    /// to fifteen bytes (most entity texts and keys) is a small string, with no allocation.
    static func utf8Count(_ units: UnsafeBufferPointer<UInt16>) -> Int {
        var count = 0, i = 0
        let n = units.count
        while i < n {
            let c = units[i]
            if c < 0x80 {
                count += 1
            } else if c < 0x800 {
                count += 2
            } else if c >= 0xD800 && c <= 0xDBFF && i + 1 < n && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF {
                count += 4
                i += 1
            } else {
                // Three bytes, or U+FFFD (three bytes too) for a lone surrogate.
                count += 3
            }
            i += 1
        }
        return count
    }

    static func make(_ units: [UInt16], _ range: Range<Int>) -> String {
        units.withUnsafeBufferPointer { make(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
