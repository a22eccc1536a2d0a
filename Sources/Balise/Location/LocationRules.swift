/// What says that a name is a place: a gazetteer entry, a place preposition before it
/// (`à`, `en`, `au`), a geographic head (`rue de la Soie`, `golfe de Porto`), a dateline.
extension NameReader {
    /// `rue de la Soie`, `mer du Nord`, `autoroute A86`: a geographic head at `i` and its name.
    @inline(__always) // NameScan.scan tries it at every token: the call cost more than its guard.
    func geographicNameEnd(at i: Int) -> Int? {
        guard isLowercaseWord(i), lexicons.geoHeadFirstWords.contains(tokens[i]), let head = entry(lexicons.geoHeads, at: i) else { return nil }
        // `une rivière des Côtes-d'Armor`: an indefinite head names no place; the place after it is named alone.
        if i > 0 && (isWord(i - 1, words.une) || isWord(i - 1, words.un)) { return nil }
        // `au cours du Mondial` is a time, not the street `cours Mirabeau`; `cap sur Lorient` is a heading.
        if i > 0 && isWord(i, words.cours) && isWord(i - 1, words.au) { return nil }
        if isWord(i, words.cap) && isWord(i + 1, words.sur) { return nil }
        // `une heure de route`, `feuille de route`: a road after `de` is a journey, not a road's name.
        if i > 0 && isWord(i, words.route) && isWord(i - 1, words.de) { return nil }
        if lexicons.venueHeads.contains(head.entry) { return venueNameEnd(after: i + head.length) }
        guard lexicons.geoHeadKinds.contains(head.entry), match(lexicons.geoHeadsOutside, at: i) != head.length else { return nil }
        let length = head.length
        // `place aux Herbes`, `quai aux Fleurs`: a street named with `au` or `aux`.
        if lexicons.streetHeads.contains(head.entry), i + length + 1 < count, lexicons.contracted.contains(tokens[i + length]),
           isNameWord(i + length + 1), !isCalendarWord(i + length + 1),
           // `laisser la place aux Bleus` is a turn of phrase; `sur la place aux Herbes` a square.
           !isWord(i, words.place) || (i >= 2 && isWord(i - 1, words.la) && (isWord(i - 2, words.sur) || isWord(i - 2, words.de))) {
            return runEnd(from: i + length + 1)
        }
        // `une conseillère départementale du canton`: no number, no road.
        if lexicons.numberedRoadHeads.contains(head.entry) && !(i + length < count && (tokens[i + length].kind == .number || isRoadNumber(i + length))) {
            return nil
        }
        // `autoroute A7`, `route nationale 165`.
        if lexicons.roadHeads.contains(head.entry) && (isRoadNumber(i + length)
            || (i + length < count && tokens[i + length].kind == .number && !tokens[i + length].has(.groupedDigits)
                && tokens[i + length].has(.spaceBefore))) { return i + length + 1 }
        return headedComplementEnd(after: i + length)
    }

    /// `stade Jean-Bouin`, `stade de la Beaujoire`, `salle du Moustoir`: the venue's own name right
    /// after its head, or after `de` and an article; `le stade de Dax` is the town's stadium, and
    /// only the town is named.
    func venueNameEnd(after k: Int) -> Int? {
        var m = k
        if m < count, lexicons.contracted.contains(tokens[m]) || isWord(m, words.du) || isWord(m, words.des) {
            m += 1
        } else if isWord(m, words.de), isIn(lexicons.articles, at: m + 1) {
            m += 2
        }
        guard isNameWord(m), !tokens[m].has(.lineStart), !isCalendarWord(m), (notNameLength(at: m) ?? 0) < 2 else { return nil }
        return runEnd(from: m)
    }

    /// `le Lirou a débordé`, `les berges de la Sèvre`: a single name that a flood verb follows
    /// after `le`/`la`/`l'`, or that the banks of a river come before.
    /// Inlined (one caller, at nearly every run): most names fail its first test, which the call cost more than.
    @inline(__always)
    func namesRiver(_ s: Int) -> Bool {
        guard let cues = lexicons.riverCues, s > 0, s + 1 < count else { return false }
        if lexicons.riverCueFirstWords.contains(tokens[s + 1]), singularArticleBefore(s), let m = entry(cues, at: s + 1),
           !lexicons.riverCuesBefore.contains(m.entry) { return true }
        guard lexicons.riverCueLastWords.contains(tokens[s - 1]) else { return false }
        return matchEnding(cues, at: s, maxLength: 4, allowed: lexicons.riverCuesBefore) != nil
    }

