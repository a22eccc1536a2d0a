#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A large one-word lexicon kept as its file's bytes and searched by binary search on
/// folded keys, so that loading costs one read and one line scan instead of hundreds of
/// thousands of insertions (`common-words.txt` has ~370 000 forms). The file must be
/// sorted by folded key, which the generator guarantees and a test checks.
public struct SortedWordList: Sendable {
    public let name: String
    private let bytes: [UInt8]
    /// Start offset of each entry's text in `bytes`; an entry ends at its line's TAB or end
    /// (`entryEnd`), which the comparison finds as it reads, so no end offsets are kept.
    private let starts: [Int32]
    /// For keys that open with three letters a-z, the entries that open the same way:
    /// `buckets[2b]..<buckets[2b + 1]` with `b` the three letters in base 26. Entries are
    /// sorted by folded key, so each such prefix is one run; the binary search then reads
    /// a run of a few dozen entries instead of the whole list.
    private let buckets: [Int32]

    public init(directory: LexiconDirectory, name: String) throws {
        let bytes = try directory.bytes(name)
        var starts: [Int32] = []
        starts.reserveCapacity(bytes.count / 8)
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            let n = all.count
            var start = 0
            while start < n {
                // memchr finds the line end many bytes at a time: the list has ~370 000 lines.
                let end = memchr(base + start, 0x0A, n - start).map { $0.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base) } ?? n
                var lineEnd = end
                if lineEnd > start && base[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                if lineEnd > start && base[start] != UInt8(ascii: "#") { starts.append(Int32(start)) }
                start = end + 1
            }
        }
        self.name = name
        self.bytes = bytes
        self.starts = starts
        self.buckets = SortedWordList.buckets(bytes, starts)
    }

    /// Whether byte `i` ends the entry it is in: a TAB, the line's end, or the `\r` of a `\r\n`.
    @inline(__always)
    private static func endsEntry(_ all: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = all[i]
        return b == 0x09 || b == 0x0A || (b == 0x0D && (i + 1 == all.count || all[i + 1] == 0x0A))
    }

    /// The end offset of the entry that starts at `start`.
    private static func entryEnd(_ all: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < all.count && !endsEntry(all, i) { i += 1 }
        return i
    }

    private static let bucketCount = 26 * 26 * 26

    /// The bucket of a folded key's first three units, or nil unless all three are a-z.
    @inline(__always)
    private static func bucket(_ a: UInt16, _ b: UInt16, _ c: UInt16) -> Int? {
        guard a >= 0x61 && a <= 0x7A, b >= 0x61 && b <= 0x7A, c >= 0x61 && c <= 0x7A else { return nil }
        return (Int(a - 0x61) * 26 + Int(b - 0x61)) * 26 + Int(c - 0x61)
    }

    private static func buckets(_ bytes: [UInt8], _ starts: [Int32]) -> [Int32] {
        // first[b] and last[b] + 1 of each bucket's run; empty buckets get an empty range.
        var first = [Int32](repeating: -1, count: bucketCount)
        var last = [Int32](repeating: -1, count: bucketCount)
        let folder = KeyFolder.shared
        bytes.withUnsafeBufferPointer { all in
            for index in starts.indices {
                let start = Int(starts[index])
                // Most entries open with three ASCII letters, which fold to themselves.
                if start + 3 <= all.count, let b = bucket(UInt16(all[start]), UInt16(all[start + 1]), UInt16(all[start + 2])) {
                    if first[b] < 0 { first[b] = Int32(index) }
                    last[b] = Int32(index)
                    continue
                }
                // Otherwise the first three folded units, decoded and folded as `compare` does.
                var units: (UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0)
                func set(_ n: Int, _ unit: UInt16) {
                    switch n {
                    case 0: units.0 = unit
                    case 1: units.1 = unit
                    case 2: units.2 = unit
                    default: units.3 = unit
                    }
                }
                var i = start, n = 0
                while n < 3 && i < all.count && !endsEntry(all, i) {
                    let c = SortedWordList.nextUnit(all, &i)
                    let folded = folder.fold(UInt16(c))
                    set(n, folded.0)
                    n += 1
                    if folded.1 != 0 { set(n, folded.1); n += 1 }
                }
                guard n >= 3, let b = bucket(units.0, units.1, units.2) else { continue }
                if first[b] < 0 { first[b] = Int32(index) }
                last[b] = Int32(index)
            }
        }
        var result = [Int32](repeating: 0, count: 2 * bucketCount)
        for b in 0..<bucketCount where first[b] >= 0 {
            result[2 * b] = first[b]
            result[2 * b + 1] = last[b] + 1
        }
        return result
    }

    public var count: Int { starts.count }

    /// The entries in file order (for checks and tests).
    public func entry(_ index: Int) -> String {
        bytes.withUnsafeBufferPointer { all in
            let start = Int(starts[index])
            return String(decoding: UnsafeBufferPointer(rebasing: all[start..<SortedWordList.entryEnd(all, start)]), as: UTF8.self)
        }
    }

    /// Whether an entry folds to `key` (a folded key, as in `AnalyzedText.keys`).
    public func contains(_ key: UnsafeBufferPointer<UInt16>) -> Bool {
        var low = 0, high = starts.count
        if key.count >= 3, let b = SortedWordList.bucket(key[0], key[1], key[2]) {
            low = Int(buckets[2 * b])
            high = Int(buckets[2 * b + 1])
        }
        while low < high {
            let mid = (low + high) / 2
            let order = compare(entry: mid, key)
            if order == 0 { return true }
            if order < 0 { low = mid + 1 } else { high = mid }
        }
        return false
    }

    public func contains(_ word: String) -> Bool {
        KeyFolder.shared.fold(word).withUnsafeBufferPointer { contains($0) }
    }

    /// Compares the folded form of entry `index` with `key`: negative, zero or positive.
    /// Folds the entry's UTF-8 as it goes and stops at the first difference (usually the
    /// first letters), so a lookup costs a few dozen byte reads.
    func compare(entry index: Int, _ key: UnsafeBufferPointer<UInt16>) -> Int {
        let start = Int(starts[index])
        return bytes.withUnsafeBufferPointer { all in
            var i = start, k = 0
            var pending: UInt16 = 0  // second unit of a two-unit fold (`œ` -> `oe`), 0 when none
            while true {
                var unit: UInt16
                if pending != 0 {
                    unit = pending
                    pending = 0
                } else {
                    guard i < all.count && !SortedWordList.endsEntry(all, i) else { return k < key.count ? -1 : 0 }
                    let c = SortedWordList.nextUnit(all, &i)
                    let folded = KeyFolder.shared.fold(UInt16(c))
                    unit = folded.0
                    pending = folded.1
                }
                guard k < key.count else { return 1 }
                if unit != key[k] { return Int(unit) - Int(key[k]) }
                k += 1
            }
        }
    }

    /// Decodes the scalar at `i` of valid UTF-8 and moves `i` past it; outside the BMP gives
    /// U+FFFD (never in a French word list).
    @inline(__always)
    static func nextUnit(_ all: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
        let b0 = UInt32(all[i])
        if b0 < 0x80 { i += 1; return b0 }
        if b0 < 0xE0 { defer { i += 2 }; return ((b0 & 0x1F) << 6) | (UInt32(all[i + 1]) & 0x3F) }
        if b0 < 0xF0 { defer { i += 3 }; return ((b0 & 0x0F) << 12) | ((UInt32(all[i + 1]) & 0x3F) << 6) | (UInt32(all[i + 2]) & 0x3F) }
        i += 4
        return 0xFFFD
    }
}
