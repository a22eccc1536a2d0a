/// The one rule that turns overlapping candidates into entities that neither overlap
/// nor nest: candidates are taken in order of priority, then length (the outermost
/// wins), then position; one that overlaps an entity already taken is dropped.
public struct OverlapPolicy: Sendable {
    public init() {}

    public func select(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.priority != y.priority { return x.priority > y.priority }
            if x.tokens.count != y.tokens.count { return x.tokens.count > y.tokens.count }
            if x.tokens.lowerBound != y.tokens.lowerBound { return x.tokens.lowerBound < y.tokens.lowerBound }
            return a.offset < b.offset
        }
        var taken: [Candidate] = []
        // Taken ranges kept sorted by start for a binary-search overlap test.
        var occupied: [Range<Int>] = []
        for (_, candidate) in ordered where !candidate.tokens.isEmpty {
            let r = candidate.tokens
            var low = 0, high = occupied.count
            while low < high {
                let mid = (low + high) / 2
                if occupied[mid].lowerBound < r.lowerBound { low = mid + 1 } else { high = mid }
            }
            if low > 0 && occupied[low - 1].upperBound > r.lowerBound { continue }
            if low < occupied.count && occupied[low].lowerBound < r.upperBound { continue }
            occupied.insert(r, at: low)
            taken.append(candidate)
        }
        return taken.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
}
