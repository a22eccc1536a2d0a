/// The document-level name pass. A name found once with good evidence labels its later
/// bare mentions (`Emmanuel Macron` ... `Macron`); an acronym defined once is known after;
/// a person's surname is not turned into a place because a town bears it (`Hugo Millau`
/// ... `Millau`); a name read as an organisation stays one.
public struct NamePropagation: DocumentPass {
    public let name = "NamePropagation"
    let lexicons: NameLexicons

    public static func make(_ loader: LexiconLoader) throws -> any DocumentPass {
        NamePropagation(lexicons: try loader.shared("names") { try NameLexicons(loader) })
    }

    public func refine(_ text: AnalyzedText, selected: inout [Candidate], proposed: [Candidate]) {
        let reader = NameReader(text, lexicons)
        // The tables and marks of the previous document on this thread, started again.
        let workspace = NameWorkspace.current
        var memory = workspace.documentNames(for: text, expected: selected.count)
        var marks = workspace.passMarks()
        marks.start(tokens: text.count, candidates: selected.count)
        defer { workspace.keep(memory, marks) }
        // By index: a `for candidate in selected` loop copied each candidate, retaining its rule and value.
        for index in selected.indices where selected[index].type.isName {
            marks.learnt[index] = memory.learn(Reading(selected, index), reader: reader)
        }
        guard !memory.isEmpty else { return }
        // Weak readings give way to what the document knows better.
        for index in selected.indices where marks.learnt[index] >= 0 {
            let candidate = Reading(selected, index)
            let known = memory.known(marks.learnt[index])
            // A bare shape guess gives way even to an equal reading that had context (`à Échassières`
            // ... `entre Échassières et Nades`).
            guard known.type != candidate.type,
                  known.strength > candidate.priority
                    || (known.strength == candidate.priority && known.type != .organization && isShapeGuess(candidate, reader))
            else { continue }
            // `à Millau` stays a place even when someone in the document is called Millau; so does a
            // town in a list of towns (`entre Lyon, Valence et Nîmes`) and a dateline (`SISTERON –`).
            if candidate.type == .location && candidate.priority >= Priority.lexicon && known.type == .person
                && (reader.placePrepositionBefore(candidate.tokens.lowerBound) || reader.coordinatedWithPlace(candidate.tokens.lowerBound)
                    || reader.isDateline(candidate.tokens.lowerBound, candidate.tokens.upperBound)) { continue }
            // `la direction de Quivrel`: a company named like its founder stays the company there.
            // So does one that employs, is listed or is bought (`Quivrel emploie 300 salariés`), and
            // one a descriptor introduces (`la fromagerie Tissot-Grandchamp`, `l'action Vauquelin`).
            if candidate.type == .organization && known.type == .person && (reader.organisationNounBefore(candidate.tokens.lowerBound)
                || (candidate.tokens.count == 1 && reader.organisationVerbAfter(candidate.tokens.upperBound))
                || reader.descriptorBefore(candidate.tokens.lowerBound)
                || (candidate.tokens.lowerBound > 0 && reader.isWord(candidate.tokens.lowerBound - 1, reader.words.chez))) { continue }
            selected[index].type = known.type
            selected[index].priority = Priority.document
            selected[index].rule = "known name in document"
        }
        // Bare mentions nothing else claimed (`Karadeniz vise ...` at a sentence start), and
        // known names over shape guesses: what the document knows beats the shape of a word
        // that opens a sentence (`Le Goff compte ...` read as `Goff` after `Mathis Le Goff`).
        marks.cover(selected)
        let covered = marks.covered, blocked = marks.blocked
        // The policy that runs after this pass drops the shape guesses a known name covers.
        // The lists the loop reads at every token, taken out once (each read retained them).
        let particles = reader.lexicons.particles, conjunctions = reader.lexicons.conjunctions
        var i = 0
        while i < text.count {
            // Most tokens open no known name: that test first, the cheapest, in a loop of its own.
            i = memory.nextPossibleOpening(from: i)
            guard i < text.count else { break }
            // `et de La Bretesche`: a known surname may open on its lowercase particle, but not
            // where `de` follows a noun (`la proposition de Lavergne-Maury`).
            guard !blocked[i], reader.isNameWord(i) || (reader.isLowercaseWord(i)
                    && (i == 0 || !reader.isLowercaseWord(i - 1) || conjunctions.contains(text.tokens[i - 1]))
                    // `sous le soleil couchant` is no `Le Soleil`: the particle opens a capitalised name.
                    && reader.match(particles, at: i).map { reader.isNameWord(i + $0) } == true),
                  i == 0 || !reader.isNameWord(i - 1) || covered[i - 1]
                    // `Selon Guéridon, ...`: a common word that opens the sentence is no part of the name.
                    || (reader.opensSentence(i - 1) && reader.isCommonWord(i - 1) && !reader.isNameWord(i - 2)),
                  let (known, length) = memory.longest(at: i, covered: blocked) else { i += 1; continue }
            if known.type == .person && reader.organisationNounBefore(i) { i += 1; continue }
            // A first name alone is a person's only where a quotation opens on it (`« Tamaz ne lâche rien »`).
            if known.quoted && !(reader.isPunctuation(i - 1, "«") || reader.isPunctuation(i - 1, "\u{201C}")
                || reader.isPunctuation(i - 1, "\"")) { i += 1; continue }
            let span = i..<(i + length)
            // By index, each field read in place: `allSatisfy` copied each candidate, retaining its rule and value.
            var outranks = true
            for index in selected.indices {
                let tokens = selected[index].tokens
                guard tokens.overlaps(span) else { continue }
                if !(tokens.clamped(to: span) == tokens && known.strength > selected[index].priority
                     && (tokens.count < length || selected[index].type != known.type)) {
                    outranks = false
                    break
                }
            }
            guard outranks else { i += 1; continue }
            selected.append(Candidate(type: known.type, tokens: span, priority: Priority.document,
                                      rule: "known name in document"))
            i += length
        }
        typeListsOfPlaces(&selected, reader)
        joinSlashedNames(&selected, reader)
    }

