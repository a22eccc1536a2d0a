/// Entry numbers grouped by a hash, each group in the order its entries were added: the
/// two indexes of `DocumentNames`. Open addressing over the hashes, each slot the head and
/// tail of a chain through `next`. A Dictionary of arrays hashed every hash again,
/// allocated an array per name and was rebuilt for every document (3 % of annotate).
struct HashChains {
    private struct Slot {
        var hash: Int
        var head: Int32
        var tail: Int32
    }

    private var slots = [Slot](repeating: Slot(hash: 0, head: -1, tail: -1), count: 16)
    /// By entry number: the next entry with the same hash, -1 at a chain's end.
    private var next: [Int32] = []
    private var usedSlots = 0

    init() {}

    /// Room for about `expected` entries without growing: rehashing from 16 slots up and
    /// growing `next` cost most of each append.
    init(expected: Int) {
        slots = [Slot](repeating: Slot(hash: 0, head: -1, tail: -1), count: HashChains.slotCount(expected))
        next.reserveCapacity(expected)
    }

    /// The slots for about `expected` entries: at most half of them used.
    private static func slotCount(_ expected: Int) -> Int {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        return size
    }

    /// Empties the table for about `expected` entries, in the storage it has when that
    /// is not much larger than needed.
    mutating func removeAll(expected: Int) {
        let size = HashChains.slotCount(expected)
        if slots.count >= size && slots.count <= 4 * size {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: Slot(hash: 0, head: -1, tail: -1)) }
        } else {
            slots = [Slot](repeating: Slot(hash: 0, head: -1, tail: -1), count: size)
        }
        next.removeAll(keepingCapacity: true)
        next.reserveCapacity(expected)
        usedSlots = 0
    }

    /// Adds `entry` under `hash`. Entries are numbered 0, 1, 2... in the order added.
    mutating func append(_ entry: Int, hash: Int) {
        precondition(entry == next.count, "entries are added in order")
        if (usedSlots + 1) * 2 > slots.count { grow() }
        next.append(-1)
        let s = slot(of: hash)
        if slots[s].head < 0 {
            slots[s] = Slot(hash: hash, head: Int32(entry), tail: Int32(entry))
            usedSlots += 1
        } else {
            next[Int(slots[s].tail)] = Int32(entry)
            slots[s].tail = Int32(entry)
        }
    }

    /// Calls `body` with the entries under `hash`, in the order added, until it returns false.
    func forEach(_ hash: Int, _ body: (Int) -> Bool) {
        var e = slots[slot(of: hash)].head
        while e >= 0 {
            guard body(Int(e)) else { return }
            e = next[Int(e)]
        }
    }

    /// The first entry under `hash` that satisfies `test`.
    func first(_ hash: Int, where test: (Int) -> Bool) -> Int? {
        var found: Int?
        forEach(hash) { entry in
            if test(entry) { found = entry; return false }
            return true
        }
        return found
    }

    /// The slot that holds `hash`, or the empty slot where it goes.
    private func slot(of hash: Int) -> Int {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: hash)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while slots[s].head >= 0 && slots[s].hash != hash { s = (s + 1) & mask }
        return s
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(hash: 0, head: -1, tail: -1), count: old.count * 2)
        for slot in old where slot.head >= 0 { slots[self.slot(of: slot.hash)] = slot }
    }
}
