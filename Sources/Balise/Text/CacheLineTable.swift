/// Entries in raw memory aligned on 64-byte cache lines, for the per-worker caches of the
/// text layer (`ShortKeyCache`, `LongKeyCache`, `TokenKeyMemo`, `ElisionSplitMemo`): their
/// hot loops read entries through a plain pointer (an Array paid an exclusivity check per
/// look-up), and the alignment keeps an entry of 32 or 64 bytes, or a set of them, inside
/// one cache line.
enum CacheLineTable {
    /// `count` entries, each set to `entry`; give them back with `deallocate(_:)`.
    static func allocate<Entry>(_ count: Int, repeating entry: Entry) -> UnsafeMutablePointer<Entry> {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Entry>.stride, alignment: 64)
        let entries = memory.bindMemory(to: Entry.self, capacity: count)
        entries.initialize(repeating: entry, count: count)
        return entries
    }

    /// Frees entries of plain data (nothing to deinitialise) from `allocate`.
    static func deallocate<Entry>(_ entries: UnsafeMutablePointer<Entry>) {
        UnsafeMutableRawPointer(entries).deallocate()
    }
}