    /// `Verts/ALE`: an organisation glued by a slash to a capitalised word on either side is one
    /// name with it (a party and its group).
    private func joinSlashedNames(_ selected: inout [Candidate], _ reader: NameReader) {
        func glued(_ k: Int) -> Bool { !reader.tokens[k].has(.spaceBefore) }
        var absorbed = Set<Int>()
        for index in selected.indices where selected[index].type == .organization && !absorbed.contains(index) {
            var range = selected[index].tokens
            let s = range.lowerBound, e = range.upperBound
            if s >= 2, reader.isPunctuation(s - 1, "/"), glued(s - 1), glued(s), reader.isNameWord(s - 2) { range = (s - 2)..<e }
            if e + 1 < reader.count, reader.isPunctuation(e, "/"), glued(e), glued(e + 1), reader.isNameWord(e + 1) {
                range = range.lowerBound..<(e + 2)
            }
            guard range != selected[index].tokens else { continue }
            selected[index].tokens = range
            selected[index].rule += " + slash"
            for other in selected.indices where other != index && selected[other].tokens.overlaps(range) { absorbed.insert(other) }
        }
        guard !absorbed.isEmpty else { return }
        selected = selected.indices.filter { !absorbed.contains($0) }.map { selected[$0] }
    }

    /// `entre Échassières et Nades`, `Frévent, Doullens et Auxi`: a name guessed from its shape
    /// alone to be an organisation takes the place type of a name it is listed with.
    func typeListsOfPlaces(_ selected: inout [Candidate], _ reader: NameReader) {
        var order: [Int] = []
        order.reserveCapacity(selected.count)
        var inTextOrder = true
        var lastStart = Int.min
        for index in selected.indices where selected[index].type.isName {
            let start = selected[index].tokens.lowerBound
            if start < lastStart { inTextOrder = false }
            lastStart = start
            order.append(index)
        }
        guard order.count >= 2 else { return }
        // The names are nearly always in text order already, which the (stable) sort would keep.
        if !inTextOrder {
            // The starts read once: the sort's comparisons read them again and again.
            let starts = selected.indices.map { selected[$0].tokens.lowerBound }
            order.sort { starts[$0] < starts[$1] }
        }
        // The neighbours that stand as items of one list, found once: the test reads the
        // tokens alone, which the rounds below leave as they are (most documents have none).
        var listed: [(Int, Int)] = []
        for k in 1..<order.count {
            let a = order[k - 1], b = order[k]
            if reader.separatesListItems(selected[a].tokens.upperBound, selected[b].tokens.lowerBound, secondEnd: selected[b].tokens.upperBound) {
                listed.append((a, b))
            }
        }
        var changed = !listed.isEmpty
        while changed {
            changed = false
            for (a, b) in listed {
                // Each pair both ways round, by a count: an array of the two orders was built for every pair.
                for round in 0..<2 {
                    let (place, guess) = round == 0 ? (a, b) : (b, a)
                    guard selected[place].type == .location && isShapeGuess(Reading(selected, guess), reader) else { continue }
                    selected[guess].type = .location
                    selected[guess].rule = "listed with a place"
                    changed = true
                }
                // `auprès de la Caisse des dépôts et de Dexia`: a town guessed from `de` alone,
                // listed with a known organisation, is one too.
                for round in 0..<2 {
                    let (org, guess) = round == 0 ? (a, b) : (b, a)
                    guard selected[org].type == .organization && selected[org].priority >= Priority.lexicon
                        && selected[guess].type == .location && selected[guess].rule == NameScan.nounLinkRule else { continue }
                    selected[guess].type = .organization
                    selected[guess].rule = "listed with an organisation"
                    changed = true
                }
            }
        }
    }

