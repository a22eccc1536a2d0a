/// The token tests and lexicon look-ups that the PER, ORG and LOC rules share, over one
/// analysed document.
struct NameReader {
    let text: AnalyzedText
    let lexicons: NameLexicons
    let tokens: [Token]
    /// The text's index of lexicon matches, held here so that queries in the rules' loops
    /// retain nothing (see `LexiconMatchIndex`).
    let index: LexiconMatchIndex
    private let memo: Memo

    /// Answers the rules ask again and again about one token, kept for the document.
    /// Raw buffers, not arrays: a write to an array held by a class went through an
    /// exclusivity check and a uniqueness check at every question (about 1 % of the run).
    /// Only one thread reads and writes them: a memo is the thread's (see `NameWorkspace`),
    /// shared by the readers of one document (the name pass reads what the scan answered)
    /// and started again for the next document in the same buffers.
    final class Memo {
        /// The document the answers are about, held so that no other document can take
        /// its identity while the memo may still be shared.
        private(set) var text: AnalyzedText?
        let lexicons: NameLexicons
        let services: TextServices
        /// The tokens the buffers hold room for.
        let capacity: Int
        /// Per token: 0 not asked yet, 1 no, 2 yes.
        let common: UnsafeMutableBufferPointer<UInt8>
        let adjectiveEnding: UnsafeMutableBufferPointer<UInt8>
        let firstName: UnsafeMutableBufferPointer<UInt8>
        /// Per token: -1 not asked yet, 0 no place, else the length of the longest place entry.
        let place: UnsafeMutableBufferPointer<Int8>
        /// Per token: the scan's lexicon name (see `NameScan.lexiconName`), -1 not asked yet.
        let lexiconNames: UnsafeMutableBufferPointer<Int32>
        /// The worker's memos, held here: reached through `text.services` at each question,
        /// each was retained and released around it.
        let commonWords: WordAnswerMemo
        let adjectiveEndings: WordAnswerMemo
        /// Whether a word is a small commune's name (`lexicons.communes`), remembered by the
        /// thread for these lexicons (see `NameWorkspace`).
        let communeWords: WordAnswerMemo

        init(capacity: Int, _ lexicons: NameLexicons, _ services: TextServices, communeWords: WordAnswerMemo) {
            self.capacity = capacity
            self.lexicons = lexicons
            self.services = services
            self.communeWords = communeWords
            commonWords = services.commonWords
            adjectiveEndings = services.adjectiveEndings
            common = .allocate(capacity: capacity)
            adjectiveEnding = .allocate(capacity: capacity)
            firstName = .allocate(capacity: capacity)
            place = .allocate(capacity: capacity)
            lexiconNames = .allocate(capacity: capacity)
        }

        deinit {
            common.deallocate()
            adjectiveEnding.deallocate()
            firstName.deallocate()
            place.deallocate()
            lexiconNames.deallocate()
        }

        /// Forgets the answers about the previous document: the memo is now about `text`.
        func start(_ text: AnalyzedText) {
            precondition(text.count <= capacity, "a memo too small for the document")
            self.text = text
            let count = text.count
            UnsafeMutableBufferPointer(rebasing: common[..<count]).initialize(repeating: 0)
            UnsafeMutableBufferPointer(rebasing: adjectiveEnding[..<count]).initialize(repeating: 0)
            UnsafeMutableBufferPointer(rebasing: firstName[..<count]).initialize(repeating: 0)
            UnsafeMutableBufferPointer(rebasing: place[..<count]).initialize(repeating: -1)
            UnsafeMutableBufferPointer(rebasing: lexiconNames[..<count]).initialize(repeating: -1)
        }
    }

    init(_ text: AnalyzedText, _ lexicons: NameLexicons) {
        self.text = text
        self.lexicons = lexicons
        self.tokens = text.tokens
        self.index = text.lexiconIndex
        self.memo = NameWorkspace.current.memo(for: text, lexicons)
    }

    /// Per token, where the scan keeps its lexicon names (see `NameScan.lexiconName`).
    var lexiconNameCodes: UnsafeMutableBufferPointer<Int32> { memo.lexiconNames }

    var count: Int { tokens.count }

    // MARK: - Token shape

