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
        ranks.sort { $0.precedes($1) }
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
