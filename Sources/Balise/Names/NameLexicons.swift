/// Entry numbers of one list, as bits (those of `WordBitSet`, by entry number): the rules
/// ask whether a matched entry is of a kind (a common surname, a strong preposition) at
/// nearly every name, and a `Set<Int32>` hashed the number each time.
typealias EntrySet = WordBitSet

/// One lexicon file registered in the gazetteer, with what the name rules need to
/// know about each entry. A class: the rules pass lists around for every token.
final class NameList: Sendable {
    let category: LexiconCategory
    let entries: [LexiconEntry]
    /// Per entry, how many of its words start with a capital: `le monde` must not match
    /// `Le Monde`, while `Union européenne` needs one capital only.
    let capitals: [UInt8]
    /// Entries written in capitals only (`SES`, `CDM`): a one-word match must be in capitals
    /// too, so that `Ses obsèques` is no company.
    let acronyms: EntrySet
    /// The vocabulary ids of the entries' last words, for the lists that `matchEnding` reads
    /// (nil for the others): an entry ends only on one of these, so most words need no look-up.
    let lastWords: WordBitSet?

    /// `endings`: also gather `lastWords`, from the entries' keys as the gazetteer holds them.
    init(_ loader: LexiconLoader, _ name: String, endings: Bool = false) throws {
        let (category, entries) = try loader.category(name)
        lastWords = endings ? NameList.lastWords(of: entries, loader) : nil
        let texts = entries.map(\.text)
        var capitals = texts.map(NameList.capitalCount)
        var acronyms = EntrySet()
        if capitals.contains(where: { $0 > 0 }) {
            // Entries that fold to the same key (`Van`, `van`; `INSEE`, `Insee`) need the fewest
            // capitals of them, since the gazetteer reports only one of them. The keys are
            // grouped by interning, not in String-keyed dictionaries: String hashing and
            // comparison of non-ASCII keys cost most of this list's loading.
            var keys = Vocabulary(capacity: texts.count)
            let groups = texts.map { Int(keys.intern(KeyFolder.shared.fold($0))) }
            var fewest = [UInt8](repeating: .max, count: keys.count)
            var allAcronyms = [Bool](repeating: true, count: keys.count)
            for (index, group) in groups.enumerated() {
                fewest[group] = min(fewest[group], capitals[index])
                if !NameList.isAcronym(texts[index]) { allAcronyms[group] = false }
            }
            capitals = groups.map { fewest[$0] }
            for (index, group) in groups.enumerated() where allAcronyms[group] { acronyms.insert(Int32(index)) }
        }
        self.category = category
        self.entries = entries
        self.capitals = capitals
        self.acronyms = acronyms
    }

    init(category: LexiconCategory, entries: [LexiconEntry], capitals: [UInt8], acronyms: EntrySet = EntrySet()) {
        lastWords = nil
        self.category = category
        self.entries = entries
        self.capitals = capitals
        self.acronyms = acronyms
    }

