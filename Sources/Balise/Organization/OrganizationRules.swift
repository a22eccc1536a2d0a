/// What says that a name is an organisation: a lexicon entry, a descriptor before it
/// (`la start-up`), a head word (`Banque`, `Agence`) and its complements, a legal form,
/// a lowercase institution head and the place it serves (`tribunal judiciaire de Nanterre`).
extension NameReader {
    enum OrganizationSource {
        case lexicon, acronym, seat
    }

    /// The longest organisation, acronym or seat-of-power entry at `i`.
    func organizationMatch(at i: Int) -> (length: Int, source: OrganizationSource)? {
        // Every list below is in the gazetteer: no entry here, no match (nor `articleHeld`'s tests).
        guard startsEntry(i) else { return nil }
        // `match` of each of the three lists, all in one pass over the token's matches.
        var lengths: (organization: Int?, acronym: Int?, seat: Int?) = (nil, nil, nil)
        let slots = lexicons.organizationSlots
        index.forEachLongest(at: i, slot: slots.slot) { k, m in
            switch k {
            case 0: if hasCapitals(lexicons.organizations!, m, at: i) { lengths.organization = m.length }
            case 1: if hasCapitals(lexicons.acronyms!, m, at: i) { lengths.acronym = m.length }
            default: if hasCapitals(lexicons.seats!, m, at: i) { lengths.seat = m.length }
            }
        }
        var best: (length: Int, source: OrganizationSource)?
        if let l = lengths.organization { best = (l, .lexicon) }
        if let l = lengths.acronym, l > (best?.length ?? 0) { best = (l, .acronym) }
        if let l = lengths.seat, l > (best?.length ?? 0) { best = (l, .seat) }
        if best == nil, let l = afterContraction(lexicons.organizationsAfterContraction, at: i) { best = (l, .lexicon) }
        return best
    }

    /// A descriptor ends right before `s` (`le groupe`, `la start-up`, `le fonds américain`),
    /// or an article and a lowercase demonym do (`la française Tiamat`, `le chinois CATL`).
    func descriptorBefore(_ s: Int) -> Bool {
        if descriptorEnds(at: s) { return true }
        // Both readings below need a lowercase word before `s` (a plain word, an adjective):
        // without one, none of their look-ups is needed.
        guard isLowercaseWord(s - 1) else { return false }
        // Asked once for both readings (each asked it).
        let endsBefore = descriptorEnds(at: s - 1)
        // `le groupe savoyard Altesse`, `le fonds souverain Mubadala`: any plain word may qualify the descriptor.
        if endsBefore && isPlainWord(s - 1) && !lexicons.finiteVerbs.contains(tokens[s - 1]) { return true }
        // The adjective last: its ending costs more than the look-ups, which most words fail.
        return (endsBefore || (s >= 2 && lexicons.articles.contains(tokens[s - 2])
            && matchEnding(lexicons.titles, at: s - 1) == nil && matchEnding(lexicons.titles, at: s, maxLength: 1) == nil))
            && isAdjective(s - 1)
    }

    /// A descriptor ends right before `k`, alone or with its trade (`l'enseigne d'ameublement`,
    /// `le laboratoire d'analyses`).
    private func descriptorEnds(at k: Int) -> Bool {
        if matchEnding(lexicons.orgDescriptors, at: k) != nil { return true }
        // `de` first: the plain word's test reads eight word lists and two calendars.
        return k >= 3 && (isWord(k - 2, words.de) || isWord(k - 2, words.dElided)) && isPlainWord(k - 1)
            && matchEnding(lexicons.orgDescriptors, at: k - 2) != nil
    }

    /// Whether the descriptor before `s` (or before its adjective) may take a phrase as a name
    /// (`l'association`, `le groupe d'opposition`).
    func phraseDescriptorBefore(_ s: Int) -> Bool {
        guard let descriptors = lexicons.orgDescriptors else { return false }
        for end in [s, s - 1] where end > 0 {
            if let start = matchEnding(descriptors, at: end, allowed: lexicons.phraseDescriptors), start < end { return true }
        }
        return false
    }

