/// Finds people, organisations and places (PER, ORG, LOC) by combining lexicons, the
/// context of a name (titles, descriptors, prepositions, verbs of speech) and its shape.
/// Each capitalised run of words is read once, left to right; `NamePropagation` later
/// labels the bare mentions of names this recognizer found with good evidence.
public struct NameRecognizer: Recognizer {
    public let name = "NameRecognizer"
    let lexicons: NameLexicons

    public static func make(_ loader: LexiconLoader) throws -> any Recognizer {
        NameRecognizer(lexicons: try loader.shared("names") { try NameLexicons(loader) })
    }

    public func propose(in text: AnalyzedText, into candidates: inout [Candidate]) {
        let scan = NameScan(NameReader(text, lexicons))
        // The scan appends to the caller's array itself, moved into the scan and back: names
        // kept in records of their own and copied out to candidates at the end cost about
        // 190 instructions each.
        scan.takeCandidates(&candidates)
        scan.scan()
        scan.takeCandidates(&candidates)
    }
}

/// One pass of the name rules over a document. What the pass writes lives in a class,
/// so that the rules need no mutable scan: reading the tokens and lexicons of an `inout`
/// scan retained and released them at nearly every test.
struct NameScan {
    let reader: NameReader
    private let output = Output()

    private final class Output {
        /// The recognizers' candidates, this scan's names appended. Behind a pointer: an
        /// append to a `var` of a class paid a dynamic exclusivity check (about 90 instructions).
        let candidates = UnsafeMutablePointer<[Candidate]>.allocate(capacity: 1)
        /// Where the sport words are, found on the first city that could stand for a team.
        var sportWords: [Int]?

        init() { candidates.initialize(to: []) }

        deinit {
            candidates.deinitialize(count: 1)
            candidates.deallocate()
        }
    }

    /// Swaps `candidates` with the scan's own array: to hand the recognizers' candidates to
    /// the scan before it runs, and to take them back with its names after.
    func takeCandidates(_ candidates: inout [Candidate]) {
        swap(&candidates, &output.candidates.pointee)
    }

    /// What the name lexicons hold at each token, looked up once (see `lexiconName`).
    private let lexiconNames: LexiconNames

    init(_ reader: NameReader) {
        self.reader = reader
        lexiconNames = LexiconNames(reader.lexiconNameCodes)
    }

    /// Whether the text around `i` reads as a team-sport report: two sport words in the
    /// document, one of them in the paragraph of `i` or a neighbouring one, so that a sports
    /// page does not turn the towns of a political paragraph into clubs.
    private func isMatchReport(at i: Int) -> Bool {
        if output.sportWords == nil { output.sportWords = reader.sportWordPositions() }
        guard let words = output.sportWords, words.count >= 2 else { return false }
        // A document full of sport (four cues or more) is a match report throughout.
        if words.count >= 4 { return true }
        let paragraph = reader.paragraph(of: i)
        let before = paragraph.lowerBound > 0 ? reader.paragraph(of: paragraph.lowerBound - 1).lowerBound : 0
        let after = paragraph.upperBound < reader.count ? reader.paragraph(of: paragraph.upperBound).upperBound : reader.count
        return words.contains { $0 >= before && $0 < after }
    }

    private var tokens: [Token] { reader.tokens }
    private var lexicons: NameLexicons { reader.lexicons }

    private func emit(_ type: EntityType, _ range: Range<Int>, _ priority: Int, _ rule: __owned String) {
        guard !range.isEmpty else { return }
        var range = range
        if type != .person && reader.capitalElisionBefore(range.lowerBound) { range = (range.lowerBound - 1)..<range.upperBound }
        if type == .organization && reader.departmentNumberAfter(range.upperBound) { range = range.lowerBound..<(range.upperBound + 1) }
        // The memberwise initialiser, which builds the candidate in place: an initialiser of
        // its own destroyed the empty value through its type's metadata, then copied the whole
        // candidate into the array and destroyed the original (about 180 instructions a name).
        output.candidates.pointee.append(Candidate(type: type, tokens: range, value: nil, rule: rule, priority: priority))
    }

    func scan() {
        let definitions = reader.acronymDefinitions()
        for definition in definitions {
            if let name = definition.name { emit(.organization, name, Priority.lexicon, "name (acronym)") }
            emit(.organization, definition.acronym..<(definition.acronym + 1), Priority.lexicon, "acronym in brackets")
        }
        // Where the next definition's tokens start (the end of the text when none follows `i`):
        // moved on only once `i` passes it, since `i` only grows.
        func start(_ k: Int) -> Int { k < definitions.count ? (definitions[k].name?.lowerBound ?? definitions[k].acronym) : reader.count }
        var next = 0
        var blockStart = start(0)
        var i = 0
        while i < reader.count {
            if i > blockStart {
                while next < definitions.count && start(next) < i { next += 1 }
                blockStart = start(next)
            }
            if i == blockStart {
                i = definitions[next].acronym + 1
                continue
            }
            if !mayOpenName(i) {
                // Most tokens open nothing: passed over in a loop of their own, up to the next one
                // that may or to the next definition (whose tokens the loop above takes).
                i = nextOpening(from: i + 1, before: blockStart)
            } else if isListWord(tokens[i]), let (start, end) = reader.quotedListName(at: i) {
                // A list's name may hold any word, a date too (`« Vierzon, cap sur demain »`).
                emit(.organization, start..<end, Priority.pattern, "liste + quoted name")
                i = end + 1
            } else if let end = reader.institutionEnd(at: i) {
                emit(.organization, i..<end, Priority.lexicon, "institution head + complement")
                i = end
            } else if lexicons.geoHeadFirstWords.contains(tokens[i]), let end = reader.geographicNameEnd(at: i) {
                emit(.location, i..<end, Priority.lexicon, "geographic head + name")
                i = end
            } else if let end = reader.spacedRoadNumberEnd(i) {
                emit(.location, i..<end, Priority.lexicon, "road number")
                i = end
            } else if reader.isRoadNumber(i) && reader.namesRoad(i) {
                emit(.location, i..<(i + 1), Priority.lexicon, "road number")
                i += 1
            } else if reader.isNameWord(i) {
                i = max(i + 1, readRun(i, limit: blockStart))
            } else if tokens[i].has(.internalCaps) && tokens[i].kind == .word && reader.descriptorBefore(i) {
                // `la start-up toulousaine weNaître`: a brand that opens in lowercase, after a descriptor.
                emit(.organization, i..<(i + 1), Priority.lexicon, "descriptor + lowercase brand")
                i += 1
            } else {
                i += 1
            }
        }
    }