    /// `vue sur le Bugarach`, `en aval de l'Orbieu`: a view, a slope or a river's course right
    /// before `s`; weak evidence, for a name no list knows. With `position`, also `dans le`,
    /// `sur la`, which only count for a word no dictionary holds.
    func landscapeCueBefore(_ s: Int, position: Bool) -> Bool {
        guard let cues = lexicons.riverCues, s > 1 else { return false }
        if matchEnding(cues, at: s, maxLength: 4, allowed: lexicons.landscapeCues) != nil { return true }
        return position && matchEnding(cues, at: s, maxLength: 2, allowed: lexicons.positionCues) != nil
    }

    /// `, principal fleuve sarde`, `, un torrent qui`: a comma, at most an article and an adjective,
    /// then a geographic head of water, relief or area right after the name that ends at `e`.
    func geographicAppositionAfter(_ e: Int) -> Bool {
        guard e + 2 < count, isPunctuation(e, ",") else { return false }
        var k = e + 1
        for _ in 0..<2 where k < count && isLowercaseWord(k) && !lexicons.geoHeadFirstWords.contains(tokens[k]) { k += 1 }
        guard k < count, lexicons.geoHeadFirstWords.contains(tokens[k]), let head = entry(lexicons.geoHeads, at: k) else { return false }
        return lexicons.geoHeadKinds.contains(head.entry) && !lexicons.streetHeads.contains(head.entry) && !lexicons.roadHeads.contains(head.entry)
            || lexicons.areaHeads.contains(head.entry)
    }

    /// Where the places that follow one another from `k` end, inside the run (`Rhône Alpes`).
    func placesEnd(from k: Int, runEnd: Int) -> Int {
        var e = k
        while e < runEnd, let length = placeMatch(at: e), e + length <= runEnd { e += length }
        return e
    }

    /// `au lieu-dit Les Gravettes`, `le hameau Bellevue`: an area head right before `s`, without `de`.
    /// Inlined (one caller, at nearly every run): most names fail its first test, which the call cost more than.
    @inline(__always)
    func areaHeadBefore(_ s: Int) -> Bool {
        guard s > 0, isLowercaseWord(s - 1), let start = matchEnding(lexicons.geoHeads, at: s, maxLength: 2, allowed: lexicons.areaHeads) else {
            return false
        }
        return start == 0 || !isLowercaseWord(start - 1) || lexicons.articles.contains(tokens[start - 1])
            || lexicons.contracted.contains(tokens[start - 1]) || lexicons.links.contains(tokens[start - 1])
    }

    /// `la RD 703`, `la RN 165`: a road's letters and its number written apart.
    @inline(__always) // NameScan.scan tries it at every token: the call cost more than its guard.
    func spacedRoadNumberEnd(_ i: Int) -> Int? {
        guard i + 1 < count, tokens[i].has(.allCaps), tokens[i + 1].kind == .number, !tokens[i + 1].has(.groupedDigits) else { return nil }
        let units = text.units(i)
        guard units.count == 2, units[units.startIndex] == 0x52, [0x44, 0x4E].contains(units[units.startIndex + 1]) else { return nil }
        return i + 2
    }

    /// `A7`, `N88`, `RN 165` read as one token: capital letters, then digits.
    @inline(__always) // NameScan.scan tries it at every token: the call cost more than its guard.
    func isRoadNumber(_ i: Int) -> Bool {
        guard i < count, tokens[i].kind == .number || tokens[i].kind == .word, tokens[i].has(.hasDigit) else { return false }
        guard let first = text.units(i).first else { return false }
        return first >= 0x41 && first <= 0x5A
    }

    /// A place preposition ends right before `s` (`à`, `en`, `près de`).
    func placePrepositionBefore(_ s: Int) -> Bool {
        guard s > 0, tokens[s - 1].kind == .word else { return false }
        return matchEnding(lexicons.placePrepositions, at: s, maxLength: 4, allowed: lexicons.strongPlacePrepositions) != nil
    }