    /// The fields of a candidate that the pass reads, taken without copying its rule name
    /// and value (a copy retained and released both).
    struct Reading {
        var type: EntityType
        var tokens: Range<Int>
        var priority: Int
        /// Read in place from the array: passing `candidates[index]` itself copied the whole
        /// candidate (its rule and value retained, then released).
        init(_ candidates: [Candidate], _ index: Int) {
            type = candidates[index].type
            tokens = candidates[index].tokens
            priority = candidates[index].priority
        }
    }

    /// The pass's marks over one document, kept by the thread's workspace for the next one.
    struct Marks {
        /// Per selected candidate, the known name learnt from its own tokens (-1 for other
        /// types), which the pass reads instead of looking the tokens up again.
        var learnt: [Int] = []
        /// Per token, whether a selected candidate covers it, and one that no known name may take.
        var covered: [Bool] = []
        var blocked: [Bool] = []

        /// Marks nothing, for a document of `tokens` tokens and `candidates` selected candidates.
        mutating func start(tokens: Int, candidates: Int) {
            Marks.reset(&learnt, count: candidates, to: -1)
            Marks.reset(&covered, count: tokens, to: false)
            Marks.reset(&blocked, count: tokens, to: false)
        }

        /// Marks the tokens of the selected candidates covered, and blocked but for the weak
        /// readings: a document reading may still grow into a longer known name (`De Lavergne-Maury`).
        /// In raw buffers: each write to the arrays paid a uniqueness check.
        mutating func cover(_ selected: [Candidate]) {
            covered.withUnsafeMutableBufferPointer { covered in
                blocked.withUnsafeMutableBufferPointer { blocked in
                    for index in selected.indices {
                        let candidate = Reading(selected, index)
                        let weak = candidate.type.isName && candidate.priority <= Priority.document
                        for i in candidate.tokens {
                            covered[i] = true
                            if !weak { blocked[i] = true }
                        }
                    }
                }
            }
        }

        /// `array` holding `count` times `value`, in the storage it has (grown if need be).
        private static func reset<T>(_ array: inout [T], count: Int, to value: T) {
            if array.count > count { array.removeLast(array.count - count) }
            array.withUnsafeMutableBufferPointer { $0.update(repeating: value) }
            if array.count < count { array.append(contentsOf: repeatElement(value, count: count - array.count)) }
        }
    }

    /// An organisation read from the shape of ordinary capitalised words, not from an acronym's.
    private func isShapeGuess(_ candidate: Reading, _ reader: NameReader) -> Bool {
        guard candidate.type == .organization, candidate.priority <= Priority.shape, candidate.tokens.count <= 3 else { return false }
        return !candidate.tokens.contains { reader.tokens[$0].has(.allCaps) || reader.tokens[$0].has(.internalCaps) }
            && !reader.hasOrganizationWord(candidate.tokens.lowerBound, candidate.tokens.upperBound)
    }
}

extension EntityType {
    var isName: Bool { self == .person || self == .organization || self == .location }
}

/// The names of one document, by their tokens' folded keys. A name is found again by a
/// hash of its keys and the range of its first mention, compared key by key: no key
/// arrays are built for the names of a document.
struct DocumentNames {
    struct Known {
        /// The tokens of the mention it was learnt from.
        var tokens: Range<Int>
        var type: EntityType
        var strength: Int
        /// A first name learnt from a full name: a bare mention counts only where a quotation opens.
        var quoted = false
    }

