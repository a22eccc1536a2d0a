/// What a word says about the tense of its clause (`tense-cues.txt`).
struct TenseCue: Sendable {
    enum Kind: String, Sendable {
        case plain
        /// An imperfect, which after `si` states a hypothesis, not the past.
        case imperfect
        /// Opens a hypothesis (`si`, `s'il`): marks no tense itself.
        case hypothesis
        /// Opens reported speech (`que`): marks no tense itself.
        case reported
        /// A conditional, which after `que` reports what is to come (`a indiqué que le verdict
        /// serait rendu vendredi`) and otherwise marks no tense.
        case conditional
        /// A preposition that sets the tense only right before a date, `le` between them
        /// allowed (`pour le 12 février`).
        case beforeDate = "before-date"
    }

    /// `unknown` for words that look like verbs but mark no tense.
    let tense: Tense
    let kind: Kind
    /// The spelling the word must have, lowercased, when folding would confuse it with
    /// another (`manifeste` the present, `manifesté` the participle).
    var spelling: [UInt16]? = nil
}

/// The date words of the lexicons, keyed by vocabulary id so that rules compare integers.
/// Built once by `DateRecognizer.make`. A class: the matcher and the tense detector of
/// every document hold it, and copying its sixteen tables there cost a retain and a release each.
final class DateLexicon: Sendable {
    struct Roles: OptionSet, Sendable, Hashable {
        let rawValue: UInt32
        static let yearStrong = Roles(rawValue: 1 << 0)
        static let yearWeak = Roles(rawValue: 1 << 1)
        static let notYearAfter = Roles(rawValue: 1 << 2)
        static let set = Roles(rawValue: 1 << 3)
        static let ambiguousMonth = Roles(rawValue: 1 << 4)
        static let rangeTo = Roles(rawValue: 1 << 5)
        static let rangeAnd = Roles(rawValue: 1 << 6)
        static let rangeOpen = Roles(rawValue: 1 << 7)
        static let decade = Roles(rawValue: 1 << 8)
        static let century = Roles(rawValue: 1 << 9)
        static let of = Roles(rawValue: 1 << 10)
        static let determiner = Roles(rawValue: 1 << 11)
        static let dayPart = Roles(rawValue: 1 << 12)
        static let duration = Roles(rawValue: 1 << 13)
        static let vagueCount = Roles(rawValue: 1 << 14)
        static let dayNumberOpen = Roles(rawValue: 1 << 15)
        static let nowadaysAfter = Roles(rawValue: 1 << 16)

        static let names: [String: Roles] = [
            "year-strong": .yearStrong, "year-weak": .yearWeak, "not-year-after": .notYearAfter,
            "set": .set, "ambiguous-month": .ambiguousMonth, "range-to": .rangeTo, "range-and": .rangeAnd,
            "range-open": .rangeOpen, "decade": .decade, "century": .century, "of": .of,
            "determiner": .determiner, "duration": .duration, "vague-count": .vagueCount,
            "day-number-open": .dayNumberOpen, "nowadays-after": .nowadaysAfter,
        ]
    }

    enum PeriodKind: Sendable { case quarter, half }

    let roles: [Int32: Roles]
    let months: WordMap<Int>
    /// Abbreviations whose full stop the tokenizer did not join, by folded key (`janv.`).
    let monthKeys: [String: Int]
    /// The keys of `monthKeys` as UTF-16, for tests on a token's key in place; empty when
    /// a key holds a hyphen (then `DateMatcher.monthPair` cannot test a prefix alone).
    let monthKeyUnits: [[UInt16]]
    /// The length and first unit of each of `monthKeyUnits`: a word whose part before its
    /// hyphen has no such pair names no month there, which most hyphenated words show
    /// without comparing their part with each key.
    let monthKeyShapes: KeyShapeSet
    let weekdays: WordMap<Int>
    let seasons: WordMap<Season>
    let dayOffsets: WordMap<Int>
    let units: WordMap<DateUnit>
    let deixis: WordMap<Deixis>
    /// Position words; a nil value is `courant` (inside the period, no modifier).
    let mods: WordMap<DateValue.Mod?>
    let ordinals: WordMap<Int>
    let periods: WordMap<PeriodKind>
    let tenseWords: WordMap<TenseCue>
    /// Cues of two words (`a lieu`, `s'il`), keyed by the first.
    let tensePairs: WordMap<[(next: Int32, cue: TenseCue)]>
    /// Folded suffixes and their cue, longest first.
    let tenseSuffixes: [(suffix: [UInt16], cue: TenseCue)]
    /// The words of `tenseWords` and `tensePairs`, and whether the unknown word (-1) is one:
    /// `TenseDetector.cue` looks a word up in neither table unless it is here.
    let tenseCueWords: WordBitSet
    let unknownWordIsTenseCue: Bool
    /// The last unit of each of `tenseSuffixes`: a key that ends otherwise has none of them
    /// (nil, no test, if a suffix were empty).
    let tenseSuffixLastUnits: [UInt16]?
    /// Words that are the start of some date rule: the recognizer skips every other word.
    let starters: WordBitSet
    /// Starters that are articles and nothing else a rule reads at its start (`la`, `les`):
    /// every rule that starts at one first needs another starter after it.
    let articleStarters: WordBitSet
    let wordA: Int32
    let wordIl: Int32
    let wordY: Int32
    let wordDans: Int32
    let wordMois: Int32
    let wordD: Int32
    let wordIci: Int32
    let wordDepuis: Int32
    let wordEntre: Int32
    let wordLes: Int32
    let wordLe: Int32
    let wordJusqu: Int32

