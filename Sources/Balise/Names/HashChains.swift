/// Entry numbers grouped by a hash, each group in the order its entries were added: the
/// two indexes of `DocumentNames`. Open addressing over the hashes, each slot the head and
/// tail of a chain through `next`. A Dictionary of arrays hashed every hash again,
/// allocated an array per name and was rebuilt for every document (3 % of annotate).
struct HashChains {
    private struct Slot {
        var hash: Int
        var head: Int32
        var tail: Int32

        static let empty = Slot(hash: 0, head: -1, tail: -1)
    }

    /// The slots and the chains in raw memory, shared by copies until one of them writes:
    /// held in arrays, every write paid a uniqueness and a bounds check (an append cost
    /// about 90 instructions). Its buffers never change size: a larger table is a new storage.
    private final class Storage {
        let slots: UnsafeMutableBufferPointer<Slot>
        /// By entry number: the next entry with the same hash, -1 at a chain's end.
        let next: UnsafeMutableBufferPointer<Int32>

        init(slotCount: Int, nextCapacity: Int) {
            slots = .allocate(capacity: slotCount)
            slots.initialize(repeating: .empty)
            next = .allocate(capacity: max(nextCapacity, 1))
        }

        deinit {
            slots.deallocate()
            next.deallocate()
        }

        /// The slot that holds `hash`, or the empty slot where it goes.
        @inline(__always)
        func slot(of hash: Int) -> Int {
            let mask = slots.count - 1
            var s = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: hash)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while slots[s].head >= 0 && slots[s].hash != hash { s = (s + 1) & mask }
            return s
        }

        /// A storage of `slotCount` slots and room for `nextCapacity` entries holding the
        /// first `count` entries of this one.
        func resized(slotCount: Int, nextCapacity: Int, count: Int) -> Storage {
            let copy = Storage(slotCount: slotCount, nextCapacity: nextCapacity)
            for slot in slots where slot.head >= 0 { copy.slots[copy.slot(of: slot.hash)] = slot }
            for k in 0..<count { copy.next[k] = next[k] }
            return copy
        }
    }

    private var storage: Storage
    /// How many entries were added.
    private var count = 0
    private var usedSlots = 0

    init() {
        storage = Storage(slotCount: 16, nextCapacity: 0)
    }

    /// Room for about `expected` entries without growing: rehashing from 16 slots up and
    /// growing `next` cost most of each append.
    init(expected: Int) {
        storage = Storage(slotCount: HashChains.slotCount(expected), nextCapacity: expected)
    }

    /// The slots for about `expected` entries: at most half of them used.
    private static func slotCount(_ expected: Int) -> Int {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        return size
    }

    /// Empties the table for about `expected` entries, in the storage it has when that
    /// is not much larger than needed (and no copy shares it).
    mutating func removeAll(expected: Int) {
        let size = HashChains.slotCount(expected)
        if isKnownUniquelyReferenced(&storage) && storage.slots.count >= size && storage.slots.count <= 4 * size
            && storage.next.count >= expected {
            storage.slots.update(repeating: .empty)
        } else {
            storage = Storage(slotCount: size, nextCapacity: expected)
        }
        count = 0
        usedSlots = 0
    }

    /// Adds `entry` under `hash`. Entries are numbered 0, 1, 2... in the order added.
    /// Inlined at its two callers, the rare cases left to `makeRoom`: a call paid for
    /// saving and restoring registers on each of the 70 000 appends of a run.
    @inline(__always)
    mutating func append(_ entry: Int, hash: Int) {
        precondition(entry == count, "entries are added in order")
        // One test for the three rare cases: a storage shared with a copy, half the slots used,
        // the chains full.
        if !isKnownUniquelyReferenced(&storage) || (usedSlots + 1) * 2 > storage.slots.count || count == storage.next.count {
            makeRoom()
        }
        let table = storage
        table.next[count] = -1
        count += 1
        let s = table.slot(of: hash)
        if table.slots[s].head < 0 {
            table.slots[s] = Slot(hash: hash, head: Int32(entry), tail: Int32(entry))
            usedSlots += 1
        } else {
            table.next[Int(table.slots[s].tail)] = Int32(entry)
            table.slots[s].tail = Int32(entry)
        }
    }

    /// Calls `body` with the entries under `hash`, in the order added, until it returns false.
    func forEach(_ hash: Int, _ body: (Int) -> Bool) {
        let table = storage
        var e = table.slots[table.slot(of: hash)].head
        while e >= 0 {
            guard body(Int(e)) else { return }
            e = table.next[Int(e)]
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

    /// A storage of its own, with room for one more entry.
    @inline(never)
    private mutating func makeRoom() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.resized(slotCount: storage.slots.count, nextCapacity: storage.next.count, count: count)
        }
        if (usedSlots + 1) * 2 > storage.slots.count || count == storage.next.count {
            grow()
        }
    }

    /// Doubles what is full: the slots when half of them are used, the chains when full.
    private mutating func grow() {
        let slotCount = (usedSlots + 1) * 2 > storage.slots.count ? storage.slots.count * 2 : storage.slots.count
        let nextCapacity = count == storage.next.count ? max(2 * storage.next.count, 16) : storage.next.count
        storage = storage.resized(slotCount: slotCount, nextCapacity: nextCapacity, count: count)
    }
}