    /// Whether one of the branches of `scan` may take token `i`: the union of their first
    /// guards, so that most tokens (lowercase words, punctuation) cost one test instead of
    /// six calls. It must stay wider than every branch's own guard.
    @inline(__always)
    private func mayOpenName(_ i: Int) -> Bool {
        let t = tokens[i]
        // Capitals open names, acronyms, road numbers and `weNaître`; digits road numbers (`A7`).
        if t.has(.capitalized) || t.has(.allCaps) || t.has(.internalCaps) || t.has(.hasDigit) { return true }
        // `liste « ... »` and the lowercase heads (`ministère`, `rue`).
        return lexicons.scanOpeningWords.contains(t)
    }

    /// The first token from `i` that may open a name (`mayOpenName`), or `end` if none does
    /// before it: the test alone, over the raw tokens.
    private func nextOpening(from i: Int, before end: Int) -> Int {
        let openings = lexicons.scanOpeningWords
        let shapes: Token.Flags = [.capitalized, .allCaps, .internalCaps, .hasDigit]
        return tokens.withUnsafeBufferPointer { tokens in
            var k = i
            while k < end {
                let t = tokens[k]
                if !t.flags.isDisjoint(with: shapes) || openings.contains(t) { return k }
                k += 1
            }
            return end
        }
    }

    /// `liste` or `listes`, which `quotedListName` needs first.
    @inline(__always)
    private func isListWord(_ t: Token) -> Bool {
        t.word == reader.words.liste || t.word == reader.words.listes
    }

    /// Reads the capitalised run that starts at `start`; returns where reading goes on.
    private func readRun(_ start: Int, limit: Int) -> Int {
        let runEnd = min(reader.runEnd(from: start), limit)
        var s = start
        if let length = reader.notNameLength(at: s) { return s + length }
        if let end = reader.quotedTitleEnd(s) { return end }
        // `Chez Nordvik Aircraft Leasing Ltd, on réclame`: `chez` opening the sentence, then a company.
        if s + 1 < runEnd && reader.isWord(s, reader.words.chez) && !reader.isFirstName(s + 1) {
            let end = reader.legalFormEnd(runEnd)
            emit(.organization, (s + 1)..<end, Priority.context, "chez + name")
            return end
        }
        // `au lieu-dit Les Gravettes`: an area's own name, its article included.
        if reader.areaHeadBefore(s) && lexiconName(at: s) == nil && !reader.isFirstName(s) && !reader.isCalendarWord(s)
            && !reader.hasOrganizationWord(s, runEnd) {
            emit(.location, s..<runEnd, Priority.lexicon, "area head + name")
            return runEnd
        }
        if reader.isLowercaseWord(s - 1) || (s > 0 && tokens[s - 1].has(.elision) && !tokens[s - 1].has(.capitalized)) {
            // `le prix Nobel`, `en Bourse`: a phrase of not-names that opens on the word before.
            if lexicons.notNamePhraseFirstWords.contains(tokens[s - 1]), let length = reader.match(lexicons.notNames, at: s - 1),
               length >= 2 { return s - 1 + length }
            // `la loi Climat`, `le salon Vinexpo`: laws, plans and shows are not annotated.
            if lexicons.notNameHeadLastWords.contains(tokens[s - 1]), reader.matchEnding(lexicons.notNameHeads, at: s, maxLength: 3) != nil {
                return runEnd
            }
        }
        // `dix ATR 72-600`: a maker's name before a model number names a product.
        if runEnd == s + 1 && tokens[s].has(.allCaps) && (reader.isModelNumber(runEnd) || reader.isGluedCode(runEnd)) { return runEnd }
        // `au volant d'une Peugeot 208`, `sa Renault 5`: a maker after an indefinite or possessive
        // article and before a model number is the car, a product.
        if runEnd == s + 1 && s > 0 && runEnd < reader.count && tokens[runEnd].kind == .number && !tokens[runEnd].has(.groupedDigits)
            && isIndefiniteOrPossessive(s - 1) { return runEnd + 1 }
        let opening = reader.opensSentence(s)
        if lexicons.articles.contains(tokens[s]) {
            // `La Compagnie des Alpes a décliné`: the name without the article (`Compagnie des Alpes`)
            // reaches further than the one with it (the airline `La Compagnie`).
            if let (type, length, rule) = lexiconName(at: s), length >= 2,
               !(opening && (lexiconName(at: s + 1).map { s + 1 + $0.1 > s + length } ?? false)) {
                // `Toulouse écarte La Rochelle`: a city with its own article may stand for its club too.
                if type == .location && reader.match(lexicons.cities, at: s) == length && reader.standsForTeam(s, s + length)
                    && isMatchReport(at: s) {
                    emit(.organization, s..<(s + length), Priority.lexicon, "city standing for its team")
                } else if type == .organization {
                    // `La Tribune de l'Yonne`: a known title goes on with its complement.
                    let end = reader.legalFormEnd(reader.organizationEnd(s, runEnd: s + length))
                    emit(type, s..<end, Priority.lexicon, rule)
                    return end
                } else {
                    emit(type, s..<(s + length), Priority.lexicon, rule)
                }
                return s + length
            }
            // `LE GUILVINEC –`: a dateline written in capitals keeps the town's article.
            if tokens[s].has(.allCaps) && s + 1 < runEnd && reader.isDateline(s, runEnd) {
                emit(.location, s..<runEnd, Priority.lexicon, "dateline")
                return runEnd
            }
            // `Le Paris Saint-Germain a gagné`: an article that only opens the sentence; a newspaper
            // keeps its own (`La Gazette du Morvan a révélé`).
            if opening && !(s + 1 < runEnd && lexicons.mediaHeads.contains(tokens[s + 1])
                            && (runEnd > s + 2 || reader.titleNameEnd(runEnd) > runEnd)) { s += 1 }
            // `Le` alone opening a sentence: no word of the run is left, and none of the rules
            // below takes an empty name (each needs a word at `s`, and `readName` runs only while
            // `s < runEnd`), so the titles and appositions before it need no look-up.
            if s == runEnd { return runEnd }
        }
        // `opening` is the answer at `start`: asked again only where `s` moved.
        if s != start || !lexicons.articles.contains(tokens[s]), (s == start ? opening : reader.opensSentence(s)) && s + 1 < runEnd && lexiconName(at: s) == nil && !reader.isFirstName(s)
            && !lexicons.orgWords.contains(tokens[s]) && !reader.isWeakFirstName(s, runEnd: runEnd)
            && (reader.match(lexicons.surnames, at: s) == nil || reader.isCommonSurname(s)) && !reader.isAsianName(s, runEnd: runEnd)
            && (reader.isCommonWord(s) || lexiconName(at: s + 1) != nil || reader.isFirstName(s + 1))
            // `Minière Boréalis inc. est cotée`: a legal form closes a name that opens the sentence.
            && reader.legalFormEnd(runEnd) == runEnd && reader.matchEnding(lexicons.legalForms, at: runEnd, maxLength: 2) == nil {
            s += 1
            // `Autour d'Orsenna, le jury`: the word that opened the sentence leaves its link behind.
            while s + 1 < runEnd && !tokens[s].has(.capitalized) && !tokens[s].has(.allCaps)
                    && (lexicons.links.contains(tokens[s]) || lexicons.articles.contains(tokens[s])) { s += 1 }
        }
        // The title at `s`, which the three rules below read: looked up once.
        let titleLength = reader.match(lexicons.titles, at: s)
        // `M. de Villiers-Laroche`: an honorific alone, then a particle and the surname; a function
        // is followed by its organisation (`le PDG de Vexalia`).
        if let length = titleLength, s + length == runEnd, reader.isHonorific(s) {
            let end = reader.personEnd(runEnd, runEnd: runEnd)
            if end > runEnd {
                emit(.person, runEnd..<end, Priority.lexicon, "title + particle + surname")
                return end
            }
        }
        // `le PDG de Vexalia`, `Le Président a dit`: a function alone is no name.
        if !opening || s > start, let length = titleLength, s + length == runEnd,
           tokens[s].has(.allCaps) && !reader.isHonorific(s) {
            return runEnd
        }
        // `s'amuse Van der Straeten`: a Dutch or German particle of several words opens a surname.
        if runEnd == s + 1, let m = reader.entry(lexicons.particles, at: s), m.length >= 2, lexicons.germanicParticles.contains(m.entry),
           reader.isNameWord(s + m.length), !tokens[s + m.length].has(.allCaps) {
            let end = reader.personEnd(s, runEnd: runEnd)
            emit(.person, s..<end, Priority.lexicon, "particle + surname")
            return end
        }
        var title = reader.titleBefore(s) ? TitleEvidence.direct : nil
        // `L'ONG International Rivers`, `la coopérative Maîtres Laitiers du Cotentin`: after a
        // descriptor, a function's word opens the organisation's name. The title must leave a
        // word of the run after it.
        if let length = titleLength, s + length < runEnd, !reader.descriptorBefore(s) {
            title = .direct
            s += length
        }
        // `les habitants de Mouleydier, Lalinde et Couze`: a town in a list of towns is no apposition.
        if title == nil && reader.appositionTitleBefore(s) && !(runEnd == s + 1 && reader.coordinatedWithPlace(s) && reader.listGoesOn(runEnd)) {
            title = .apposition
        }
        var end = runEnd
        while s < runEnd {
            let consumed = readName(s, runEnd: runEnd, title: title, opening: s == start && opening, atRunStart: s == start)
            title = nil
            end = max(end, consumed)
            s = consumed
        }
        return end
    }