    /// A word that can be part of a name: capitalised or all capitals, not an elided article.
    @inline(__always) // asked at nearly every token by every rule: a call cost more than the test
    func isNameWord(_ i: Int) -> Bool {
        guard i >= 0 && i < count else { return false }
        let t = tokens[i]
        guard t.kind == .word, !t.has(.elision) else { return false }
        return t.has(.capitalized) || t.has(.allCaps)
    }

    @inline(__always) // asked at nearly every token by every rule: a call cost more than the test
    func isLowercaseWord(_ i: Int) -> Bool {
        guard i >= 0 && i < count else { return false }
        let t = tokens[i]
        return t.kind == .word && !t.has(.capitalized) && !t.has(.allCaps) && !t.has(.elision)
    }

    /// The end of the run of name words that starts at `i` (a run never crosses a line);
    /// `&` and `d'` join name words (`Claudel & Fils`, `Horizon Côte d'Amour`).
    func runEnd(from i: Int) -> Int {
        var e = i + 1
        while e < count {
            if isNameWord(e) && !tokens[e].has(.lineStart) { e += 1; continue }
            // Not after capitals: `PDG d'EDF` is a function and a name.
            // Nor after one letter: `le compartiment B d'Euronext`.
            if (isPunctuation(e, "&") || (isWord(e, words.dElided) && !tokens[e - 1].has(.allCaps) && tokens[e - 1].length > 1))
                && isNameWord(e + 1) && !tokens[e + 1].has(.lineStart) { e += 2; continue }
            break
        }
        return min(e, count)
    }

    /// Whether `i` opens a sentence, a line or a quotation, where any word may be capitalised.
    func opensSentence(_ i: Int) -> Bool {
        let t = tokens[i]
        if t.has(.sentenceStart) || t.has(.lineStart) { return true }
        guard i > 0 else { return true }
        // After a dateline (`NANTES – Le ...`, `PARIS (AFP) – Réunis ...`).
        if isPunctuation(i - 1, "-") { return true }
        // `... ensemble. » Son confrère`: the sentence closed inside the quotation.
        if isPunctuation(i - 1, "»") || isPunctuation(i - 1, "\u{201D}") {
            return isPunctuation(i - 2, ".") || isPunctuation(i - 2, "!") || isPunctuation(i - 2, "?") || isPunctuation(i - 2, "\u{2026}")
        }
        return isPunctuation(i - 1, "«") || isPunctuation(i - 1, "\"") || isPunctuation(i - 1, "\u{201C}")
            || (isPunctuation(i - 1, "-") && tokens[i - 1].has(.lineStart))
    }

    /// `selon L'Équipe`, `a révélé L'Écho roubaisien`: a capital elided article inside a
    /// sentence belongs to the name that follows it.
    func capitalElisionBefore(_ s: Int) -> Bool {
        guard s > 0 else { return false }
        let t = tokens[s - 1]
        return t.has(.elision) && t.has(.capitalized) && isWord(s - 1, words.lElided) && !opensSentence(s - 1)
    }

    /// Whether token `i` is the word with vocabulary id `word` (one of `lexicons.words`).
    @inline(__always) // asked at nearly every token by every rule: a call cost more than the test
    func isWord(_ i: Int, _ word: Int32) -> Bool {
        i >= 0 && i < count && tokens[i].word == word
    }

    /// Whether token `i` is a word of `set`; false outside the text, where rules that look
    /// ahead or behind a token may land.
    @inline(__always)
    func isIn(_ set: WordSet, at i: Int) -> Bool {
        i >= 0 && i < count && set.contains(tokens[i])
    }

    /// The words the rules name, by vocabulary id.
    var words: RuleWords { lexicons.words }

    /// Whether token `i` is punctuation reading `mark` (one UTF-16 unit) in the normalised view.
    @inline(__always) // asked at nearly every token by every rule: a call cost more than the test
    func isPunctuation(_ i: Int, _ mark: Unicode.Scalar) -> Bool {
        guard i >= 0 && i < count else { return false }
        let t = tokens[i]
        guard t.kind == .punctuation || t.kind == .symbol, t.length == 1 else { return false }
        return text.view.units[Int(t.start)] == UInt16(mark.value)
    }

    /// A lowercase word that reads as an adjective of a name (`européenne`, `rennais`).
    func isAdjective(_ i: Int) -> Bool {
        guard isLowercaseWord(i), !lexicons.links.contains(tokens[i]), !lexicons.articles.contains(tokens[i]) else { return false }
        // `la Fédération des chasseurs indique`: a verb that ends like an adjective ends the name.
        return hasAdjectiveEnding(i) && !lexicons.finiteVerbs.contains(tokens[i])
    }

