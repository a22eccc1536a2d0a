/// A proposed entity over a token range. Candidates may overlap; the overlap policy
/// chooses among them.
public struct Candidate: Sendable, Equatable {
    public var type: EntityType
    public var tokens: Range<Int>
    public var value: EntityValue?
    /// The name of the rule that produced it, shown by `--explain`.
    public var rule: String
    /// Strength of the evidence: higher wins an overlap (see `OverlapPolicy`).
    public var priority: Int
}

extension Candidate {
    /// Delegates to the memberwise initializer (kept by declaring this one in an extension;
    /// its labels come in another order, `priority` last, so that the two never clash): a
    /// candidate built by an initializer of its own was built aside, then copied into the
    /// array it was appended to (retaining its strings) and destroyed; the memberwise one is
    /// built in place.
    public init(type: EntityType, tokens: Range<Int>, value: EntityValue? = nil, priority: Int, rule: String) {
        self.init(type: type, tokens: tokens, value: value, rule: rule, priority: priority)
    }
}

/// Evidence levels shared by all recognizers, so that their candidates compare.
public enum Priority {
    /// A pattern with a unit, a currency, a calendar word: MONEY and DATE rules.
    public static let pattern = 60
    /// A name found in a lexicon or introduced by a title, cue or descriptor.
    public static let lexicon = 50
    /// A name learnt earlier in the same document.
    public static let document = 40
    /// Shape alone (capitalised words, acronyms).
    public static let shape = 20
}

/// Finds candidates of one kind in an analysed text. Recognizers are immutable and
/// shared by every worker thread.
public protocol Recognizer: Sendable {
    var name: String { get }
    func propose(in text: AnalyzedText, into candidates: inout [Candidate])
}

/// Runs after the overlap policy over the whole document: may add, relabel or drop
/// entities (name propagation: `Emmanuel Macron` ... `Macron`).
public protocol DocumentPass: Sendable {
    var name: String { get }
    func refine(_ text: AnalyzedText, selected: inout [Candidate], proposed: [Candidate])
}