    /// `une`, `un`, `sa`, `son`, `leur`, `cette`, `ce` at `i`: an article that makes a maker's name its car.
    private func isIndefiniteOrPossessive(_ i: Int) -> Bool {
        guard i >= 0 && i < reader.count else { return false }
        let word = tokens[i].word, words = reader.words
        return word == words.une || word == words.un || word == words.sa || word == words.son || word == words.leur
            || word == words.cette || word == words.ce
    }

    enum TitleEvidence { case direct, apposition }

    /// `les vignes de Turquant`: a guess that the document pass may revise from a list.
    static let nounLinkRule = "noun + de + name"

    /// Reads one name that starts at `s` inside the run; returns its end.
    /// `atRunStart`: `s` is where `readRun` began, whose not-name it has already looked up.
    private func readName(_ s: Int, runEnd: Int, title: TitleEvidence?, opening: Bool, atRunStart: Bool) -> Int {
        // `la Région Sud`, `la Région Pays de la Loire`: a capitalised `Région` before a region names
        // its council (the Balise decisions); `la région Grand Est` stays a place.
        // The word first: most names are neither `Région` nor `Ville`, and the capital costs a read of the token.
        if !opening && reader.isWord(s, reader.words.region) && tokens[s].has(.capitalized), let length = reader.placeMatch(at: s + 1)
            ?? (reader.placeMatch(at: s).map { $0 - 1 }), length > 0 {
            emit(.organization, s..<(s + 1 + length), Priority.lexicon, "Région + region")
            return s + 1 + length
        }
        // `la Ville de Valenciennes a payé`: a capitalised `Ville` before its town names the
        // municipality (the Balise decisions), as `Région` does; `la ville de Dole` stays a place.
        if !opening && reader.isWord(s, reader.words.ville) && tokens[s].has(.capitalized) && s + 2 < reader.count
            && (reader.isWord(s + 1, reader.words.de) || reader.isWord(s + 1, reader.words.dElided)), let length = reader.placeMatch(at: s + 2) {
            emit(.organization, s..<(s + 2 + length), Priority.lexicon, "Ville de + town")
            return s + 2 + length
        }
        // `les habitants du Pays de Lorient`: a capitalised `Pays` and the town it surrounds.
        if runEnd == s + 1 && reader.isWord(s, reader.words.pays) && tokens[s].has(.capitalized), case let end = reader.placeComplementEnd(runEnd), end > runEnd {
            emit(.location, s..<end, Priority.lexicon, "Pays + de + place")
            return end
        }
        // `le ministre de l'Économie Bruno Le Maire`: the function's complement is not the name.
        if title == nil, let k = reader.innerFullNameStart(s, runEnd: runEnd), (s..<k).allSatisfy({ reader.isCommonWord($0) }) {
            return k
        }
        if !atRunStart, let length = reader.notNameLength(at: s) { return s + length }
        // `les pentes du Glandasse`, `les méandres de l'Aure`: a view, a slope or a river's course names
        // a place that no list knows, even when a French word or a first name is spelt alike.
        if runEnd - s <= 3 && !opening && title == nil && !tokens[s].has(.allCaps) && lexiconName(at: s) == nil
            && !reader.hasOrganizationWord(s, runEnd) && reader.landscapeCueBefore(s, position: false) {
            emit(.location, s..<runEnd, Priority.shape, "landscape cue + name")
            return runEnd
        }
        // `le Tirso, principal fleuve sarde`, `l'Illgraben, un torrent`: a geographic noun in apposition.
        if runEnd == s + 1 && !opening && title == nil && lexiconName(at: s) == nil && !tokens[s].has(.allCaps)
            && reader.geographicAppositionAfter(runEnd) {
            emit(.location, s..<runEnd, Priority.shape, "name, + geographic noun")
            return runEnd
        }
        // `le Lirou a débordé`, `les berges de la Sévenne`: a flood report or a river bank names a river.
        if runEnd == s + 1 && reader.namesRiver(s) {
            emit(.location, s..<runEnd, Priority.lexicon, "river cue + name")
            return runEnd
        }
        // `Il espère ...`: a common word that opens the sentence, whatever follows; not a dateline (`CHABLIS –`).
        if opening && runEnd == s + 1 && reader.isCommonWord(s) && lexiconName(at: s) == nil && !reader.isFirstName(s)
            && !reader.isDateline(s, runEnd) { return runEnd }
        // `la Béninoise Adjoa Hounkpatin`: a demonym no word list holds counts after a singular article.
        // The ending after the cheaper tests: most names have none, and the rules below ask for
        // the lexicon name at `s` anyway.
        if s + 1 < runEnd && !lexicons.orgWords.contains(tokens[s]) && lexiconName(at: s) == nil && reader.hasAdjectiveEnding(s)
            && (reader.isCommonWord(s) || (reader.singularArticleBefore(s) && reader.hasDemonymEnding(s))) {
            // `le Néerlandais Bram de Witte`, `l'Italienne Giulia Marcotti`: one person after a singular article and a demonym.
            // `La Dernière Transhumance`, a title: a common word after the adjective is no name.
            if reader.singularArticleBefore(s) && lexiconName(at: s + 1)?.0 != .organization && !reader.hasOrganizationWord(s + 1, runEnd)
                && (!reader.isCommonWord(s + 1) || reader.isFirstName(s + 1) || reader.match(lexicons.surnames, at: s + 1) != nil) {
                let end = reader.personEnd(s + 1, runEnd: runEnd)
                emit(.person, (s + 1)..<end, Priority.lexicon, "demonym + name")
                return end
            }
            // `les Italiens Brando Benifei et ...`: the demonym is no part of the name.
            if reader.personEnd(s + 1, runEnd: runEnd) > s + 2 && !reader.hasOrganizationWord(s + 1, runEnd) { return s + 1 }
        }
        // `la Calédonienne des Métaux`, `la Lyonnaise des Eaux`: a feminine demonym and its complement name a company.
        if runEnd == s + 1 && s > 0 && reader.isWord(s - 1, reader.words.la) && !tokens[s].has(.allCaps) && reader.hasAdjectiveEnding(s)
            && lexiconName(at: s) == nil, let end = reader.demonymCompanyEnd(after: runEnd) {
            emit(.organization, s..<end, Priority.lexicon, "la + demonym + complement")
            return end
        }
        // `les Rennais ont gagné`: a demonym alone; not a head (`la Mutuelle des ...`).
        // `par L'Indépendant`: a capital elided article inside a sentence makes it a title.
        if runEnd == s + 1 && title == nil && lexiconName(at: s) == nil && !reader.isFirstName(s) && reader.hasAdjectiveEnding(s)
            && reader.isCommonWord(s) && !reader.placeWordBefore(s) && !lexicons.orgWords.contains(tokens[s])
            && !reader.capitalElisionBefore(s) && !(s > 0 && reader.isWord(s - 1, reader.words.chez)) && !reader.descriptorBefore(s) { return runEnd }
        // `Le Premier ministre`: a function written with a capital.
        if let length = reader.match(lexicons.titles, at: s), s + length > runEnd { return s + length }
        if !reader.tokens[s].has(.allCaps) && reader.portfolioBefore(s) { return runEnd }
        // `Morvan & Associés`, `Brenault & Fils`: names joined by `&` make a firm.
        if title == nil && reader.hasAmpersand(s, runEnd) {
            let end = reader.legalFormEnd(runEnd)
            emit(.organization, s..<end, Priority.lexicon, "name & name")
            return end
        }
        if title == nil && reader.isAsianName(s, runEnd: runEnd) {
            emit(.person, s..<runEnd, Priority.lexicon, "family name + given names")
            return runEnd
        }
        // `GAEC des Trois-Chênes`, `SCI du Moulin`: a legal form, then the name after `des`, `du`, `de la`.
        if title == nil, let length = reader.match(lexicons.legalForms, at: s), s + length == runEnd, tokens[s].has(.allCaps),
           let nameStart = reader.linkedNameStart(after: runEnd) {
            let end = reader.runEnd(from: nameStart)
            emit(.organization, s..<end, Priority.lexicon, "legal form + de + name")
            return end
        }
        // `SCI Les Tilleuls du Canal`, `SARL Vortalis`: a legal form that opens the name.
        if title == nil, let length = reader.match(lexicons.legalForms, at: s), s + length < runEnd, tokens[s].has(.allCaps) {
            let end = reader.descriptorNameEnd(s + length, runEnd: runEnd)
            emit(.organization, s..<end, Priority.lexicon, "legal form + name")
            return end
        }
        if title != .direct, let (type, length, rule) = lexiconName(at: s) {
            var end = s + length
            // `le Parc naturel régional de Corse recrute`: a park written with a capital is the
            // body that runs it; `le parc national des Cévennes` is the place.
            if type == .location && length > 1 && tokens[s].has(.capitalized) && reader.isWord(s, reader.words.parc) {
                emit(.organization, s..<end, Priority.lexicon, "Parc + park name")
                return end
            }
            // `EDF Renouvelables`, `GE Renewable Energy`, `Arte France Cinéma`: a known name opens a
            // longer unknown one, places among its words.
            if type == .organization && end < runEnd && (end..<runEnd).allSatisfy({ unknownWord($0) || reader.placeMatch(at: $0) != nil })
                && (end..<runEnd).contains(where: { unknownWord($0) && reader.placeMatch(at: $0) == nil }) { end = runEnd }
            // `ARS Grand Est`, `Caisse d'Épargne Rhône Alpes`: an organisation's branch named by its places.
            if type == .organization && end < runEnd && reader.placesEnd(from: end, runEnd: runEnd) == runEnd { end = runEnd }
            // `France 3 Hauts-de-France`: a known name that ends on a number, then its region.
            if type == .organization && end > runEnd && reader.isNameWord(end), case let next = reader.runEnd(from: end),
               reader.placesEnd(from: end, runEnd: next) == next { end = next }
            // `Loire Forez Agglomération`: places that open an organisation's name.
            if type == .location && end < runEnd, case let k = reader.placesEnd(from: end, runEnd: runEnd), k > end, k < runEnd,
               reader.hasOrganizationWord(k, runEnd) || reader.isNameTail(k, runEnd, afterFirstName: false) {
                let orgEnd = reader.legalFormEnd(runEnd)
                emit(.organization, s..<orgEnd, Priority.lexicon, "places + organisation name")
                return orgEnd
            }
            // `le fonds belge Meuse Valley Equity`: after a descriptor, a place that opens a longer name.
            if type == .location && end < runEnd && title == nil && reader.descriptorBefore(s) {
                let orgEnd = reader.descriptorNameEnd(s, runEnd: runEnd, phrase: reader.phraseDescriptorBefore(s))
                emit(.organization, s..<orgEnd, Priority.lexicon, "descriptor + place + name")
                return orgEnd
            }
            // `Vosges Matin`, `Nantes Métropole`: a place that opens an organisation's name.
            if type == .location && end < runEnd && reader.hasOrganizationWord(end, runEnd) {
                let orgEnd = reader.legalFormEnd(reader.organizationEnd(s, runEnd: runEnd))
                emit(.organization, s..<orgEnd, Priority.lexicon, "place + organisation word")
                return orgEnd
            }
            if type == .organization {
                end = reader.lowercaseComplementEnd(s, end: end)
                end = reader.legalFormEnd(reader.organizationEnd(s, runEnd: end))
                // `Crédit agricole de l'Anjou et du Maine`, `Bourse de Toronto`: a known name that opens
                // with a head goes on with the places it serves.
                if lexicons.orgHeads.contains(tokens[s]) { end = reader.placeComplementEnd(end) }
            }
            // `Vézère Aviation`, `Sologne Solidaire`: a place that opens a longer name of words no place list holds.
            if type == .location && end < runEnd && reader.isNameTail(end, runEnd, afterFirstName: reader.isFirstName(s)) {
                let orgEnd = reader.descriptorBefore(s)
                    ? reader.descriptorNameEnd(s, runEnd: runEnd, phrase: reader.phraseDescriptorBefore(s)) : reader.legalFormEnd(runEnd)
                emit(.organization, s..<orgEnd, Priority.lexicon, "place + name")
                return orgEnd
            }
            // `Drac Normandie`: a word before a region names the region's branch of an agency.
            if type == .location && end == s + 1 && runEnd > end && reader.match(lexicons.cities, at: s) == nil
                && reader.match(lexicons.regions, at: s) == nil && reader.match(lexicons.regions, at: end) == runEnd - end {
                emit(.organization, s..<runEnd, Priority.lexicon, "name + region")
                return runEnd
            }
            // `le Suisse Loïc Berthoud`: a country before a person's name is a demonym.
            if type == .location && end == s + 1 && s > 0 && lexicons.articles.contains(tokens[s - 1])
                && reader.isFirstName(s + 1) && s + 2 < runEnd { return s + 1 }
            // `le groupe d'opposition Valence en commun`: a place that opens a phrase named by its descriptor.
            if type == .location && reader.descriptorBefore(s) && reader.phraseDescriptorBefore(s) {
                let orgEnd = reader.descriptorNameEnd(s, runEnd: end, phrase: true)
                if orgEnd > end {
                    emit(.organization, s..<orgEnd, Priority.lexicon, "descriptor + name")
                    return orgEnd
                }
            }
            // `selon L'Ouest républicain`: a capital article inside a sentence and an adjective make a title.
            if type == .location && end == runEnd && reader.capitalElisionBefore(s) && reader.isAdjective(end) {
                let titleEnd = reader.titleNameEnd(runEnd)
                emit(.organization, s..<titleEnd, Priority.lexicon, "L' + name + adjective")
                return titleEnd
            }
            // `ORANGE –`: a town that is also an organisation's name, at a dateline.
            if reader.isDateline(s, end) && (type == .location || reader.placeMatch(at: s) == end - s) {
                emit(.location, s..<end, Priority.lexicon, "dateline")
                return end
            }
            // `le Centre national des lettres`: a place that is also an organisation head.
            // `le Centre de crise et de soutien`: or a lowercase complement after `de`.
            if type == .location && end == s + 1 && lexicons.orgHeads.contains(tokens[s]) && end == runEnd
                && (reader.isAdjective(end) || reader.lowercaseComplementAt(end)) {
                let orgEnd = reader.legalFormEnd(reader.organizationEnd(s, runEnd: end))
                emit(.organization, s..<orgEnd, Priority.lexicon, "organisation head + adjective")
                return orgEnd
            }
            if type == .location && reader.match(lexicons.cities, at: s) == end - s && reader.standsForTeam(s, end) && isMatchReport(at: s) {
                emit(.organization, s..<end, Priority.lexicon, "city standing for its team")
                return end
            }
            // A person's first name that is also a place (`Florence Parly`) reads as a person.
            if !(type == .location && reader.isFirstName(s) && end == s + 1 && s + 1 < runEnd
                 && (!reader.isCommonWord(s + 1) || reader.match(lexicons.surnames, at: s + 1) != nil)) {
                emit(type, s..<end, Priority.lexicon, rule)
                return end
            }
        }
        // `le délégué CGT Farid Benchekroun`: the union, then the person.
        if title != nil && s + 1 < runEnd && tokens[s].has(.allCaps) && reader.organizationMatch(at: s)?.length == 1 && reader.isFirstName(s + 1) {
            emit(.organization, s..<(s + 1), Priority.lexicon, "function + organisation acronym")
            let end = reader.personEnd(s + 1, runEnd: runEnd)
            emit(.person, (s + 1)..<end, Priority.lexicon, "function + organisation + name")
            return end
        }
        // `délégué CGT`, `député MoDem`: a function before a party or a union.
        if title != nil && runEnd == s + 1 && (tokens[s].has(.allCaps) || tokens[s].has(.internalCaps)) && !reader.isFirstName(s) {
            emit(.organization, s..<runEnd, Priority.lexicon, "function + organisation acronym")
            return runEnd
        }
        // `l'éditeur Vortalis`: a word that is both a function and a descriptor, before a
        // name that does not open with a first name.
        if title == .direct && !reader.isFirstName(s) && reader.descriptorBefore(s) {
            let end = reader.descriptorNameEnd(s, runEnd: runEnd, phrase: reader.phraseDescriptorBefore(s))
            emit(.organization, s..<end, Priority.lexicon, "descriptor + name")
            return end
        }
        if title != nil {
            let end = reader.personEnd(s, runEnd: runEnd)
            emit(.person, s..<end, Priority.lexicon, title == .direct ? "title + name" : "function, + name")
            return end
        }
        // `Tanit Hydrogène SA`: a legal form closes a company's name, even one that opens like a person's.
        if reader.isFirstName(s) && reader.matchEnding(lexicons.legalForms, at: runEnd, maxLength: 2) == nil && reader.legalFormEnd(runEnd) == runEnd
            // `Chez Océane Transactions`: a word of a company closes no person's name.
            && !(runEnd > s + 1 && reader.hasOrganizationWord(s + 1, runEnd)) {
            let end = reader.personEnd(s, runEnd: runEnd)
            if end > s + 1 {
                emit(.person, s..<end, Priority.lexicon, "first name + surname")
                return end
            }
        }
        // `Colombe Arnoult`: a first name that is mostly a common word, before a surname.
        if reader.isWeakFirstName(s, runEnd: runEnd) {
            let end = reader.personEnd(s, runEnd: runEnd)
            emit(.person, s..<end, Priority.lexicon, "first name + surname")
            return end
        }
        // `un fournisseur espagnol, Compositex Navarra,`: a descriptor in apposition.
        if s >= 2 && reader.isPunctuation(s - 1, ",") && !reader.isFirstName(s) && reader.descriptorBefore(s - 1) {
            let end = reader.legalFormEnd(runEnd)
            emit(.organization, s..<end, Priority.lexicon, "descriptor, + name")
            return end
        }
        // `Dreets Occitanie`, `Santé Québec`: a word before a place names that place's branch.
        if s + 1 < runEnd, let length = reader.placeMatch(at: s + 1), s + 1 + length == runEnd, !reader.isFirstName(s),
           reader.match(lexicons.surnames, at: s) == nil, !reader.isCalendarWord(s), !reader.hasAdjectiveEnding(s) {
            emit(.organization, s..<runEnd, Priority.lexicon, "name + place")
            return runEnd
        }
        // A marker word alone is no name (`Sports` in a menu); a head alone may be (`la Banque`).
        if reader.hasOrganizationWord(s, runEnd) && (runEnd > s + 1 || lexicons.orgHeads.contains(tokens[s])) {
            let end = reader.purposeEnd(s, end: reader.legalFormEnd(reader.organizationEnd(s, runEnd: runEnd)))
            emit(.organization, s..<end, Priority.lexicon, "name with organisation word")
            return end
        }
        if reader.descriptorBefore(s) {
            let end = reader.descriptorNameEnd(s, runEnd: runEnd, phrase: reader.phraseDescriptorBefore(s))
            emit(.organization, s..<end, Priority.lexicon, "descriptor + name")
            return end
        }
        // `Vortalis SAS`, `Hexavia GmbH`: a legal form closes the run.
        if let start = reader.matchEnding(lexicons.legalForms, at: runEnd, maxLength: 2), start > s {
            emit(.organization, s..<runEnd, Priority.lexicon, "name + legal form")
            return runEnd
        }
        if reader.legalFormEnd(runEnd) > runEnd {
            emit(.organization, s..<reader.legalFormEnd(runEnd), Priority.lexicon, "name + legal form")
            return reader.legalFormEnd(runEnd)
        }
        if reader.isDateline(s, runEnd) {
            emit(.location, s..<runEnd, Priority.lexicon, "dateline")
            return runEnd
        }
        // `Le Standard a battu Gand`: in a match report, a common word written with a capital after an
        // article and standing where a team does is a club's short name.
        if runEnd == s + 1 && s > 0 && !tokens[s].has(.allCaps)
            && (lexicons.articles.contains(tokens[s - 1]) || lexicons.contracted.contains(tokens[s - 1]))
            && reader.standsForTeam(s - 1, runEnd) && reader.isCommonWord(s) && !reader.isCalendarWord(s) && isMatchReport(at: s) {
            emit(.organization, s..<runEnd, Priority.lexicon, "club short name in a match report")
            return runEnd
        }
        // `les salariés de Norelec`, `la direction de Quivrel propose`: an organisation's complement.
        if reader.organisationNounBefore(s) && !reader.isFirstName(s) {
            let end = reader.legalFormEnd(runEnd)
            emit(.organization, s..<end, Priority.context, "organisation noun + de + name")
            return end
        }
        // `chez Aérolithe, le président ...`: a name no list knows after `chez` is a company's.
        if s > 0 && reader.isWord(s - 1, reader.words.chez) && !reader.isFirstName(s) && reader.match(lexicons.surnames, at: s) == nil {
            let end = reader.legalFormEnd(runEnd)
            emit(.organization, s..<end, Priority.context, "chez + name")
            return end
        }
        // `Lumio, la start-up rennaise, lève`: a descriptor in apposition, even where a commune bears the name.
        if !reader.isFirstName(s) && reader.match(lexicons.surnames, at: s) == nil && !tokens[s].has(.allCaps)
            && lexiconName(at: s) == nil && reader.descriptorAppositionAfter(runEnd)
            // `À Mouthe, la coopérative ...`, `au hameau du Crêt-Rouge, la station`: a place, then the sentence's subject.
            && !reader.placePrepositionBefore(s) && !reader.placeHeadBefore(s) {
            emit(.organization, s..<runEnd, Priority.context, "name, + descriptor")
            return runEnd
        }
        // `Fondée par Jean Quivrel, Quivrel emploie 300 salariés`: a company named after its founder.
        if runEnd == s + 1 && !tokens[s].has(.allCaps) && reader.organisationVerbAfter(runEnd)
            && reader.placeMatch(at: s) == nil {
            emit(.organization, s..<runEnd, Priority.context, "name + organisation verb")
            return runEnd
        }
        if reader.personEvidenceBefore(s) {
            emit(.person, s..<reader.personEnd(s, runEnd: runEnd), Priority.context, "speech verb + name")
            return reader.personEnd(s, runEnd: runEnd)
        }
        // `FFLV réclame`: an acronym acts too; it is no person's name.
        // `le maire de Cancale a signé`: after a place word the verb is the town's mayor's.
        // `le PDG de Vexalia a démissionné`: the verb is the function's, whose organisation follows `de`.
        if reader.personEvidenceAfter(runEnd) && !(runEnd == s + 1 && tokens[s].has(.allCaps)) && !reader.placeWordBefore(s)
            && !reader.functionOfBefore(s) {
            emit(.person, s..<runEnd, Priority.context, "name + speech verb or apposition")
            return runEnd
        }
        // `à Saül`, `près de Saül`: after a place preposition, a first name alone is a town.
        if reader.isFirstName(s) && runEnd == s + 1 && !(opening && reader.isCommonWord(s)) && !reader.placeHeadBefore(s)
            && !reader.placePrepositionBefore(s) {
            emit(.person, s..<runEnd, Priority.shape, "first name alone")
            return runEnd
        }
        if let length = reader.match(lexicons.surnames, at: s), s + length == runEnd, !reader.isCommonSurname(s) {
            // `hier soir à Beaufort`: after a place preposition a surname alone is a town, unless the
            // document names the person in full (the document pass, a shape guess giving way).
            if length == 1 && !opening && (reader.placePrepositionBefore(s) || reader.placeHeadBefore(s) || reader.coordinatedWithPlace(s)) {
                emit(.location, s..<runEnd, Priority.shape, "place preposition + surname")
                return runEnd
            }
            emit(.person, s..<runEnd, opening ? Priority.shape : Priority.lexicon, "surname from lexicon")
            return runEnd
        }
        return readShape(s, runEnd: runEnd, opening: opening)
    }