    /// The ids of the last keys of the entries, split as the gazetteer split them when the
    /// category was registered; nil (no filter) if one of them has no id.
    private static func lastWords(of entries: [LexiconEntry], _ loader: LexiconLoader) -> WordBitSet? {
        var words = WordBitSet()
        for entry in entries {
            var text = entry.text
            // Words of plain letters between single spaces are tokens of their own, folded
            // alone (see `PlainWord`): the last one is the last key, found without the tokenizer.
            let plain: Int32? = text.withUTF8 { utf8 in
                guard let space = utf8.lastIndex(of: 0x20).map({ $0 + 1 }) ?? (utf8.isEmpty ? nil : 0),
                      utf8.split(separator: 0x20, omittingEmptySubsequences: false).allSatisfy({ word in
                          !word.isEmpty && PlainWord.isPlain(UnsafeBufferPointer(rebasing: word))
                      }) else { return nil }
                let last = UnsafeBufferPointer(rebasing: utf8[space...])
                return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 2 * last.count) { out in
                    let count = KeyFolder.shared.foldUTF8(last, to: out.baseAddress!)
                    return loader.vocabulary.find(UnsafeBufferPointer(rebasing: out[..<count]))
                }
            }
            let id: Int32
            if let plain {
                id = plain
            } else {
                guard let last = loader.phraseKeys(entry.text).last else { continue }
                id = loader.vocabulary.find(last)
            }
            guard id >= 0 else { return nil }
            words.insert(id)
        }
        return words
    }

    /// One word of two letters or more, none lowercase.
    static func isAcronym(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars {
            if scalar == " " { return false }
            if ScalarClass.has(scalar, .lowercase) { return false }
            if ScalarClass.has(scalar, .alphabetic) { letters += 1 }
        }
        return letters >= 2
    }

    /// Words that start with a capital; a word with digits (`D2` of `Pro D2`) is read as a
    /// number by the tokenizer, which gives it no capital, so it does not count.
    static func capitalCount(_ text: String) -> UInt8 {
        // One pass over the scalars: splitting into Characters (grapheme breaking) cost
        // more than the rest of the list's loading.
        var count: UInt8 = 0
        var wordStart = true, capitalised = false, numeric = false, hyphenated = false
        for scalar in text.unicodeScalars {
            if scalar == "-" { hyphenated = true }
            // Words as the tokenizer reads them: an elision inside a hyphenated word stays in
            // it (`Côtes-d'Armor`, `Val-d'Oise` are one token with one capital).
            if scalar == " " || ((scalar == "'" || scalar == "\u{2019}") && !hyphenated) {
                if capitalised && !numeric { count &+= 1 }
                wordStart = true
                capitalised = false
                numeric = false
                hyphenated = false
                continue
            }
            if wordStart {
                capitalised = ScalarClass.has(scalar, .uppercase)
                wordStart = false
            }
            if ScalarClass.has(scalar, .numeric) { numeric = true }
        }
        if capitalised && !numeric { count &+= 1 }
        return count
    }

    /// Entries whose field `index` equals `value`.
    func entryIndices(field index: Int, equal value: String) -> EntrySet {
        var result = EntrySet()
        for (i, entry) in entries.enumerated() where entry.field(index) == value { result.insert(Int32(i)) }
        return result
    }

    /// Entries whose field `index` is one of `values`.
    func entryIndices(field index: Int, equalToOneOf values: [String]) -> EntrySet {
        var result = EntrySet()
        for (i, entry) in entries.enumerated() where entry.field(index).map(values.contains) == true { result.insert(Int32(i)) }
        return result
    }

    /// Entries whose comma-separated field `index` lists `value` (`after,before`).
    func entryIndices(field index: Int, listing value: String) -> EntrySet {
        var result = EntrySet()
        for (i, entry) in entries.enumerated() where entry.field(index)?.split(separator: ",").contains(Substring(value)) == true {
            result.insert(Int32(i))
        }
        return result
    }
}

/// A set of single words compared by vocabulary id: one bit per id up to the largest,
/// since the rules ask about nearly every token.
struct WordSet: Sendable {
    private var bits: [UInt64] = []

    init() {}

    init(_ loader: LexiconLoader, _ words: [String]) {
        for word in words {
            let id = Int(loader.word(word))
            guard id >= 0 else { continue }
            if id >> 6 >= bits.count { bits.append(contentsOf: repeatElement(0, count: (id >> 6) + 1 - bits.count)) }
            bits[id >> 6] |= 1 << UInt64(id & 63)
        }
    }

    @inline(__always) func contains(_ token: Token) -> Bool {
        let id = Int(token.word)
        return id >= 0 && id >> 6 < bits.count && bits[id >> 6] & (1 << UInt64(id & 63)) != 0
    }

    /// The words of vocabulary ids `ids` (those below 0, outside the vocabulary, left out).
    init(ids: [Int32]) {
        for id in ids.map(Int.init) where id >= 0 {
            if id >> 6 >= bits.count { bits.append(contentsOf: repeatElement(0, count: (id >> 6) + 1 - bits.count)) }
            bits[id >> 6] |= 1 << UInt64(id & 63)
        }
    }