    /// Whether word `i`, whatever its case, ends like an adjective or a demonym (`Français`),
    /// or is one of the adjectives no ending catches (`belge`).
    func hasAdjectiveEnding(_ i: Int) -> Bool {
        // The memo is a raw buffer: keep the trap an array gave on a bad index.
        precondition(i >= 0 && i < count, "token index out of range")
        let known = memo.adjectiveEnding[i]
        if known != 0 { return known == 2 }
        let found = adjectiveEndingOf(i)
        memo.adjectiveEnding[i] = found ? 2 : 1
        return found
    }

    /// Whether word `i` ends like a demonym (`Béninoise`, `Lyonnais`).
    func hasDemonymEnding(_ i: Int) -> Bool { hasEnding(i, lexicons.demonymEndings) }

    /// `II`, `XIV`: capitals that are all Roman digits.
    func isRomanNumeral(_ i: Int) -> Bool {
        let units = text.units(i)
        return units.count <= 5 && units.allSatisfy { [0x49, 0x56, 0x58, 0x4C, 0x43, 0x44, 0x4D].contains($0) }
    }

    /// Whether word `i` ends like a commune's name (`Brenouillac`, `Hautecourt`).
    func hasPlaceNameEnding(_ i: Int) -> Bool { hasEnding(i, lexicons.placeNameEndings) }

    /// Whether word `i` ends like a company's word (`Stevedoring`, `Mikrotechnik`).
    func hasOrgWordEnding(_ i: Int) -> Bool { hasEnding(i, lexicons.orgWordEndings) }

    func hasEnding(_ i: Int, _ endings: [[UInt16]]) -> Bool {
        let t = tokens[i]
        return NameReader.endsWithOne(of: endings, text.keys[Int(t.keyStart)..<Int(t.keyEnd)])
    }

    /// Whether a folded key ends with one of `endings`, three letters at least left before it.
    /// The last letters are compared first: most endings differ there, and the suffix
    /// comparison cost far more than that test.
    static func endsWithOne<Key: BidirectionalCollection>(of endings: [[UInt16]], _ key: Key) -> Bool where Key.Element == UInt16 {
        guard let last = key.last else { return false }
        let count = key.count
        // An empty ending (none in the lists) would match every key long enough, as before.
        return endings.contains { ending in
            (ending.last ?? last) == last && count > ending.count + 2 && key.suffix(ending.count).elementsEqual(ending)
        }
    }

    private func adjectiveEndingOf(_ i: Int) -> Bool {
        let t = tokens[i]
        if lexicons.adjectiveWords.contains(t) { return true }
        let endings = lexicons.adjectiveEndings
        return text.keys.withUnsafeBufferPointer { keys in
            memo.adjectiveEndings.answer(word: t.word, key: UnsafeBufferPointer(rebasing: keys[Int(t.keyStart)..<Int(t.keyEnd)])) { key in
                NameReader.endsWithOne(of: endings, key)
            }
        }
    }

    /// Whether the lowercase word `i` ends like an infinitive (`de relever`), which ends a name.
    func looksInfinitive(_ i: Int) -> Bool {
        let t = tokens[i]
        let key = text.keys[Int(t.keyStart)..<Int(t.keyEnd)]
        guard key.count > 3, let last = key.last else { return false }
        return last == 0x72 && (key[key.endIndex - 2] == 0x65 || key[key.endIndex - 2] == 0x69)
    }

    // MARK: - Lexicons

    /// The length of the longest entry of `list` at `i` whose capitals are all there.
    func match(_ list: NameList?, at i: Int, limit: Int? = nil) -> Int? {
        guard let list, i >= 0, i < count, let m = index.longest(category: list.category.id, at: i, limit: limit) else { return nil }
        return hasCapitals(list, m, at: i) ? m.length : nil
    }

    /// The entry matched at `i`, with the same capital check as `match`.
    func entry(_ list: NameList?, at i: Int) -> LexiconMatch? {
        guard let list, i >= 0, i < count, let m = index.longest(category: list.category.id, at: i) else { return nil }
        return hasCapitals(list, m, at: i) ? m : nil
    }