    /// Names without lexical evidence, read from their shape and the word before.
    private func readShape(_ s: Int, runEnd: Int, opening: Bool) -> Int {
        let single = runEnd == s + 1
        let t = tokens[s]
        // A word that opens a sentence is a name only when no dictionary knows it and an
        // organisation's clause follows (`Norelec, qui emploie ...`, `Norelec a annoncé`).
        if single && opening && !t.has(.allCaps) && !t.has(.internalCaps) && !reader.isCalendarWord(s) && !reader.isCommonWord(s)
            && !t.has(.abbreviation) && reader.organisationClauseAfter(runEnd) {
            emit(.organization, s..<runEnd, Priority.shape, "unknown word + clause")
            return runEnd
        }
        if single && (reader.isCalendarWord(s) || (opening && !t.has(.allCaps) && !t.has(.internalCaps))) { return runEnd }
        // `selon L'Est solognot`, `à L'Hebdo du Perche`: a title with its own capital article;
        // `à L'Île-Rousse` is a commune.
        if reader.capitalElisionBefore(s) && !reader.isCommune(s) {
            let end = reader.titleNameEnd(runEnd)
            emit(.organization, s..<end, Priority.shape, "L' + name")
            return end
        }
        // `confiait-elle au Progrès`, `a révélé Le Réveil`: a newspaper named by its head alone.
        if lexicons.mediaHeads.contains(t) && !opening && s > 0
            && (lexicons.contracted.contains(tokens[s - 1]) || lexicons.articles.contains(tokens[s - 1])) {
            let end = reader.titleNameEnd(runEnd)
            emit(.organization, s..<end, Priority.shape, "newspaper head")
            return end
        }
        // `aux Red Arrows de Ndola`: a club and its town; the town stays a place.
        if !single && reader.isClubOfTown(s, runEnd) {
            emit(.organization, s..<runEnd, Priority.shape, "club + de + town")
            return runEnd
        }
        // `qui exploite Tignes`: a small commune where the name has no other reading.
        if reader.isCommune(s) && !reader.isFirstName(s) {
            emit(.location, s..<runEnd, Priority.shape, "commune lexicon")
            return runEnd
        }
        if single && (reader.hasPlaceNamePart(s) || reader.coordinatedWithPlace(s)) {
            emit(.location, s..<runEnd, Priority.shape, "place-like name")
            return runEnd
        }
        // `aux Français`, `les Rennais`: demonyms are not names.
        // An unknown word that ends like an adjective but not like a demonym (`Dexirel`) may be a name.
        if single && !t.has(.allCaps) && reader.hasDemonymEnding(s) && !reader.placeWordBefore(s) { return runEnd }
        // `numérique III`, `Louis XIV`: a Roman numeral is no acronym.
        if single && t.has(.allCaps) && reader.isRomanNumeral(s) { return runEnd }
        if single && (t.has(.allCaps) || t.has(.internalCaps)) {
            // `la CPAM de Seine-et-Marne`: an unknown acronym's local branch keeps its place.
            let end = t.has(.allCaps) ? reader.placeComplementEnd(runEnd) : runEnd
            emit(.organization, s..<end, Priority.shape, t.has(.allCaps) ? "acronym shape" : "inner capitals shape")
            return end
        } else if reader.placePrepositionBefore(s) {
            emit(.location, s..<runEnd, Priority.shape, "place preposition + name")
        } else if single && s >= 2 && (reader.isWord(s - 1, reader.words.de) || reader.isWord(s - 1, reader.words.dElided))
                    && reader.matchEnding(lexicons.organizations, at: s - 1) != nil {
            // `l'usine Renault de Flins`: the site of a known company.
            emit(.location, s..<runEnd, Priority.shape, "organisation + de + town")
        } else if single && reader.placeHeadBefore(s) {
            emit(.location, s..<runEnd, Priority.shape, "place word + de + name")
        } else if single && reader.placeLinkBefore(s) {
            if !reader.isCommonWord(s) { emit(.location, s..<runEnd, Priority.shape, NameScan.nounLinkRule) }
        } else if single {
            // `contre X.`: an initial or an abbreviation alone names nobody.
            if !t.has(.abbreviation) && !t.has(.initial) && (!reader.isCommonWord(s) || reader.capitalElisionBefore(s)) {
                // `entre Brenouillac et Tavernac`: a commune's ending makes a town of an unknown word.
                if reader.hasPlaceNameEnding(s) && !reader.capitalElisionBefore(s) {
                    emit(.location, s..<runEnd, Priority.shape, "place-name ending")
                } else if reader.landscapeCueBefore(s, position: true) {
                    emit(.location, s..<runEnd, Priority.shape, "landscape cue + name")
                } else {
                    emit(.organization, s..<runEnd, Priority.shape, "capitalised word")
                }
            }
        } else if reader.coordinatedWithOrganization(s, runEnd) {
            emit(.organization, s..<runEnd, Priority.shape, "name coordinated with an organisation")
        } else if runEnd - s <= 3 && (s..<runEnd).allSatisfy({ !tokens[$0].has(.allCaps) })
                    && (s..<runEnd).contains(where: { reader.match(lexicons.surnames, at: $0) != nil && !reader.isCommonSurname($0) }) {
            emit(.person, s..<runEnd, Priority.shape, "capitalised words with a surname")
        } else if runEnd - s <= 4 && (s..<(runEnd - 1)).contains(where: { reader.isFirstName($0) })
                    && (s..<runEnd).allSatisfy({ !tokens[$0].has(.allCaps) && reader.placeMatch(at: $0) == nil })
                    && !reader.hasOrganizationWord(s, runEnd) {
            // `Thani Mohamed Soilihi`: a first name among unknown capitalised words.
            emit(.person, s..<runEnd, Priority.shape, "capitalised words with a first name")
        } else if reader.looksLikeForeignName(s, runEnd) {
            emit(.person, s..<runEnd, Priority.shape, "two unknown capitalised words")
        } else {
            // `dans Le Réveil cornouaillais`: a title that opens with its own article takes its adjectives.
            let end = lexicons.articles.contains(tokens[s]) ? reader.titleNameEnd(runEnd) : runEnd
            emit(.organization, s..<end, Priority.shape, "capitalised words with capitals")
            return end
        }
        return runEnd
    }

