/// The one rule that turns overlapping candidates into entities that neither overlap
/// nor nest: candidates are taken in order of priority, then length (the outermost
/// wins), then position; one that overlaps an entity already taken is dropped.
public struct OverlapPolicy: Sendable {
    public init() {}

    /// What the order needs of a candidate: sorting these instead of the candidates
    /// themselves moves no value or rule name (a candidate is over a hundred bytes).
    private struct Rank {
        var priority: Int
        var length: Int
        var start: Int
        var index: Int

        /// Priority, then length, then position, then the order proposed.
        func precedes(_ other: Rank) -> Bool {
            if priority != other.priority { return priority > other.priority }
            if length != other.length { return length > other.length }
            if start != other.start { return start < other.start }
            return index < other.index
        }

        /// The same order as one integer (priority 8 bits, length 12, start 24, index 20),
        /// when the fields fit: sorting integers cost a fraction of sorting with `precedes`.
        var key: UInt64? {
            guard (0...255).contains(priority), (1...4095).contains(length), (0..<(1 << 24)).contains(start),
                  (0..<(1 << 20)).contains(index) else { return nil }
            return UInt64(255 - priority) << 56 | UInt64(4095 - length) << 44 | UInt64(start) << 20 | UInt64(index)
        }

        /// The rank a `key` was made from.
        init(key: UInt64) {
            self.init(priority: 255 - Int(key >> 56), length: 4095 - Int(key >> 44 & 0xFFF),
                      start: Int(key >> 20 & 0xFF_FFFF), index: Int(key & 0xF_FFFF))
        }

        init(priority: Int, length: Int, start: Int, index: Int) {
            self.priority = priority
            self.length = length
            self.start = start
            self.index = index
        }
    }

    public func select(_ candidates: [Candidate]) -> [Candidate] {
        let order = keptInTextOrder(candidates)
        // Each copy made where it goes: appending checked the array's room and uniqueness each time.
        return [Candidate](unsafeUninitializedCapacity: order.count) { kept, count in
            for (k, index) in order.enumerated() { (kept.baseAddress! + k).initialize(to: candidates[Int(index)]) }
            count = order.count
        }
    }

    /// `select`, for candidates that are not needed afterwards: the kept ones are moved out
    /// of `candidates` (left holding empty placeholders) instead of copied, which retained
    /// and later released every string they hold.
    public func select(moving candidates: inout [Candidate]) -> [Candidate] {
        let order = keptInTextOrder(candidates)
        return [Candidate](unsafeUninitializedCapacity: order.count) { kept, count in
            for (k, index) in order.enumerated() {
                var moved = OverlapPolicy.placeholder
                swap(&moved, &candidates[Int(index)])
                (kept.baseAddress! + k).initialize(to: consume moved)
            }
            count = order.count
        }
    }

    private static let placeholder = Candidate(type: .person, tokens: 0..<0, priority: 0, rule: "")

    /// The indices of the candidates kept, in text order.
    private func keptInTextOrder(_ candidates: [Candidate]) -> [Int32] {
        var tokenCount = 0
        // By index: enumerating the candidates copied each one, retaining its rule and value.
        for index in candidates.indices {
            tokenCount = max(tokenCount, candidates[index].tokens.upperBound)
        }
        // Per token: -1 while free, the candidate's index on the first token of a span taken,
        // -2 on its other tokens. A candidate overlaps the spans already taken exactly when
        // one of its tokens is not free. Spans are a few tokens long; reading the starts in
        // token order then gives the kept spans in text order (they never overlap), unsorted.
        // Both tables live only for this call: temporary (stack) storage spares two heap
        // allocations per call.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: tokenCount) { owner in
            owner.initialize(repeating: -1)
            // One bit per token, set on the first token of each span kept: the kept starts are
            // then read 64 tokens at a time instead of reading every token's owner.
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (tokenCount + 63) >> 6) { keptStarts in
                keptStarts.initialize(repeating: 0)
                var keptCount = 0
                func take(start: Int, length: Int, index: Int) {
                    let end = start + length
                    for k in start..<end where owner[k] != -1 { return }
                    owner[start] = Int32(index)
                    for k in (start + 1)..<end { owner[k] = -2 }
                    keptStarts[start >> 6] |= 1 << UInt64(start & 63)
                    keptCount += 1
                }
                // A candidate that shares no token with another one is kept whatever the
                // order (nothing can take its tokens first, and it blocks no one): only the
                // others are sorted. After the refining passes nearly all are alone.
                // Marking: each token holds the one candidate over it, or -3 when several are.
                for index in candidates.indices {
                    for k in candidates[index].tokens { owner[k] = owner[k] == -1 ? Int32(index) : -3 }
                }
                // The order of the contested ones as one integer each when every field fits
                // (always, in practice): sorting integers cost a fraction of sorting ranks.
                // Also in temporary storage, as long as the candidates at most.
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: candidates.count) { keyStorage in
                    var keyCount = 0
                    var ranks: [Rank] = []
                    var fits = true
                    for index in candidates.indices where !candidates[index].tokens.isEmpty {
                        let tokens = candidates[index].tokens
                        var alone = true
                        for k in tokens where owner[k] != Int32(index) {
                            alone = false
                            break
                        }
                        if alone {
                            owner[tokens.lowerBound] = Int32(index)
                            for k in (tokens.lowerBound + 1)..<tokens.upperBound { owner[k] = -2 }
                            keptStarts[tokens.lowerBound >> 6] |= 1 << UInt64(tokens.lowerBound & 63)
                            keptCount += 1
                            continue
                        }
                        // Contested: its tokens freed for the ordered pass (no candidate alone has any).
                        for k in tokens { owner[k] = -1 }
                        let rank = Rank(priority: candidates[index].priority, length: tokens.count, start: tokens.lowerBound, index: index)
                        if fits, let key = rank.key {
                            keyStorage[keyCount] = key
                            keyCount += 1
                        } else {
                            if fits {
                                ranks = keyStorage[0..<keyCount].map(Rank.init(key:))
                                fits = false
                            }
                            ranks.append(rank)
                        }
                    }
                    if fits {
                        var keys = UnsafeMutableBufferPointer(rebasing: keyStorage[0..<keyCount])
                        keys.sort()
                        for key in keys {
                            take(start: Int(key >> 20 & 0xFF_FFFF), length: 4095 - Int(key >> 44 & 0xFFF), index: Int(key & 0xF_FFFF))
                        }
                    } else {
                        ranks.sort { $0.precedes($1) }
                        for rank in ranks { take(start: rank.start, length: rank.length, index: rank.index) }
                    }
                }
                var order: [Int32] = []
                order.reserveCapacity(keptCount)
                for (word, bits) in keptStarts.enumerated() {
                    var rest = bits
                    while rest != 0 {
                        order.append(owner[word << 6 + rest.trailingZeroBitCount])
                        rest &= rest - 1
                    }
                }
                return order
            }
        }
    }
}
