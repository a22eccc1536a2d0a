#if canImport(Glibc)
import Glibc
#endif

/// Interns folded keys (UTF-16) into dense ids, so that tokens and lexicon entries
/// compare as integers and lookups never build a String.
public struct Vocabulary: Sendable {
    private var pool: [UInt16] = []
    private var starts: [Int32] = [0]
    private var slots: [Int32]
    private var mask: Int

    public init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    public var count: Int { starts.count - 1 }

    @inline(__always)
    private static func hash<C: Collection>(_ key: C) -> Int where C.Element == UInt16 {
        var h: UInt32 = 2_166_136_261
        for unit in key { h = (h ^ UInt32(unit)) &* 16_777_619 }
        return Int(h)
    }

    @inline(__always)
    private func equals<C: Collection>(_ id: Int32, _ key: C) -> Bool where C.Element == UInt16 {
        let s = Int(starts[Int(id)]), e = Int(starts[Int(id) + 1])
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
        var slot = Vocabulary.hash(key) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            if equals(id, key) { return id }
            slot = (slot + 1) & mask
        }
    }

    public func find(_ key: String) -> Int32 { find(KeyFolder.shared.fold(key)) }

    /// `find` over raw memory: the tokenizer calls it once per token.
    public func find(_ key: UnsafeBufferPointer<UInt16>) -> Int32 {
        var h: UInt32 = 2_166_136_261
        for unit in key { h = (h ^ UInt32(unit)) &* 16_777_619 }
        return slots.withUnsafeBufferPointer { slots in
            starts.withUnsafeBufferPointer { starts in
                pool.withUnsafeBufferPointer { pool in
                    var slot = Int(h) & mask
                    while true {
                        let id = slots[slot]
                        if id < 0 { return -1 }
                        let s = Int(starts[Int(id)]), e = Int(starts[Int(id) + 1])
                        if e - s == key.count && memcmp(pool.baseAddress! + s, key.baseAddress!, key.count * 2) == 0 { return id }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The id of `key`, added when new.
    @discardableResult
    public mutating func intern<C: Collection>(_ key: C) -> Int32 where C.Element == UInt16 {
        if count * 2 >= slots.count { grow() }
        var slot = Vocabulary.hash(key) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if equals(id, key) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        pool.append(contentsOf: key)
        starts.append(Int32(pool.count))
        slots[slot] = id
        return id
    }

    public func key(_ id: Int32) -> String {
        String(decoding: pool[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])], as: UTF16.self)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for id in 0..<count {
            let key = pool[Int(starts[id])..<Int(starts[id + 1])]
            var slot = Vocabulary.hash(key) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