    /// The words of both sets.
    func union(_ other: WordSet) -> WordSet {
        var result = self
        if other.bits.count > result.bits.count {
            result.bits.append(contentsOf: repeatElement(0, count: other.bits.count - result.bits.count))
        }
        for k in other.bits.indices { result.bits[k] |= other.bits[k] }
        return result
    }
}

/// The words the name rules name in code (`de`, `chez`, `liste`), by vocabulary id. A token
/// is one of them when its id is: one comparison, where comparing its key with a literal
/// (`AnalyzedText.keyIs`) walked both at nearly every token. The ids are interned when the
/// lexicons load, so every token whose key is one of these words carries its id.
struct RuleWords: Sendable {
    let a, ans, au, aux, cap, ce, cette, chez, contre, cours, de, des, dont, du, en, et: Int32
    let la, le, les, leur, liste, listes, lui, mais, ou, parc, pays, place, pour, puis: Int32
    let que, qui, region, route, sa, se, son, sur, un, une, ville: Int32
    /// The elided `d'`, `l'`, `qu'` and `s'`.
    let dElided, lElided, quElided, sElided: Int32

    init(_ loader: LexiconLoader) {
        func id(_ word: String) -> Int32 {
            let id = loader.word(word)
            precondition(id >= 0, "no vocabulary id for the rule word \(word)")
            return id
        }
        a = id("a"); ans = id("ans"); au = id("au"); aux = id("aux"); cap = id("cap"); ce = id("ce")
        cette = id("cette"); chez = id("chez"); contre = id("contre"); cours = id("cours"); de = id("de")
        des = id("des"); dont = id("dont"); du = id("du"); en = id("en"); et = id("et")
        la = id("la"); le = id("le"); les = id("les"); leur = id("leur"); liste = id("liste"); listes = id("listes")
        lui = id("lui"); mais = id("mais"); ou = id("ou"); parc = id("parc"); pays = id("pays"); place = id("place")
        pour = id("pour"); puis = id("puis"); que = id("que"); qui = id("qui"); region = id("region")
        route = id("route"); sa = id("sa"); se = id("se"); son = id("son"); sur = id("sur"); un = id("un")
        une = id("une"); ville = id("ville")
        dElided = id("d'"); lElided = id("l'"); quElided = id("qu'"); sElided = id("s'")
    }
}

/// The lexicons the PER, ORG and LOC rules read. A file not written yet gives nil, so
/// the rules still run, with less evidence. A class, loaded once and shared, never copied.
/// A small set of lexicon categories, each at its place (slot) in the set: which of them a
/// lexicon match belongs to, most matches being rejected by one bit test.
struct CategorySlots: Sendable {
    /// The category of each slot; -1 for a slot whose list is missing (matches no category).
    let ids: [Int16]
    /// Bit `id` set for each category id below 64 in the set; ids from 64 up are searched.
    private let mask: UInt64

