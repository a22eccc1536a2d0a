extension Priority {
    /// A name read from the words around it (a verb of speech), not from what it is: a
    /// lexicon entry or an acronym's definition elsewhere in the document outranks it.
    static let context = lexicon - 1
}

/// What says that a capitalised name is a person: a title or function before it, a verb
/// of speech next to it, an apposition, a first name, a particle before a surname.
extension NameReader {
    /// A title or function ends right before `s` (`M.`, `le président`, `la ministre française`).
    /// Inlined (one caller, at nearly every run): most names fail its first test, which the call cost more than.
    @inline(__always)
    func titleBefore(_ s: Int) -> Bool {
        // `l'ancien gérant` / `AGEN –`: a title on the line before names nobody on this one.
        if s < count && tokens[s].has(.lineStart) { return false }
        if matchEnding(lexicons.titles, at: s) != nil { return true }
        // The title first: its look-up tests the word before it alone, the adjective its ending.
        return matchEnding(lexicons.titles, at: s - 1) != nil && isAdjective(s - 1)
    }

    /// A function opens an apposition that the name closes (`Le maire de Dax, Julien Dubois`).
    /// Inlined (one caller, at nearly every run): most names fail its first test, which the call cost more than.
    @inline(__always)
    func appositionTitleBefore(_ s: Int) -> Bool {
        guard isPunctuation(s - 1, ",") else { return false }
        return titleOpensApposition(before: s)
    }

    /// `appositionTitleBefore` after its comma.
    private func titleOpensApposition(before s: Int) -> Bool {
        let sentenceStart = text.sentence(of: s).lowerBound
        var j = s - 2
        while j >= max(sentenceStart, s - 9) {
            if isPunctuation(j, ",") || isPunctuation(j, "»") { return false }
            if match(lexicons.titles, at: j) != nil && (j == sentenceStart || !isLowercaseWord(j - 1) || lexicons.articles.contains(tokens[j - 1])) {
                return true
            }
            j -= 1
        }
        return false
    }

    /// A verb of speech right after the name (`a déclaré`, `explique`) or an apposition
    /// that describes a person (`, cofondatrice de`, `, 23 ans,`).
    func personEvidenceAfter(_ e: Int) -> Bool {
        guard e < count else { return false }
        if let m = entry(lexicons.speechVerbs, at: e), lexicons.speechAfterName.contains(m.entry) { return true }
        if lexicons.auxiliaries.contains(tokens[e]), let m = entry(lexicons.speechVerbs, at: e + 1),
           lexicons.speechAfterName.contains(m.entry) { return true }
        if isPunctuation(e, ",") {
            var k = e + 1
            if k < count, lexicons.articles.contains(tokens[k]) { k += 1 }
            if isLowercaseWord(k), match(lexicons.titles, at: k) != nil { return true }
            if k < count, tokens[k].kind == .number, isWord(k + 1, words.ans) { return true }
        }
        return false
    }

    /// `Aïssata Maïga`, `Dragoș Tudorache`: two capitalised words that no lexicon knows, neither
    /// a French word nor a place, are more often a person than a company, whose names carry a
    /// common noun (`Favre Précision`, `Lotair Composites`) or a word of `org-words.txt`.
    func looksLikeForeignName(_ s: Int, _ e: Int) -> Bool {
        guard e - s == 2, !lexicons.articles.contains(tokens[s]) else { return false }
        // `les Kaizer Chiefs`, `des Otago Highlanders`: a person's name takes no article.
        if s > 0 && (lexicons.articles.contains(tokens[s - 1]) || lexicons.contracted.contains(tokens[s - 1]) || isWord(s - 1, words.des)) {
            return false
        }
        for k in s..<e {
            let t = tokens[k]
            if t.has(.allCaps) || t.has(.internalCaps) || t.has(.abbreviation) || t.has(.hasDigit) { return false }
            if isCommonWord(k) || placeMatch(at: k) != nil || hasPlaceNamePart(k) || isCalendarWord(k) || hasOrgWordEnding(k) { return false }
        }
        return true
    }

