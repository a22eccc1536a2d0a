/// A large one-word lexicon kept as its file's bytes and searched by binary search on
/// folded keys, so that loading costs one read and one line scan instead of hundreds of
/// thousands of insertions (`common-words.txt` has ~370 000 forms). The file must be
/// sorted by folded key, which the generator guarantees and a test checks.
public struct SortedWordList: Sendable {
    public let name: String
    private let bytes: [UInt8]
    /// Start and end offsets of each entry's text in `bytes`.
    private let starts: [Int32]
    private let ends: [Int32]

    public init(directory: LexiconDirectory, name: String) throws {
        let bytes = try directory.bytes(name)
        var starts: [Int32] = [], ends: [Int32] = []
        starts.reserveCapacity(bytes.count / 8)
        ends.reserveCapacity(bytes.count / 8)
        bytes.withUnsafeBufferPointer { all in
            let base = all.baseAddress!
            forEachLine(all) { line in
                guard line.first != UInt8(ascii: "#") else { return }
                let start = line.baseAddress! - base
                let end = start + (line.firstIndex(of: 0x09) ?? line.count)
                starts.append(Int32(start))
                ends.append(Int32(end))
            }
        }
        self.name = name
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
    }

    public var count: Int { starts.count }

    /// The entries in file order (for checks and tests).
    public func entry(_ index: Int) -> String {
        String(decoding: bytes[Int(starts[index])..<Int(ends[index])], as: UTF8.self)
    }

    /// Whether an entry folds to `key` (a folded key, as in `AnalyzedText.keys`).
    public func contains(_ key: UnsafeBufferPointer<UInt16>) -> Bool {
        var low = 0, high = starts.count
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
        let start = Int(starts[index]), end = Int(ends[index])
        return bytes.withUnsafeBufferPointer { all in
            var i = start, k = 0
            var pending: UInt16 = 0  // second unit of a two-unit fold (`œ` -> `oe`), 0 when none
            while true {
                var unit: UInt16
                if pending != 0 {
                    unit = pending
                    pending = 0
                } else {
                    guard i < end else { return k < key.count ? -1 : 0 }
                    let b0 = UInt32(all[i])
                    var c: UInt32
                    if b0 < 0x80 { c = b0; i += 1 }
                    else if b0 < 0xE0 { c = ((b0 & 0x1F) << 6) | (UInt32(all[i + 1]) & 0x3F); i += 2 }
                    else if b0 < 0xF0 { c = ((b0 & 0x0F) << 12) | ((UInt32(all[i + 1]) & 0x3F) << 6) | (UInt32(all[i + 2]) & 0x3F); i += 3 }
                    else { c = 0xFFFD; i += 4 }
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
}