    init(_ loader: LexiconLoader) throws {
        // Built in locals, then stored: a class reads no property before all are set.
        var roles: [Int32: Roles] = [:]
        var months = WordMap<Int>()
        var monthKeys: [String: Int] = [:]
        var monthKeyUnits: [[UInt16]] = []
        var weekdays = WordMap<Int>()
        var seasons = WordMap<Season>()
        var dayOffsets = WordMap<Int>()
        var units = WordMap<DateUnit>()
        var deixis = WordMap<Deixis>()
        var mods = WordMap<DateValue.Mod?>()
        var ordinals = WordMap<Int>()
        var periods = WordMap<PeriodKind>()
        var tenseWords = WordMap<TenseCue>()
        var tensePairs = WordMap<[(next: Int32, cue: TenseCue)]>()
        var tenseSuffixes: [(suffix: [UInt16], cue: TenseCue)] = []
        var starters = WordBitSet()
        func number(_ entry: LexiconEntry, _ field: Int = 0) throws -> Int {
            guard let text = entry.field(field), let value = Int(text) else {
                throw LexiconError(description: "date lexicon: bad number in \(entry.text)")
            }
            return value
        }
        for entry in try loader.entries("months") {
            let month = try number(entry)
            let id = loader.word(entry.text)
            if id >= 0 { months[id] = month }
            monthKeys[KeyFolder.shared.foldedString(entry.text)] = month
        }
        monthKeyUnits = monthKeys.keys.contains(where: { $0.utf16.contains(0x2D) }) ? [] : monthKeys.keys.map { Array($0.utf16) }
        for entry in try loader.entries("weekdays") { weekdays[loader.word(entry.text)] = try number(entry) }
        for entry in try loader.entries("seasons") {
            guard let code = entry.field(0), let season = Season(rawValue: code) else {
                throw LexiconError(description: "seasons: bad code for \(entry.text)")
            }
            seasons[loader.word(entry.text)] = season
        }
        for entry in try loader.entries("day-parts") { roles[loader.word(entry.text), default: []].insert(.dayPart) }
        for entry in try loader.entries("relative-dates") {
            let id = loader.word(entry.text)
            let value = entry.field(1) ?? ""
            switch entry.field(0) {
            case "day": dayOffsets[id] = try number(entry, 1)
            case "unit": units[id] = DateUnit(rawValue: value)
            case "deixis": deixis[id] = Deixis(rawValue: value)
            case "mod": mods[id] = DateValue.Mod(rawValue: value)
            default: throw LexiconError(description: "relative-dates: unknown kind for \(entry.text)")
            }
        }
        for entry in try loader.entries("date-cues") {
            let id = loader.word(entry.text)
            let role = entry.field(0) ?? ""
            if role.hasPrefix("ordinal-"), let n = Int(role.dropFirst(8)) {
                ordinals[id] = n
            } else if role == "period-Q" {
                periods[id] = .quarter
            } else if role == "period-H" {
                periods[id] = .half
            } else if let r = Roles.names[role] {
                roles[id, default: []].insert(r)
            } else {
                throw LexiconError(description: "date-cues: unknown role \(role) for \(entry.text)")
            }
        }
        for entry in try loader.entries("tense-cues") {
            let role = entry.field(0) ?? ""
            let marker = role == "hypothesis" || role == "reported"
            guard let tense = Tense(rawValue: role) ?? (role == "none" || marker ? .unknown : nil),
                  let kind = TenseCue.Kind(rawValue: marker ? role : entry.field(1) ?? "plain") else {
                throw LexiconError(description: "tense-cues: unknown tense or kind for \(entry.text)")
            }
            var cue = TenseCue(tense: tense, kind: kind)
            // A present differs from its participle by an accent only: `organise`, `organisé`.
            if tense == .present { cue.spelling = Array(entry.text.lowercased().utf16) }
            let words = entry.text.split(separator: " ").map(String.init)
            if entry.text.hasPrefix("-") {
                tenseSuffixes.append((KeyFolder.shared.fold(String(entry.text.dropFirst())), cue))
            } else if words.count == 2 {
                tensePairs[loader.word(words[0]), default: []].append((loader.word(words[1]), cue))
            } else {
                tenseWords[loader.word(entry.text)] = cue
            }
        }
        tenseSuffixes.sort { $0.suffix.count > $1.suffix.count }
        let wordA = loader.word("a")
        let wordIl = loader.word("il")
        let wordY = loader.word("y")
        let wordDans = loader.word("dans")
        let wordMois = loader.word("mois")
        let wordD = loader.word("d'")
        let wordIci = loader.word("ici")
        let wordDepuis = loader.word("depuis")
        let wordEntre = loader.word("entre")
        let wordLes = loader.word("les")
        let wordLe = loader.word("le")
        let wordJusqu = loader.word("jusqu'")
        starters.formUnion(months.keys)
        starters.formUnion(weekdays.keys)
        starters.formUnion(seasons.keys)
        starters.formUnion(dayOffsets.keys)
        starters.formUnion(deixis.keys)
        starters.formUnion(mods.keys)
        starters.formUnion(ordinals.keys)
        // `siècle dernier`, `année 2024`, `week-end prochain` after a contracted article.
        starters.formUnion(units.keys)
        for (id, r) in roles where r.contains(.determiner) || r.contains(.decade) { starters.insert(id) }
        starters.insert(wordIl)
        starters.insert(wordDans)
        starters.insert(wordMois)
        // `DateMatcher.core` tries at an article only the rules that need a starter after it,
        // unless the article is also a word of another rule's start.
        var articleStarters = WordBitSet()
        let otherStarts = [months.keys, weekdays.keys, seasons.keys, dayOffsets.keys, deixis.keys, mods.keys,
                           ordinals.keys, units.keys].joined()
        let others = Set(otherStarts).union([wordIl, wordDans, wordMois])
        for (id, r) in roles where r.contains(.determiner) && !others.contains(id) { articleStarters.insert(id) }
        var starterIds = Array(otherStarts) + [wordIl, wordDans, wordMois]
        for (id, r) in roles where r.contains(.determiner) || r.contains(.decade) { starterIds.append(id) }
        self.startKindTable = DateLexicon.startKindTable(starters: starterIds) { w in
            var kinds: StartKinds = []
            if months[w] != nil { kinds.insert(.month) }
            if weekdays[w] != nil { kinds.insert(.weekday) }
            if seasons[w] != nil { kinds.insert(.season) }
            if dayOffsets[w] != nil { kinds.insert(.dayOffset) }
            if deixis[w] == .this { kinds.insert(.demonstrative) }
            if mods[w] != nil { kinds.insert(.mod) }
            if ordinals[w] != nil { kinds.insert(.ordinal) }
            let r = roles[w] ?? []
            if r.contains(.determiner) { kinds.insert(.determiner) }
            if r.contains(.decade) { kinds.insert(.decade) }
            if let unit = units[w] { kinds.insert(unit == .year ? [.unit, .yearUnit] : .unit) }
            if w == wordIl { kinds.insert(.il) }
            if w == wordDans { kinds.insert(.dans) }
            if w == wordMois { kinds.insert(.mois) }
            return kinds
        }
        var roleTable = [Roles](repeating: [], count: Int(roles.keys.max() ?? -1) + 1)
        for (id, r) in roles where id >= 0 { roleTable[Int(id)] = r }
        self.roleTable = roleTable
        self.roles = roles
        self.months = months
        self.monthKeys = monthKeys
        self.monthKeyUnits = monthKeyUnits
        self.monthKeyShapes = KeyShapeSet(monthKeyUnits)
        self.weekdays = weekdays
        self.seasons = seasons
        self.dayOffsets = dayOffsets
        self.units = units
        self.deixis = deixis
        self.mods = mods
        self.ordinals = ordinals
        self.periods = periods
        self.tenseWords = tenseWords
        self.tensePairs = tensePairs
        self.tenseSuffixes = tenseSuffixes
        self.tenseCueWords = WordBitSet(tenseWords.keys + tensePairs.keys)
        self.unknownWordIsTenseCue = tenseWords[-1] != nil || tensePairs[-1] != nil
        self.tenseSuffixLastUnits = tenseSuffixes.contains { $0.suffix.isEmpty } ? nil : Array(Set(tenseSuffixes.compactMap { $0.suffix.last }))
        self.starters = starters
        self.articleStarters = articleStarters
        self.wordA = wordA
        self.wordIl = wordIl
        self.wordY = wordY
        self.wordDans = wordDans
        self.wordMois = wordMois
        self.wordD = wordD
        self.wordIci = wordIci
        self.wordDepuis = wordDepuis
        self.wordEntre = wordEntre
        self.wordLes = wordLes
        self.wordLe = wordLe
        self.wordJusqu = wordJusqu
    }