    func hasCapitals(_ list: NameList, _ m: LexiconMatch, at i: Int) -> Bool {
        if m.length == 1 && list.acronyms.contains(m.entry) && !tokens[i].has(.allCaps) { return false }
        var capitals = 0
        for k in i..<(i + m.length) where tokens[k].has(.capitalized) || tokens[k].has(.allCaps) { capitals += 1 }
        return capitals >= Int(list.capitals[Int(m.entry)])
    }

    /// The start of an entry of `list` that ends exactly at `end` (ignoring capitals),
    /// one of `allowed` when given.
    /// Inlined: asked about 70 000 times per thousand documents, mostly where the word before
    /// `end` ends no entry, which the test of `lastWords` tells without a call.
    @inline(__always)
    func matchEnding(_ list: NameList?, at end: Int, maxLength: Int = 4, allowed: EntrySet? = nil) -> Int? {
        guard let list else { return nil }
        // An entry that ends at `end` ends with the word before it.
        if let last = list.lastWords, !(end >= 1 && end <= count && last.contains(tokens[end - 1].word)) { return nil }
        return entryStart(list, endingAt: end, maxLength: maxLength, allowed: allowed)
    }

    /// `matchEnding` past its test of the last word: the look-ups.
    private func entryStart(_ list: NameList, endingAt end: Int, maxLength: Int, allowed: EntrySet?) -> Int? {
        var start = end - 1
        while start >= max(0, end - maxLength) {
            if let m = index.longest(category: list.category.id, at: start, limit: end), m.length == end - start,
               allowed?.contains(m.entry) ?? true {
                return start
            }
            start -= 1
        }
        return nil
    }

    /// Whether any lexicon entry (of any category) starts at token `i`: where none does, no
    /// list of the rules matches there.
    @inline(__always)
    func startsEntry(_ i: Int) -> Bool { i >= 0 && i < count && index.startsEntry(i) }

    /// The longest place entry at `i`.
    func placeMatch(at i: Int) -> Int? {
        guard i >= 0 && i < count else { return nil }
        let known = memo.place[i]
        if known >= 0 { return known == 0 ? nil : Int(known) }
        // No entry at all here: skip the lists (each one read from the array costs a retain).
        guard index.startsEntry(i) else {
            memo.place[i] = 0
            return nil
        }
        var best: Int?
        // The longest entry of each place list, all in one pass over the token's matches.
        let slots = lexicons.placeSlots
        index.forEachLongest(at: i, slot: slots.slot) { k, m in
            if hasCapitals(lexicons.places[k], m, at: i), m.length > (best ?? 0) { best = m.length }
        }
        if best == nil, let length = afterContraction(lexicons.citiesAfterContraction, at: i) { best = length }
        memo.place[i] = Int8(clamping: best ?? 0)
        return best
    }

    /// An entry of a list of names without their `Le` or `Les` (`Havre`, `Maine libre`), matched
    /// only where `du`, `au` (`Le`) or `des`, `aux` (`Les`) holds that article.
    func afterContraction(_ list: NameList?, at i: Int) -> Int? {
        // The contraction first: most names have none before them, and it costs no look-up.
        guard let held = articleHeld(before: i), let list, let m = entry(list, at: i),
              list.entries[Int(m.entry)].field(0) == held.rawValue else { return nil }
        return m.length
    }

    /// An article a contraction holds: `du`, `au` hold `le`; `des`, `aux` hold `les`.
    enum HeldArticle: String { case le, les }

    /// The article that the contraction right before `i` holds, if one stands there.
    func articleHeld(before i: Int) -> HeldArticle? {
        guard i > 0 else { return nil }
        if isWord(i - 1, words.du) || isWord(i - 1, words.au) { return .le }
        if isWord(i - 1, words.des) || isWord(i - 1, words.aux) { return .les }
        return nil
    }

