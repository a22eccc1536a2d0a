/// The original text as UTF-16 code units, with the mapping from UTF-16 offsets to
/// Unicode scalar (code point) offsets that entities are reported in.
public struct TextBuffer: Sendable {
    public let units: [UInt16]
    /// UTF-16 offsets of the high surrogate of every surrogate pair, ascending.
    private let surrogatePairs: [Int32]

    public init(_ text: String) {
        var text = text
        var units = [UInt16]()
        var pairs = [Int32]()
        text.withUTF8 { utf8 in
            // A String holds valid UTF-8: decode it without checks, remembering surrogate pairs.
            units = [UInt16](unsafeUninitializedCapacity: utf8.count) { out, written in
                var i = 0, o = 0
                let n = utf8.count
                guard let raw = UnsafeRawPointer(utf8.baseAddress) else { written = 0; return }
                while i < n {
                    // Eight ASCII bytes at a time: most of a French text is ASCII.
                    if i + 8 <= n {
                        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        if w & 0x8080_8080_8080_8080 == 0 {
                            // Widened in registers and stored as two words, not unit by unit.
                            let target = UnsafeMutableRawPointer(out.baseAddress! + o)
                            target.storeBytes(of: TextBuffer.widen(UInt32(truncatingIfNeeded: w)), as: UInt64.self)
                            target.storeBytes(of: TextBuffer.widen(UInt32(truncatingIfNeeded: w >> 32)), toByteOffset: 8, as: UInt64.self)
                            o += 8
                            i += 8
                            continue
                        }
                    }
                    let b0 = UInt32(utf8[i])
                    if b0 < 0x80 {
                        out[o] = UInt16(b0); o += 1; i += 1
                    } else if b0 < 0xE0 {
                        out[o] = UInt16(((b0 & 0x1F) << 6) | (UInt32(utf8[i + 1]) & 0x3F)); o += 1; i += 2
                    } else if b0 < 0xF0 {
                        out[o] = UInt16(((b0 & 0x0F) << 12) | ((UInt32(utf8[i + 1]) & 0x3F) << 6) | (UInt32(utf8[i + 2]) & 0x3F)); o += 1; i += 3
                    } else {
                        let c = ((b0 & 0x07) << 18) | ((UInt32(utf8[i + 1]) & 0x3F) << 12) | ((UInt32(utf8[i + 2]) & 0x3F) << 6) | (UInt32(utf8[i + 3]) & 0x3F)
                        let v = c - 0x10000
                        pairs.append(Int32(o))
                        out[o] = UInt16(0xD800 + (v >> 10))
                        out[o + 1] = UInt16(0xDC00 + (v & 0x3FF))
                        o += 2; i += 4
                    }
                }
                written = o
            }
        }
        self.units = units
        self.surrogatePairs = pairs
    }

    /// Four bytes as four UTF-16 units (little-endian), each byte moved to the low half of its unit.
    @inline(__always)
    static func widen(_ bytes: UInt32) -> UInt64 {
        var v = UInt64(bytes)
        v = (v | v << 16) & 0x0000_FFFF_0000_FFFF
        return (v | v << 8) & 0x00FF_00FF_00FF_00FF
    }

    public var count: Int { units.count }

    /// The scalar offset of a UTF-16 offset that lies on a scalar boundary.
    public func scalarOffset(utf16 offset: Int) -> Int {
        if surrogatePairs.isEmpty { return offset }
        // Number of pairs that start strictly before `offset`.
        var low = 0, high = surrogatePairs.count
        while low < high {
            let mid = (low + high) / 2
            if Int(surrogatePairs[mid]) < offset { low = mid + 1 } else { high = mid }
        }
        return offset - low
    }

    /// The UTF-16 offset of a scalar offset.
    public func utf16Offset(scalar offset: Int) -> Int {
        var result = offset
        for pair in surrogatePairs {
            if Int(pair) < result { result += 1 } else { break }
        }
        return result
    }

    public func string(_ range: Range<Int>) -> String {
        UTF16String.make(units, range)
    }
}