    init(_ ids: [Int16]) {
        self.ids = ids
        mask = ids.reduce(0) { $1 >= 0 && $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
    }

    /// The slot of category `id`, nil when the set does not hold it.
    @inline(__always)
    func slot(_ id: Int16) -> Int? {
        if id >= 0 && id < 64 && mask & 1 << UInt64(id) == 0 { return nil }
        return ids.firstIndex(of: id)
    }
}

final class NameLexicons: Sendable {
    let firstNames: NameList?
    /// Folded first names, for the parts of hyphenated ones (`Jean-Toussaint`).
    let firstNameKeys: Set<[UInt16]>
    let surnames: NameList?
    /// Surname entries that are also common French words (`Petit`, `Moulin`).
    let commonSurnames: EntrySet
    let particles: NameList?
    /// Dutch and German particles (`Van der`, `von`), which open a surname even alone.
    let germanicParticles: EntrySet
    let titles: NameList?
    let honorifics: EntrySet
    let organizations: NameList?
    let acronyms: NameList?
    let seats: NameList?
    let orgDescriptors: NameList?
    /// Descriptors after which the name may be a phrase with lowercase words
    /// (`l'association Lire et écrire en Gascogne`, `le groupe d'opposition Valence en commun`).
    let phraseDescriptors: EntrySet
    let orgHeadsLowercase: NameList?
    /// Lowercase institutions complete without a complement (`commission des finances`).
    let wholeInstitutions: EntrySet
    let legalForms: NameList?
    let places: [NameList]
    /// `du Havre`, `aux Sables-d'Olonne`: cities whose own article `Le` or `Les` a contracted
    /// `du`, `au`, `des` or `aux` holds; field `le` or `les`.
    let citiesAfterContraction: NameList?
    /// `au Maine libre`, `du Parisien`: organisations whose own `Le` or `Les` a contraction holds.
    let organizationsAfterContraction: NameList?
    /// French department numbers (`01`, `2A`, `974`), as folded keys: `le Sdis 57`.
    let departmentNumbers: Set<[UInt16]>
    /// The category of each list of `places`, so that a look-up tests the categories before
    /// taking a list out of the array (which retained it).
    let placeCategories: [Int16]
    /// The same categories, for `LexiconMatchIndex.forEachLongest`.
    let placeSlots: CategorySlots
    /// The categories of `organizations`, `acronyms` and `seats`, in that order (slots 0, 1, 2).
    let organizationSlots: CategorySlots
    /// Cities alone: in a match report a city may name its club (`Rennes renverse Nantes`).
    let cities: NameList?
    /// Small communes (weak evidence): a place where a capitalised name has no other reading.
    /// ~15 000 names asked about rarely: searched in place rather than loaded into the gazetteer.
    let communes: SortedWordList?
    /// Regions alone: a word before one names that region's branch of an agency (`Drac Normandie`).
    let regions: NameList?
    let sportsCues: NameList?
    /// Words of team-sport reports (`derby`, `Ligue 1`) and words right before a team (`face à`).
    let sportWords: EntrySet
    let teamCuesBefore: EntrySet
    let geoHeads: NameList?
    /// Geographic heads that stay outside the span (`quartier de Bellevue`).
    let geoHeadsOutside: NameList?
    let geoHeadKinds: EntrySet
    /// Venues that keep their head when their own name follows (`stade Jean-Bouin`, `salle Gaveau`).
    let venueHeads: EntrySet
    /// Areas whose own name may follow without `de` (`au lieu-dit Les Gravettes`, `le hameau Bellevue`).
    let areaHeads: EntrySet
    /// Street heads, which may take `au`/`aux` before their name (`place aux Herbes`).
    let streetHeads: EntrySet
    /// Road heads that name a road only before its number (`la départementale 703`).
    let numberedRoadHeads: EntrySet
    /// First words of the lowercase institution heads and of the geographic heads, so that
    /// the scan looks those lexicons up only where an entry can start.
    let institutionFirstWords: WordSet
    let geoHeadFirstWords: WordSet
    /// Both: the lowercase words where the name scan may open a headed name.
    let headFirstWords: WordSet
    /// The lowercase words where the name scan may open a name: `headFirstWords`, and
    /// `liste` and `listes` (a list's quoted name). One test where there were three.
    let scanOpeningWords: WordSet
    /// Road heads, which a road number may follow (`autoroute A7`, `route nationale N88`).
    let roadHeads: EntrySet
    /// Parts of hyphenated names that mark a place (`-sur-`, `Saint-`).
    let placeNameParts: [[UInt16]]
    let speechVerbs: NameList?
    /// Nouns whose `de` complement is an organisation (`les salariés de`, `la direction d'`).
    let orgCueNouns: NameList?
    /// Last words of `orgCueNouns`, so that they are looked up only where one ends.
    let orgCueNounLastWords: WordSet
    /// What only a firm does, right after its bare name (`Quivrel emploie`, `a été rachetée`).
    let orgVerbs: NameList?
    let orgVerbFirstWords: WordSet
    /// Speech verbs that follow a name (`Macron a déclaré`) or precede it (`a déclaré Macron`).
    let speechAfterName: EntrySet
    let speechBeforeName: EntrySet
    let placePrepositions: NameList?
    /// Prepositions after which a capitalised name is very likely a place (`à`, `en`).
    let strongPlacePrepositions: EntrySet
    /// ~370 000 forms: searched in place rather than loaded into the gazetteer (start-up time).
    let commonWords: SortedWordList?
    let portfolioTitles: NameList?
    let notNames: NameList?
    /// Lowercase words after which a capitalised word names a law, a plan or a show (`la loi Climat`).
    let notNameHeads: NameList?
    /// Last words of `notNameHeads`, first words of the not-names that open in lowercase (`prix Nobel`),
    /// and last words of the river cues that come before a name: each list is looked up only where
    /// one of its entries can end or start.
    let notNameHeadLastWords: WordSet
    let notNamePhraseFirstWords: WordSet
    let riverCueLastWords: WordSet
    /// First words of the river cues that follow a name (`a débordé`).
    let riverCueFirstWords: WordSet
    /// First names that are mostly common words (`Colombe`): a person only before a surname.
    let weakFirstNames: NameList?
    /// Verbs that make the capitalised word before them a river (`le Lirou a débordé`).
    let riverCues: NameList?
    /// River cues that come before the name (`les berges de la`); the others follow it (`a débordé`).
    let riverCuesBefore: EntrySet
    /// Views, slopes and courses before a name no list knows (`vue sur le`, `au pied du`).
    let landscapeCues: EntrySet
    /// Positions before a name no list knows and no dictionary holds (`dans le`, `sur la`).
    let positionCues: EntrySet
    /// Middle words of Vietnamese names (`Van`, `Thi`).
    let middleNameParts: NameList?
    let months: NameList?
    let weekdays: NameList?

