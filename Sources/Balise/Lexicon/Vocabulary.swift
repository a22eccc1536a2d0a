/// Interns folded keys (UTF-16) into dense ids, so that tokens and lexicon entries
/// compare as integers and lookups never build a String.
public struct Vocabulary: Sendable {
    private var pool: [UInt16] = []
    private var starts: [Int32] = [0]
    /// Open-addressing table: each slot packs the key's hash (high 32 bits) and its
    /// id + 1 (low 32 bits); 0 is empty. One memory access per probe: the tokenizer
    /// looks up every token and the table does not fit in the first cache levels.
    private var slots: [UInt64]
    private var mask: Int
    /// One bit per hash value modulo `presentMask + 1` (2^19, 64 KiB, for the lexicons'
    /// vocabulary): most tokens are words no lexicon has, and a clear bit answers "absent"
    /// without touching the large table. Small vocabularies (elisions, abbreviations) get
    /// a few hundred bytes: the tokenizer asks them about many words, and a 64 KiB bitset
    /// each sent those questions to the second cache level.
    private var present: [UInt64]
    private let presentMask: Int

    public init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        let bits = min(1 << 19, max(1 << 10, size * 4))
        present = [UInt64](repeating: 0, count: bits / 64)
        presentMask = bits - 1
    }

    public var count: Int { starts.count - 1 }

    @inline(__always)
    private static func hash<C: Collection>(_ key: C) -> UInt32 where C.Element == UInt16 {
        var h: UInt32 = 2_166_136_261
        for unit in key { h = (h ^ UInt32(unit)) &* 16_777_619 }
        return h
    }

    @inline(__always)
    private func equals<C: Collection>(_ id: Int, _ key: C) -> Bool where C.Element == UInt16 {
        let s = Int(starts[id]), e = Int(starts[id + 1])
        guard e - s == key.count else { return false }
        var i = s
        for unit in key {
            if pool[i] != unit { return false }
            i += 1
        }
        return true
    }

    /// The id of `key`, or -1.
    public func find<C: Collection>(_ key: C) -> Int32 where C.Element == UInt16 {
        key.withContiguousStorageIfAvailable(find(_:)) ?? Array(key).withUnsafeBufferPointer(find(_:))
    }

    public func find(_ key: String) -> Int32 { find(KeyFolder.shared.fold(key)) }

    /// `find` over raw memory: the tokenizer calls it once per token.
    public func find(_ key: UnsafeBufferPointer<UInt16>) -> Int32 {
        find(key, hash: Vocabulary.hash(key))
    }

    /// `find` with the key's hash already computed.
    func find(_ key: UnsafeBufferPointer<UInt16>, hash h: UInt32) -> Int32 {
        let bit = Int(h >> 13) & presentMask
        if present[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return -1 }
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(h) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return -1 }
                if UInt32(truncatingIfNeeded: entry >> 32) == h {
                    let id = Int(UInt32(truncatingIfNeeded: entry)) - 1
                    if equals(id, key) { return Int32(id) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The id of `key`, added when new.
    @discardableResult
    public mutating func intern<C: Collection>(_ key: C) -> Int32 where C.Element == UInt16 {
        let existing = find(key)
        if existing >= 0 { return existing }
        if (count + 1) * 2 >= slots.count { grow() }
        let id = count
        pool.append(contentsOf: key)
        starts.append(Int32(pool.count))
        place(id: id, hash: Vocabulary.hash(key))
        return Int32(id)
    }

    public func key(_ id: Int32) -> String {
        UTF16String.make(pool, Int(starts[Int(id)])..<Int(starts[Int(id) + 1]))
    }

    private mutating func place(id: Int, hash h: UInt32) {
        let bit = Int(h >> 13) & presentMask
        present[bit >> 6] |= 1 << UInt64(bit & 63)
        var slot = Int(h) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt64(h) << 32 | UInt64(id + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<count {
            place(id: id, hash: Vocabulary.hash(pool[Int(starts[id])..<Int(starts[id + 1])]))
        }
    }
}
