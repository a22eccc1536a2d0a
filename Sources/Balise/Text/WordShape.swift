/// Folds a word's units into its key and reads its shape (capitals, digits) in the same
/// pass: the tokenizer did both for every word, each with its own loop and table.
struct WordShape {
    /// Per unit below `limit`: the folded unit in the low 16 bits (0: fold it the long way,
    /// see `KeyFolder`), then one bit each for upper case, lower case and digit (`upper`,
    /// `lower`, `digit`): bits, not a number, so that the loop below adds and masks them
    /// without a comparison the compiler would turn back into branches.
    private let table: [UInt32]
    private static let limit = 0x250

    static let shared = WordShape()

    private init() {
        var table = [UInt32](repeating: 0, count: WordShape.limit)
        for u in 0..<WordShape.limit {
            let unit = UInt16(u)
            let (folded, second) = KeyFolder.shared.fold(unit)
            let caseBits = Tokenizer.isUpper(unit) ? WordShape.upper : Tokenizer.isLower(unit) ? WordShape.lower
                : Tokenizer.isDigit(unit) ? WordShape.digit : 0
            table[u] = (second == 0 && folded != 0 ? UInt32(folded) : 0) | caseBits
        }
        self.table = table
    }

    /// Writes the folded key of `units[start..<end]` at `out` (room for twice the length)
    /// and returns its length and the shape flags. The loop has no branch on the letter
    /// case (a switch on it mispredicted at every change of case, `Paris`, `OpenAI`), and
    /// the rare units folded the long way are left to a function of their own, which kept
    /// the loop's variables in registers.
    @inline(__always)
    func fold(_ units: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int,
              to out: UnsafeMutablePointer<UInt16>) -> (count: Int, flags: Token.Flags) {
        guard start < end, let text = units.baseAddress else { return (0, []) }
        var o = 0
        var uppers: UInt32 = 0, lowers: UInt32 = 0, digits: UInt32 = 0, internalCaps: UInt32 = 0
        var previousLower: UInt32 = 0
        var k = start
        // Four ASCII letters at a time, from one 64-bit word (most French words start with
        // a few): folded by setting bit 5 of each, their case read from that bit.
        while k + 4 <= end {
            let w = UnsafeRawPointer(text + k).loadUnaligned(as: UInt64.self)
            guard w & 0xFF80_FF80_FF80_FF80 == 0 else { break }
            let lowered = w | 0x0020_0020_0020_0020
            // Bit 7 of a unit's low byte: set in `lowered + 0x1F` when at least `a`, in
            // `lowered + 0x05` when past `z` (no carry leaves a unit below 0x80).
            let letters = (lowered &+ 0x001F_001F_001F_001F) & ~(lowered &+ 0x0005_0005_0005_0005) & 0x0080_0080_0080_0080
            guard letters == 0x0080_0080_0080_0080 else { break }
            UnsafeMutableRawPointer(out + o).storeBytes(of: lowered, as: UInt64.self)
            let upperBits = ~w & 0x0020_0020_0020_0020, lowerBits = w & 0x0020_0020_0020_0020
            // Each unit's bit moved to bit 0 of its lane, the four lanes summed in the top one.
            uppers &+= UInt32(truncatingIfNeeded: ((upperBits >> 5) &* 0x0001_0001_0001_0001) >> 48)
            lowers &+= UInt32(truncatingIfNeeded: ((lowerBits >> 5) &* 0x0001_0001_0001_0001) >> 48)
            // An upper-case unit after a lower-case one, inside the four or across their start.
            let afterLower = lowerBits << 16 | UInt64(previousLower) << 5
            internalCaps |= afterLower & upperBits != 0 ? 1 : 0
            previousLower = UInt32(truncatingIfNeeded: (lowerBits >> 53) & 1)
            o &+= 4
            k &+= 4
        }
        table.withUnsafeBufferPointer { table in
            let entries = table.baseAddress!
            for k in k..<end {
                let unit = text[k]
                let entry = Int(unit) < WordShape.limit ? entries[Int(unit)] : WordShape.caseOnly(unit)
                let folded = UInt16(truncatingIfNeeded: entry)
                if folded != 0 {
                    out[o] = folded
                    o &+= 1
                } else {
                    o &+= WordShape.foldLongWay(unit, out + o)
                }
                let isUpper = (entry >> 16) & 1, isLower = (entry >> 17) & 1
                uppers &+= isUpper
                lowers &+= isLower
                digits |= entry & WordShape.digit
                internalCaps |= previousLower & isUpper
                previousLower = isLower
            }
        }
        var flags: Token.Flags = []
        if caseBits(text[start]) == WordShape.upper { flags.insert(.capitalized) }
        if internalCaps != 0 { flags.insert(.internalCaps) }
        if digits != 0 { flags.insert(.hasDigit) }
        if uppers >= 2 && lowers == 0 { flags.insert(.allCaps) }
        return (o, flags)
    }

    private static let upper: UInt32 = 1 << 16, lower: UInt32 = 1 << 17, digit: UInt32 = 1 << 18

    /// The case bits of `unit`'s entry.
    @inline(__always)
    private func caseBits(_ unit: UInt16) -> UInt32 {
        (Int(unit) < WordShape.limit ? table[Int(unit)] : WordShape.caseOnly(unit)) & ~0xFFFF
    }

    /// A table entry for a unit above the table: its case bits, and 0 for "fold the long way".
    @inline(__always)
    private static func caseOnly(_ unit: UInt16) -> UInt32 {
        Tokenizer.isUpper(unit) ? upper : Tokenizer.isLower(unit) ? lower : 0
    }

    @inline(never)
    private static func foldLongWay(_ unit: UInt16, _ out: UnsafeMutablePointer<UInt16>) -> Int {
        let (first, second) = KeyFolder.shared.fold(unit)
        out[0] = first
        guard second != 0 else { return 1 }
        out[1] = second
        return 2
    }
}
