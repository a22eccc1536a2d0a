/// What says that a name is a place: a gazetteer entry, a place preposition before it
/// (`à`, `en`, `au`), a geographic head (`rue de la Soie`, `golfe de Porto`), a dateline.
extension NameReader {
    /// `rue de la Soie`, `mer du Nord`, `autoroute A86`: a geographic head at `i` and its name.
    func geographicNameEnd(at i: Int) -> Int? {
        guard isLowercaseWord(i), let length = match(lexicons.geoHeads, at: i) else { return nil }
        return headedComplementEnd(after: i + length)
    }

    /// A place preposition ends right before `s` (`à`, `en`, `près de`).
    func placePrepositionBefore(_ s: Int) -> Bool {
        guard s > 0, isLowercaseWord(s - 1) || tokens[s - 1].has(.elision) else { return false }
        return matchEnding(lexicons.placePrepositions, at: s, maxLength: 4, allowed: lexicons.strongPlacePrepositions) != nil
    }

    /// A run at the start of a line followed by a dash, an agency in brackets, or a comma
    /// and a date: `NANTES –`, `PARIS (AFP) -`, `Cotonou, le 3 mars`.
    func isDateline(_ s: Int, _ e: Int) -> Bool {
        guard tokens[s].has(.lineStart), e < count else { return false }
        if isPunctuation(e, "-") || isPunctuation(e, "(") { return true }
        return isPunctuation(e, ",") && text.keyIs(e + 1, "le") && e + 2 < count && tokens[e + 2].kind == .number
    }
}