    /// Capitalised words that make a name an organisation; `orgHeads` may go on with
    /// lowercase adjectives and complements.
    let orgWords: WordSet
    let orgHeads: WordSet
    /// Heads whose name may go on with its purpose (`Fondation Mercadier pour l'art`).
    let purposeHeads: WordSet
    /// Heads of newspaper titles, whose article stays even at a sentence start (`La Gazette du Morvan`).
    let mediaHeads: WordSet
    let links: WordSet
    let articles: WordSet
    let conjunctions: WordSet
    let auxiliaries: WordSet
    let contracted: WordSet
    /// Determiners of the sentence that never open a name's complement (`un`, `sa`, `cette`).
    let phraseDeterminers: WordSet
    /// Lowercase endings of adjectives that continue an organisation name.
    let adjectiveEndings: [[UInt16]]
    /// The endings of demonyms among them (`-oise`, `-ien`).
    let demonymEndings: [[UInt16]]
    /// Endings of company words (`-ing`, `-technik`): `Phocéa Stevedoring` is no person.
    let orgWordEndings: [[UInt16]]
    /// Endings of commune names (`-ac`, `-ville`): an unknown word with one is a town, weakly.
    let placeNameEndings: [[UInt16]]
    /// Adjectives that no ending catches (`belge`, `suisse`, `civile`).
    let adjectiveWords: WordSet
    /// Verb forms with an adjective's ending that are never adjectives (`indique`, `appelle`).
    let finiteVerbs: WordSet
    let words: RuleWords

