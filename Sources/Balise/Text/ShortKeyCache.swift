/// A small two-way set-associative cache of one Int32 per folded key, owned by one worker:
/// the tokenizer keeps vocabulary ids in one in front of `Vocabulary.find`, the name rules
/// common-word answers. Running text repeats a few thousand words; the vocabulary's own
/// table spreads every look-up over several cache lines (presence bit, slot, key pool),
/// while a cached key sits inline in one 32-byte entry, and the two entries of a set share
/// one cache line. Two ways rather than one: when two frequent words fell in the same slot
/// they evicted each other, and each such miss paid the vocabulary's cache misses (about
/// 6 % of the tokenizer's look-ups went through to the vocabulary). Keys longer than
/// `maxLength` are not cached.
final class ShortKeyCache {
    private struct Entry {
        /// The key's units, zero-padded, and its length: equal fields mean equal keys.
        var a: UInt64 = 0
        var b: UInt64 = 0
        var c: UInt64 = 0
        /// -1, no length, for an empty slot.
        var length: Int32 = -1
        var id: Int32 = 0
    }

    /// Three 64-bit words of units.
    static let maxLength = 12
    /// 2^13 sets of two entries (512 KiB).
    private static let setBits = 13
    /// Raw memory, aligned so that each set is one cache line: the tokenizer's hot loop then
    /// pays no exclusivity check per look-up.
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        let count = 2 << ShortKeyCache.setBits
        entries = CacheLineTable.allocate(count, repeating: Entry())
    }

    deinit { CacheLineTable.deallocate(entries) }

    /// The id of `key` in `vocabulary` (-1 when absent), from the cache when it is there.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt16>, in vocabulary: Vocabulary) -> Int32 {
        value(key) { vocabulary.find($0) }
    }

    /// The value of `key`, from the cache when it is there, else `compute(key)` (always
    /// the same function of the key for one cache).
    @inline(__always)
    func value(_ key: UnsafeBufferPointer<UInt16>, compute: (UnsafeBufferPointer<UInt16>) -> Int32) -> Int32 {
        guard key.count <= ShortKeyCache.maxLength, let base = key.baseAddress else { return compute(key) }
        // Packed with one copy rather than unit by unit.
        var packed: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &packed) { raw in
            raw.baseAddress!.copyMemory(from: base, byteCount: key.count * 2)
        }
        return value(packed, key, compute: compute)
    }

    /// `find` for a key followed in memory by at least `maxLength` readable units (the
    /// tokenizer's key buffer keeps that much slack at its end). The key is packed with
    /// three plain loads and masks: the copy into a stack tuple that `value` makes was
    /// read back in 64-bit words before the copy's smaller stores had landed, and that
    /// store-to-load forwarding stall cost more than the look-up itself.
    @inline(__always)
    func findPadded(_ key: UnsafeBufferPointer<UInt16>, in vocabulary: Vocabulary) -> Int32 {
        guard key.count <= ShortKeyCache.maxLength, let base = key.baseAddress else { return vocabulary.find(key) }
        let raw = UnsafeRawPointer(base)
        let bits = key.count * 16
        @inline(__always) func masked(_ word: UInt64, _ from: Int) -> UInt64 {
            let kept = bits - from
            return kept >= 64 ? word : kept <= 0 ? 0 : word & ((1 << UInt64(kept)) - 1)
        }
        let packed = (masked(raw.loadUnaligned(as: UInt64.self), 0),
                      masked(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self), 64),
                      masked(raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), 128))
        return value(packed, key) { vocabulary.find($0) }
    }

    /// The cached value of a key already packed (units zero-padded to three words).
    @inline(__always)
    private func value(_ packed: (UInt64, UInt64, UInt64), _ key: UnsafeBufferPointer<UInt16>,
                       compute: (UnsafeBufferPointer<UInt16>) -> Int32) -> Int32 {
        // The slot comes from a multiply hash of the packed words, which needs no loop (the
        // vocabulary's own hash, a serial loop over the units, is computed only on a miss).
        let length = Int32(key.count)
        let mixed = (packed.0 &* 0x9E37_79B9_7F4A_7C15) ^ (packed.1 &* 0xC2B2_AE3D_27D4_EB4F)
            ^ ((packed.2 ^ UInt64(length)) &* 0x1656_67B1_9E37_79F9)
        let set = entries + 2 * Int(truncatingIfNeeded: mixed >> UInt64(64 - ShortKeyCache.setBits))
        let first = set[0]
        if first.a == packed.0 && first.b == packed.1 && first.c == packed.2 && first.length == length { return first.id }
        let second = set[1]
        if second.a == packed.0 && second.b == packed.1 && second.c == packed.2 && second.length == length { return second.id }
        // The newest key goes first, the one it displaces second (the older second is dropped).
        let id = compute(key)
        set[1] = first
        set[0] = Entry(a: packed.0, b: packed.1, c: packed.2, length: length, id: id)
        return id
    }
}