    private var text: AnalyzedText
    private var names: [Known] = []
    // No default values: each init builds its own tables, and a default would allocate
    // two slot arrays per document only to throw them away.
    private var byKey: HashChains
    /// Known names by the hash of their first token's key.
    private var byFirstToken: HashChains
    private var keyHashes: KeyHashes
    /// The vocabulary ids of the known names' first tokens.
    private var firstWords = FirstWordFilter()

    /// A set of vocabulary ids that may answer yes for an id it does not hold, never no for
    /// one it holds: 1 024 bits, one per id modulo 1 024 (a document knows a few dozen
    /// names). Equal keys have equal ids, so a token whose id it does not hold opens no
    /// known name; all the words outside the vocabulary (id -1) share one bit.
    struct FirstWordFilter {
        private var bits = [UInt64](repeating: 0, count: 16)

        mutating func removeAll() {
            bits.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }

        @inline(__always)
        mutating func insert(_ word: Int32) {
            let b = Int(word) & 1023
            bits[b >> 6] |= 1 << UInt64(b & 63)
        }

        @inline(__always)
        func mayContain(_ word: Int32) -> Bool {
            let b = Int(word) & 1023
            return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
        }

        /// The first word of `text` from `i` that the set may hold, or the token count: a known
        /// name opens on a word (its capitalised word or its lowercase particle), and the words
        /// outside the vocabulary share a bit with the punctuation.
        func firstPossible(in text: AnalyzedText, from i: Int) -> Int {
            bits.withUnsafeBufferPointer { bits in
                text.firstToken(from: i) { token in
                    let b = Int(token.word) & 1023
                    return bits[b >> 6] & (1 << UInt64(b & 63)) != 0 && token.kind == .word
                }
            }
        }
    }

    /// Per token outside the vocabulary, the hash of its key, computed when first asked: the pass hashes the same
    /// few tokens again and again (learning a name, looking it up, finding its mentions),
    /// and rehashing their keys cost about a third of the pass's table work.
    private final class KeyHashes {
        /// 0: not computed yet (a computed 0 is stored as 1).
        let values: UnsafeMutableBufferPointer<UInt32>
        init(capacity: Int) {
            values = .allocate(capacity: capacity)
        }
        deinit { values.deallocate() }

        /// Forgets the hashes of the first `count` tokens.
        func removeAll(count: Int) {
            UnsafeMutableBufferPointer(rebasing: values[..<count]).initialize(repeating: 0)
        }
    }

    init(_ text: AnalyzedText) {
        self.init(text, expected: 0)
    }

    /// Sized for about `expected` names (a selected name teaches one to four; the tables grow
    /// when needed).
    init(_ text: AnalyzedText, expected: Int) {
        self.text = text
        keyHashes = KeyHashes(capacity: max(text.count, 1))
        keyHashes.removeAll(count: text.count)
        names.reserveCapacity(expected)
        byKey = HashChains(expected: expected)
        byFirstToken = HashChains(expected: expected)
    }

    /// Forgets the names of the previous document to learn those of `text`, about
    /// `expected` of them, in the tables it had (allocating them for each document cost
    /// about 1 % of the run).
    mutating func start(_ text: AnalyzedText, expected: Int) {
        self.text = text
        if keyHashes.values.count < text.count || !isKnownUniquelyReferenced(&keyHashes) {
            keyHashes = KeyHashes(capacity: text.count + text.count / 2)
        }
        keyHashes.removeAll(count: text.count)
        names.removeAll(keepingCapacity: true)
        names.reserveCapacity(expected)
        byKey.removeAll(expected: expected)
        byFirstToken.removeAll(expected: expected)
        firstWords.removeAll()
    }

    var isEmpty: Bool { names.isEmpty }

    /// Whether tokens `a` and `b` have the same key. Equal keys have equal vocabulary ids:
    /// a known word's id stands for its key. The keys of two words outside the vocabulary
    /// are compared in place after their hashes (comparing two array slices retained the
    /// key array twice and walked both generically).
    private func sameKey(_ a: Int, _ b: Int) -> Bool {
        let ta = text.tokens[a], tb = text.tokens[b]
        if ta.word >= 0 || tb.word >= 0 { return ta.word == tb.word }
        let length = Int(ta.keyEnd - ta.keyStart)
        guard length == Int(tb.keyEnd - tb.keyStart), keyHash(a) == keyHash(b) else { return false }
        return text.keys.withUnsafeBufferPointer { keys in
            let x = Int(ta.keyStart), y = Int(tb.keyStart)
            for k in 0..<length where keys[x + k] != keys[y + k] { return false }
            return true
        }
    }

