/// The French data the tokenizer needs, read from `Lexicons/` (elisions, abbreviations).
public struct TokenizerRules: Sendable {
    public enum AbbreviationClass: String, Sendable {
        /// Always keeps its full stop and never ends a sentence (`M.`, `Mme.`, `Dr.`).
        case title
        /// Keeps its full stop; may end a sentence (`etc.`, `Inc.`).
        case always
        /// Keeps its full stop only before a number (`janv. 2025`, `sept. 2024`).
        case beforeNumber = "before-number"
    }

    /// Folded elided forms without their apostrophe (`l`, `d`, `qu`, `jusqu`).
    public var elisions: Set<String>
    /// Folded words that contain an apostrophe but are not elisions (`aujourd'hui`).
    public var unsplittable: Set<String>
    /// Folded abbreviations without their full stop.
    public var abbreviations: [String: AbbreviationClass]

    /// The same lists as interned folded keys, for lookups without building Strings.
    let elisionKeys: Vocabulary
    let unsplittableKeys: Vocabulary
    let abbreviationKeys: Vocabulary
    let abbreviationClasses: [AbbreviationClass]
    /// The length of the longest abbreviation key, in UTF-16 units. Folding never shortens
    /// a word (each unit folds to one unit or more), so a longer word is none: most words
    /// before a full stop end a sentence and need not be folded and looked up.
    let longestAbbreviation: Int

    public init(elisions: Set<String>, unsplittable: Set<String>, abbreviations: [String: AbbreviationClass]) {
        self.elisions = elisions
        self.unsplittable = unsplittable
        self.abbreviations = abbreviations
        var e = Vocabulary(capacity: 64), u = Vocabulary(capacity: 64), a = Vocabulary(capacity: 256)
        for key in elisions { e.intern(Array(key.utf16)) }
        for key in unsplittable { u.intern(Array(key.utf16)) }
        var classes = [AbbreviationClass]()
        for (key, cls) in abbreviations.sorted(by: { $0.key < $1.key }) {
            a.intern(Array(key.utf16))
            classes.append(cls)
        }
        elisionKeys = e
        unsplittableKeys = u
        abbreviationKeys = a
        abbreviationClasses = classes
        longestAbbreviation = abbreviations.keys.map { $0.utf16.count }.max() ?? 0
    }

    /// Loads `elisions.txt` and `abbreviations.txt` from a lexicon directory.
    public init(lexicons: LexiconDirectory) throws {
        var elisions = Set<String>(), unsplittable = Set<String>()
        for entry in try lexicons.entries("elisions") {
            let key = KeyFolder.shared.foldedString(entry.text)
            if entry.field(0) == "whole" {
                unsplittable.insert(key)
            } else {
                elisions.insert(key.hasSuffix("'") ? String(key.dropLast()) : key)
            }
        }
        var abbreviations = [String: AbbreviationClass]()
        for entry in try lexicons.entries("abbreviations") {
            var key = KeyFolder.shared.foldedString(entry.text)
            if key.hasSuffix(".") { key.removeLast() }
            abbreviations[key] = AbbreviationClass(rawValue: entry.field(0) ?? "always") ?? .always
        }
        self.init(elisions: elisions, unsplittable: unsplittable, abbreviations: abbreviations)
    }
}