    /// A capitalised word that no name lexicon knows.
    private func unknownWord(_ i: Int) -> Bool {
        reader.isNameWord(i) && lexiconName(at: i) == nil && !reader.isFirstName(i) && reader.match(lexicons.surnames, at: i) == nil
    }

    /// An organisation or place entry at `s`, organisations first (`Orange` the operator)
    /// unless a place preposition comes before (`à Orange`).
    private func lexiconName(at s: Int) -> (EntityType, Int, String)? {
        // The rules ask about the same word many times (a run's words, then each name's):
        // nine look-ups each, remembered per token.
        guard s >= 0 && s < reader.count else { return lookUpName(at: s)?.name }
        if let known = lexiconNames.known(s) { return known?.name }
        let found = lookUpName(at: s)
        lexiconNames.remember(found, at: s)
        return found?.name
    }

    /// The lexicon that names the entry found by `lookUpName`.
    enum LexiconSource: Int32 {
        case place = 1, organization, acronym, seat

        var name: (EntityType, String) {
            switch self {
            case .place: return (.location, "place lexicon")
            case .organization: return (.organization, "organisation lexicon")
            case .acronym: return (.organization, "acronym lexicon")
            case .seat: return (.organization, "seat of power")
            }
        }
    }

    struct LexiconName {
        var source: LexiconSource
        var length: Int
        var name: (EntityType, Int, String) {
            let (type, rule) = source.name
            return (type, length, rule)
        }
    }