    /// The end of a name introduced by a descriptor: the run and its legal form; capitalised
    /// words joined by `et` or a link when the name is made of common words (`l'association Eau
    /// et Rivières de Bretagne`, `la coopérative Terres du Lauragais`, `le syndicat Sud Transports
    /// et Logistique`); after a phrase descriptor, lowercase words up to the punctuation that
    /// closes the name (`le groupe d'opposition Valence en commun,`, `l'association Lire et
    /// écrire en Gascogne.`, `la troupe Les Goélands moqueurs,`).
    func descriptorNameEnd(_ s: Int, runEnd e: Int, phrase: Bool = false) -> Int {
        var end = e
        var k = e
        // Only a name made of common words goes on over a link (`Terres du Lauragais`, but
        // `Vortalis de Grenoble` is a brand and its town); `et` needs one common word.
        var common = false
        var descriptive = false
        var steps = 0
        while k < count && steps < 6 {
            steps += 1
            let t = tokens[k]
            let joins = lexicons.conjunctions.contains(t) || isPunctuation(k, "&")
            // `a` for `à` in a phrase name only before a capitalised word (`Lire a Bastia`); before a
            // lowercase word it is the verb (`Nanterre Demain a voté`).
            let links = lexicons.links.contains(t) || lexicons.contracted.contains(t)
                || (phrase && isWord(k, words.a) && tokens[k].length == 1
                    && (isNameWord(k + 1) || (isIn(lexicons.articles, at: k + 1) && isNameWord(k + 2))))
            if joins || links {
                if steps == 1 {
                    common = (s..<e).allSatisfy { isCommonWord($0) }
                    descriptive = common || (s..<e).contains { isCommonWord($0) }
                }
                var m = k + 1
                if m < count, lexicons.articles.contains(tokens[m]), !tokens[m].has(.capitalized) { m += 1 }
                if isNameWord(m) && !tokens[m].has(.lineStart) && !isCalendarWord(m) && !isFirstName(m) {
                    // `Vortalis et Hexavia`, `Vortalis de Grenoble`: two brands, or a brand and its town.
                    let next = runEnd(from: m)
                    let other = (m..<next).contains { isCommonWord($0) }
                    if links && !common { break }
                    if joins && !(descriptive || other) { break }
                    if joins && (organizationMatch(at: m) != nil || placeMatch(at: m) != nil) { break }
                    // `ChemSec et le Bureau européen`: an article after `et` opens another name.
                    if joins && m > k + 1 { break }
                    k = next
                    end = k
                    descriptive = descriptive || other
                    common = common || (m..<next).allSatisfy { isCommonWord($0) }
                    continue
                }
                // `en commun`, `et écrire`: lowercase words, kept only when punctuation closes them.
                guard phrase, isLowercaseWord(m), !lexicons.links.contains(tokens[m]), !lexicons.articles.contains(tokens[m]),
                      !lexicons.auxiliaries.contains(tokens[m]), !lexicons.conjunctions.contains(tokens[m]), !isCalendarWord(m) else { break }
                k = m + 1
                while isAdjective(k) { k += 1 }
                if closesPhrase(k) { end = k; break }
                continue
            }
            // `la troupe Les Goélands moqueurs,`: a name with its own article takes its adjectives.
            if phrase && k == e && (lexicons.articles.contains(tokens[s]) || (e == s + 1 && isCommonWord(s)))
                && isLowercaseWord(k) && !lexicons.auxiliaries.contains(t) {
                var a = k
                while isLowercaseWord(a) && !lexicons.links.contains(tokens[a]) && !lexicons.conjunctions.contains(tokens[a]) && a < k + 2 { a += 1 }
                if a > k && closesPhrase(a) && lexicons.articles.contains(tokens[s]) {
                    end = a
                } else if a > k, a < count, lexicons.links.contains(tokens[a]), isNameWord(a + 1), !isCalendarWord(a + 1) {
                    // `l'association Un toit pour Bagnolet,`: a phrase that closes on a name after its link.
                    let close = runEnd(from: a + 1)
                    if closesPhrase(close) { end = close }
                }
            }
            break
        }
        return legalFormEnd(end)
    }