    /// `Courseulles-sur-Mer`, `Saint-Brieuc`: a hyphenated name with a part that marks a place.
    func hasPlaceNamePart(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.has(.hyphenated) else { return false }
        // Each part is compared where it stands in the keys, without copying it.
        let keys = text.keys
        var start = Int(t.keyStart)
        let end = Int(t.keyEnd)
        for k in start...end where k == end || keys[k] == 0x2D {
            let part = keys[start..<k]
            if lexicons.placeNameParts.contains(where: { $0.elementsEqual(part) }) { return true }
            start = k + 1
        }
        return false
    }

    /// `le village de Najac`, `le château de Belcastel`: a geographic head of any kind, then
    /// `de`; the head stays outside when it is an area or a building, but it says what follows.
    func placeHeadBefore(_ s: Int) -> Bool {
        // `la gare de la Part-Dieu`: an article may stand between `de` and the name.
        var k = s - 1
        if k >= 2, lexicons.articles.contains(tokens[k]) && !tokens[k].has(.capitalized) && isWord(k - 1, words.de) { k -= 1 }
        guard k >= 1, lexicons.links.contains(tokens[k]) || lexicons.contracted.contains(tokens[k]) else { return false }
        if matchEnding(lexicons.geoHeads, at: k, maxLength: 2) != nil { return true }
        // `la gare internationale de Canfranc`: an adjective between the head and `de`.
        return k >= 2 && matchEnding(lexicons.geoHeads, at: k - 1, maxLength: 2) != nil && isAdjective(k - 1)
    }

    /// `à Trégastel`, `le maire de Cancale`, `le château de Belcastel`: a place word right
    /// before a name that ends like a demonym; a demonym would take an article (`aux Français`).
    func placeWordBefore(_ s: Int) -> Bool {
        guard s > 0, !lexicons.articles.contains(tokens[s - 1]), !lexicons.contracted.contains(tokens[s - 1]) else { return false }
        return placePrepositionBefore(s) || placeHeadBefore(s)
    }

    /// `de Jarnac`, `du Croisic`: a link after a lowercase noun, where an unknown name is
    /// mostly a place.
    func placeLinkBefore(_ s: Int) -> Bool {
        guard s >= 2, lexicons.links.contains(tokens[s - 1]) || lexicons.contracted.contains(tokens[s - 1]) else { return false }
        // `pour Rolex`, `contre Vexalia`: only `de` and its forms say where.
        guard isWord(s - 1, words.de) || isWord(s - 1, words.du) || isWord(s - 1, words.des) || isWord(s - 1, words.dElided)
                || lexicons.contracted.contains(tokens[s - 1]) else { return false }
        return isLowercaseWord(s - 2) && matchEnding(lexicons.titles, at: s - 1) == nil
    }

    /// `entre Lamballe et Morieux`, `entre Évron et Laval`, `de Carhaix, de Paimpol et de
    /// Ploërmel`: a name coordinated with a known place.
    func coordinatedWithPlace(_ s: Int) -> Bool {
        var p = s - 1
        // `la Gaspésie, la Côte-Nord et l'Abitibi-Témiscamingue`: each name with its article or link.
        if p > 0, lexicons.articles.contains(tokens[p]) && !tokens[p].has(.capitalized) { p -= 1 }
        if p > 0, lexicons.links.contains(tokens[p]) || lexicons.contracted.contains(tokens[p]) { p -= 1 }
        // A comma counts inside a list only: `Vaud, Orbelis compte` is no list.
        if p >= 1, isNameWord(p - 1), lexicons.conjunctions.contains(tokens[p]) || (isPunctuation(p, ",") && endsListItem(s + 1)) {
            var j = p - 1
            while j > 0 && isNameWord(j - 1) { j -= 1 }
            if isPlaceListItem(j, p) { return true }
        }
        // `Fleurey et Pont-de-Pany`, `Fleurey, Velars-sur-Ouche et ...`: the next item of the list.
        guard s + 2 < count, lexicons.conjunctions.contains(tokens[s + 1]) || isPunctuation(s + 1, ",") else { return false }
        var k = s + 2
        if lexicons.links.contains(tokens[k]) || lexicons.contracted.contains(tokens[k]) { k += 1 }
        guard isNameWord(k) else { return false }
        let end = runEnd(from: k)
        return isPlaceListItem(k, end) && (lexicons.conjunctions.contains(tokens[s + 1]) || endsListItem(end))
    }

