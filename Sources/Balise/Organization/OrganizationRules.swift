/// What says that a name is an organisation: a lexicon entry, a descriptor before it
/// (`la start-up`), a head word (`Banque`, `Agence`) and its complements, a legal form,
/// a lowercase institution head and the place it serves (`tribunal judiciaire de Nanterre`).
extension NameReader {
    enum OrganizationSource {
        case lexicon, acronym, seat
    }

    /// The longest organisation, acronym or seat-of-power entry at `i`.
    func organizationMatch(at i: Int) -> (length: Int, source: OrganizationSource)? {
        var best: (length: Int, source: OrganizationSource)?
        if let l = match(lexicons.organizations, at: i) { best = (l, .lexicon) }
        if let l = match(lexicons.acronyms, at: i), l > (best?.length ?? 0) { best = (l, .acronym) }
        if let l = match(lexicons.seats, at: i), l > (best?.length ?? 0) { best = (l, .seat) }
        return best
    }

    /// A descriptor ends right before `s` (`le groupe`, `la start-up`, `le fonds américain`),
    /// or an article and a lowercase demonym do (`la française Tiamat`, `le chinois CATL`).
    func descriptorBefore(_ s: Int) -> Bool {
        if matchEnding(lexicons.orgDescriptors, at: s) != nil { return true }
        guard isAdjective(s - 1) else { return false }
        if matchEnding(lexicons.orgDescriptors, at: s - 1) != nil { return true }
        return s >= 2 && lexicons.articles.contains(tokens[s - 2]) && matchEnding(lexicons.titles, at: s - 1) == nil
    }

    /// The end of a name introduced by a descriptor: the run and its legal form, and when the
    /// run is only common words (`la coopérative Terres du Lauragais`, `le quotidien La Voix
    /// du Bocage`), the complement that makes it a name.
    func descriptorNameEnd(_ s: Int, runEnd e: Int) -> Int {
        if e < count, lexicons.links.contains(tokens[e]) || lexicons.contracted.contains(tokens[e]),
           (s..<e).allSatisfy({ isCommonWord($0) }) {
            var k = e + 1
            if k < count, lexicons.articles.contains(tokens[k]) { k += 1 }
            if isNameWord(k) && !isCalendarWord(k) { return legalFormEnd(runEnd(from: k)) }
        }
        return legalFormEnd(e)
    }

    func hasAmpersand(_ s: Int, _ e: Int) -> Bool {
        for k in s..<e where isPunctuation(k, "&") { return true }
        return false
    }

    /// Whether a token of the run is a word that names organisations (`Partners`, `FC`, `Banque`).
    func hasOrganizationWord(_ s: Int, _ e: Int) -> Bool {
        for k in s..<e where lexicons.orgWords.contains(tokens[k]) { return true }
        return false
    }

    /// The end of an organisation name whose capitalised run `s..<runEnd` ends with a head
    /// word: lowercase adjectives and complements follow (`Banque centrale européenne`,
    /// `Cour des comptes`, `Agence nationale de la recherche`).
    func organizationEnd(_ s: Int, runEnd: Int) -> Int {
        guard runEnd > s, lexicons.orgHeads.contains(tokens[runEnd - 1]) || hasAdjectiveHead(s, runEnd) else { return runEnd }
        var e = runEnd
        while e < count {
            if isAdjective(e) && !isCalendarWord(e) { e += 1; continue }
            if lexicons.conjunctions.contains(tokens[e]), e + 1 < count, lexicons.links.contains(tokens[e + 1]) {
                if let next = complementEnd(after: e + 1) { e = next; continue }
                break
            }
            if e < count, lexicons.links.contains(tokens[e]), let next = complementEnd(after: e) { e = next; continue }
            // `Union des infirmiers libéraux et hospitaliers`: coordinated adjectives.
            if e > runEnd, lexicons.conjunctions.contains(tokens[e]), isAdjective(e - 1), isAdjective(e + 1) { e += 2; continue }
            break
        }
        return e
    }

    /// `Haute Autorité`, `Grand Port`: the head is not the last word of the run.
    private func hasAdjectiveHead(_ s: Int, _ e: Int) -> Bool {
        e - s >= 2 && lexicons.orgHeads.contains(tokens[s + 1]) && e - s == 2
    }

    /// The end of a complement opened by the link at `j` (`de la recherche`, `de France`).
    private func complementEnd(after j: Int) -> Int? {
        var k = j + 1
        if k < count, lexicons.articles.contains(tokens[k]) { k += 1 }
        if isNameWord(k) {
            if isCalendarWord(k) { return nil }
            return runEnd(from: k)
        }
        guard isLowercaseWord(k), !isCalendarWord(k), !lexicons.links.contains(tokens[k]),
              !lexicons.articles.contains(tokens[k]), !lexicons.conjunctions.contains(tokens[k]),
              !lexicons.auxiliaries.contains(tokens[k]) else { return nil }
        if k == j + 1 && looksInfinitive(k) { return nil }
        // `Association des amis du vieux Clamecy`: an adjective before the name.
        if isNameWord(k + 1) && !isCalendarWord(k + 1) && !isFirstName(k + 1) { return runEnd(from: k + 1) }
        return k + 1
    }

    /// A legal form right after a name (`SA`, `Inc.`, `GmbH`): the end including it.
    func legalFormEnd(_ e: Int) -> Int {
        guard let length = match(lexicons.legalForms, at: e) else { return e }
        return e + length
    }

    /// `tribunal judiciaire de Nanterre`, `ministère de l'Économie`, `préfecture du Cantal`:
    /// a lowercase institution head at `i` and the complement that names one institution.
    func institutionEnd(at i: Int) -> Int? {
        guard lexicons.institutionFirstWords.contains(tokens[i]), let length = match(lexicons.orgHeadsLowercase, at: i) else { return nil }
        return headedComplementEnd(after: i + length)
    }

    /// The end of the complement that follows a lowercase head (institution or geographic
    /// feature): adjectives, then lowercase complements, and it must close on a name
    /// (`direction régionale des affaires culturelles de Bretagne`, `rue de la Soie`).
    func headedComplementEnd(after start: Int) -> Int? {
        var k = start
        while isAdjective(k) { k += 1 }
        for _ in 0..<4 {
            if isNameWord(k) {
                guard !isCalendarWord(k) else { return nil }
                var e = runEnd(from: k)
                while isAdjective(e) { e += 1 }
                // `musée royal des Beaux-Arts d'Anvers`: one more place after the name.
                if e < count, lexicons.links.contains(tokens[e]) {
                    var m = e + 1
                    if m < count, lexicons.articles.contains(tokens[m]) { m += 1 }
                    if isNameWord(m) && !isCalendarWord(m) { e = runEnd(from: m) }
                }
                return e
            }
            guard k < count, lexicons.links.contains(tokens[k]) else { return nil }
            k += 1
            if k < count, lexicons.articles.contains(tokens[k]) { k += 1 }
            if isNameWord(k) { continue }
            guard isLowercaseWord(k), !isCalendarWord(k), !lexicons.links.contains(tokens[k]) else { return nil }
            k += 1
            while isAdjective(k) { k += 1 }
        }
        return nil
    }
}