    /// Punctuation (or the end of the text) that closes a name written as a phrase.
    private func closesPhrase(_ k: Int) -> Bool {
        guard k < count else { return true }
        return isPunctuation(k, ",") || isPunctuation(k, ".") || isPunctuation(k, "(") || isPunctuation(k, ")")
            || isPunctuation(k, "»") || isPunctuation(k, ";") || isPunctuation(k, ":") || isPunctuation(k, "\u{201D}")
    }

    /// `(la Calédonienne) des Métaux`, `(la Lyonnaise) des Eaux`: the complement of a demonym
    /// that names a company, or nil.
    func demonymCompanyEnd(after e: Int) -> Int? {
        guard e < count, lexicons.links.contains(tokens[e]) || lexicons.contracted.contains(tokens[e]) else { return nil }
        var m = e + 1
        if m < count, lexicons.articles.contains(tokens[m]), !tokens[m].has(.capitalized) { m += 1 }
        guard isNameWord(m), !tokens[m].has(.lineStart), !isCalendarWord(m), !isFirstName(m), placeMatch(at: m) == nil else { return nil }
        return legalFormEnd(runEnd(from: m))
    }

    /// `Rolex et Patek Philippe`, `Norvalis, Airbus et Safran`: a name in a list with a known
    /// organisation is one too.
    func coordinatedWithOrganization(_ s: Int, _ e: Int) -> Bool {
        if s >= 2, lexicons.conjunctions.contains(tokens[s - 1]) || isPunctuation(s - 1, ",") {
            var j = s - 2
            while j > 0 && isNameWord(j - 1) { j -= 1 }
            if isNameWord(j), let org = organizationMatch(at: j), j + org.length == s - 1 { return true }
        }
        guard e + 1 < count, lexicons.conjunctions.contains(tokens[e]) || (isPunctuation(e, ",") && isNameWord(e + 1)) else { return false }
        guard let org = organizationMatch(at: e + 1) else { return false }
        return runEnd(from: e + 1) == e + 1 + org.length
    }

    /// The end of a title that opens with its own article (`Le Réveil cornouaillais`, `La Voix du
    /// Quercy`, `L'Hebdo du Perche`): its adjectives, then one complement that names a place or a
    /// thing, not a person (`Les Bleus de Deschamps`).
    func titleNameEnd(_ e: Int) -> Int {
        var end = e
        while isAdjective(end) && !isCalendarWord(end) { end += 1 }
        guard end < count, lexicons.links.contains(tokens[end]) || lexicons.contracted.contains(tokens[end]) else { return end }
        var m = end + 1
        if m < count, lexicons.articles.contains(tokens[m]), !tokens[m].has(.capitalized) { m += 1 }
        guard isNameWord(m), !tokens[m].has(.lineStart), !isCalendarWord(m), !isFirstName(m),
              match(lexicons.surnames, at: m) == nil || placeMatch(at: m) != nil else { return end }
        return runEnd(from: m)
    }

    /// `Vézère Aviation`, `Sologne Solidaire`, `Garonne Leasing Services`: the words after a place
    /// that make it a company's name: capitalised words that are neither places, nor people's
    /// names, nor dates, one of them a common word or a word of organisations. After a place that
    /// is also a first name (`Paris Habitat`, but `Florence Mercier`), no word may be a surname at all.
    func isNameTail(_ s: Int, _ e: Int, afterFirstName: Bool = false) -> Bool {
        var named = false
        for k in s..<e {
            let t = tokens[k]
            if t.has(.allCaps) || t.has(.hasDigit) || isCalendarWord(k) || placeMatch(at: k) != nil || isFirstName(k) { return false }
            if match(lexicons.surnames, at: k) != nil && (afterFirstName || !isCommonSurname(k)) { return false }
            if isCommonWord(k) || lexicons.orgWords.contains(t) { named = true }
        }
        return named
    }

