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

        init(priority: Int, length: Int, start: Int, index: Int) {
            self.priority = priority
            self.length = length
            self.start = start
            self.index = index
        }

        init(key: UInt64) {
            priority = 255 - Int(key >> 56)
            length = 4095 - Int(key >> 44 & 0xFFF)
            start = Int(key >> 20 & 0xFF_FFFF)
            index = Int(key & 0xF_FFFF)
        }

        /// `ranks` in order.
        static func sorted(_ ranks: [Rank]) -> [Rank] {
            var keys: [UInt64] = []
            keys.reserveCapacity(ranks.count)
            for rank in ranks {
                guard let key = rank.key else { return ranks.sorted { $0.precedes($1) } }
                keys.append(key)
            }
            keys.sort()
            return keys.map(Rank.init(key:))
        }
    }

    public func select(_ candidates: [Candidate]) -> [Candidate] {
        var ranks = [Rank]()
        ranks.reserveCapacity(candidates.count)
        var tokenCount = 0
        // By index: enumerating the candidates copied each one, retaining its rule and value.
        for index in candidates.indices where !candidates[index].tokens.isEmpty {
            let tokens = candidates[index].tokens
            ranks.append(Rank(priority: candidates[index].priority, length: tokens.count, start: tokens.lowerBound, index: index))
            tokenCount = max(tokenCount, tokens.upperBound)
        }
        ranks = Rank.sorted(ranks)
        // One flag per token taken: a candidate overlaps the entities already taken exactly
        // when one of its tokens is flagged. Spans are a few tokens long, and this replaced
        // a sorted array of taken ranges that moved its tail on every insertion.
        var taken = [Bool](repeating: false, count: tokenCount)
        var kept: [(start: Int, index: Int)] = []
        kept.reserveCapacity(ranks.count)
        taken.withUnsafeMutableBufferPointer { taken in
            for rank in ranks {
                let range = rank.start..<(rank.start + rank.length)
                if range.contains(where: { taken[$0] }) { continue }
                for k in range { taken[k] = true }
                kept.append((rank.start, rank.index))
            }
        }
        // Taken spans never overlap, so their starts differ: sorted by start, as the text reads.
        kept.sort { $0.start < $1.start }
        return kept.map { candidates[$0.index] }
    }
}