    private static func hash<C: Collection>(_ units: C, _ seed: UInt32 = 2_166_136_261) -> UInt32 where C.Element == UInt16 {
        var h = seed
        for unit in units { h = (h ^ UInt32(unit)) &* 16_777_619 }
        return h
    }

    /// The hash of token `i`'s key. Only equal keys must hash equal: the tables compare
    /// keys after the hash. A known word's is its vocabulary id (equal keys have equal ids);
    /// the key of a word outside the vocabulary is hashed, once.
    @inline(__always)
    private func keyHash(_ i: Int) -> UInt32 {
        precondition(i >= 0 && i < text.count, "token index out of range")
        let word = text.tokens[i].word
        if word >= 0 { return UInt32(bitPattern: word) }
        let known = keyHashes.values[i]
        if known != 0 { return known }
        let t = text.tokens[i]
        let h = text.keys.withUnsafeBufferPointer { DocumentNames.hash($0[Int(t.keyStart)..<Int(t.keyEnd)]) }
        keyHashes.values[i] = h == 0 ? 1 : h
        return keyHashes.values[i]
    }

    @inline(__always)  // once per name learnt: the call cost a sixth of its work
    private func hash(_ range: Range<Int>) -> Int {
        var h: UInt32 = 2_166_136_261
        for i in range { h = (h ^ keyHash(i)) &* 16_777_619 }
        return Int(h)
    }

    /// Whether the tokens of `range` have the keys of `other`, one for one.
    private func sameKeys(_ range: Range<Int>, _ other: Range<Int>) -> Bool {
        guard range.count == other.count else { return false }
        for (a, b) in zip(range, other) where !sameKey(a, b) { return false }
        return true
    }

    @inline(__always)
    private func index(of range: Range<Int>, hash: Int) -> Int? {
        byKey.first(hash) { sameKeys(range, names[$0].tokens) }
    }

    /// Remembers a name read at `range`; returns its number (see `known(_:)`).
    @discardableResult
    mutating func remember(_ range: Range<Int>, _ type: EntityType, _ strength: Int, quoted: Bool = false) -> Int {
        let rangeHash = hash(range)
        if let index = index(of: range, hash: rangeHash) {
            if strength > names[index].strength {
                names[index].type = type
                names[index].strength = strength
                names[index].quoted = quoted
            }
            return index
        }
        byKey.append(names.count, hash: rangeHash)
        byFirstToken.append(names.count, hash: Int(keyHash(range.lowerBound)))
        firstWords.insert(text.tokens[range.lowerBound].word)
        names.append(Known(tokens: range, type: type, strength: strength, quoted: quoted))
        return names.count - 1
    }

    /// The known name numbered `index` by `remember` or `learn`.
    func known(_ index: Int) -> Known { names[index] }

    /// Learns a selected name, and for a full person's name its surname (`Le Goff` from
    /// `Mathis Le Goff`), which then outranks a place of the same name. Returns the number
    /// of the name learnt from the candidate's own tokens.
    @discardableResult
    mutating func learn(_ candidate: NamePropagation.Reading, reader: NameReader) -> Int {
        let learnt = remember(candidate.tokens, candidate.type, candidate.priority)
        learnParts(of: candidate, reader: reader)
        return learnt
    }