    private func lookUpName(at s: Int) -> LexiconName? {
        let place = reader.placeMatch(at: s)
        if let org = reader.organizationMatch(at: s) {
            if let place, place >= org.length, reader.placePrepositionBefore(s) { return LexiconName(source: .place, length: place) }
            if let place, place > org.length { return LexiconName(source: .place, length: place) }
            switch org.source {
            case .lexicon: return LexiconName(source: .organization, length: org.length)
            case .acronym: return LexiconName(source: .acronym, length: org.length)
            case .seat: return LexiconName(source: .seat, length: org.length)
            }
        }
        if let place { return LexiconName(source: .place, length: place) }
        return nil
    }

    /// Per token, `lookUpName`'s answer once asked: a raw buffer of the reader's memo
    /// (see `NameReader.Memo`).
    private struct LexiconNames {
        /// -1 not asked yet, 0 no entry, else the source in the high bits and the length in the low 24.
        private let codes: UnsafeMutableBufferPointer<Int32>
        init(_ codes: UnsafeMutableBufferPointer<Int32>) { self.codes = codes }

        /// nil when not asked yet; `.some(nil)` when asked and no lexicon holds the word.
        @inline(__always)
        func known(_ i: Int) -> LexiconName?? {
            let code = codes[i]
            if code < 0 { return nil }
            if code == 0 { return .some(nil) }
            return LexiconName(source: LexiconSource(rawValue: code >> 24)!, length: Int(code & 0xFF_FFFF))
        }

        func remember(_ name: LexiconName?, at i: Int) {
            guard let name else { codes[i] = 0; return }
            precondition(name.length < 1 << 24, "entry too long")
            codes[i] = name.source.rawValue << 24 | Int32(name.length)
        }
    }
}
