/// The tokenizer's vocabulary ids, cached in three tiers by key length, in front of
/// `Vocabulary.find` (whose table, presence bits and key pool miss the caches: a look-up
/// that reaches it costs far more than one that does not).
/// - one unit (a quarter of all tokens: punctuation, `à`, `a`, `y`): a plain table by unit,
///   a few kilobytes that stay in the first cache level;
/// - up to `ShortKeyCache.maxLength` units: `ShortKeyCache`;
/// - up to `LongKeyCache.maxLength` units (`gouvernement`, `Jean-Toussaint`,
///   `administration`): `LongKeyCache`, one cache line an entry;
/// - longer keys: the vocabulary itself.
/// Owned by one tokenizer (one thread), for one vocabulary.
final class VocabularyIdCache {
    /// Readable units the key buffer must hold past any key's end: the tiers load whole
    /// words past a key's end and mask them.
    static let slack = LongKeyCache.maxLength

    private static let singleLimit = 0x300
    /// Per unit below `singleLimit`: the id of the one-unit key, or `unknown`.
    private let single: UnsafeMutablePointer<Int32>
    private static let unknown = Int32.min
    private let short = ShortKeyCache()
    private let long = LongKeyCache()

    init() {
        single = .allocate(capacity: VocabularyIdCache.singleLimit)
        single.initialize(repeating: VocabularyIdCache.unknown, count: VocabularyIdCache.singleLimit)
    }

    deinit { single.deallocate() }

    /// The id of `key` in `vocabulary` (-1 when absent); `key` must be followed in memory by
    /// `slack` readable units.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt16>, in vocabulary: Vocabulary) -> Int32 {
        if key.count == 1 {
            let unit = Int(key[0])
            if unit < VocabularyIdCache.singleLimit {
                let cached = single[unit]
                if cached != VocabularyIdCache.unknown { return cached }
                let id = vocabulary.find(key)
                single[unit] = id
                return id
            }
        }
        if key.count <= ShortKeyCache.maxLength { return short.findPadded(key, in: vocabulary) }
        if key.count <= LongKeyCache.maxLength { return long.findPadded(key, in: vocabulary) }
        return vocabulary.find(key)
    }
}

/// `ShortKeyCache` for keys of 13 to 24 units, which always reached the vocabulary before:
/// 4 096 direct-mapped entries of one cache line each (the key's six 64-bit words, its
/// length, its id).
final class LongKeyCache {
    private struct Entry {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        /// -1, no length, for an empty slot.
        var length: Int32 = -1
        var id: Int32 = 0
        /// Pads an entry to 64 bytes, so that each lies in one cache line.
        var padding: UInt64 = 0
    }

    static let maxLength = 24
    private static let sizeBits = 12
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        let count = 1 << LongKeyCache.sizeBits
        entries = CacheLineTable.allocate(count, repeating: Entry())
    }

    deinit { CacheLineTable.deallocate(entries) }

    /// The id of `key` (at most `maxLength` units, followed in memory by enough readable
    /// units to make `maxLength`) in `vocabulary`, -1 when absent.
    @inline(__always)
    func findPadded(_ key: UnsafeBufferPointer<UInt16>, in vocabulary: Vocabulary) -> Int32 {
        let raw = UnsafeRawPointer(key.baseAddress!)
        let bits = key.count * 16
        @inline(__always) func word(_ n: Int) -> UInt64 {
            let w = raw.loadUnaligned(fromByteOffset: 8 * n, as: UInt64.self)
            let kept = bits - 64 * n
            return kept >= 64 ? w : kept <= 0 ? 0 : w & ((1 << UInt64(kept)) - 1)
        }
        let packed = (word(0), word(1), word(2), word(3), word(4), word(5))
        let length = Int32(key.count)
        let mixed = (packed.0 &* 0x9E37_79B9_7F4A_7C15) ^ (packed.1 &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (packed.2 &* 0x1656_67B1_9E37_79F9) ^ (packed.3 &* 0x27D4_EB2F_1656_67C5)
            ^ (packed.4 &* 0x85EB_CA77_C2B2_AE63) ^ ((packed.5 ^ UInt64(length)) &* 0xFF51_AFD7_ED55_8CCD)
        let slot = Int(truncatingIfNeeded: mixed >> UInt64(64 - LongKeyCache.sizeBits))
        let entry = entries[slot]
        if entry.length == length && entry.words.0 == packed.0 && entry.words.1 == packed.1 && entry.words.2 == packed.2
            && entry.words.3 == packed.3 && entry.words.4 == packed.4 && entry.words.5 == packed.5 {
            return entry.id
        }
        let id = vocabulary.find(key)
        entries[slot] = Entry(words: packed, length: length, id: id)
        return id
    }
}
