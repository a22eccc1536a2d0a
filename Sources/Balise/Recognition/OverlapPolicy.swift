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
        for (index, candidate) in candidates.enumerated() where !candidate.tokens.isEmpty {
            ranks.append(Rank(priority: candidate.priority, length: candidate.tokens.count,
                              start: candidate.tokens.lowerBound, index: index))
        }
        ranks.sort { $0.precedes($1) }
        // Taken ranges kept sorted by start for a binary-search overlap test, with the
        // index of their candidate.
        var occupied: [(range: Range<Int>, index: Int)] = []
        for rank in ranks {
            let r = rank.start..<(rank.start + rank.length)
            var low = 0, high = occupied.count
            while low < high {
                let mid = (low + high) / 2
                if occupied[mid].range.lowerBound < r.lowerBound { low = mid + 1 } else { high = mid }
            }
            if low > 0 && occupied[low - 1].range.upperBound > r.lowerBound { continue }
            if low < occupied.count && occupied[low].range.lowerBound < r.upperBound { continue }
            occupied.insert((r, rank.index), at: low)
        }
        return occupied.map { candidates[$0.index] }
    }
}