    /// `aux Red Arrows de Ndola`, `au Black Eagles de Lusaka`: after `au`, `aux` or `les`, words
    /// that are no places nor first names, one of them no French word, then `de` and a known town,
    /// name a club (`aux Bleus de France` is a description).
    func isClubOfTown(_ s: Int, _ e: Int) -> Bool {
        guard s > 0, lexicons.contracted.contains(tokens[s - 1]) || isWord(s - 1, words.les),
              e + 1 < count, isWord(e, words.de), let town = placeMatch(at: e + 1), runEnd(from: e + 1) == e + 1 + town else { return false }
        var foreign = false
        for k in s..<e {
            if placeMatch(at: k) != nil || isFirstName(k) || tokens[k].has(.allCaps) { return false }
            if !isCommonWord(k) { foreign = true }
        }
        return foreign
    }

    /// `72-600` after a maker's name: a number, a hyphen and a number, written together.
    /// `MYR-214`, `COVID-19`: capitals glued by a hyphen to a number make a code (a product, a
    /// drug candidate, a disease), not a name; `i` is the hyphen.
    func isGluedCode(_ i: Int) -> Bool {
        guard i + 1 < count, isPunctuation(i, "-"), !tokens[i].has(.spaceBefore) else { return false }
        return tokens[i + 1].kind == .number && !tokens[i + 1].has(.spaceBefore)
    }

    func isModelNumber(_ i: Int) -> Bool {
        guard i + 2 < count, tokens[i].kind == .number, !tokens[i].has(.groupedDigits), isPunctuation(i + 1, "-") else { return false }
        return !tokens[i + 1].has(.spaceBefore) && tokens[i + 2].kind == .number && !tokens[i + 2].has(.spaceBefore)
    }

