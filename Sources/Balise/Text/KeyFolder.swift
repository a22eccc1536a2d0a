@_implementationOnly import CICU

/// Case- and accent-folding of UTF-16 units into lexicon keys (`Étoile` -> `etoile`,
/// `Œuvre` -> `oeuvre`). A table covers Latin scripts; other characters use ICU case folding.
public struct KeyFolder: Sendable {
    /// Folded form of each BMP unit below `tableLimit`: one unit, or 0 for "use `expansions`".
    private let table: [UInt16]
    private static let tableLimit = 0x0300

    public static let shared = KeyFolder()

    private init() {
        var table = [UInt16](repeating: 0, count: KeyFolder.tableLimit)
        var status = U_ZERO_ERROR
        let nfd = unorm2_getNFDInstance(&status)
        for c in 0..<KeyFolder.tableLimit {
            var base = UInt32(c)
            if let nfd {
                var buffer = [UInt16](repeating: 0, count: 8)
                var s = U_ZERO_ERROR
                let n = unorm2_getDecomposition(nfd, Int32(c), &buffer, 8, &s)
                if n > 0 && s.rawValue <= 0 { base = UInt32(buffer[0]) }
            }
            table[c] = UInt16(truncatingIfNeeded: u_foldCase(Int32(base), 0))
        }
        for special in [0x00C6, 0x00E6, 0x0152, 0x0153, 0x00DF] where special < KeyFolder.tableLimit {
            table[special] = 0
        }
        self.table = table
    }

    /// Appends the folded form of `units` to `out`.
    @inline(__always)
    public func fold<C: Collection>(_ units: C, into out: inout [UInt16]) where C.Element == UInt16 {
        for unit in units { fold(unit, into: &out) }
    }

    /// Writes the folded form of `units[range]` at `out` and returns the number of units
    /// written (at most twice the range's length). The tokenizer's hot path.
    @inline(__always)
    func fold(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, to out: UnsafeMutablePointer<UInt16>) -> Int {
        table.withUnsafeBufferPointer { t in
            var o = 0
            for k in range {
                let unit = units[k]
                if Int(unit) < KeyFolder.tableLimit {
                    let folded = t[Int(unit)]
                    if folded != 0 { out[o] = folded; o += 1; continue }
                }
                var expanded = [UInt16]()
                fold(unit, into: &expanded)
                for e in expanded { out[o] = e; o += 1 }
            }
            return o
        }
    }

    /// The folded form of one unit: one unit, or two for `œ`, `æ`, `ß` (second is 0 otherwise).
    @inline(__always)
    func fold(_ unit: UInt16) -> (UInt16, UInt16) {
        if Int(unit) < KeyFolder.tableLimit {
            let folded = table[Int(unit)]
            if folded != 0 { return (folded, 0) }
        }
        var out = [UInt16]()
        fold(unit, into: &out)
        return (out[0], out.count > 1 ? out[1] : 0)
    }

    /// Writes the folded UTF-16 form of UTF-8 text at `out` (room for twice the byte
    /// count) and returns the number of units written.
    func foldUTF8(_ utf8: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt16>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: utf8.count + 1) { units in
            // Valid UTF-8 (checked when the file was read) decoded without checks.
            var i = 0, n = 0
            while i < utf8.count {
                let b0 = UInt32(utf8[i])
                var c: UInt32
                if b0 < 0x80 { c = b0; i += 1 }
                else if b0 < 0xE0 { c = ((b0 & 0x1F) << 6) | (UInt32(utf8[i + 1]) & 0x3F); i += 2 }
                else if b0 < 0xF0 { c = ((b0 & 0x0F) << 12) | ((UInt32(utf8[i + 1]) & 0x3F) << 6) | (UInt32(utf8[i + 2]) & 0x3F); i += 3 }
                else { c = 0xFFFD; i += 4 }  // outside the BMP: never in a French word list
                units[n] = UInt16(c)
                n += 1
            }
            return fold(UnsafeBufferPointer(units), 0..<n, to: out)
        }
    }

    @inline(__always)
    private func fold(_ unit: UInt16, into out: inout [UInt16]) {
        if Int(unit) < KeyFolder.tableLimit {
            let folded = table[Int(unit)]
            if folded != 0 { out.append(folded); return }
        }
        switch unit {
        case 0x00C6, 0x00E6: out.append(0x61); out.append(0x65)  // æ
        case 0x0152, 0x0153: out.append(0x6F); out.append(0x65)  // œ
        case 0x00DF: out.append(0x73); out.append(0x73)  // ß
        case 0x2019, 0x2018, 0x02BC: out.append(0x27)
        default:
            if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) {
                out.append(unit)
            } else {
                out.append(UInt16(truncatingIfNeeded: u_foldCase(Int32(unit), 0)))
            }
        }
    }

    public func fold(_ text: String) -> [UInt16] {
        var out = [UInt16]()
        var text = text
        text.withUTF8 { utf8 in
            out.reserveCapacity(utf8.count)
            // The UTF-16 units of the text, decoded from its UTF-8 (valid in a String): much
            // cheaper than `text.utf16`, and the loader folds every lexicon entry.
            var i = 0
            while i < utf8.count {
                let b0 = UInt32(utf8[i])
                if b0 < 0x80 {
                    fold(UInt16(b0), into: &out)
                    i += 1
                    continue
                }
                var c: UInt32
                if b0 < 0xE0 { c = ((b0 & 0x1F) << 6) | (UInt32(utf8[i + 1]) & 0x3F); i += 2 }
                else if b0 < 0xF0 { c = ((b0 & 0x0F) << 12) | ((UInt32(utf8[i + 1]) & 0x3F) << 6) | (UInt32(utf8[i + 2]) & 0x3F); i += 3 }
                else {
                    c = ((b0 & 0x07) << 18) | ((UInt32(utf8[i + 1]) & 0x3F) << 12) | ((UInt32(utf8[i + 2]) & 0x3F) << 6) | (UInt32(utf8[i + 3]) & 0x3F)
                    i += 4
                    let v = c - 0x10000
                    fold(UInt16(0xD800 + (v >> 10)), into: &out)
                    fold(UInt16(0xDC00 + (v & 0x3FF)), into: &out)
                    continue
                }
                let unit = UInt16(c)
                fold(unit < 0xA0 ? unit : NormalizedView.substitute(unit), into: &out)
            }
        }
        return out
    }

    public func foldedString(_ text: String) -> String {
        fold(text).withUnsafeBufferPointer(UTF16String.make)
    }
}
