/// Folds a word's units into its key and reads its shape (capitals, digits) in the same
/// pass: the tokenizer did both for every word, each with its own loop and table.
struct WordShape {
    /// Per unit below `limit`: the folded unit in the low 16 bits (0: fold it the long way,
    /// see `KeyFolder`), the letter case in bits 16-17 (1 upper, 2 lower, 3 digit, 0 other).
    private let table: [UInt32]
    private static let limit = 0x250

    static let shared = WordShape()

    private init() {
        var table = [UInt32](repeating: 0, count: WordShape.limit)
        for u in 0..<WordShape.limit {
            let unit = UInt16(u)
            let (folded, second) = KeyFolder.shared.fold(unit)
            let caseClass: UInt32 = Tokenizer.isUpper(unit) ? 1 : Tokenizer.isLower(unit) ? 2 : Tokenizer.isDigit(unit) ? 3 : 0
            table[u] = (second == 0 && folded != 0 ? UInt32(folded) : 0) | caseClass << 16
        }
        self.table = table
    }

    /// Writes the folded key of `units[start..<end]` at `out` (room for twice the length)
    /// and returns its length and the shape flags.
    @inline(__always)
    func fold(_ units: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int,
              to out: UnsafeMutablePointer<UInt16>) -> (count: Int, flags: Token.Flags) {
        var flags: Token.Flags = []
        var uppers = 0, lowers = 0
        var previousLower = false
        var o = 0
        table.withUnsafeBufferPointer { table in
            for k in start..<end {
                let unit = units[k]
                let caseClass: UInt32
                if Int(unit) < WordShape.limit {
                    let entry = table[Int(unit)]
                    caseClass = entry >> 16
                    let folded = UInt16(truncatingIfNeeded: entry)
                    if folded != 0 {
                        out[o] = folded
                        o += 1
                    } else {
                        o += WordShape.foldLongWay(unit, out + o)
                    }
                } else {
                    caseClass = Tokenizer.isUpper(unit) ? 1 : (Tokenizer.isLower(unit) ? 2 : 0)
                    o += WordShape.foldLongWay(unit, out + o)
                }
                switch caseClass {
                case 1:
                    uppers += 1
                    if k == start { flags.insert(.capitalized) }
                    if previousLower { flags.insert(.internalCaps) }
                    previousLower = false
                case 2:
                    lowers += 1
                    previousLower = true
                case 3:
                    flags.insert(.hasDigit)
                    previousLower = false
                default:
                    previousLower = false
                }
            }
        }
        if uppers >= 2 && lowers == 0 { flags.insert(.allCaps) }
        return (o, flags)
    }

    private static func foldLongWay(_ unit: UInt16, _ out: UnsafeMutablePointer<UInt16>) -> Int {
        let (first, second) = KeyFolder.shared.fold(unit)
        out[0] = first
        guard second != 0 else { return 1 }
        out[1] = second
        return 2
    }
}
