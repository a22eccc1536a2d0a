/// The original text as UTF-16 code units, with the mapping from UTF-16 offsets to
/// Unicode scalar (code point) offsets that entities are reported in.
public struct TextBuffer: Sendable {
    public let units: [UInt16]
    /// UTF-16 offsets of the high surrogate of every surrogate pair, ascending.
    private let surrogatePairs: [Int32]

    public init(_ text: String) {
        let decoded = TextBuffer.decode(text, withView: false)
        self.units = decoded.units
        self.surrogatePairs = decoded.pairs
    }

    private init(units: [UInt16], surrogatePairs: [Int32]) {
        self.units = units
        self.surrogatePairs = surrogatePairs
    }

    /// The text's buffer and its normalised view. When the text is plainly NFC (the common
    /// case, see `NormalizedView`) the view's units are written in the same pass as the
    /// text's own: a second pass over the units cost about as much as the decoding.
    static func withView(_ text: String) -> (TextBuffer, NormalizedView) {
        let decoded = TextBuffer.decode(text, withView: true)
        let buffer = TextBuffer(units: decoded.units, surrogatePairs: decoded.pairs)
        return (buffer, decoded.plain ? NormalizedView(plainlyNFC: decoded.view) : NormalizedView(original: decoded.units))
    }

    /// The UTF-16 units of `text` and the offsets of its surrogate pairs; `withView`, also
    /// the units with `NormalizedView`'s substitutions and whether the text is plainly NFC
    /// (those units are only good when it is).
    @inline(__always)
    private static func decode(_ text: String, withView: Bool)
        -> (units: [UInt16], pairs: [Int32], view: [UInt16], plain: Bool) {
        var text = text
        var units = [UInt16](), view = [UInt16](), pairs = [Int32]()
        var plain = true
        text.withUTF8 { utf8 in
            // A String holds valid UTF-8: decode it without checks, remembering surrogate pairs.
            // At most one unit per byte.
            units = [UInt16](unsafeUninitializedCapacity: utf8.count) { out, written in
                view = [UInt16](unsafeUninitializedCapacity: withView ? utf8.count : 0) { viewBuffer, viewWritten in
                    let second = withView ? viewBuffer.baseAddress : nil
                    var i = 0, o = 0
                    let n = utf8.count
                    guard let raw = UnsafeRawPointer(utf8.baseAddress) else { written = 0; viewWritten = 0; return }
                    while i < n {
                        // Sixteen bytes at a time, widened as one vector (a couple of instructions
                        // instead of the shifts and masks of `widen`): most of a French text is ASCII.
                        if i + 16 <= n {
                            let bytes = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                            let wide = SIMD16<UInt16>(truncatingIfNeeded: bytes)
                            // Stored whatever the bytes, as below (never more units than bytes:
                            // o + 16 <= i + 16 <= n).
                            UnsafeMutableRawPointer(out.baseAddress! + o).storeBytes(of: wide, as: SIMD16<UInt16>.self)
                            if let second { UnsafeMutableRawPointer(second + o).storeBytes(of: wide, as: SIMD16<UInt16>.self) }
                            let low = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080
                            let high = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self) & 0x8080_8080_8080_8080
                            if low | high == 0 {
                                o += 16
                                i += 16
                                continue
                            }
                            let ascii = low != 0 ? low.trailingZeroBitCount >> 3 : 8 + (high.trailingZeroBitCount >> 3)
                            o += ascii
                            i += ascii
                        } else if i + 8 <= n {
                            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                            // Widened in registers and stored as two words, not unit by unit,
                            // whatever the bytes: units past the ASCII ones are written over
                            // later (there is room: never more units than bytes).
                            let low = TextBuffer.widen(UInt32(truncatingIfNeeded: w))
                            let high = TextBuffer.widen(UInt32(truncatingIfNeeded: w >> 32))
                            let target = UnsafeMutableRawPointer(out.baseAddress! + o)
                            target.storeBytes(of: low, as: UInt64.self)
                            target.storeBytes(of: high, toByteOffset: 8, as: UInt64.self)
                            if let second {
                                // ASCII never changes in the view.
                                let copy = UnsafeMutableRawPointer(second + o)
                                copy.storeBytes(of: low, as: UInt64.self)
                                copy.storeBytes(of: high, toByteOffset: 8, as: UInt64.self)
                            }
                            let nonASCII = w & 0x8080_8080_8080_8080
                            if nonASCII == 0 {
                                o += 8
                                i += 8
                                continue
                            }
                            // The ASCII bytes before the first other one are done (little-endian:
                            // the first byte is the lowest); that one is decoded below. Taking
                            // them one at a time cost a few bytes' work around every accent.
                            let ascii = nonASCII.trailingZeroBitCount >> 3
                            o += ascii
                            i += ascii
                        }
                        let b0 = UInt32(utf8[i])
                        let unit: UInt16
                        if b0 < 0x80 {
                            unit = UInt16(b0); i += 1
                        } else if b0 < 0xE0 {
                            unit = UInt16(((b0 & 0x1F) << 6) | (UInt32(utf8[i + 1]) & 0x3F)); i += 2
                        } else if b0 < 0xF0 {
                            unit = UInt16(((b0 & 0x0F) << 12) | ((UInt32(utf8[i + 1]) & 0x3F) << 6) | (UInt32(utf8[i + 2]) & 0x3F)); i += 3
                        } else {
                            let c = ((b0 & 0x07) << 18) | ((UInt32(utf8[i + 1]) & 0x3F) << 12) | ((UInt32(utf8[i + 2]) & 0x3F) << 6) | (UInt32(utf8[i + 3]) & 0x3F)
                            let v = c - 0x10000
                            pairs.append(Int32(o))
                            out[o] = UInt16(0xD800 + (v >> 10))
                            out[o + 1] = UInt16(0xDC00 + (v & 0x3FF))
                            // Surrogates are never plainly NFC: the view is then made from the units.
                            plain = false
                            o += 2; i += 4
                            continue
                        }
                        out[o] = unit
                        if let second {
                            if unit < 0xA0 {
                                second[o] = unit
                            } else if NormalizedView.isPlainlyNFC(unit) {
                                second[o] = NormalizedView.substitute(unit)
                            } else {
                                plain = false
                                second[o] = unit
                            }
                        }
                        o += 1
                    }
                    written = o
                    viewWritten = withView ? o : 0
                }
            }
        }
        return (units, pairs, view, plain)
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
