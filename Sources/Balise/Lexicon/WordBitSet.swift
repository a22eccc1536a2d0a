/// A set of vocabulary ids kept as bits: the recognizers test a word against such a set at
/// nearly every token, and one load costs less than hashing the id for a `Set<Int32>`.
public struct WordBitSet: Sendable {
    private var bits: [UInt64] = []

    public init() {}

    public init<S: Sequence>(_ ids: S) where S.Element == Int32 {
        for id in ids { insert(id) }
    }

    /// Adds `id`; -1 (a word no lexicon knows) is ignored.
    public mutating func insert(_ id: Int32) {
        guard id >= 0 else { return }
        let word = Int(id >> 6)
        if word >= bits.count { bits.append(contentsOf: repeatElement(0, count: word + 1 - bits.count)) }
        bits[word] |= 1 << UInt64(id & 63)
    }

    public mutating func formUnion<S: Sequence>(_ ids: S) where S.Element == Int32 {
        for id in ids { insert(id) }
    }

    @inline(__always)
    public func contains(_ id: Int32) -> Bool {
        guard id >= 0 else { return false }
        let word = Int(id >> 6)
        return word < bits.count && bits[word] & (1 << UInt64(id & 63)) != 0
    }
}