    /// Inlined: most runs are a word or two, which the call cost more to read.
    @inline(__always)
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
            // `Ligue contre le cancer`: `pour` and `contre` bring a purpose, which only some heads take
            // (`le CHU pour les dernières semaines` is a place to go to).
            if e < count, lexicons.links.contains(tokens[e]), !(isWord(e, words.pour) || isWord(e, words.contre)) || lexicons.purposeHeads.contains(tokens[s]),
               let next = complementEnd(after: e) { e = next; continue }
            // `Union des infirmiers libéraux et hospitaliers`: coordinated adjectives.
            if e > runEnd, lexicons.conjunctions.contains(tokens[e]), isAdjective(e - 1), isAdjective(e + 1) { e += 2; continue }
            if e > runEnd && isLowercaseWord(e - 1) {
                // `des ports et docks CGT`, `en sciences et techniques du vivant`: coordinated nouns of a complement.
                if lexicons.conjunctions.contains(tokens[e]), isPlainWord(e + 1), closesComplement(e + 2) { e += 2; continue }
                // `d'assurance maladie du Morbihan`: a noun that qualifies the complement before its place.
                if isPlainWord(e), e + 1 < count, lexicons.links.contains(tokens[e + 1]) || lexicons.contracted.contains(tokens[e + 1]),
                   let next = complementEnd(after: e + 1), isNameWord(next - 1) { e = next; continue }
                // `Fédération nationale des ports et docks CGT`: the union's acronym closes the name.
                if tokens[e].has(.allCaps), !tokens[e].has(.lineStart), organizationMatch(at: e)?.length == 1 { e += 1 }
            }
            break
        }
        return e
    }

    /// `Conseil européen de la recherche`: a known name made of a head and its adjectives goes
    /// on with a lowercase complement (`de l'innovation`), not with a place (`de Strasbourg`).
    func lowercaseComplementEnd(_ s: Int, end: Int) -> Int {
        guard end < count, end > s + 1, lexicons.orgHeads.contains(tokens[s]),
              isWord(end, words.de) || isWord(end, words.dElided) || isWord(end, words.du) || isWord(end, words.des),
              ((s + 1)..<end).allSatisfy({ isAdjective($0) }) else { return end }
        var k = end + 1
        if k < count, lexicons.articles.contains(tokens[k]) { k += 1 }
        // `de la semaine dernière`: a complement with its own adjective is more often a date or a description.
        guard isPlainWord(k), !looksInfinitive(k), !isAdjective(k + 1) else { return end }
        return k + 1
    }

    /// `de crise`, `des eaux`: a link at `k`, then a lowercase noun.
    func lowercaseComplementAt(_ k: Int) -> Bool {
        guard k + 1 < count, isWord(k, words.de) || isWord(k, words.des) || isWord(k, words.dElided) else { return false }
        return isPlainWord(k + 1) && !looksInfinitive(k + 1)
    }

    /// `Fondation Mercadier pour l'art`, `Association Alpha pour la recherche médicale`: the
    /// purpose of a foundation or an association, when its head opens the name, is part of it.
    func purposeEnd(_ s: Int, end: Int) -> Int {
        guard end < count, lexicons.purposeHeads.contains(tokens[s]), isWord(end, words.pour) else { return end }
        var k = end + 1
        if k < count, lexicons.articles.contains(tokens[k]) { k += 1 }
        guard isPlainWord(k), !looksInfinitive(k) else { return end }
        k += 1
        while isAdjective(k) { k += 1 }
        while k < count, lexicons.links.contains(tokens[k]) || lexicons.contracted.contains(tokens[k]), let next = complementEnd(after: k) { k = next }
        return k
    }

    /// The end of `de` + a place after `e`, and of more places joined by `et` (`de l'Anjou et du
    /// Maine`); `e` when no place follows.
    func placeComplementEnd(_ e: Int) -> Int {
        var end = e
        var k = e
        while k < count {
            var m = k
            if lexicons.conjunctions.contains(tokens[m]) && end > e { m += 1 }
            guard m < count, isWord(m, words.de) || isWord(m, words.dElided) || isWord(m, words.du) || isWord(m, words.des) else { break }
            m += 1
            if m < count, lexicons.articles.contains(tokens[m]) && !tokens[m].has(.capitalized) { m += 1 }
            guard let length = placeMatch(at: m), runEnd(from: m) <= m + length else { break }
            end = m + length
            k = end
        }
        return end
    }

    /// `, qui emploie`, `, filiale de`, `a racheté`: what follows a company's name rather than a
    /// word that opens a sentence: a relative clause or apposition, or an auxiliary and a verb.
    func organisationClauseAfter(_ e: Int) -> Bool {
        guard e + 1 < count else { return false }
        if isPunctuation(e, ","), isWord(e + 1, words.qui) || isWord(e + 1, words.dont) { return true }
        return lexicons.auxiliaries.contains(tokens[e]) && isLowercaseWord(e + 1) && !lexicons.articles.contains(tokens[e + 1])
    }

    /// `Lumio, la start-up rennaise, ...`, `Vexalia, une PME de Vitré`: a descriptor in apposition
    /// right after the name that ends at `e`.
    func descriptorAppositionAfter(_ e: Int) -> Bool {
        guard e + 2 < count, isPunctuation(e, ","), lexicons.articles.contains(tokens[e + 1])
                || isWord(e + 1, words.une) || isWord(e + 1, words.un) else { return false }
        guard let m = match(lexicons.orgDescriptors, at: e + 2) else { return false }
        // `Vexalia, la société qui ...` and `Lumio, la start-up` alike; not `X, le groupe de travail`.
        return e + 2 + m >= count || !isWord(e + 2 + m, words.de) || isNameWord(e + 3 + m)
    }

    /// `« La Dernière Transhumance »`, `« Les Nuits blanches »`: a work's title in quotation marks,
    /// two to five words that are all common words, names nothing; returns the closing mark.
    /// Longer quotations are speech (`« Le Standard ne pouvait pas refuser une telle offre »`).
    /// Inlined (one caller, at nearly every run): most names fail its first test, which the call cost more than.
    @inline(__always)
    func quotedTitleEnd(_ s: Int) -> Int? {
        guard s > 0, isPunctuation(s - 1, "«") || isPunctuation(s - 1, "\u{201C}") else { return nil }
        return quotedTitleEnd(afterQuote: s)
    }

    /// `quotedTitleEnd` after its opening mark.
    private func quotedTitleEnd(afterQuote s: Int) -> Int? {
        var k = s
        while k < min(count, s + 6) {
            if isPunctuation(k, "»") || isPunctuation(k, "\u{201D}") { return k > s + 1 ? k : nil }
            guard tokens[k].kind == .word, isCommonWord(k) || isLowercaseWord(k), !isFirstName(k),
                  placeMatch(at: k) == nil, organizationMatch(at: k) == nil else { return nil }
            k += 1
        }
        return nil
    }

    /// `le Sdis 57`, `la CGT 13`: a department's number right after an organisation's acronym
    /// at `e - 1` names its local branch; not a count (`l'OM 2 buts`, `CGT 30 %`).
    func departmentNumberAfter(_ e: Int) -> Bool {
        guard e > 0, e < count, tokens[e].kind == .number || tokens[e].kind == .word, tokens[e].has(.spaceBefore),
              !tokens[e].has(.groupedDigits), tokens[e].length <= 3,
              let first = text.units(e).first, first >= 0x30 && first <= 0x39 else { return false }
        let last = tokens[e - 1]
        guard last.has(.allCaps) || (last.has(.capitalized) && last.length <= 5 && !isCommonWord(e - 1)) else { return false }
        let key = Array(text.keys[Int(tokens[e].keyStart)..<Int(tokens[e].keyEnd)])
        guard lexicons.departmentNumbers.contains(key) else { return false }
        // What follows must not make the number a quantity: punctuation, an auxiliary or a verb,
        // not a plural noun (`57 salariés`) nor a unit (`57 km`, `30 %`).
        guard e + 1 < count else { return true }
        if tokens[e + 1].kind == .punctuation { return !isPunctuation(e + 1, "%") && !isPunctuation(e + 1, "-") }
        if lexicons.auxiliaries.contains(tokens[e + 1]) || isWord(e + 1, words.se) || isWord(e + 1, words.sElided) { return true }
        guard isLowercaseWord(e + 1), tokens[e + 1].length > 3, let lastUnit = text.units(e + 1).last else { return false }
        return lastUnit != 0x73 && lastUnit != 0x78
    }

    /// Where the name after `du`, `des`, `de la` or `de l'` at `k` starts, if one does.
    func linkedNameStart(after k: Int) -> Int? {
        let m: Int
        if isWord(k, words.du) || isWord(k, words.des) || isWord(k, words.dElided) {
            m = k + 1
        } else if isWord(k, words.de) && isIn(lexicons.articles, at: k + 1) {
            m = k + 2
        } else {
            return nil
        }
        return isNameWord(m) && !isCalendarWord(m) ? m : nil
    }

    /// `Quivrel emploie 300 salariés`, `Haviland a été rachetée`: what only a firm does, right after `e`.
    func organisationVerbAfter(_ e: Int) -> Bool {
        guard e < count, lexicons.orgVerbFirstWords.contains(tokens[e]) else { return false }
        return entry(lexicons.orgVerbs, at: e) != nil
    }

    /// `les salariés de Norelec`, `la direction d'Hirondelle`: a noun whose complement is an
    /// organisation, then `de`, right before `s`.
    func organisationNounBefore(_ s: Int) -> Bool {
        guard s >= 2, isWord(s - 1, words.de) || isWord(s - 1, words.dElided) || isWord(s - 1, words.du) else { return false }
        guard lexicons.orgCueNounLastWords.contains(tokens[s - 2]) else { return false }
        return matchEnding(lexicons.orgCueNouns, at: s - 1, maxLength: 3) != nil
    }

    /// `la liste « Vierzon, cap sur demain »`, `la liste écologiste « Vierzon respire »`: an
    /// electoral list's name in quotation marks after `liste`; the tokens inside the marks.
    @inline(__always) // NameScan.scan tries it at every token: the call cost more than its guard.
    func quotedListName(at i: Int) -> (Int, Int)? {
        guard tokens[i].length == 5 || tokens[i].length == 6, isLowercaseWord(i), isWord(i, words.liste) || isWord(i, words.listes) else { return nil }
        var k = i + 1
        while k < min(count, i + 3) && isAdjective(k) { k += 1 }
        guard isPunctuation(k, "«") || isPunctuation(k, "\u{201C}") else { return nil }
        let sentence = text.sentence(of: k)
        var close = k + 2
        while close < min(sentence.upperBound, k + 16) {
            if isPunctuation(close, "»") || isPunctuation(close, "\u{201D}") {
                return isNameWord(k + 1) || tokens[k + 1].has(.elision) ? (k + 1, close) : nil
            }
            close += 1
        }
        return nil
    }

    /// A lowercase word that is no function word: a noun or an adjective.
    private func isPlainWord(_ i: Int) -> Bool {
        guard isLowercaseWord(i) else { return false }
        let t = tokens[i]
        return !lexicons.links.contains(t) && !lexicons.articles.contains(t) && !lexicons.conjunctions.contains(t)
            && !lexicons.auxiliaries.contains(t) && !lexicons.contracted.contains(t) && !isCalendarWord(i)
    }

    /// The end of the domains listed with commas from `e` (`, du Commerce`), when `et` and one
    /// more domain follow them; nil otherwise.
    private func domainListEnd(from e: Int) -> Int? {
        var k = e
        while isPunctuation(k, ","), k + 1 < count, isOfLink(k + 1), let next = complementEnd(after: k + 1),
              isNameWord(next - 1), placeMatch(at: next - 1) == nil { k = next }
        guard k > e, k + 1 < count, lexicons.conjunctions.contains(tokens[k]), isOfLink(k + 1) else { return nil }
        return k
    }

    /// `de`, `d'`, `du`, `des`: the links of a complement of belonging (not `pour`, `contre`, `au`).
    private func isOfLink(_ k: Int) -> Bool {
        isWord(k, words.de) || isWord(k, words.dElided) || isWord(k, words.du) || isWord(k, words.des)
    }

    /// Whether a complement may close at `k`: punctuation, a link, an acronym or the end.
    private func closesComplement(_ k: Int) -> Bool {
        guard k < count else { return true }
        let t = tokens[k]
        return t.kind == .punctuation || lexicons.links.contains(t) || lexicons.contracted.contains(t)
            || (t.has(.allCaps) && organizationMatch(at: k)?.length == 1)
    }

    /// `Haute Autorité`, `Grand Port`: the head is not the last word of the run.
    private func hasAdjectiveHead(_ s: Int, _ e: Int) -> Bool {
        e - s >= 2 && lexicons.orgHeads.contains(tokens[s + 1]) && e - s == 2
    }

    /// The end of a complement opened by the link at `j` (`de la recherche`, `de France`).
    private func complementEnd(after j: Int) -> Int? {
        var k = j + 1
        // `au Sénat et d'un objectif`, `sur sa candidature`: an indefinite or possessive determiner
        // opens a phrase of the sentence, not a name's complement.
        if k < count, lexicons.phraseDeterminers.contains(tokens[k]) { return nil }
        if k < count, lexicons.articles.contains(tokens[k]) { k += 1 }
        if isNameWord(k) {
            if isCalendarWord(k) { return nil }
            // `Centre de crise du Quai d'Orsay`: a seat of power names the ministry, apart.
            if match(lexicons.seats, at: k) != nil { return nil }
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
    @inline(__always) // NameScan.scan tries it at every token: the call cost more than its guard.
    func institutionEnd(at i: Int) -> Int? {
        guard lexicons.institutionFirstWords.contains(tokens[i]), let head = entry(lexicons.orgHeadsLowercase, at: i) else { return nil }
        let end = headedComplementEnd(after: i + head.length, person: false)
        // `la commission des finances`: a name complete without a complement.
        return end ?? (lexicons.wholeInstitutions.contains(head.entry) ? i + head.length : nil)
    }

    /// The end of the complement that follows a lowercase head (institution or geographic
    /// feature): adjectives, then lowercase complements, and it must close on a name
    /// (`direction régionale des affaires culturelles de Bretagne`, `rue de la Soie`).
    func headedComplementEnd(after start: Int, person: Bool = true) -> Int? {
        var k = start
        var linked = false
        while isAdjective(k) { k += 1 }
        for _ in 0..<4 {
            if isNameWord(k) {
                // `à la quatrième place du classement de Pro D2`: a competition closes no place name.
                guard !isCalendarWord(k), !tokens[k].has(.lineStart), (notNameLength(at: k) ?? 0) < 2 else { return nil }
                // `le gouvernement de Michel Barnier`: a person's full name is no institution's complement.
                if !person && linked && isFirstName(k) && isNameWord(k + 1) && placeMatch(at: k) == nil { return nil }
                var e = runEnd(from: k)
                // `lycée Jeanne-Chauvin d'Épinal`: an institution's own name, then its town, which stays a place.
                if !person && !linked, let j = ((k + 1)..<e).first(where: { isOfLink($0) && placeMatch(at: $0 + 1) == e - $0 - 1 }) { e = j }
                while isAdjective(e) { e += 1 }
                // `ministère de la Transition écologique et solidaire`: coordinated adjectives.
                if e + 1 < count, lexicons.conjunctions.contains(tokens[e]), isAdjective(e - 1), isAdjective(e + 1) {
                    e += 2
                    while isAdjective(e) { e += 1 }
                }
                // `musée royal des Beaux-Arts d'Anvers`: one more place after a name the head links to;
                // `hôpital Avicenne de Bobigny` names the hospital, then its town.
                // `ministère de l'Aménagement du territoire et de la Décentralisation`: an institution's
                // complement goes on with lowercase complements and coordinated ones.
                // Only after a domain, not after a place (`tribunal de Lille pour vol`, `mairie de X et de Y`).
                if !person && placeMatch(at: k) == nil && !isCommune(k) {
                    while e < count {
                        if lexicons.conjunctions.contains(tokens[e]), e + 1 < count, isOfLink(e + 1),
                           let next = complementEnd(after: e + 1), isNameWord(next - 1), placeMatch(at: next - 1) == nil { e = next; continue }
                        // `ministère de l'Économie, du Commerce et de l'Industrie`: a list of domains that `et` closes.
                        if isPunctuation(e, ","), let next = domainListEnd(from: e) { e = next; continue }
                        if isOfLink(e), isLowercaseWord(e + 1) || isLowercaseWord(e + 2),
                           let next = complementEnd(after: e), !isNameWord(next - 1) { e = next; continue }
                        break
                    }
                }
                // A place's name ends there (`le salar d'Atacama de la France`).
                if !person, linked, e < count, lexicons.links.contains(tokens[e]) {
                    var m = e + 1
                    if m < count, lexicons.articles.contains(tokens[m]) { m += 1 }
                    if isNameWord(m) && !isCalendarWord(m) { e = runEnd(from: m) }
                }
                return e
            }
            guard k < count, lexicons.links.contains(tokens[k]) else { return nil }
            linked = true
            k += 1
            if k < count, lexicons.articles.contains(tokens[k]) { k += 1 }
            if isNameWord(k) { continue }
            guard isLowercaseWord(k), !isCalendarWord(k), !lexicons.links.contains(tokens[k]) else { return nil }
            // `le passage de la tempête Darragh`: what a not-name head introduces names no place.
            if lexicons.notNameHeadLastWords.contains(tokens[k]) && matchEnding(lexicons.notNameHeads, at: k + 1, maxLength: 1) != nil { return nil }
            // `la mairie de l'avenue de la Marne`, `l'école du lieu-dit Les Quatre-Vents`: a street or an
            // area after an institution's head is where it stands, not its complement.
            if !person, lexicons.geoHeadFirstWords.contains(tokens[k]), let head = entry(lexicons.geoHeads, at: k),
               lexicons.streetHeads.contains(head.entry) || lexicons.areaHeads.contains(head.entry) { return nil }
            k += 1
            while isAdjective(k) { k += 1 }
        }
        return nil
    }
}