    /// `roles` by word id, read at nearly every token near a date: an array load, no hashing.
    private let roleTable: [Roles]

    /// Which rules `DateMatcher.core` tries at a starter word, by what makes it try them.
    struct StartKinds: OptionSet, Sendable {
        let rawValue: UInt16
        static let month = StartKinds(rawValue: 1 << 0)
        static let weekday = StartKinds(rawValue: 1 << 1)
        static let season = StartKinds(rawValue: 1 << 2)
        static let dayOffset = StartKinds(rawValue: 1 << 3)
        static let demonstrative = StartKinds(rawValue: 1 << 4)
        static let mod = StartKinds(rawValue: 1 << 5)
        static let ordinal = StartKinds(rawValue: 1 << 6)
        static let determiner = StartKinds(rawValue: 1 << 7)
        static let decade = StartKinds(rawValue: 1 << 8)
        static let unit = StartKinds(rawValue: 1 << 9)
        static let yearUnit = StartKinds(rawValue: 1 << 10)
        static let il = StartKinds(rawValue: 1 << 11)
        static let dans = StartKinds(rawValue: 1 << 12)
        static let mois = StartKinds(rawValue: 1 << 13)
        /// Kinds whose rules all first need a given word next to the starter (see
        /// `DateMatcher.starterMayOpenDate`).
        static let readingNeighbours: StartKinds = [.season, .unit, .yearUnit, .il, .dans, .mois, .ordinal, .demonstrative]
    }

