#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Direction nationale du contrôle de gestion (DNCG)`: a name followed by its acronym in
/// brackets. The name is found by matching the acronym's letters to the initials of its
/// words, from the bracket backwards, skipping links and articles.
struct AcronymDefinition {
    /// The spelled-out name, or nil when the initials do not match.
    var name: Range<Int>?
    /// The acronym token, inside the brackets.
    var acronym: Int
}

extension NameReader {
    /// Every `( ACRONYM )` in the document, with its spelled-out name when one precedes it.
    func acronymDefinitions() -> [AcronymDefinition] {
        var result: [AcronymDefinition] = []
        // From one `(` to the next: the brackets are looked for in a loop of their own, which
        // spends on each of the other tokens (nearly all of them) one test of its kind.
        var open = openingBracket(from: 0)
        while open + 2 < count {
            let i = open + 1
            defer { open = openingBracket(from: open + 1) }
            guard isPunctuation(i + 1, ")"), isAcronymShape(i) else { continue }
            if placeMatch(at: i) != nil { continue }
            var definition = AcronymDefinition(name: nil, acronym: i)
            if let start = expansionStart(ending: i - 1, acronym: i, uppercaseOnly: true)
                ?? expansionStart(ending: i - 1, acronym: i, uppercaseOnly: false) ?? headedNameStart(before: i - 1) {
                definition.name = start..<(i - 1)
            }
            result.append(definition)
        }
        return result
    }

    /// The first `(` from token `i` (one unit of punctuation, as `isPunctuation` reads it), or
    /// `count` when none follows. The bracket's byte is looked for in the text's units by
    /// `memchr`, then its token among the token starts by a binary search: a walk over the
    /// tokens spent a test on each of them, nearly none a bracket.
    private func openingBracket(from i: Int) -> Int {
        guard i < count else { return count }
        return text.view.units.withUnsafeBufferPointer { units in
            tokens.withUnsafeBufferPointer { tokens in
                guard let base = UnsafeRawPointer(units.baseAddress) else { return count }
                var offset = Int(tokens[i].start)
                while offset < units.count {
                    guard let found = memchr(base + 2 * offset, 0x28, 2 * (units.count - offset)) else { return count }
                    let byte = UnsafeRawPointer(found) - base
                    // The byte may be the high half of a unit, or the low half of another character.
                    let u = byte / 2
                    offset = u + 1
                    guard units[u] == 0x28 else { continue }
                    // The first token from `i` that starts at `u` or after it.
                    var low = i, high = tokens.count
                    while low < high {
                        let mid = (low + high) / 2
                        if Int(tokens[mid].start) < u { low = mid + 1 } else { high = mid }
                    }
                    guard low < tokens.count else { return count }
                    let t = tokens[low]
                    if Int(t.start) == u && t.end - t.start == 1 && (t.kind == .punctuation || t.kind == .symbol) { return low }
                }
                return count
            }
        }
    }

    /// `SNCF`, `DGFiP`, `Insee`, `Refetrap`: a short word that can be an acronym.
    private func isAcronymShape(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.has(.capitalized) else { return false }
        if t.has(.allCaps) || t.has(.internalCaps) { return true }
        // `(Pierre)`: a first name in brackets is a person's.
        return !isFirstName(i) && (t.length <= 6 || (t.length <= 10 && !isCommonWord(i)))
    }

    /// `Réseau des femmes transformatrices de poisson du golfe de Guinée (Refetrap)`: an acronym
    /// made of syllables matches no initials; the name is then the one an organisation head opens
    /// earlier in the sentence, when only words of a name lie between (no comma, no verb of its own).
    private func headedNameStart(before end: Int) -> Int? {
        let sentenceStart = text.sentence(of: end).lowerBound
        var j = end - 1
        while j >= max(sentenceStart, end - 24) {
            let t = tokens[j]
            // `de l'économie, de l'emploi, du travail`: a comma before a link lists complements.
            if isPunctuation(j, ","), j + 1 < end, lexicons.links.contains(tokens[j + 1]) || lexicons.contracted.contains(tokens[j + 1]) {
                j -= 1
                continue
            }
            guard t.kind == .word, !lexicons.auxiliaries.contains(t), !lexicons.finiteVerbs.contains(t) else { return nil }
            if isNameWord(j) && lexicons.orgHeads.contains(t)
                && (j == sentenceStart || !isNameWord(j - 1) || lexicons.articles.contains(tokens[j - 1])) { return j }
            j -= 1
        }
        return nil
    }

    private func expansionStart(ending end: Int, acronym: Int, uppercaseOnly: Bool) -> Int? {
        var letters: [UInt16] = []
        let surface = text.view.units[Int(tokens[acronym].start)..<Int(tokens[acronym].end)]
        letters.reserveCapacity(surface.count)
        for unit in surface where unit != 0x2D && unit != 0x26 {
            let isUpper = (unit >= 0x41 && unit <= 0x5A) || (unit >= 0xC0 && unit <= 0xDE)
            if uppercaseOnly && !isUpper { continue }
            // The first unit of the letter's folded form (an array per letter cost an allocation each).
            letters.append(KeyFolder.shared.fold(unit).0)
        }
        guard letters.count >= 2, letters.count <= 12 else { return nil }
        let sentenceStart = text.sentence(of: acronym).lowerBound
        var j = end - 1
        var start: Int?
        // One array for every word's initials, refilled: one per word cost an allocation each.
        var initials: [UInt16] = []
        initials.reserveCapacity(4)
        while j >= sentenceStart && !letters.isEmpty {
            let t = tokens[j]
            guard t.kind == .word else { return nil }
            if t.has(.elision) || lexicons.links.contains(t) || lexicons.articles.contains(t) || lexicons.conjunctions.contains(t) {
                j -= 1
                continue
            }
            wordInitials(j, into: &initials)
            if initials.count <= letters.count && letters.suffix(initials.count).elementsEqual(initials) {
                letters.removeLast(initials.count)
                start = j
            } else if initials.count > 1, let first = initials.first, letters.last == first {
                letters.removeLast()
                start = j
            } else {
                return nil
            }
            j -= 1
        }
        guard letters.isEmpty, let start, isNameWord(start) else { return nil }
        return start
    }

    /// The folded initials of a word's hyphen-joined parts (`Rhône-Alpes` gives `r`, `a`).
    private func wordInitials(_ i: Int, into initials: inout [UInt16]) {
        let t = tokens[i]
        initials.removeAll(keepingCapacity: true)
        var atStart = true
        for k in Int(t.keyStart)..<Int(t.keyEnd) {
            let unit = text.keys[k]
            if unit == 0x2D { atStart = true; continue }
            if atStart { initials.append(unit); atStart = false }
        }
    }
}