    /// Whether the name `j..<end` is a place by itself: a gazetteer entry, or one hyphenated word
    /// with a part that marks a place (`Velars-sur-Ouche`).
    private func isPlaceListItem(_ j: Int, _ end: Int) -> Bool {
        placeMatch(at: j) == end - j || (end == j + 1 && hasPlaceNamePart(j) && organizationMatch(at: j) == nil)
            || (isCommune(j) && runEnd(from: j) == end)
    }

    /// Whether the tokens `e..<s` join two items of a list of names: a conjunction, perhaps after
    /// a comma, or a comma alone when the list goes on after the second item (`Vaud, Orbelis
    /// compte` is no list); then perhaps `de` or `à` and a lowercase article (` et de `, `, à `).
    func separatesListItems(_ e: Int, _ s: Int, secondEnd: Int) -> Bool {
        guard e < s, s - e <= 6 else { return false }
        var k = e
        if isPunctuation(k, ",") { k += 1 }
        let conjunction = k < s && lexicons.conjunctions.contains(tokens[k])
        if conjunction { k += 1 }
        guard conjunction || (k > e && listGoesOn(secondEnd)) else { return false }
        if k < s, isLinkBeforePlace(k) { k += 1 }
        if k < s, lexicons.articles.contains(tokens[k]) && !tokens[k].has(.capitalized) { k += 1 }
        // `, Trensacq et le hameau de Pouy`: an area head and its `de` may stand before the next item.
        if k + 1 < s, isLowercaseWord(k), lexicons.geoHeadFirstWords.contains(tokens[k]), lexicons.links.contains(tokens[k + 1])
            || lexicons.contracted.contains(tokens[k + 1]) { k += 2 }
        return k == s
    }

    /// `de`, `d'`, `du`, `des`, `à`, `au`, `aux` or `en` at `k`, before the next item of a list.
    private func isLinkBeforePlace(_ k: Int) -> Bool {
        guard k >= 0 && k < count else { return false }
        let word = tokens[k].word
        return word == words.de || word == words.dElided || word == words.du || word == words.des || word == words.a
            || word == words.au || word == words.aux || word == words.en
    }

    /// Whether another name follows the item that ends at `e`, after a comma or a conjunction.
    func listGoesOn(_ e: Int) -> Bool {
        guard e + 1 < count, isPunctuation(e, ",") || lexicons.conjunctions.contains(tokens[e]) else { return false }
        // `, de Parnay et du lieu-dit Les Loges`: links, articles and a place head may come first.
        var k = e + 1
        while k < min(count, e + 4) && isLowercaseWord(k) && (lexicons.links.contains(tokens[k]) || lexicons.contracted.contains(tokens[k])
            || lexicons.articles.contains(tokens[k]) || lexicons.geoHeadFirstWords.contains(tokens[k])) { k += 1 }
        return isNameWord(k)
    }

    /// Whether `e` closes an item of a list of names: a comma, a conjunction, a full stop.
    private func endsListItem(_ e: Int) -> Bool {
        guard e < count else { return true }
        return isPunctuation(e, ",") || isPunctuation(e, ".") || lexicons.conjunctions.contains(tokens[e])
    }

    /// `la RN122`, `l'A7`: a road number standing alone (`RN`/`RD` always, one letter after an article).
    func namesRoad(_ i: Int) -> Bool {
        let units = text.units(i)
        guard units.count >= 2 else { return false }
        let a = units[units.startIndex], b = units[units.startIndex + 1]
        if (a == 0x52 && (b == 0x4E || b == 0x44)) { return units.count > 2 && isDigit(units[units.startIndex + 2]) }
        guard a == 0x41 || a == 0x4E || a == 0x44, isDigit(b) else { return false }
        return isWord(i - 1, words.lElided) || isWord(i - 1, words.la)
    }

    private func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

    /// A run at the start of a line followed by a dash, an agency in brackets, or a comma
    /// and a date: `NANTES –`, `PARIS (AFP) -`, `Cotonou, le 3 mars`.
    func isDateline(_ s: Int, _ e: Int) -> Bool {
        guard tokens[s].has(.lineStart), e < count else { return false }
        if isPunctuation(e, "-") || isPunctuation(e, "(") { return true }
        return isPunctuation(e, ",") && isWord(e + 1, words.le) && e + 2 < count && tokens[e + 2].kind == .number
    }
}
