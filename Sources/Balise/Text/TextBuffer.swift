/// The original text as UTF-16 code units, with the mapping from UTF-16 offsets to
/// Unicode scalar (code point) offsets that entities are reported in.
public struct TextBuffer: Sendable {
    public let units: [UInt16]
    /// UTF-16 offsets of the high surrogate of every surrogate pair, ascending.
    private let surrogatePairs: [Int32]

    public init(_ text: String) {
        var units = [UInt16]()
        units.reserveCapacity(text.utf8.count)
        var pairs = [Int32]()
        for unit in text.utf16 {
            if UTF16.isLeadSurrogate(unit) { pairs.append(Int32(units.count)) }
            units.append(unit)
        }
        self.units = units
        self.surrogatePairs = pairs
    }

    public var count: Int { units.count }

    /// The scalar offset of a UTF-16 offset that lies on a scalar boundary.
    public func scalarOffset(utf16 offset: Int) -> Int {
        if surrogatePairs.isEmpty { return offset }
        // Number of pairs that start strictly before `offset`.
        var low = 0, high = surrogatePairs.count
        while low < high {
            let mid = (low + high) / 2
            if Int(surrogatePairs[mid]) < offset { low = mid + 1 } else { high = mid }
        }
        return offset - low
    }

    /// The UTF-16 offset of a scalar offset.
    public func utf16Offset(scalar offset: Int) -> Int {
        var result = offset
        for pair in surrogatePairs {
            if Int(pair) < result { result += 1 } else { break }
        }
        return result
    }

    public func string(_ range: Range<Int>) -> String {
        String(decoding: units[range], as: UTF16.self)
    }
}