    init(_ loader: LexiconLoader) throws {
        let directory = loader.directory
        func optional(_ name: String, endings: Bool = false) throws -> NameList? {
            directory.exists(name) ? try NameList(loader, name, endings: endings) : nil
        }
        func words(_ name: String, field: String? = nil) throws -> [String] {
            guard directory.exists(name) else { return [] }
            return try loader.entries(name).filter { field == nil || $0.field(0) == field }.map(\.text)
        }

        // The common-word list is the largest file by far and needs neither the vocabulary
        // nor the gazetteer: it loads on another thread while the lists below are read.
        let commonWordList = directory.exists("common-words")
            ? loader.sortedListInBackground("common-words") : nil

        firstNames = try optional("first-names")
        firstNameKeys = Set((firstNames?.entries ?? []).map { KeyFolder.shared.fold($0.text) })
        surnames = try optional("surnames")
        commonSurnames = surnames?.entryIndices(field: 0, equal: "common-word") ?? EntrySet()
        particles = try optional("name-particles")
        germanicParticles = particles?.entryIndices(field: 0, equalToOneOf: ["nl", "de"]) ?? EntrySet()
        titles = try optional("person-titles", endings: true)
        honorifics = titles?.entryIndices(field: 0, equal: "honorific") ?? EntrySet()
        organizations = try optional("organizations")
        if let organizations {
            // The acronym field of `organizations.txt` is a phrase of its own.
            let category = loader.customCategory("organization-acronyms")
            var capitals: [UInt8] = []
            var written = EntrySet()
            for (index, entry) in organizations.entries.enumerated() {
                let acronym = entry.field(0) ?? ""
                capitals.append(NameList.capitalCount(acronym))
                if NameList.isAcronym(acronym) { written.insert(Int32(index)) }
                if !acronym.isEmpty && acronym != "-" { loader.addPhrase(acronym, category: category, entry: Int32(index)) }
            }
            acronyms = NameList(category: category, entries: organizations.entries, capitals: capitals, acronyms: written)
        } else {
            acronyms = nil
        }
        seats = try optional("seats-of-power")
        organizationSlots = CategorySlots([organizations?.category.id ?? -1, acronyms?.category.id ?? -1, seats?.category.id ?? -1])
        orgDescriptors = try optional("org-descriptors", endings: true)
        phraseDescriptors = orgDescriptors?.entryIndices(field: 1, equal: "phrase") ?? EntrySet()
        orgHeadsLowercase = try optional("org-heads-lowercase")
        wholeInstitutions = orgHeadsLowercase?.entryIndices(field: 0, equal: "whole") ?? EntrySet()
        legalForms = try optional("legal-forms", endings: true)
        // Cities and regions are places too: one list each, not built twice.
        let placeLists = try ["countries", "regions", "departments", "cities", "continents", "geo-features", "compass-areas"]
            .map { (name: $0, list: try optional($0)) }
        places = placeLists.compactMap(\.list)
        placeCategories = places.map(\.category.id)
        placeSlots = CategorySlots(placeCategories)
        cities = placeLists.first { $0.name == "cities" }?.list
        citiesAfterContraction = NameLexicons.withoutArticle(cities, loader, "cities-after-contraction", firstNames: firstNameKeys)
        organizationsAfterContraction = NameLexicons.withoutArticle(organizations, loader, "organizations-after-contraction", firstNames: firstNameKeys)
        departmentNumbers = Set((placeLists.first { $0.name == "departments" }?.list?.entries ?? []).compactMap { entry in
            entry.field(0).map { Array($0.lowercased().utf16) }
        })
        regions = placeLists.first { $0.name == "regions" }?.list
        communes = directory.exists("communes") ? try loader.sortedList("communes") : nil
        sportsCues = try optional("sports-cues")
        sportWords = sportsCues?.entryIndices(field: 0, equal: "sport") ?? EntrySet()
        teamCuesBefore = sportsCues?.entryIndices(field: 0, equal: "before") ?? EntrySet()
        geoHeads = try optional("geo-heads", endings: true)
        geoHeadsOutside = try optional("geo-heads-outside")
        var kinds = EntrySet()
        var roads = EntrySet()
        var venues = EntrySet()
        var areas = EntrySet()
        var numbered = EntrySet()
        var streets = EntrySet()
        for (index, entry) in (geoHeads?.entries ?? []).enumerated() {
            let entryKinds = (entry.field(0) ?? "").split(separator: ",")
            if entryKinds.contains(where: { ["street", "road", "water", "relief", "island", "territory"].contains($0) }) { kinds.insert(Int32(index)) }
            if entryKinds.contains("road") { roads.insert(Int32(index)) }
            if entryKinds.contains("venue") { venues.insert(Int32(index)) }
            if entryKinds.contains("area") { areas.insert(Int32(index)) }
            if entryKinds.contains("numbered") { numbered.insert(Int32(index)) }
            if entryKinds.contains("street") { streets.insert(Int32(index)) }
        }
        areaHeads = areas
        streetHeads = streets
        numberedRoadHeads = numbered
        geoHeadKinds = kinds
        venueHeads = venues
        /// The last token of an entry: `chiffre d'affaires` ends on `affaires` (the tokenizer splits
        /// the elision off), `les berges de l'` on `l'`.
        func lastWord(_ text: String) -> String {
            let word = text.split(separator: " ").last ?? ""
            guard let apostrophe = word.lastIndex(of: "'"), word.index(after: apostrophe) < word.endIndex else { return String(word) }
            return String(word[word.index(after: apostrophe)...])
        }
        func firstWords(_ list: NameList?) -> WordSet {
            // `presqu'île` may be read as `presqu'` and `île`: both first words count.
            WordSet(loader, (list?.entries ?? []).flatMap { entry -> [String] in
                let word = String(entry.text.prefix { $0 != " " })
                guard let apostrophe = word.firstIndex(of: "'") else { return [word] }
                return [word, String(word[...apostrophe])]
            })
        }
        institutionFirstWords = firstWords(orgHeadsLowercase)
        geoHeadFirstWords = firstWords(geoHeads)
        headFirstWords = institutionFirstWords.union(geoHeadFirstWords)
        roadHeads = roads
        placeNameParts = try words("place-name-parts").map { KeyFolder.shared.fold($0) }
        speechVerbs = try optional("speech-verbs")
        orgCueNouns = try optional("org-cue-nouns")
        orgCueNounLastWords = WordSet(loader, (orgCueNouns?.entries ?? []).map { lastWord($0.text) })
        orgVerbs = try optional("org-verbs")
        orgVerbFirstWords = WordSet(loader, (orgVerbs?.entries ?? []).map { String($0.text.prefix { $0 != " " }) })
        speechAfterName = speechVerbs?.entryIndices(field: 0, listing: "after") ?? EntrySet()
        speechBeforeName = speechVerbs?.entryIndices(field: 0, listing: "before") ?? EntrySet()
        placePrepositions = try optional("place-prepositions", endings: true)
        strongPlacePrepositions = placePrepositions?.entryIndices(field: 0, equal: "strong") ?? EntrySet()
        commonWords = try commonWordList?.value()
        portfolioTitles = try optional("portfolio-titles", endings: true)
        notNames = try optional("not-names")
        notNameHeads = try optional("not-name-heads")
        weakFirstNames = try optional("first-names-weak")
        riverCues = try optional("river-cues")
        riverCuesBefore = riverCues?.entryIndices(field: 0, equal: "before") ?? EntrySet()
        landscapeCues = riverCues?.entryIndices(field: 0, equal: "view") ?? EntrySet()
        positionCues = riverCues?.entryIndices(field: 0, equal: "position") ?? EntrySet()
        middleNameParts = try optional("name-middle-parts")
        months = try optional("months")
        weekdays = try optional("weekdays")
        notNameHeadLastWords = WordSet(loader, (notNameHeads?.entries ?? []).map { lastWord($0.text) })
        notNamePhraseFirstWords = WordSet(loader, (notNames?.entries ?? []).compactMap { entry in
            guard entry.text.contains(" "), let first = entry.text.first, first.isLowercase else { return nil }
            return String(entry.text.prefix { $0 != " " })
        })
        riverCueLastWords = WordSet(loader, (riverCues?.entries ?? []).filter { $0.field(0) == "before" }.map { lastWord($0.text) })
        riverCueFirstWords = WordSet(loader, (riverCues?.entries ?? []).filter { $0.field(0) == "after" }.map { String($0.text.prefix { $0 != " " }) })

        let heads = try words("org-words", field: "head") + (try words("org-heads"))
        orgHeads = WordSet(loader, heads)
        purposeHeads = WordSet(loader, try words("org-heads", field: "purpose"))
        mediaHeads = WordSet(loader, try words("media-heads"))
        orgWords = WordSet(loader, heads + (try words("org-words", field: "word")))
        links = WordSet(loader, try words("name-function-words", field: "link"))
        articles = WordSet(loader, try words("name-function-words", field: "article"))
        conjunctions = WordSet(loader, try words("name-function-words", field: "and"))
        auxiliaries = WordSet(loader, try words("name-function-words", field: "auxiliary"))
        contracted = WordSet(loader, try words("name-function-words", field: "contracted"))
        phraseDeterminers = WordSet(loader, try words("name-function-words", field: "determiner"))
        adjectiveEndings = try words("name-adjective-endings").map { KeyFolder.shared.fold($0) }
        demonymEndings = try words("name-adjective-endings", field: "demonym").map { KeyFolder.shared.fold($0) }
        orgWordEndings = try words("org-word-endings").map { KeyFolder.shared.fold($0) }
        placeNameEndings = try words("place-name-endings").map { KeyFolder.shared.fold($0) }
        adjectiveWords = WordSet(loader, try words("name-adjectives"))
        finiteVerbs = WordSet(loader, try words("finite-verbs"))
        let ruleWords = RuleWords(loader)
        self.words = ruleWords
        scanOpeningWords = headFirstWords.union(WordSet(ids: [ruleWords.liste, ruleWords.listes]))
    }