    /// A small commune's name covering the whole run of capitalised words from `i`; after `au`,
    /// `du`, `aux` or `des`, with the article they hold (`au Guilvinec` is `Le Guilvinec`).
    func isCommune(_ i: Int) -> Bool {
        guard let communes = lexicons.communes, i >= 0, i < count else { return false }
        let end = runEnd(from: i)
        // One word, the usual case: looked up in place.
        let held = articleHeld(before: i)
        if end == i + 1 && held == nil && !capitalElisionBefore(i) {
            // A binary search in a long list: the answer is remembered by word.
            let t = tokens[i]
            return text.keys.withUnsafeBufferPointer { keys in
                memo.communeWords.answer(word: t.word, key: UnsafeBufferPointer(rebasing: keys[Int(t.keyStart)..<Int(t.keyEnd)])) {
                    communes.contains($0)
                }
            }
        }
        // Several words or a contracted article: the run's key laid out in a buffer on the stack,
        // with room before it for the elided article or the one a contraction holds (the arrays
        // built for every call cost about 900 instructions each).
        let elided = capitalElisionBefore(i) ? Int(tokens[i - 1].keyStart)..<Int(tokens[i - 1].keyEnd) : nil
        var length = 0
        for k in i..<end {
            if k > i && tokens[k].has(.spaceBefore) { length += 1 }
            length += Int(tokens[k].keyEnd - tokens[k].keyStart)
        }
        let room = max(elided?.count ?? 0, 4)  // `les `
        return text.keys.withUnsafeBufferPointer { keys in
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: room + length) { buffer in
                var w = room
                for k in i..<end {
                    if k > i && tokens[k].has(.spaceBefore) { buffer[w] = 0x20; w += 1 }
                    for u in Int(tokens[k].keyStart)..<Int(tokens[k].keyEnd) { buffer[w] = keys[u]; w += 1 }
                }
                if communes.contains(UnsafeBufferPointer(rebasing: buffer[room..<w])) { return true }
                // `à L'Île-Rousse`: a commune whose own article is elided.
                if let elided {
                    let start = room - elided.count
                    for (offset, u) in elided.enumerated() { buffer[start + offset] = keys[u] }
                    return communes.contains(UnsafeBufferPointer(rebasing: buffer[start..<w]))
                }
                guard let held else { return false }
                // `au Guilvinec` is `le Guilvinec`.
                let article = held.rawValue.utf16
                let start = room - article.count - 1
                for (offset, u) in article.enumerated() { buffer[start + offset] = u }
                buffer[room - 1] = 0x20
                return communes.contains(UnsafeBufferPointer(rebasing: buffer[start..<w]))
            }
        }
    }

    /// Asked about most words of a name several times by the rules: remembered per token.
    func isFirstName(_ i: Int) -> Bool {
        guard i >= 0 && i < count else { return false }
        let known = memo.firstName[i]
        if known != 0 { return known == 2 }
        let found = firstNameAt(i)
        memo.firstName[i] = found ? 2 : 1
        return found
    }

    private func firstNameAt(_ i: Int) -> Bool {
        guard isNameWord(i), !tokens[i].has(.allCaps) else { return tokens.indices.contains(i) && tokens[i].has(.initial) && !isHonorific(i) }
        if match(lexicons.firstNames, at: i) == 1 { return true }
        // `Jean-Toussaint`, `Marie-Hélène`: a compound whose first part is a first name.
        let t = tokens[i]
        guard t.has(.hyphenated) else { return false }
        let key = text.keys[Int(t.keyStart)..<Int(t.keyEnd)]
        guard let hyphen = key.firstIndex(of: 0x2D) else { return false }
        guard lexicons.firstNameKeys.contains(Array(key[key.startIndex..<hyphen])) && !hasPlaceNamePart(i) else { return false }
        // `Jean-Toussaint Dupont`, but a lone `Vic-Fezensac` is a town: alone, both parts must be first names.
        return isNameWord(i + 1) || lexicons.firstNameKeys.contains(Array(key[(hyphen + 1)...]))
    }

    func isHonorific(_ i: Int) -> Bool {
        guard let m = entry(lexicons.titles, at: i), m.length == 1 else { return false }
        return lexicons.honorifics.contains(m.entry)
    }

    func isCommonWord(_ i: Int) -> Bool {
        guard i >= 0 && i < count, let words = lexicons.commonWords else { return false }
        let known = memo.common[i]
        if known != 0 { return known == 2 }
        let t = tokens[i]
        let listed = text.keys.withUnsafeBufferPointer { keys in
            memo.commonWords.answer(word: t.word, key: UnsafeBufferPointer(rebasing: keys[Int(t.keyStart)..<Int(t.keyEnd)])) {
                words.contains($0)
            }
        }
        memo.common[i] = listed ? 2 : 1
        return listed
    }

    func isCalendarWord(_ i: Int) -> Bool {
        match(lexicons.months, at: i) == 1 || match(lexicons.weekdays, at: i) == 1
    }

    /// Whether `i` is covered by an entry of `not-names` starting at or before it.
    func notNameLength(at i: Int) -> Int? { match(lexicons.notNames, at: i) }
}
