/// What says that a name is a place: a gazetteer entry, a place preposition before it
/// (`à`, `en`, `au`), a geographic head (`rue de la Soie`, `golfe de Porto`), a dateline.
extension NameReader {
    /// `rue de la Soie`, `mer du Nord`, `autoroute A86`: a geographic head at `i` and its name.
    func geographicNameEnd(at i: Int) -> Int? {
        guard isLowercaseWord(i), let head = entry(lexicons.geoHeads, at: i), lexicons.geoHeadKinds.contains(head.entry),
              match(lexicons.geoHeadsOutside, at: i) != head.length else { return nil }
        let length = head.length
        return headedComplementEnd(after: i + length)
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
        var part: [UInt16] = []
        for k in Int(t.keyStart)...Int(t.keyEnd) {
            if k == Int(t.keyEnd) || text.keys[k] == 0x2D {
                if lexicons.placeNameParts.contains(part) { return true }
                part.removeAll(keepingCapacity: true)
            } else {
                part.append(text.keys[k])
            }
        }
        return false
    }

    /// `de Jarnac`, `du Croisic`: a link after a lowercase noun, where an unknown name is
    /// mostly a place.
    func placeLinkBefore(_ s: Int) -> Bool {
        guard s >= 2, lexicons.links.contains(tokens[s - 1]) || lexicons.contracted.contains(tokens[s - 1]) else { return false }
        return isLowercaseWord(s - 2) && matchEnding(lexicons.titles, at: s - 1) == nil
    }

    /// `entre Lamballe et Morieux`: a name coordinated with a known place.
    func coordinatedWithPlace(_ s: Int) -> Bool {
        guard s >= 2, lexicons.conjunctions.contains(tokens[s - 1]) || isPunctuation(s - 1, ",") else { return false }
        var j = s - 2
        while j > 0 && isNameWord(j - 1) { j -= 1 }
        return placeMatch(at: j) == s - 1 - j
    }

    /// A run at the start of a line followed by a dash, an agency in brackets, or a comma
    /// and a date: `NANTES –`, `PARIS (AFP) -`, `Cotonou, le 3 mars`.
    func isDateline(_ s: Int, _ e: Int) -> Bool {
        guard tokens[s].has(.lineStart), e < count else { return false }
        if isPunctuation(e, "-") || isPunctuation(e, "(") { return true }
        return isPunctuation(e, ",") && text.keyIs(e + 1, "le") && e + 2 < count && tokens[e + 2].kind == .number
    }
}