    /// `le PDG de`, `la directrice d'`: a function and the `de` of its organisation right before `s`.
    func functionOfBefore(_ s: Int) -> Bool {
        guard s >= 2, isWord(s - 1, words.de) || isWord(s - 1, words.dElided) || isWord(s - 1, words.du) else { return false }
        return matchEnding(lexicons.titles, at: s - 1) != nil
    }

    /// `le`, `la` or `l'` right before `s` (`le Néerlandais`), in either case.
    func singularArticleBefore(_ s: Int) -> Bool {
        s > 0 && (isWord(s - 1, words.le) || isWord(s - 1, words.la) || isWord(s - 1, words.lElided))
    }

    /// `Colombe Arnoult`: a first name that is mostly a common word, followed by a surname or a
    /// capitalised word no lexicon knows, and by nothing else in the run.
    func isWeakFirstName(_ s: Int, runEnd: Int) -> Bool {
        guard runEnd == s + 2, match(lexicons.weakFirstNames, at: s) == 1 else { return false }
        let k = s + 1
        if tokens[k].has(.allCaps) || isCalendarWord(k) || placeMatch(at: k) != nil || organizationMatch(at: k) != nil { return false }
        if let _ = match(lexicons.surnames, at: k), !isCommonSurname(k) { return true }
        return !isCommonWord(k) && !isFirstName(k) && !lexicons.orgWords.contains(tokens[k])
    }

    /// `Nguyen Van Long`, `Le Thi Hoa`: three words with a Vietnamese middle name; `Park Ji-woo`,
    /// `Kim Min-jun`: a name and a given name whose second part, after the hyphen, is lowercase.
    /// Inlined: most runs have another length, which the call cost more to tell.
    @inline(__always)
    func isAsianName(_ s: Int, runEnd e: Int) -> Bool {
        guard e - s == 2 || e - s == 3 else { return false }
        return isAsianNameOfTwoOrThree(s, runEnd: e)
    }

    /// `isAsianName` for a run of two or three words.
    private func isAsianNameOfTwoOrThree(_ s: Int, runEnd e: Int) -> Bool {
        if e - s == 3 {
            return match(lexicons.middleNameParts, at: s + 1) == 1 && !tokens[s].has(.allCaps) && !tokens[s + 2].has(.allCaps)
                && placeMatch(at: s + 2) == nil
        }
        guard e - s == 2, tokens[s + 1].has(.hyphenated), !tokens[s].has(.allCaps), !tokens[s + 1].has(.allCaps) else { return false }
        let units = text.units(s + 1)
        guard let hyphen = units.firstIndex(of: 0x2D), hyphen + 1 < units.endIndex, units.lastIndex(of: 0x2D) == hyphen else { return false }
        let next = units[hyphen + 1]
        guard next >= 0x61 && next <= 0x7A else { return false }
        // `À Villeneuve-sur-Lot`, `Région Hauts-de-France`: places and common words are no given names.
        return !isCommonWord(s) && placeMatch(at: s) == nil && placeMatch(at: s + 1) == nil && !hasPlaceNamePart(s + 1)
    }

    func isCommonSurname(_ i: Int) -> Bool {
        guard let m = entry(lexicons.surnames, at: i) else { return false }
        return lexicons.commonSurnames.contains(m.entry)
    }

    /// A verb of speech right before the name (`», explique Inès Karadeniz`).
    func personEvidenceBefore(_ s: Int) -> Bool {
        guard s > 0, isLowercaseWord(s - 1) || tokens[s - 1].has(.elision) else { return false }
        guard let start = matchEnding(lexicons.speechVerbs, at: s, maxLength: 3, allowed: lexicons.speechBeforeName) else { return false }
        // `pour OpenAI`: a preposition alone says little.
        if start == s - 1 && (lexicons.links.contains(tokens[start]) || matchEnding(lexicons.placePrepositions, at: s, maxLength: 1) != nil) {
            return false
        }
        // A verb that also follows its subject (`a quitté`, `explique`) comes before it only in an
        // incise, after a quotation or a comma (`», explique Inès Karadeniz`); elsewhere the name
        // after it is its object (`Mme Lenoir a quitté Vantiris`).
        if let m = entry(lexicons.speechVerbs, at: start), lexicons.speechAfterName.contains(m.entry) {
            return start > 0 && (isPunctuation(start - 1, ",") || isPunctuation(start - 1, "»") || isPunctuation(start - 1, "\u{201D}")
                || isPunctuation(start - 1, "\"") || isPunctuation(start - 1, ")") || isPunctuation(start - 1, "-"))
        }
        return true
    }