    /// The shorter names a selected name teaches (its surname, its name without a legal form...).
    private mutating func learnParts(of candidate: NamePropagation.Reading, reader: NameReader) {
        // `le lac de Serre-Ponçon` ... `remplir Serre-Ponçon`: the name a lowercase head introduces.
        if candidate.type == .location && reader.isLowercaseWord(candidate.tokens.lowerBound),
           let k = candidate.tokens.first(where: { reader.isNameWord($0) }), k > candidate.tokens.lowerBound,
           reader.runEnd(from: k) == candidate.tokens.upperBound {
            remember(k..<candidate.tokens.upperBound, .location, Priority.shape + 1)
        }
        // `Levardin Levage SAS` ... `Levardin Levage a indiqué`: the name without its legal form.
        if candidate.type == .organization, let start = reader.matchEnding(reader.lexicons.legalForms, at: candidate.tokens.upperBound, maxLength: 2),
           start > candidate.tokens.lowerBound {
            remember(candidate.tokens.lowerBound..<start, .organization, candidate.priority)
        }
        // `Grütli Präzision` ... `de Grütli`: a company's distinctive first word names it alone,
        // unless the word is a head, a common word, a place or a first name (`Banque`, `Crédit`).
        if candidate.type == .organization && candidate.priority >= Priority.lexicon && candidate.tokens.count >= 2 {
            let first = candidate.tokens.lowerBound
            let t = text.tokens[first]
            if reader.isNameWord(first) && !t.has(.allCaps) && !reader.lexicons.orgWords.contains(t) && !reader.lexicons.articles.contains(t)
                && !reader.isCommonWord(first) && reader.placeMatch(at: first) == nil && !reader.isFirstName(first)
                && reader.match(reader.lexicons.surnames, at: first) == nil {
                remember(first..<(first + 1), .organization, Priority.shape + 1)
            }
        }
        // `Søren Holmgaard` ... `de Holmgaard`: a two-word name read from its shape alone gives its
        // surname too, weakly: a shape guess gives way to it, nothing stronger does.
        if candidate.type == .person && candidate.priority == Priority.shape && candidate.tokens.count == 2 {
            let last = candidate.tokens.upperBound - 1
            if reader.isNameWord(last) && !text.tokens[last].has(.allCaps) && !reader.isCommonWord(last) && reader.placeMatch(at: last) == nil {
                remember(last..<(last + 1), .person, Priority.shape + 1)
            }
        }
        guard candidate.type == .person, candidate.priority >= Priority.context, candidate.tokens.count >= 2 else { return }
        let first = candidate.tokens.lowerBound
        if reader.isNameWord(first) && !text.tokens[first].has(.allCaps) && !text.tokens[first].has(.initial)
            && !reader.lexicons.articles.contains(text.tokens[first]) && reader.match(reader.lexicons.particles, at: first) == nil {
            remember(first..<(first + 1), .person, Priority.document + 1, quoted: true)
        }
        var k = candidate.tokens.lowerBound
        while k < candidate.tokens.upperBound - 1 && (reader.isFirstName(k) || text.tokens[k].has(.initial)) { k += 1 }
        // `Dragomir Vasilescu` after a title: a first name no lexicon knows, so the last word is the surname.
        guard k > candidate.tokens.lowerBound else {
            let last = candidate.tokens.upperBound - 1
            if candidate.tokens.count == 2 && reader.isNameWord(last) && !reader.isNameWord(candidate.tokens.lowerBound - 1)
                && !reader.lexicons.articles.contains(text.tokens[candidate.tokens.lowerBound]) {
                remember(last..<(last + 1), .person, Priority.lexicon)
            }
            return
        }
        remember(k..<candidate.tokens.upperBound, .person, Priority.lexicon + 1)
        // `de Gaulle` is also `Gaulle`.
        if reader.isLowercaseWord(k), let length = reader.match(reader.lexicons.particles, at: k),
           k + length < candidate.tokens.upperBound {
            remember((k + length)..<candidate.tokens.upperBound, .person, Priority.lexicon + 1)
            // `de La Bretesche` is also `La Bretesche`: the capitalised article stays with the name.
            if length > 1 && text.tokens[k + 1].has(.capitalized) {
                remember((k + 1)..<candidate.tokens.upperBound, .person, Priority.lexicon + 1)
            }
        }
    }

    /// The first token from `i` where a known name may start, or the text's end: a cheap
    /// test of the first words' filter, over the raw tokens, that spares `longest(at:covered:)`
    /// and the pass's other tests at most tokens.
    func nextPossibleOpening(from i: Int) -> Int {
        firstWords.firstPossible(in: text, from: i)
    }

    /// The longest known name whose tokens start at `i`, all uncovered.
    func longest(at i: Int, covered: [Bool]) -> (Known, Int)? {
        var best: (Known, Int)?
        byFirstToken.forEach(Int(keyHash(i))) { index in
            let known = names[index]
            let length = known.tokens.count
            guard i + length <= text.count, length > (best?.1 ?? 0) else { return true }
            var matches = true
            for offset in 0..<length {
                if covered[i + offset] || !sameKey(i + offset, known.tokens.lowerBound + offset) { matches = false; break }
            }
            // A longer capitalised run is another name (`Macron` is not `Macron Paris`... nor `Paris` of `Paris Saint-Germain`).
            if matches, i + length < text.count, text.tokens[i + length].has(.capitalized), !covered[i + length],
               text.tokens[i + length].kind == .word, !text.tokens[i + length].has(.elision) { matches = false }
            if matches { best = (known, length) }
            return true
        }
        return best
    }
}
