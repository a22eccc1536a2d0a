@_implementationOnly import CICU

/// The text seen by the matchers: NFC, every apostrophe as ', every space kind as
/// U+0020, every dash as '-'. Each unit maps back to an offset of the original text.
public struct NormalizedView: Sendable {
    public let units: [UInt16]
    /// `toOriginal[i]` is the original UTF-16 offset of unit `i` (count + 1 entries);
    /// nil when the view has the original's offsets (already NFC, the common case).
    private let toOriginal: [Int32]?

    init(original: [UInt16]) {
        if let substituted = NormalizedView.substitutedIfPlainlyNFC(original) {
            units = substituted
            toOriginal = nil
        } else if NormalizedView.isNFC(original) {
            units = original.map(NormalizedView.substitute)
            toOriginal = nil
        } else {
            var out = [UInt16](), map = [Int32]()
            out.reserveCapacity(original.count)
            map.reserveCapacity(original.count + 1)
            NormalizedView.composeByChunks(original) { chunk, originalStart, originalEnd in
                for (k, unit) in chunk.enumerated() {
                    out.append(NormalizedView.substitute(unit))
                    // All units of a recomposed chunk map to its start; a chunk that
                    // kept its length keeps exact offsets.
                    map.append(Int32(chunk.count == originalEnd - originalStart ? originalStart + k : originalStart))
                }
            }
            map.append(Int32(original.count))
            units = out
            toOriginal = map
        }
    }

    /// The view of a plainly NFC text (see `isPlainlyNFC`) whose units are already
    /// substituted (`TextBuffer.withView`).
    init(plainlyNFC units: [UInt16]) {
        self.units = units
        toOriginal = nil
    }

    /// Whether a unit keeps a text NFC whatever surrounds it: below U+0300, French
    /// punctuation (U+2002-U+206F: quotes, dashes, narrow spaces) and currency signs
    /// (U+20A0-U+20BF), none of which decomposes or combines; U+2000 and U+2001 decompose.
    @inline(__always)
    static func isPlainlyNFC(_ u: UInt16) -> Bool {
        u < 0x300 || (u >= 0x2002 && u <= 0x206F) || (u >= 0x20A0 && u <= 0x20BF)
    }

    /// Original UTF-16 offset of a view offset used as a span start.
    public func originalStart(_ offset: Int) -> Int {
        guard let map = toOriginal else { return offset }
        return Int(map[offset])
    }

    /// Original UTF-16 offset of a view offset used as a span end (exclusive).
    public func originalEnd(_ offset: Int) -> Int {
        guard let map = toOriginal else { return offset }
        // A span that ends inside a recomposed chunk covers the whole chunk.
        guard offset > 0 else { return Int(map[0]) }
        let last = map[offset - 1]
        var i = offset
        while i < map.count - 1 && map[i] == last { i += 1 }
        return Int(map[i])
    }

    static func substitute(_ unit: UInt16) -> UInt16 {
        switch unit {
        case 0x2019, 0x2018, 0x201B, 0x02BC, 0x2032, 0xFF07: return 0x27  // apostrophes
        case 0x00A0, 0x202F, 0x2009, 0x2007, 0x2008, 0x200A, 0x2000...0x2006, 0x205F, 0x3000: return 0x20
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return 0x2D
        default: return unit
        }
    }

    nonisolated(unsafe) private static let nfc: OpaquePointer? = {
        var status = U_ZERO_ERROR
        return unorm2_getNFCInstance(&status)
    }()

    /// The substituted units in one pass that also checks the fast NFC condition of `isNFC`;
    /// nil as soon as a unit fails it (the caller then asks ICU).
    private static func substitutedIfPlainlyNFC(_ original: [UInt16]) -> [UInt16]? {
        var plain = true
        let units = original.withUnsafeBufferPointer { src in
            [UInt16](unsafeUninitializedCapacity: src.count) { out, written in
                written = 0
                let n = src.count
                guard n > 0 else { return }
                let raw = UnsafeRawPointer(src.baseAddress!)
                let target = UnsafeMutableRawPointer(out.baseAddress!)
                var k = 0
                while k < n {
                    // Four units below U+0080 at a time, copied as one word: they never change.
                    if k + 4 <= n {
                        let w = raw.loadUnaligned(fromByteOffset: 2 * k, as: UInt64.self)
                        if w & 0xFF80_FF80_FF80_FF80 == 0 {
                            target.storeBytes(of: w, toByteOffset: 2 * k, as: UInt64.self)
                            k += 4
                            continue
                        }
                    }
                    let u = src[k]
                    // Only a few code points change; most text is below U+00A0.
                    if u < 0xA0 {
                        out[k] = u
                    } else {
                        guard isPlainlyNFC(u) else { plain = false; return }
                        out[k] = NormalizedView.substitute(u)
                    }
                    k += 1
                }
                written = src.count
            }
        }
        return plain ? units : nil
    }

    static func isNFC(_ units: [UInt16]) -> Bool {
        // Fast path: text below U+0300 is always NFC, and so is French punctuation
        // (U+2002-U+206F: quotes, dashes, narrow spaces) and currency signs (U+20A0-U+20BF),
        // none of which decomposes or combines; U+2000 and U+2001 decompose.
        if units.allSatisfy({ $0 < 0x300 || ($0 >= 0x2002 && $0 <= 0x206F) || ($0 >= 0x20A0 && $0 <= 0x20BF) }) { return true }
        guard let nfc else { return true }
        var status = U_ZERO_ERROR
        let result = units.withUnsafeBufferPointer { unorm2_isNormalized(nfc, $0.baseAddress, Int32($0.count), &status) }
        return status.rawValue > 0 || result != 0
    }

    /// Splits the text at composition boundaries and hands each chunk, composed, to `emit`.
    private static func composeByChunks(_ units: [UInt16], _ emit: ([UInt16], Int, Int) -> Void) {
        guard let nfc else { emit(units, 0, units.count); return }
        var chunkStart = 0
        var i = 0
        func scalar(at i: Int) -> (UInt32, Int) {
            let u = units[i]
            if UTF16.isLeadSurrogate(u), i + 1 < units.count, UTF16.isTrailSurrogate(units[i + 1]) {
                return (0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00), 2)
            }
            return (UInt32(u), 1)
        }
        func flush(_ end: Int) {
            guard end > chunkStart else { return }
            let piece = Array(units[chunkStart..<end])
            var out = [UInt16](repeating: 0, count: piece.count * 3 + 4)
            var status = U_ZERO_ERROR
            let n = piece.withUnsafeBufferPointer { src in
                unorm2_normalize(nfc, src.baseAddress, Int32(src.count), &out, Int32(out.count), &status)
            }
            emit(status.rawValue > 0 ? piece : Array(out[0..<Int(n)]), chunkStart, end)
            chunkStart = end
        }
        while i < units.count {
            let (c, width) = scalar(at: i)
            if i > chunkStart && unorm2_hasBoundaryBefore(nfc, Int32(bitPattern: c)) != 0 { flush(i) }
            i += width
        }
        flush(units.count)
    }
}
