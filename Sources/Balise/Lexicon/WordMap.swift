/// Values by vocabulary id, for the small word tables that recognizers read at many
/// tokens (month names, cue words): one array load per look-up instead of hashing the id.
/// Reads like a `Dictionary<Int32, Value>`, id -1 (a word no lexicon knows) included.
public struct WordMap<Value: Sendable>: Sendable {
    /// Per id, the index of its value in `values` (-1: none).
    private var slots: [Int32] = []
    private var values: [Value] = []
    private var unknownWord: Value?
    public private(set) var keys: [Int32] = []

    public init() {}

    public subscript(word: Int32) -> Value? {
        // Inlined: out of line, each look-up (several per date or money candidate) paid a
        // call into a generic specialisation for three loads and two compares.
        @inline(__always) get {
            if word < 0 { return word == -1 ? unknownWord : nil }
            guard Int(word) < slots.count else { return nil }
            let slot = slots[Int(word)]
            return slot < 0 ? nil : values[Int(slot)]
        }
        set {
            let had = self[word] != nil
            if word < 0 {
                guard word == -1 else { return }
                unknownWord = newValue
            } else if let newValue {
                if Int(word) >= slots.count { slots.append(contentsOf: repeatElement(-1, count: Int(word) + 1 - slots.count)) }
                if slots[Int(word)] >= 0 {
                    values[Int(slots[Int(word)])] = newValue
                } else {
                    slots[Int(word)] = Int32(values.count)
                    values.append(newValue)
                }
            } else if had {
                slots[Int(word)] = -1
            }
            if newValue == nil && had { keys.removeAll { $0 == word } }
            if newValue != nil && !had { keys.append(word) }
        }
    }

    public subscript(word: Int32, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[word] ?? defaultValue() }
        set { self[word] = newValue }
    }
}