    /// `StartKinds` by word id (empty past the end: no starter).
    private let startKindTable: [StartKinds]

    func startKinds(_ word: Int32) -> StartKinds {
        word >= 0 && Int(word) < startKindTable.count ? startKindTable[Int(word)] : []
    }

    /// The kinds of each starter, as `DateMatcher.core` tests them at a word.
    private static func startKindTable(starters: [Int32], kinds: (Int32) -> StartKinds) -> [StartKinds] {
        var table = [StartKinds](repeating: [], count: Int(starters.max() ?? -1) + 1)
        for id in starters where id >= 0 { table[Int(id)] = kinds(id) }
        return table
    }

    func roles(_ word: Int32) -> Roles { word >= 0 && Int(word) < roleTable.count ? roleTable[Int(word)] : [] }
}

/// A set of (length, first unit) pairs of keys, as bits: `mayContain` is false for a key
/// whose pair no key of the set has. Keys longer than `maxLength` or opening with a unit
/// past ASCII share one answer, true (the test must only be wide).
struct KeyShapeSet: Sendable {
    static let maxLength = 15
    private var bits = [UInt64](repeating: 0, count: (maxLength + 1) * 128 / 64)
    private var anyOther = false

    init(_ keys: [[UInt16]]) {
        for key in keys {
            guard let index = KeyShapeSet.index(length: key.count, first: key.first ?? 0) else {
                anyOther = true
                continue
            }
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
    }

    private static func index(length: Int, first: UInt16) -> Int? {
        guard length <= maxLength, first < 128 else { return nil }
        return length * 128 + Int(first)
    }

    func mayContain(length: Int, first: UInt16) -> Bool {
        guard let index = KeyShapeSet.index(length: length, first: first) else { return anyOther }
        return bits[index >> 6] & (1 << UInt64(index & 63)) != 0
    }
}
