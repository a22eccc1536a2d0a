/// Where the tokenizer splits the elisions off a word that holds an apostrophe (`l'Union` ->
/// `l'` `Union`, `aujourd'hui` whole), remembered by the word's units: the decision depends
/// on them alone, and finding it folds the word two or three times for as many lexicon
/// look-ups (whole word unsplittable? prefix an elision? rest unsplittable?), about 850
/// instructions a word, where a hit here costs a hash and a compare.
///
/// Direct-mapped, for words of at most `maxLength` units. Owned by one tokenizer (one
/// thread), for its rules.
final class ElisionSplitMemo {
    /// The ends of a word's elisions, as offsets from the word's start, in order (at most
    /// `capacity`): byte 0 holds the count, bytes 1 to 7 the offsets.
    struct Ends {
        private(set) var packed: UInt64 = 0
        /// Set when more ends were appended than the packing holds.
        private(set) var overflowed = false
        static let capacity = 7

        var count: Int { Int(packed & 0xFF) }

        subscript(k: Int) -> Int { Int((packed >> UInt64(8 * (k + 1))) & 0xFF) }

        mutating func append(_ offset: Int) {
            guard count < Ends.capacity, offset < 256 else { overflowed = true; return }
            packed = (packed + 1) | (UInt64(offset) << UInt64(8 * (count + 1)))
        }

        init() {}
        fileprivate init(packed: UInt64) { self.packed = packed }
    }

    private struct Entry {
        var units: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16,
                    UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var ends: UInt64 = 0
        /// The word's length in units; 0 for an empty slot.
        var length: Int = 0
    }

    static let maxLength = 16
    private static let sizeBits = 12
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = CacheLineTable.allocate(1 << ElisionSplitMemo.sizeBits, repeating: Entry())
    }

    deinit { CacheLineTable.deallocate(entries) }

    @inline(__always)
    private static func slot(_ units: UnsafePointer<UInt16>, _ length: Int) -> Int {
        var h: UInt32 = 2166136261
        for k in 0..<length { h = (h ^ UInt32(units[k])) &* 16777619 }
        return Int((h ^ (h >> 15)) & UInt32((1 << sizeBits) - 1))
    }

    /// The remembered ends of the word of `length` units at `units` (at most `maxLength`).
    @inline(__always)
    func find(_ units: UnsafePointer<UInt16>, _ length: Int) -> Ends? {
        let entry = entries + ElisionSplitMemo.slot(units, length)
        guard entry.pointee.length == length else { return nil }
        let same = withUnsafeBytes(of: &entry.pointee.units) { stored -> Bool in
            let stored = stored.bindMemory(to: UInt16.self)
            for k in 0..<length where stored[k] != units[k] { return false }
            return true
        }
        return same ? Ends(packed: entry.pointee.ends) : nil
    }

    /// Remembers the ends of the word of `length` units at `units` (at most `maxLength`).
    func remember(_ units: UnsafePointer<UInt16>, _ length: Int, _ ends: Ends) {
        guard length <= ElisionSplitMemo.maxLength, !ends.overflowed else { return }
        let entry = entries + ElisionSplitMemo.slot(units, length)
        entry.pointee = Entry()
        withUnsafeMutableBytes(of: &entry.pointee.units) { stored in
            let stored = stored.bindMemory(to: UInt16.self)
            for k in 0..<length { stored[k] = units[k] }
        }
        entry.pointee.ends = ends.packed
        entry.pointee.length = length
    }
}
