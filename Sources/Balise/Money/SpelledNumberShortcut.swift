/// Answers that ICU's lenient French spell-out parse (`SpelledNumberParser.parse`) gives,
/// found without asking ICU where the answer is certain. A worker's first lenient parse
/// builds ICU's collator (about 46 M instructions) and every parse costs about 3 M more,
/// while the phrases asked are few (a handful per thousand documents: `deux`, `cinquante`,
/// `cinq mille` and words like `les` in `dans les semaines`). The answers are exactly ICU's:
/// - a phrase that ICU itself spells for a value is read back as that value (ICU's spell-out
///   rules are written to round-trip; the tests check it on every value kept here);
/// - a phrase that opens with a letter that no French number and no fallback symbol opens
///   with is read by no rule (see `cannotBeNumber`).
/// Anything else is left to ICU.
struct SpelledNumberShortcut {
    /// ICU's spellings of 0...100 and of the hundreds up to 1000 (`deux cents`, `mille`),
    /// and their values.
    private let canonical: [String: Int64]

    init(parser: SpelledNumberParser) {
        var canonical: [String: Int64] = [:]
        for value in Array(0...100) + Array(stride(from: 200, through: 1000, by: 100)) {
            let spelling = parser.spell(Int64(value))
            // `spell` falls back to digits when ICU fails: only words are ICU's spellings.
            guard let first = spelling.utf8.first, SpelledNumberShortcut.isASCIILetter(first) else { continue }
            canonical[spelling] = Int64(value)
        }
        self.canonical = canonical
    }

    /// ICU's value for `phrase` when it is ICU's own spelling of a value, else nil (ask ICU).
    /// Phrases of several words (`cinq mille`, `trois cent mille`) are read word by word from
    /// the spellings kept, then checked by spelling the value read: equal spellings prove it.
    func value(of phrase: String, parser: SpelledNumberParser) -> Int64? {
        if let value = canonical[phrase] { return value }
        guard phrase.utf8.contains(0x20) else { return nil }
        var total: Int64 = 0
        var group: Int64 = 0
        for word in phrase.split(separator: " ", omittingEmptySubsequences: false) {
            guard let value = canonical[String(word)] else { return nil }
            switch value {
            case 100: group = max(group, 1) * 100
            case 1000:
                total += max(group, 1) * 1000
                group = 0
            default: group += value
            }
        }
        let guess = total + group
        return parser.spell(guess) == phrase ? guess : nil
    }

    /// Whether ICU's lenient French spell-out parse surely reads none of `phrase`: it opens
    /// with an ASCII letter (either case: the parse compares letters at primary strength)
    /// that opens no rule text of ICU's French spell-out rules and no symbol that the decimal
    /// fallback of a lenient parse reads. The letters kept out of this set are every rule
    /// text's first letter (`zéro`, `un`, `deux`, `dix`, `trois`, `quatre`, `cinq`, `cent`,
    /// `six`, `huit`, `neuf`, `onze`, `vingt`, `mille`, `moins`, `premier`), those of texts
    /// inside a number (`et-un`, `ième`, `billion`), and the first letters of the NaN
    /// symbols of every ICU locale (`NaN`, `MaL`, `son emas`, `epäluku`, `TF`), read in the
    /// default locale by the fallback: c, d, h, m, n, o, p, q, s, t, u, v, z, e, i, b.
    static func cannotBeNumber(_ phrase: String) -> Bool {
        guard let first = phrase.utf8.first, isASCIILetter(first) else { return false }
        return noNumberOpening & (1 << UInt32((first | 0x20) - 0x61)) != 0
    }

    /// a, f, g, j, k, l, r, w, x, y, as bits from `a` up.
    private static let noNumberOpening: UInt32 = "afgjklrwxy".utf8.reduce(0) { $0 | 1 << UInt32($1 - 0x61) }

    private static func isASCIILetter(_ unit: UInt8) -> Bool {
        let lower = unit | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }
}
