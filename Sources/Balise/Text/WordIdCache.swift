/// A small direct-mapped cache of vocabulary ids in front of `Vocabulary.find`, owned by
/// one tokenizer. Running text repeats a few thousand words; the vocabulary's own table
/// spreads every look-up over several cache lines (presence bit, slot, key pool), while a
/// cached key sits inline in one 32-byte entry. Keys longer than `maxLength` are not cached.
final class WordIdCache {
    private struct Entry {
        /// Up to 11 units, four per word, zero-padded; `c`'s top 16 bits hold the length,
        /// so equal packed words mean equal keys.
        var a: UInt64 = 0
        var b: UInt64 = 0
        /// An impossible length: an empty slot matches no key.
        var c: UInt64 = .max
        var id: Int32 = 0
    }

    static let maxLength = 11
    private static let size = 1 << 14
    /// Raw memory: the tokenizer's hot loop then pays no exclusivity check per look-up.
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: WordIdCache.size)
        entries.initialize(repeating: Entry(), count: WordIdCache.size)
    }

    deinit { entries.deallocate() }

    /// The id of `key` in `vocabulary` (-1 when absent), from the cache when it is there.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt16>, in vocabulary: Vocabulary) -> Int32 {
        let hash = Vocabulary.hashKey(key)
        guard key.count <= WordIdCache.maxLength else { return vocabulary.find(key, hash: hash) }
        var packed = (UInt64(0), UInt64(0), UInt64(key.count) << 48)
        for k in 0..<key.count {
            let unit = UInt64(key[k]) << UInt64((k & 3) * 16)
            switch k >> 2 {
            case 0: packed.0 |= unit
            case 1: packed.1 |= unit
            default: packed.2 |= unit
            }
        }
        let slot = Int(hash >> 7) & (WordIdCache.size - 1)
        let entry = entries[slot]
        if entry.a == packed.0 && entry.b == packed.1 && entry.c == packed.2 { return entry.id }
        let id = vocabulary.find(key, hash: hash)
        entries[slot] = Entry(a: packed.0, b: packed.1, c: packed.2, id: id)
        return id
    }
}
