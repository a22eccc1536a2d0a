/// One token over the normalised view. Offsets are UTF-16 offsets of the view; use
/// `AnalyzedText` to turn them into original scalar offsets.
public struct Token: Sendable {
    public enum Kind: UInt8, Sendable {
        case word, number, ordinal, punctuation, symbol
    }

    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// Starts with an upper-case letter.
        public static let capitalized = Flags(rawValue: 1 << 0)
        /// At least two letters, none lower-case (`SNCF`, `ONU`).
        public static let allCaps = Flags(rawValue: 1 << 1)
        /// An upper-case letter after a lower-case one (`OpenAI`, `TotalEnergies`).
        public static let internalCaps = Flags(rawValue: 1 << 2)
        public static let hasDigit = Flags(rawValue: 1 << 3)
        /// Parts joined by hyphens (`Jean-Luc`, `vingt-deux`).
        public static let hyphenated = Flags(rawValue: 1 << 4)
        /// Ends with its abbreviation full stop (`M.`, `Inc.`, `J.-L.`).
        public static let abbreviation = Flags(rawValue: 1 << 5)
        /// An elided article or pronoun with its apostrophe (`l'`, `d'`, `qu'`).
        public static let elision = Flags(rawValue: 1 << 6)
        /// White space separates it from the previous token.
        public static let spaceBefore = Flags(rawValue: 1 << 7)
        /// First token of a line.
        public static let lineStart = Flags(rawValue: 1 << 8)
        /// First token of a sentence.
        public static let sentenceStart = Flags(rawValue: 1 << 9)
        /// Digit groups joined by a space (`12 000`).
        public static let groupedDigits = Flags(rawValue: 1 << 10)
        /// An initial (`J.`) or initials (`J.-L.`).
        public static let initial = Flags(rawValue: 1 << 11)
        /// First token after a blank line.
        public static let paragraphStart = Flags(rawValue: 1 << 12)
    }

    public var start: Int32
    public var end: Int32
    public var kind: Kind
    public var flags: Flags
    /// Range of the folded key in `AnalyzedText.keys`.
    public var keyStart: Int32
    public var keyEnd: Int32
    /// Vocabulary id of the key, or -1 when no lexicon knows it.
    public var word: Int32

    public var length: Int { Int(end - start) }
    public func has(_ flag: Flags) -> Bool { flags.contains(flag) }
    public var isWord: Bool { kind == .word }
}