    /// The entries of a list that open with `Le` or `Les`, without it; first names are left out
    /// (`Le Robert` in Martinique, `du Robert` the dictionary).
    private static func withoutArticle(_ list: NameList?, _ loader: LexiconLoader, _ name: String, firstNames: Set<[UInt16]>) -> NameList? {
        guard let cities = list else { return nil }
        let category = loader.customCategory(name)
        var entries: [LexiconEntry] = []
        var capitals: [UInt8] = []
        for entry in cities.entries {
            for (article, field) in [("Le ", "le"), ("Les ", "les")] where entry.text.hasPrefix(article) {
                let rest = String(entry.text.dropFirst(article.count))
                guard !firstNames.contains(KeyFolder.shared.fold(rest)) else { continue }
                loader.addPhrase(rest, category: category, entry: Int32(entries.count))
                entries.append(LexiconEntry(text: rest, fields: [field]))
                capitals.append(NameList.capitalCount(rest))
            }
        }
        return NameList(category: category, entries: entries, capitals: capitals)
    }
}

/// Unicode properties of scalars, from a table below U+0250: entry loading asks them for
/// every character of tens of thousands of entries, and the property look-up dominated start-up.
enum ScalarClass {
    struct Property: OptionSet {
        let rawValue: UInt8
        static let uppercase = Property(rawValue: 1)
        static let lowercase = Property(rawValue: 2)
        static let alphabetic = Property(rawValue: 4)
        static let numeric = Property(rawValue: 8)
    }

    private static let table: [UInt8] = (0..<0x250).map { value in
        let p = Unicode.Scalar(UInt32(value))!.properties
        var flags: Property = []
        if p.isUppercase { flags.insert(.uppercase) }
        if p.isLowercase { flags.insert(.lowercase) }
        if p.isAlphabetic { flags.insert(.alphabetic) }
        if p.numericType != nil { flags.insert(.numeric) }
        return flags.rawValue
    }

    @inline(__always)
    static func has(_ scalar: Unicode.Scalar, _ property: Property) -> Bool {
        if scalar.value < 0x250 { return table[Int(scalar.value)] & property.rawValue != 0 }
        let p = scalar.properties
        switch property {
        case .uppercase: return p.isUppercase
        case .lowercase: return p.isLowercase
        case .alphabetic: return p.isAlphabetic
        default: return p.numericType != nil
        }
    }
}