    /// The end of a person's name that starts at `s`: the capitalised run, then particles
    /// and the surname they open (`Charles de Gaulle`, `Ursula von der Leyen`).
    func personEnd(_ s: Int, runEnd: Int) -> Int {
        var e = runEnd
        // `Laetitia Van den Berghe`, `Van der Straeten`: a capitalised particle closes the run, its lowercase rest follows.
        if e - 1 >= s, let length = match(lexicons.particles, at: e - 1), length > 1, isNameWord(e - 1 + length),
           !tokens[e - 1 + length].has(.allCaps) {
            e = self.runEnd(from: e - 1 + length)
        }
        while e < count, isLowercaseWord(e) || tokens[e].has(.elision),
              let length = match(lexicons.particles, at: e), isNameWord(e + length), !isCalendarWord(e + length),
              !tokens[e + length].has(.allCaps),
              // `le groupe Artémis de François-Henri Pinault`: a full name after `de` is another person.
              !(isFirstName(e + length) && isNameWord(e + length + 1)) {
            e = self.runEnd(from: e + length)
        }
        // `Abdel Fattah al-Burhane`, `Mohammed ben-Salmane`: a lowercase particle joined by a hyphen.
        if e < count, tokens[e].has(.hyphenated), isLowercaseWord(e), hasParticlePrefix(e) {
            e += 1
            if isNameWord(e) { e = self.runEnd(from: e) }
        }
        return e
    }

    /// Whether the lowercase hyphenated word `i` is a particle, a hyphen, then a capital (`al-Burhane`).
    private func hasParticlePrefix(_ i: Int) -> Bool {
        let units = text.units(i)
        guard let hyphen = units.firstIndex(of: 0x2D), hyphen + 1 < units.endIndex else { return false }
        let next = units[hyphen + 1]
        guard (next >= 0x41 && next <= 0x5A) || (next >= 0xC0 && next <= 0xDE) else { return false }
        let particle = String(decoding: units[units.startIndex..<hyphen], as: UTF16.self)
        return ["al", "el", "ben", "bin", "ibn", "ould", "abu", "abou"].contains(particle)
    }

    /// `la ministre de l'Agriculture`, `le commissaire chargé du Commerce`, `de l'Industrie et de
    /// l'Énergie`: a capitalised complement of a government function is not a name.
    func portfolioBefore(_ s: Int) -> Bool {
        var j = s - 1
        var hops = 0
        while j > 0 && hops < 3 {
            while j >= 0 && (lexicons.articles.contains(tokens[j]) && !tokens[j].has(.capitalized)) { j -= 1 }
            guard j >= 0, lexicons.links.contains(tokens[j]) || lexicons.contracted.contains(tokens[j]) else { return false }
            if matchEnding(lexicons.portfolioTitles, at: j) != nil { return true }
            // `... de l'Industrie et de l'Énergie`: step back over the previous complement.
            guard j >= 2, lexicons.conjunctions.contains(tokens[j - 1]) else { return false }
            j -= 2
            while j >= 0 && (isNameWord(j) || isAdjective(j)) { j -= 1 }
            hops += 1
        }
        return false
    }

    /// The first position after `s` inside the run where a first name opens a full name
    /// (`Économie Bruno Le Maire` after `le ministre de l'`), or nil.
    /// Inlined: most runs are too short for one, which the call cost more to tell.
    @inline(__always)
    func innerFullNameStart(_ s: Int, runEnd: Int) -> Int? {
        guard s + 2 < runEnd else { return nil }
        return innerFullNameStartInLongRun(s, runEnd: runEnd)
    }

    /// `innerFullNameStart` in a run of three words or more.
    private func innerFullNameStartInLongRun(_ s: Int, runEnd: Int) -> Int? {
        var k = s + 1
        while k + 1 < runEnd {
            if isFirstName(k) && !isFirstName(k - 1) && placeMatch(at: k) == nil { return k }
            k += 1
        }
        return nil
    }
}
