/// `Rennes renverse Nantes`, `Angers a battu Auxerre`: in a match report, a city that acts,
/// or that a team meets, names its club; the city as a venue stays a place
/// (`s'impose à Angers`, `se déplacera à Annecy`).
extension NameReader {
    /// Where the words of team-sport reports are (`derby`, `Ligue 1`, `mi-temps`): one `match`
    /// in a political story is not enough to make it a match report.
    func sportWordPositions() -> [Int] {
        guard let cues = lexicons.sportsCues else { return [] }
        var found: [Int] = []
        var i = 0
        let category = cues.category.id, sportWords = lexicons.sportWords
        while i < count {
            // `entry(cues, at: i)` written out, the sport test before the capitals: most tokens
            // open no entry of any list, and most cues are no sport words.
            if tokens[i].word >= 0, startsEntry(i), let m = index.longest(category: category, at: i),
               sportWords.contains(m.entry), hasCapitals(cues, m, at: i) {
                found.append(i)
                i += m.length
            } else {
                i += 1
            }
        }
        return found
    }

    /// The tokens of the paragraph that holds `i`.
    func paragraph(of i: Int) -> Range<Int> {
        var start = i
        while start > 0 && !tokens[start].has(.paragraphStart) { start -= 1 }
        var end = i + 1
        while end < count && !tokens[end].has(.paragraphStart) { end += 1 }
        return start..<end
    }

    /// Whether the city `s..<e` stands where a team does: right after a match verb or
    /// `face à`, or opening a clause before its verb (`Vienne s'est incliné`, `Nantes, 15e,`).
    /// `quatorzième`, `deuxième`: an ordinal written in letters.
    private func isSpelledOrdinal(_ i: Int) -> Bool {
        isLowercaseWord(i) && hasEnding(i, NameReader.ordinalEnding)
    }

    static let ordinalEnding = [Array("ieme".utf16)]

    func standsForTeam(_ s: Int, _ e: Int) -> Bool {
        if matchEnding(lexicons.sportsCues, at: s, maxLength: 4, allowed: lexicons.teamCuesBefore) != nil { return true }
        guard !placePrepositionBefore(s), e < count else { return false }
        // `où Lens tentera`, `puis Lens recevra`: a clause may open after a relative or a conjunction.
        guard opensSentence(s) || isPunctuation(s - 1, ":") || isPunctuation(s - 1, ",")
                || isWord(s - 1, words.ou) || isWord(s - 1, words.puis) || isWord(s - 1, words.et) || isWord(s - 1, words.mais)
                || isWord(s - 1, words.que) || isWord(s - 1, words.quElided) else { return false }
        // `Nantes, 15e, accueillera`, `Pau, quatorzième, n'a pas`, `Lens, qui retrouve`, `Rodez, lui, rêve`.
        if isPunctuation(e, ",") {
            guard e + 1 < count else { return false }
            return tokens[e + 1].kind == .ordinal || isWord(e + 1, words.qui) || isWord(e + 1, words.lui) || isSpelledOrdinal(e + 1)
        }
        let t = tokens[e]
        guard t.kind == .word, !t.has(.capitalized), !t.has(.allCaps) else { return false }
        if t.has(.elision) { return true }
        return !lexicons.links.contains(t) && !lexicons.conjunctions.contains(t) && !lexicons.articles.contains(t)
            && !lexicons.contracted.contains(t)
    }
}
