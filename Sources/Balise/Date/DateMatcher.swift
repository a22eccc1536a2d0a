/// A date expression found over a token range, with the parts it names and the rule that read it.
struct DateMatch: Sendable, Equatable {
    var tokens: Range<Int>
    var expression: DateExpression
    var rule: String
    /// A schedule (`du lundi au vendredi`) unless a past or future tense, or `dernier`/`prochain`,
    /// points it at one week.
    var habitualUnlessDirected = false
}

/// The matching rules: each reads the tokens from a position and records what it saw in
/// `DateParts`; none computes a value (that is `DateResolver`'s job). Rules return the end
/// of what they read; `match(at:)` keeps the longest reading.
struct DateMatcher {
    let lexicon: DateLexicon
    let text: AnalyzedText

    /// The numbers of a numeric date (`03/04/2025`): how many were read and the first three,
    /// which are all the rules look at. Kept inline: an array of them was allocated at every
    /// number token that `numericDate` tried.
    struct NumberRun {
        typealias Number = (value: Int, count: Int)
        private(set) var count = 0
        private var first: Number = (0, 0), second: Number = (0, 0), third: Number = (0, 0)

        mutating func append(_ number: Number) {
            switch count {
            case 0: first = number
            case 1: second = number
            case 2: third = number
            default: break
            }
            count += 1
        }

        /// The number at `index`, below 3.
        subscript(index: Int) -> Number {
            switch index {
            case 0: return first
            case 1: return second
            default:
                precondition(index == 2, "NumberRun keeps three numbers")
                return third
            }
        }
    }

    /// What one rule read: tokens `start..<end`.
    struct Piece {
        var start: Int
        var end: Int
        var expression: DateExpression
        var rule: String
        var habitualUnlessDirected = false

        init(_ start: Int, _ end: Int, _ parts: DateParts, _ rule: String) {
            self.start = start
            self.end = end
            self.expression = .single(parts)
            self.rule = rule
        }

        init(_ start: Int, _ end: Int, _ expression: DateExpression, _ rule: String) {
            self.start = start
            self.end = end
            self.expression = expression
            self.rule = rule
        }

        var parts: DateParts? {
            if case .single(let p) = expression { return p }
            return nil
        }
    }

    // MARK: - Entry point

    /// The longest date expression that starts at token `i`, if any.
    func match(at i: Int) -> DateMatch? {
        // Most number tokens open no date (`150`, `3,5`, `12 000`): turned away before the
        // range and core rules, which each try several guards on them.
        if text.tokens[i].kind == .number && !numberMayOpenDate(i) { return nil }
        var best: Piece?
        func consider(_ piece: Piece?) {
            guard let piece else { return }
            if best == nil || piece.end > best!.end { best = piece }
        }
        if text.tokens[i].kind == .word && lexicon.weekdays[word(i)] == nil {
            // At a word that is no weekday, `range(at:)` reads only a range that a word before
            // opens, from `core` at `i`: read once for both (at a word `core` reads the same
            // with or without `bareYear`, which only `year` reads, at a number).
            let single = core(at: i, bareYear: false)
            if let single, lexicon.roles(word(i - 1)).contains(.rangeOpen) {
                consider(range(from: single, at: i, opener: word(i - 1)))
            }
            consider(single)
        } else {
            consider(range(at: i))
            consider(core(at: i, bareYear: false))
        }
        guard let best else { return nil }
        return DateMatch(tokens: best.start..<best.end, expression: best.expression, rule: best.rule,
                         habitualUnlessDirected: best.habitualUnlessDirected)
    }

    /// Whether the number token at `i` passes the first guard of at least one rule that
    /// `match(at:)` tries there; false proves that none can read a date from it. Each test
    /// below is one rule's own first condition, or wider:
    /// - `weekdayRange` and the weekday branch of `range`: a weekday at `i`;
    /// - `year` (also inside `range`, whose `core(bareYear: true)` differs only there):
    ///   `fullYear(i)`;
    /// - `numericDate`: digits touching the next token, or dots inside the token (`3.4.25`);
    /// - `apostropheYear`: two digits touching the token before;
    /// - `dayMonth` and the bare-day branch of `range`: `dayNumber(i)` with a month, a range
    ///   word or a hyphen after it;
    /// - `shortPeriod`: a token of two units (`T1`; never all digits).
    func numberMayOpenDate(_ i: Int) -> Bool {
        if lexicon.weekdays[word(i)] != nil { return true }
        guard let d = digits(i) else {
            let units = text.units(i)
            return units.count == 2 || units.contains(0x2E)
        }
        if d.count == 4 && (1000...2199).contains(d.value) { return true }
        if attached(i + 1) { return true }
        if d.count == 2 && !text.tokens[i].has(.spaceBefore) { return true }
        if d.count <= 2 && (1...31).contains(d.value) {
            return month(i + 1) != nil || !roles(i + 1).isDisjoint(with: [.rangeTo, .rangeAnd]) || isPunctuation(i + 1, 0x2D)
        }
        return false
    }

    /// Whether the starter word at `i` (neither hyphenated nor an abbreviation) may open a
    /// date. The words that only a season, a unit, an ordinal, a demonstrative, `il`, `dans`
    /// or `mois` makes `core` read open one only with a given word beside them; false proves that no rule there reads a
    /// date (each test below is a rule's first guard, or wider), and then neither does
    /// `range`, which at such a word reads only from what `core` read. Other starters: true.
    /// - `unitWithDeixis`, `seasonRules`: a deixis word next (`deixisAt`);
    /// - `namedYear` (a year unit), `seasonRules`: a number next (`year`, `numericDate`,
    ///   `fullYear`), tested as a token with a digit;
    /// - `seasonRules` alone: `l'`, `le`, `au` or `en` before;
    /// - `ago`: `y` next; `inFuture`: a unit two words on; `monthOfName`: `de` next;
    /// - `ordinalPeriod`: `trimestre` or `semestre` next; `demonstrative`: a part of the day,
    ///   a weekday, a unit or a season next.
    func starterMayOpenDate(_ i: Int) -> Bool {
        let kinds = lexicon.startKinds(word(i))
        guard DateLexicon.StartKinds.readingNeighbours.isSuperset(of: kinds) else { return true }
        let next = word(i + 1)
        if !kinds.isDisjoint(with: [.unit, .season]) && lexicon.deixis[next] != nil { return true }
        if !kinds.isDisjoint(with: [.yearUnit, .season]) && i + 1 < text.count && text.tokens[i + 1].has(.hasDigit) { return true }
        if kinds.contains(.season)
            && (text.keyIs(i - 1, "l'") || text.keyIs(i - 1, "le") || text.keyIs(i - 1, "au") || text.keyIs(i - 1, "en")) { return true }
        if kinds.contains(.il) && next == lexicon.wordY { return true }
        if kinds.contains(.dans) && lexicon.units[word(i + 2)] != nil { return true }
        if kinds.contains(.mois) && lexicon.roles(next).contains(.of) { return true }
        if kinds.contains(.ordinal) && lexicon.periods[next] != nil { return true }
        if kinds.contains(.demonstrative) && (lexicon.roles(next).contains(.dayPart) || lexicon.weekdays[next] != nil
            || lexicon.units[next] != nil || lexicon.seasons[next] != nil) { return true }
        return false
    }

    /// Every single-date rule at `i`, longest reading first. `bareYear` accepts a year
    /// without a cue word before it (inside a range).
    func core(at i: Int, bareYear: Bool) -> Piece? {
        guard i < text.count else { return nil }
        let token = text.tokens[i]
        var best: Piece?
        func consider(_ piece: Piece?) {
            guard let piece else { return }
            if best == nil || piece.end > best!.end { best = piece }
        }
        switch token.kind {
        case .number:
            consider(numericDate(at: i))
            consider(apostropheYear(at: i))
            consider(dayMonth(at: i, weekday: nil, start: i))
            consider(year(at: i, bareYear: bareYear))
            consider(shortPeriod(at: i))
        case .ordinal:
            consider(dayMonth(at: i, weekday: nil, start: i))
            consider(century(at: i))
            consider(ordinalPeriod(at: i))
        case .word:
            let w = token.word
            // Other lexicons may know `janv.` or `mi-mars`: these forms are read apart.
            if token.has(.abbreviation) { consider(monthRules(at: i)) }
            if token.has(.hyphenated) {
                consider(midMonth(at: i))
                consider(monthPair(at: i))
            }
            guard w >= 0, lexicon.starters.contains(w) else { return best }
            if lexicon.months[w] != nil { consider(monthRules(at: i)) }
            if let weekday = lexicon.weekdays[w] { consider(weekdayRules(at: i, weekday: weekday)) }
            if lexicon.seasons[w] != nil { consider(seasonRules(at: i)) }
            if lexicon.dayOffsets[w] != nil { consider(namedDay(at: i)) }
            if lexicon.deixis[w] == .this { consider(demonstrative(at: i)) }
            if lexicon.mods[w] != nil { consider(position(at: i, determiner: nil)) }
            if lexicon.ordinals[w] != nil { consider(ordinalPeriod(at: i)) }
            let roles = lexicon.roles(w)
            if roles.contains(.determiner) {
                // After an article every rule first needs a date word next (a unit, a season, a
                // position word, `années`), and all are starters: most articles stop here.
                let next = word(i + 1)
                if next >= 0 && lexicon.starters.contains(next) {
                    consider(unitWithDeixis(at: i + 1, start: i))
                    consider(seasonWithDeixis(at: i + 1, start: i))
                    if lexicon.mods[next] != nil { consider(position(at: i + 1, determiner: i)) }
                    consider(decade(at: i))
                }
            } else if roles.contains(.decade) {
                consider(decade(at: i))
            }
            if let unit = lexicon.units[w] {
                consider(unitWithDeixis(at: i, start: i))
                if unit == .year { consider(namedYear(at: i)) }
            }
            if w == lexicon.wordIl { consider(ago(at: i)) }
            if w == lexicon.wordDans { consider(inFuture(at: i)) }
            if w == lexicon.wordMois { consider(monthOfName(at: i)) }
        default:
            break
        }
        return best
    }

    // MARK: - Token helpers

    func word(_ i: Int) -> Int32 { i >= 0 && i < text.count ? text.tokens[i].word : -1 }

    func roles(_ i: Int) -> DateLexicon.Roles { lexicon.roles(word(i)) }

    /// Whether token `i` touches the previous one (no white space between).
    func attached(_ i: Int) -> Bool { i < text.count && !text.tokens[i].has(.spaceBefore) }

    /// The value of an all-digit number token and its digit count.
    func digits(_ i: Int) -> (value: Int, count: Int)? {
        guard i >= 0, i < text.count else { return nil }
        let token = text.tokens[i]
        guard token.kind == .number, !token.has(.groupedDigits), token.length <= 4 else { return nil }
        // Read in the view's memory: a slice of it (`text.units(i)`) cost a retain and a
        // release, and this runs several times at every number token that may open a date.
        return text.view.units.withUnsafeBufferPointer { units in
            var value = 0
            for k in Int(token.start)..<Int(token.end) {
                let unit = units[k]
                guard unit >= 0x30 && unit <= 0x39 else { return nil }
                value = value * 10 + Int(unit - 0x30)
            }
            return (value, token.length)
        }
    }

    func isPunctuation(_ i: Int, _ unit: UInt16) -> Bool {
        guard i >= 0, i < text.count else { return false }
        let t = text.tokens[i]
        return t.length == 1 && text.view.units[Int(t.start)] == unit
    }

    /// A day of the month: `3`, `03`, `1er`.
    func dayNumber(_ i: Int) -> Int? {
        guard i < text.count else { return nil }
        let token = text.tokens[i]
        if token.kind == .ordinal {
            return text.keyIs(i, "1er") || text.keyIs(i, "1re") ? 1 : nil
        }
        guard let d = digits(i), d.count <= 2, (1...31).contains(d.value) else { return nil }
        return d.value
    }

    /// A four-digit year.
    func fullYear(_ i: Int) -> Int? {
        guard let d = digits(i), d.count == 4, (1000...2199).contains(d.value) else { return nil }
        return d.value
    }

    /// A month name at `i`, abbreviations included.
    func month(_ i: Int) -> Int? {
        guard i < text.count else { return nil }
        let w = word(i)
        if let m = lexicon.months[w] { return m }
        if text.tokens[i].has(.abbreviation) { return lexicon.monthKeys[text.key(i)] }
        return nil
    }

    /// Whether a capitalised word may still be read as a date word: at the start of a
    /// sentence or line, or after an opening quote or bracket.
    func capitalOK(_ i: Int) -> Bool {
        let t = text.tokens[i]
        if !t.has(.capitalized) { return true }
        if t.has(.sentenceStart) || t.has(.lineStart) { return true }
        guard i > 0 else { return true }
        let p = text.tokens[i - 1]
        if p.kind == .punctuation {
            let u = text.view.units[Int(p.start)]
            return u == 0xAB || u == 0x22 || u == 0x28 || u == 0x3A
        }
        return false
    }

    /// A year after a month or day: four digits, or two digits that end the phrase (`juillet 98,`).
    func yearAfter(_ i: Int, into parts: inout DateParts) -> Int? {
        if let y = fullYear(i), !lexicon.roles(word(i + 1)).contains(.notYearAfter) {
            parts.year = y
            return i + 1
        }
        // Two digits: from 30 a year of the last century unless a unit follows (`juillet 98`);
        // below, only where the phrase ends (`mars 14 élus` is a count).
        guard let d = digits(i), d.count == 2, !isPunctuation(i + 1, 0x2F), !isPunctuation(i + 1, 0x3A) else { return nil }
        let next = i + 1 < text.count ? text.tokens[i + 1] : nil
        let ends = next == nil || next!.kind == .punctuation
        let plausible = d.value >= 30 && next.map { $0.kind == .word && !lexicon.roles($0.word).contains(.notYearAfter) } ?? true
        if ends || plausible {
            parts.shortYear = d.value
            return i + 1
        }
        return nil
    }

    /// A part of the day after a day (`soir`, `matin`), read into the span.
    func dayPart(after i: Int) -> Int {
        roles(i).contains(.dayPart) ? i + 1 : i
    }

    func deixisAt(_ i: Int) -> Deixis? {
        guard let d = lexicon.deixis[word(i)], d != .this else { return nil }
        // `passé` folds like the verb `passe`: only the accented form points back.
        if text.keyIs(i, "passe") || text.keyIs(i, "passee") {
            guard text.units(i).contains(where: { $0 == 0xE9 || $0 == 0xC9 }) else { return nil }
        }
        return d
    }

    // MARK: - Absolute dates

    /// `3 mars`, `1er janvier 2019`, `lundi 3 mars 2025` (the weekday rule passes its start).
    func dayMonth(at i: Int, weekday: Int?, start: Int) -> Piece? {
        guard let day = dayNumber(i), let m = month(i + 1) else { return nil }
        var parts = DateParts(month: m, day: day, weekday: weekday)
        var end = i + 2
        var rule = weekday == nil ? "<day> <month>" : "<weekday> <day> <month>"
        if let after = yearAfter(end, into: &parts) {
            end = after
            rule += " <year>"
        } else if let d = deixisAt(end) {
            parts.deixis = d
            end += 1
            rule += " dernier|prochain"
        }
        let withPart = dayPart(after: end)
        if withPart > end { rule += " <part of day>" }
        return Piece(start, withPart, parts, rule)
    }

    /// Rules that start with a month name.
    func monthRules(at i: Int) -> Piece? {
        guard let m = month(i) else { return nil }
        var parts = DateParts(month: m)
        if let end = yearAfter(i + 1, into: &parts) { return Piece(i, end, parts, "<month> <year>") }
        if let d = deixisAt(i + 1), capitalOK(i) {
            parts.deixis = d
            return Piece(i, i + 2, parts, "<month> dernier|prochain")
        }
        // A month alone: lower case (`Mars` is the planet, `Août` a name), not in a set.
        let token = text.tokens[i]
        if token.has(.capitalized) && (!capitalOK(i) || lexicon.roles(token.word).contains(.ambiguousMonth)) { return nil }
        if token.has(.abbreviation) { return nil }
        return Piece(i, i + 1, parts, "<month>")
    }

    /// `mois de juin`, `mois de juin 2020`.
    func monthOfName(at i: Int) -> Piece? {
        guard lexicon.roles(word(i + 1)).contains(.of), let m = month(i + 2) else { return nil }
        var parts = DateParts(month: m)
        if let end = yearAfter(i + 3, into: &parts) { return Piece(i, end, parts, "mois de <month> <year>") }
        return Piece(i, i + 3, parts, "mois de <month>")
    }

    /// A year alone, where a cue word before it says it is one (`en 2024`, `depuis 2019`)
    /// and no unit after it says it is a quantity (`2000 kilomètres`).
    func year(at i: Int, bareYear: Bool) -> Piece? {
        guard let y = fullYear(i) else { return nil }
        let next = i + 1
        if next < text.count {
            let t = text.tokens[next]
            if lexicon.roles(t.word).contains(.notYearAfter) || t.kind == .symbol { return nil }
            if t.kind == .number || t.kind == .ordinal { return nil }
            // A numeric date or score around it is read by other rules or is no date.
            if !t.has(.spaceBefore) && (isPunctuation(next, 0x2F) || isPunctuation(next, 0x2D)) {
                return nil
            }
        }
        if i > 0 && !text.tokens[i].has(.spaceBefore) && text.tokens[i - 1].kind != .word { return nil }
        let parts = DateParts(year: y)
        if bareYear { return Piece(i, i + 1, parts, "<year>") }
        let before = roles(i - 1)
        if before.contains(.yearStrong) { return Piece(i, i + 1, parts, "<year cue> <year>") }
        if before.contains(.yearWeak) && (1900...2099).contains(y) && !endsCountRange(i) {
            return Piece(i, i + 1, parts, "<year cue> <year>")
        }
        // `en 2020 et 2021`, `en 2019, 2020 et 2021`: the cue of the first year serves the others.
        if isListedAfterCuedYear(i) { return Piece(i, i + 1, parts, "<year> et <year>") }
        return nil
    }

    /// Whether the year at `i` follows, after `et`, `ou` or a comma, a year that a cue word
    /// opens, itself perhaps listed the same way.
    func isListedAfterCuedYear(_ i: Int) -> Bool {
        var k = i
        for _ in 0..<4 {
            guard roles(k - 1).contains(.rangeAnd) || text.keyIs(k - 1, "ou") || isPunctuation(k - 1, 0x2C),
                  fullYear(k - 2) != nil else { return false }
            k -= 2
            if !roles(k - 1).isDisjoint(with: [.yearStrong, .yearWeak]) { return true }
        }
        return false
    }

    /// `en '98`: a two-digit year after its apostrophe, which stays in the span, and a cue word.
    func apostropheYear(at i: Int) -> Piece? {
        guard i >= 2, let d = digits(i), d.count == 2, !text.tokens[i].has(.spaceBefore),
              isPunctuation(i - 1, 0x27), roles(i - 2).contains(.yearStrong) else { return nil }
        if i + 1 < text.count, text.tokens[i + 1].kind == .word, roles(i + 1).contains(.notYearAfter) { return nil }
        return Piece(i - 1, i + 1, DateParts(shortYear: d.value), "'<yy>")
    }

    /// `l'année 2024`, `l'an 2000`, `l'année 2024-2025`: the noun names the year and stays in the span.
    func namedYear(at i: Int) -> Piece? {
        guard !isPluralUnit(i), !text.tokens[i].has(.capitalized) || capitalOK(i) else { return nil }
        if let year = year(at: i + 1, bareYear: true) { return Piece(i, year.end, year.expression, "année <year>") }
        if let years = numericDate(at: i + 1), case .range(let a, _) = years.expression, a.month == nil {
            return Piece(i, years.end, years.expression, "année <year>-<year>")
        }
        return nil
    }

    /// `de 2000 à 3000 euros`: a range of counts, since its other end is no year.
    func endsCountRange(_ i: Int) -> Bool {
        let link = roles(i + 1)
        return (link.contains(.rangeTo) || link.contains(.rangeAnd)) && digits(i + 2) != nil && fullYear(i + 2) == nil
    }

    /// Numeric dates, day first: `03/04/2025`, `3.4.25`, `03-04-2025`; ISO `2025-02-10`;
    /// a span of years `2021-2027`.
    func numericDate(at i: Int) -> Piece? {
        // `namedYear` asks after its noun, which may end the text (`fin de l'année`).
        guard i < text.count else { return nil }
        // The numbers and separators that touch each other from `i`.
        var numbers = NumberRun()
        var separator: UInt16 = 0
        var k = i
        if let d = digits(i) {
            numbers.append(d)
            k = i + 1
            while k + 1 < text.count, attached(k), attached(k + 1), numbers.count < 4 {
                let t = text.tokens[k]
                guard t.length == 1 else { break }
                let u = text.view.units[Int(t.start)]
                guard u == 0x2F || u == 0x2D || u == 0x2E, separator == 0 || separator == u, let n = digits(k + 1) else { break }
                separator = u
                numbers.append(n)
                k += 2
            }
        } else {
            // ICU keeps `3.4.25` as one number token.
            let units = text.units(i)
            var current = 0, count = 0
            for u in units {
                if u >= 0x30 && u <= 0x39 {
                    current = current * 10 + Int(u - 0x30)
                    count += 1
                } else if u == 0x2E && count > 0 {
                    numbers.append((current, count))
                    current = 0
                    count = 0
                } else {
                    return nil
                }
            }
            guard count > 0 else { return nil }
            numbers.append((current, count))
            separator = 0x2E
            k = i + 1
        }
        if k < text.count, attached(k), text.tokens[k].kind == .number || isPunctuation(k, 0x2F) { return nil }
        if i > 0, attached(i), text.tokens[i - 1].kind == .number || isPunctuation(i - 1, 0x2F) { return nil }
        if numbers.count == 3 {
            let (a, b, c) = (numbers[0], numbers[1], numbers[2])
            if a.count == 4, separator == 0x2D, b.count == 2, c.count == 2,
               CalendarDay(year: a.value, month: b.value, day: c.value) != nil {
                return Piece(i, k, DateParts(year: a.value, month: b.value, day: c.value), "<yyyy>-<mm>-<dd>")
            }
            guard a.count <= 2, b.count <= 2, (1...31).contains(a.value), (1...12).contains(b.value) else { return nil }
            var parts = DateParts(month: b.value, day: a.value)
            if c.count == 4 { parts.year = c.value } else if c.count == 2 { parts.shortYear = c.value } else { return nil }
            let check = CalendarDay(year: parts.year ?? 2000, month: b.value, day: a.value)
            guard check != nil else { return nil }
            return Piece(i, k, parts, "<dd>/<mm>/<yyyy>")
        }
        if numbers.count == 2, separator == 0x2D || separator == 0x2F {
            let (a, b) = (numbers[0], numbers[1])
            if a.count == 4, b.count == 4, (1000...2199).contains(a.value), b.value > a.value, b.value - a.value <= 100 {
                return Piece(i, k, .range(DateParts(year: a.value), DateParts(year: b.value)), "<year>-<year>")
            }
            if separator == 0x2F, a.count <= 2, (1...12).contains(a.value), b.count == 4, (1000...2199).contains(b.value) {
                return Piece(i, k, DateParts(year: b.value, month: a.value), "<mm>/<yyyy>")
            }
            // `le 12/03`: without its year a numeric date needs the article of a day; the month
            // in two digits keeps fractions (`le 1/2`) out.
            if separator == 0x2F, a.count <= 2, b.count == 2, (1...12).contains(b.value),
               CalendarDay(year: 2000, month: b.value, day: a.value) != nil, roles(i - 1).contains(.dayNumberOpen) {
                return Piece(i, k, DateParts(month: b.value, day: a.value), "le <dd>/<mm>")
            }
        }
        return nil
    }

    /// `premier trimestre 2025`, `second semestre`, `3e trimestre`.
    func ordinalPeriod(at i: Int) -> Piece? {
        let ordinal: Int?
        if let n = lexicon.ordinals[word(i)] {
            ordinal = n
        } else if text.tokens[i].kind == .ordinal, let d = leadingDigits(i) {
            ordinal = d
        } else {
            ordinal = nil
        }
        guard let n = ordinal, let kind = lexicon.periods[word(i + 1)] else { return nil }
        let count = kind == .quarter ? 4 : 2
        let index = n == 0 ? count : n
        guard (1...count).contains(index) else { return nil }
        var parts = DateParts(yearPart: kind == .quarter ? .quarter(index) : .half(index))
        if let end = yearAfter(i + 2, into: &parts) { return Piece(i, end, parts, "<ordinal> trimestre|semestre <year>") }
        return Piece(i, i + 2, parts, "<ordinal> trimestre|semestre")
    }

    /// `T1 2025`, `S2 2024`: a quarter or half in its short form, with its year.
    func shortPeriod(at i: Int) -> Piece? {
        let units = text.units(i)
        guard units.count == 2, let last = units.last, last >= 0x31 && last <= 0x34 else { return nil }
        let index = Int(last - 0x30)
        let part: YearPart
        switch units.first! {
        case 0x54: part = .quarter(index)
        case 0x53 where index <= 2: part = .half(index)
        default: return nil
        }
        guard let y = fullYear(i + 1) else { return nil }
        return Piece(i, i + 2, DateParts(year: y, yearPart: part), "T<n>|S<n> <year>")
    }

    func leadingDigits(_ i: Int) -> Int? {
        var value = 0, count = 0
        for u in text.units(i) {
            guard u >= 0x30 && u <= 0x39 else { break }
            value = value * 10 + Int(u - 0x30)
            count += 1
        }
        return count > 0 ? value : nil
    }

    /// `XXe siècle`, `21e siècle`: the century's first two digits are its number minus one.
    func century(at i: Int) -> Piece? {
        guard roles(i + 1).contains(.century) else { return nil }
        let number: Int
        if let d = leadingDigits(i) {
            number = d
        } else {
            var value = 0, previous = 0
            for u in text.units(i).reversed() {
                let v: Int
                switch u {
                case 0x49: v = 1
                case 0x56: v = 5
                case 0x58: v = 10
                case 0x4C: v = 50
                default: v = -1
                }
                if v < 0 { if value > 0 { break } else { continue } }
                value += v < previous ? -v : v
                previous = max(previous, v)
            }
            number = value
        }
        guard (1...30).contains(number) else { return nil }
        return Piece(i, i + 2, DateParts(century: number - 1), "<ordinal> siècle")
    }

    /// `les années 1990`, `années 80`.
    func decade(at i: Int) -> Piece? {
        var k = i
        if roles(k).contains(.determiner) {
            guard word(k) == lexicon.wordLes else { return nil }
            k += 1
        }
        guard roles(k).contains(.decade), let d = digits(k + 1), d.value % 10 == 0 else { return nil }
        let decade: Int
        if d.count == 4, (1000...2190).contains(d.value) {
            decade = d.value / 10
        } else if d.count == 2 {
            decade = 190 + d.value / 10
        } else {
            return nil
        }
        return Piece(i, k + 2, DateParts(decade: decade), k > i ? "les années <decade>" : "années <decade>")
    }

    // MARK: - Weekdays, seasons, relative dates

    /// `lundi`, `mardi soir`, `lundi dernier`, `lundi 3 mars`.
    func weekdayRules(at i: Int, weekday: Int) -> Piece? {
        if let full = dayMonth(at: i + 1, weekday: weekday, start: i) { return full }
        guard capitalOK(i) || dayNumber(i + 1) != nil else { return nil }
        // `Vendredi Jones`: a capitalised weekday before a name is a name.
        if text.tokens[i].has(.capitalized) && i + 1 < text.count && text.tokens[i + 1].kind == .word
            && text.tokens[i + 1].has(.capitalized) && !text.tokens[i + 1].has(.sentenceStart) { return nil }
        // `le lundi` alone is every Monday, `le premier dimanche du mois` one in each month,
        // `du lundi au vendredi` a span of every week.
        if word(i - 1) == lexicon.wordLe || lexicon.ordinals[word(i - 1)] != nil { return nil }
        if text.keyIs(i - 1, "du") && text.keyIs(i + 1, "au") && lexicon.weekdays[word(i + 2)] != nil { return nil }
        if text.keyIs(i - 1, "au") && text.keyIs(i - 3, "du") && lexicon.weekdays[word(i - 2)] != nil { return nil }
        // `le marché du dimanche`, `le supplément du samedi`: a noun's weekday is every such day.
        if text.keyIs(i - 1, "du") && i >= 2 && text.tokens[i - 2].kind == .word && !text.tokens[i - 2].has(.capitalized)
            && deixisAt(i + 1) == nil && dayPart(after: i + 1) == i + 1 && !text.keyIs(i + 1, "au") { return nil }
        var parts = DateParts(weekday: weekday)
        var end = i + 1
        var rule = "<weekday>"
        if let d = deixisAt(end) {
            parts.deixis = d
            end += 1
            rule += " dernier|prochain"
        }
        let withPart = dayPart(after: end)
        if withPart > end { rule += " <part of day>" }
        return Piece(i, withPart, parts, rule)
    }

    /// `hier`, `demain matin`, `aujourd'hui`.
    func namedDay(at i: Int) -> Piece? {
        guard let offset = lexicon.dayOffsets[word(i)] else { return nil }
        // `le groupe Villejuif Demain`: a capitalised day word right after a capitalised word ends a name.
        if i > 0 && text.tokens[i].has(.capitalized) && text.tokens[i - 1].kind == .word && text.tokens[i - 1].has(.capitalized)
            && !text.tokens[i].has(.sentenceStart) { return nil }
        if offset == 0 && roles(i + 1).contains(.nowadaysAfter) { return nil }
        // `compte aujourd'hui 74 salariés`, `traite aujourd'hui 30 000 dossiers`: a count after it means nowadays.
        if offset == 0 && i + 2 < text.count && text.tokens[i + 1].kind == .number && month(i + 2) == nil
            && text.tokens[i + 2].kind == .word && text.tokens[i + 2].length > 2 { return nil }
        let end = dayPart(after: i + 1)
        return Piece(i, end, DateParts(shift: Shift(offset, .day)), end > i + 1 ? "hier|demain <part of day>" : "hier|demain")
    }

    /// `ce matin`, `ce jeudi`, `cette semaine`, `ce mois-ci`, `cet été`.
    func demonstrative(at i: Int) -> Piece? {
        let next = i + 1
        guard next < text.count else { return nil }
        let w = word(next)
        if roles(next).contains(.dayPart) {
            return Piece(i, next + 1, DateParts(shift: Shift(0, .day)), "ce <part of day>")
        }
        if let weekday = lexicon.weekdays[w] {
            // `ce mardi 11 mars`: the day names the date, the demonstrative stays in the span.
            if let full = dayMonth(at: next + 1, weekday: weekday, start: i) {
                return Piece(i, full.end, full.expression, "ce " + full.rule)
            }
            let end = dayPart(after: next + 1)
            return Piece(i, end, DateParts(weekday: weekday, deixis: .this), "ce <weekday>")
        }
        if let unit = lexicon.units[w], !text.tokens[next].has(.capitalized) || text.tokens[i].has(.capitalized) {
            guard !isPluralUnit(next) else { return nil }
            return Piece(i, next + 1, DateParts(shift: Shift(0, unit)), "ce <unit>")
        }
        if let season = lexicon.seasons[w] {
            return Piece(i, next + 1, DateParts(yearPart: .season(season), deixis: .this), "cet <season>")
        }
        return nil
    }

    func isPluralUnit(_ i: Int) -> Bool {
        guard let last = text.units(i).last else { return false }
        return last == 0x73 && !text.keyIs(i, "mois")
    }

    /// `la semaine dernière`, `l'an dernier`, `le mois prochain`, `l'année passée`.
    func unitWithDeixis(at i: Int, start: Int) -> Piece? {
        guard let unit = lexicon.units[word(i)], !isPluralUnit(i), let d = deixisAt(i + 1) else { return nil }
        let amount = d == .last ? -1 : 1
        return Piece(start, i + 2, DateParts(shift: Shift(amount, unit)), start < i ? "la <unit> dernière|prochaine" : "<unit> dernier|prochain")
    }

    /// `l'été dernier`, `le printemps prochain` (the article stays: the date is relative).
    func seasonWithDeixis(at i: Int, start: Int) -> Piece? {
        guard let season = lexicon.seasons[word(i)], let d = deixisAt(i + 1) else { return nil }
        return Piece(start, i + 2, DateParts(yearPart: .season(season), deixis: d), "l'<season> dernier|prochain")
    }

    /// `printemps 2024`, `printemps prochain`, and a season alone after an article
    /// (`au printemps`, `l'automne`; `a été` is a verb).
    func seasonRules(at i: Int) -> Piece? {
        guard let season = lexicon.seasons[word(i)] else { return nil }
        var parts = DateParts(yearPart: .season(season))
        if let y = fullYear(i + 1) {
            parts.year = y
            // `hiver 2024-2025`: a winter named by both its years.
            if isPunctuation(i + 2, 0x2D), attached(i + 2), attached(i + 3), fullYear(i + 3) == y + 1 {
                return Piece(i, i + 4, parts, "<season> <year>-<year>")
            }
            return Piece(i, i + 2, parts, "<season> <year>")
        }
        if let d = deixisAt(i + 1) {
            parts.deixis = d
            return Piece(i, i + 2, parts, "<season> dernier|prochain")
        }
        guard !text.tokens[i].has(.capitalized) || capitalOK(i) else { return nil }
        let before = word(i - 1)
        guard before >= 0 else { return nil }
        if text.keyIs(i - 1, "l'") || text.keyIs(i - 1, "le") {
            // `à l'automne`, `dès l'été`, `depuis le printemps`; `L'hiver est rude` is no date,
            // `tout l'hiver` a duration.
            guard !roles(i - 2).isDisjoint(with: [.yearStrong, .yearWeak]) else { return nil }
        } else if !(text.keyIs(i - 1, "au") || text.keyIs(i - 1, "en")) {
            return nil
        }
        return Piece(i, i + 1, parts, "au <season>")
    }

    /// `il y a trois jours`, `il y a deux semaines`.
    func ago(at i: Int) -> Piece? {
        guard word(i + 1) == lexicon.wordY, word(i + 2) == lexicon.wordA, !text.tokens[i + 2].has(.capitalized),
              text.units(i + 2).first == 0x61, let unit = lexicon.units[word(i + 4)] else { return nil }
        if roles(i + 3).contains(.vagueCount) {
            return Piece(i, i + 5, DateParts(shift: Shift(-1, unit, vague: true)), "il y a quelques <unit>")
        }
        guard let n = count(i + 3) else { return nil }
        return Piece(i, i + 5, DateParts(shift: Shift(-n, unit)), "il y a <n> <unit>")
    }

    /// `dans deux semaines`, `dans six jours`.
    func inFuture(at i: Int) -> Piece? {
        // The unit first: reading a spelled number costs an ICU parse.
        guard let unit = lexicon.units[word(i + 2)] else { return nil }
        if roles(i + 1).contains(.vagueCount) {
            return Piece(i, i + 3, DateParts(shift: Shift(1, unit, vague: true)), "dans quelques <unit>")
        }
        guard let n = count(i + 1) else { return nil }
        return Piece(i, i + 3, DateParts(shift: Shift(n, unit)), "dans <n> <unit>")
    }

    /// A small count in digits or words (`3`, `trois`, `un`).
    func count(_ i: Int) -> Int? {
        guard i < text.count else { return nil }
        if let d = digits(i), d.count <= 3 { return d.value }
        guard text.tokens[i].kind == .word, !text.tokens[i].has(.capitalized), text.tokens[i].length <= 12 else { return nil }
        guard let n = text.services.spelledNumber(text.key(i)), (1...999).contains(n) else { return nil }
        return Int(n)
    }

    // MARK: - Positions inside a period

    /// `fin 2024`, `début septembre`, `mi-mars`, `la fin de l'année`, `fin des années 1970`,
    /// `début du XIXe siècle`, `fin du premier trimestre 2025`. The article before the
    /// position word stays only when the period is relative (`la fin de l'année`).
    func position(at i: Int, determiner: Int?) -> Piece? {
        guard let mod = lexicon.mods[word(i)] else { return nil }
        var k = i + 1
        // `mi-2025`: the hyphen is its own token before a number.
        if isPunctuation(k, 0x2D) && attached(k) {
            guard let y = fullYear(k + 1) else { return nil }
            return Piece(i, k + 2, DateParts(year: y, mod: mod), "mi-<year>")
        }
        var hasOf = false
        if roles(k).contains(.of) {
            hasOf = true
            k += 1
        }
        // The period after the position word.
        var target: Piece?
        var relative = false
        if hasOf && roles(k).contains(.determiner) && !roles(k).contains(.decade) && word(k) != lexicon.wordLes {
            // `de l'année`, `du mois` (contracted), `de la semaine`, `de l'été`; `de l'année 2022`
            // names its year.
            if lexicon.units[word(k + 1)] == .year, let named = namedYear(at: k + 1) {
                target = Piece(k, named.end, named.expression, named.rule)
            } else if let unit = lexicon.units[word(k + 1)], !isPluralUnit(k + 1) {
                let (parts, end) = unitShift(unit, deixisAt: k + 2)
                target = Piece(k, end, parts, "la <unit>")
                relative = true
            } else if let season = lexicon.seasons[word(k + 1)] {
                target = Piece(k, k + 2, DateParts(yearPart: .season(season), deixis: .this), "l'<season>")
                relative = true
            }
        } else if hasOf && (text.keyIs(k - 1, "d'") || text.keyIs(k - 1, "de")), let unit = lexicon.units[word(k)],
                  unit != .day && unit != .weekend && unit != .century, !isPluralUnit(k), !text.tokens[k].has(.hyphenated) {
            // `fin d'année`, `début de semaine`: the current one, or the one that `prochaine`
            // or `dernière` names. `fin de siècle` is as often an adjective as a date.
            let (parts, end) = unitShift(unit, deixisAt: k + 1)
            target = Piece(k, end, parts, "<unit>")
            relative = true
        } else if hasOf && text.keyIs(k - 1, "du"), let unit = lexicon.units[word(k)], unit == .month || unit == .century,
                  !isPluralUnit(k) {
            if let named = monthOfName(at: k) {
                target = named
            } else {
                var parts = DateParts(shift: Shift(0, unit))
                var end = k + 1
                if let d = deixisAt(end) {
                    parts.shift = Shift(d == .last ? -1 : 1, unit)
                    end += 1
                }
                target = Piece(k, end, parts, unit == .month ? "le mois" : "le siècle")
                relative = true
            }
        }
        if target == nil {
            target = core(at: k, bareYear: true)
            if let t = target, let p = t.parts {
                // Only periods take a position: not a day, not a weekday, not a range.
                if p.day != nil || p.weekday != nil || (p.shift != nil && p.shift!.unit == .day) { target = nil }
                // `la fin du troisième trimestre` without its year is relative like `la fin du mois`.
                if p.shift != nil || p.deixis != nil || (p.yearPart != nil && !p.namesYear) { relative = true }
            } else {
                target = nil
            }
        }
        guard let t = target, var parts = t.parts else { return nil }
        parts.mod = mod
        let start = relative ? (determiner ?? i) : i
        if determiner != nil && !relative { return nil }
        return Piece(start, t.end, parts, "<position> " + t.rule)
    }

    /// The current `unit`, or the one before or after it that a `dernier`/`prochain` at `i`
    /// names; the end of the expression.
    private func unitShift(_ unit: DateUnit, deixisAt i: Int) -> (DateParts, Int) {
        guard let d = deixisAt(i) else { return (DateParts(shift: Shift(0, unit)), i) }
        return (DateParts(shift: Shift(d == .last ? -1 : 1, unit)), i + 1)
    }

    /// `du lundi au mercredi`, `du lundi au mercredi prochain`: one week's days, or every
    /// week's (`ouvert du lundi au vendredi`) when nothing points at a week.
    /// `la nuit de samedi à dimanche`: one night, whatever the tense.
    func weekdayRange(at i: Int) -> Piece? {
        // The weekday first: the key comparisons below cost more, at every token tried.
        guard lexicon.weekdays[word(i)] != nil else { return nil }
        let night = text.keyIs(i - 2, "nuit")
        let linked = (text.keyIs(i - 1, "du") && text.keyIs(i + 1, "au")) || (night && text.keyIs(i - 1, "de") && text.keyIs(i + 1, "a"))
        guard linked, let first = lexicon.weekdays[word(i)],
              let last = lexicon.weekdays[word(i + 2)], first != last,
              !text.tokens[i].has(.capitalized) || capitalOK(i) else { return nil }
        var end = i + 3
        var lastParts = DateParts(weekday: last)
        if let d = deixisAt(end) {
            lastParts.deixis = d
            end += 1
        }
        var piece = Piece(i, end, .range(DateParts(weekday: first), lastParts), "du <weekday> au <weekday>")
        piece.habitualUnlessDirected = lastParts.deixis == nil && !night
        return piece
    }

    /// `janvier-février`, `juillet-août 2024` (one hyphenated token): two months in a row.
    func monthPair(at i: Int) -> Piece? {
        guard mayOpenMonthPair(i) else { return nil }
        let key = text.key(i)
        let names = key.split(separator: "-", omittingEmptySubsequences: false)
        guard names.count == 2, let a = lexicon.monthKeys[String(names[0])], let b = lexicon.monthKeys[String(names[1])],
              b == a % 12 + 1 else { return nil }
        var first = DateParts(month: a), last = DateParts(month: b)
        var end = i + 1
        if let after = yearAfter(end, into: &last) {
            end = after
            first.year = a == 12 ? last.year.map { $0 - 1 } : last.year
            first.shortYear = a == 12 ? last.shortYear.map { ($0 + 99) % 100 } : last.shortYear
        }
        return Piece(i, end, .range(first, last), "<month>-<month>")
    }

    /// Whether token `i`'s key up to its first hyphen is a month's key. Tested on the keys in
    /// place: most hyphenated words are no month pair, and building their key as a String to
    /// split it cost more than all the other date rules at a word.
    private func mayOpenMonthPair(_ i: Int) -> Bool {
        if lexicon.monthKeyUnits.isEmpty { return true }
        let t = text.tokens[i]
        return text.keys.withUnsafeBufferPointer { keys in
            let key = UnsafeBufferPointer(rebasing: keys[Int(t.keyStart)..<Int(t.keyEnd)])
            guard let hyphen = key.firstIndex(of: 0x2D), hyphen > key.startIndex,
                  lexicon.monthKeyShapes.mayContain(length: hyphen - key.startIndex, first: key[key.startIndex]) else { return false }
            let first = UnsafeBufferPointer(rebasing: key[..<hyphen])
            return lexicon.monthKeyUnits.contains { DateMatcher.same($0, first) }
        }
    }

    /// Whether `a` and `b` hold the same units. A plain loop: the generic `elementsEqual`
    /// between an array and a buffer cost several times more, at every hyphenated word.
    private static func same(_ a: [UInt16], _ b: UnsafeBufferPointer<UInt16>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where a[k] != b[b.startIndex + k] { return false }
        return true
    }

    /// Whether token `i` is written `mi-` and more, the first test of `midMonth`.
    private func opensLikeMidMonth(_ i: Int) -> Bool {
        let units = text.units(i)
        return units.count > 3 && units[units.startIndex] | 0x20 == 0x6D && units[units.startIndex + 1] | 0x20 == 0x69
            && units[units.startIndex + 2] == 0x2D
    }

    /// Whether a hyphenated word that is no starter and no abbreviation may open a date:
    /// there `core` tries `midMonth` and `monthPair` alone (the other word rules only at
    /// starters), and `range` reads only from what `core` read; this is their first tests.
    func hyphenatedWordMayOpenDate(_ i: Int) -> Bool {
        opensLikeMidMonth(i) || mayOpenMonthPair(i)
    }

    /// `mi-mars`, `mi-décembre` (one hyphenated token).
    func midMonth(at i: Int) -> Piece? {
        guard opensLikeMidMonth(i) else { return nil }
        let key = text.key(i)
        guard let m = lexicon.monthKeys[String(key.dropFirst(3))] else { return nil }
        var parts = DateParts(month: m, mod: .mid)
        if let end = yearAfter(i + 1, into: &parts) { return Piece(i, end, parts, "mi-<month> <year>") }
        return Piece(i, i + 1, parts, "mi-<month>")
    }

    // MARK: - Ranges

    /// `3 au 5 mars`, `12 et 13 juin`, `entre 2015 et 2017`, `de 1998 à 2004`,
    /// `entre mai 2021 et février 2022`. The opening preposition stays outside.
    func range(at i: Int) -> Piece? {
        if let weekdays = weekdayRange(at: i) { return weekdays }
        // `lundi 3 au mercredi 5 mars`: the weekday of the first day.
        if let weekday = lexicon.weekdays[word(i)], dayNumber(i + 1) != nil, month(i + 2) == nil,
           let days = range(at: i + 1), case .range(var first, let last) = days.expression {
            first.weekday = weekday
            return Piece(i, days.end, .range(first, last), "<weekday> " + days.rule)
        }
        let opener = word(i - 1)
        let opened = lexicon.roles(opener).contains(.rangeOpen)
        // A bare day before a full date: `3 au 5 mars`, `12 et 13 juin`.
        if let day = dayNumber(i), month(i + 1) == nil {
            let link = roles(i + 1)
            guard link.contains(.rangeTo) || link.contains(.rangeAnd) || isPunctuation(i + 1, 0x2D) else { return nil }
            // `entre le 3 et le 5 mars`: the second article stays inside the span.
            let next = link.contains(.rangeAnd) && word(i - 2) == lexicon.wordEntre && roles(i + 2).contains(.dayNumberOpen)
                && dayNumber(i + 3) != nil ? i + 3 : i + 2
            guard let second = core(at: next, bareYear: false), let last = second.parts,
                  last.day != nil, let m = last.month, second.start == next else { return nil }
            var first = last
            first.day = day
            first.weekday = nil
            first.month = m
            guard day < last.day! else { return nil }
            return Piece(i, second.end, .range(first, last), "<day> au <day> <month>")
        }
        guard opened, let first = core(at: i, bareYear: true) else { return nil }
        return range(from: first, at: i, opener: opener)
    }

    /// `range(at:)` once a word before `i` opened a range (`entre`, `de`) and `first`, read
    /// by `core` at `i`, is its first end.
    private func range(from first: Piece, at i: Int, opener: Int32) -> Piece? {
        guard let a = first.parts else { return nil }
        let link = roles(first.end)
        let isAnd = link.contains(.rangeAnd)
        guard isAnd ? opener == lexicon.wordEntre : (link.contains(.rangeTo) && opener != lexicon.wordEntre) else { return nil }
        guard let second = core(at: first.end + 1, bareYear: true), var b = second.parts else { return nil }
        guard a.shift == nil, b.shift == nil, a.weekday == nil || a.day != nil, b.weekday == nil || b.day != nil else { return nil }
        var start = a
        // The first end takes the year of the second when it has none (`mai et juin 2021`).
        if !start.namesYear && b.namesYear && start.month != nil {
            start.year = b.year
            start.shortYear = b.shortYear
        }
        if start.month == nil && b.month != nil && start.day != nil { start.month = b.month }
        if b.month == nil && start.month != nil && b.day != nil && !b.namesYear { b.month = start.month }
        return Piece(i, second.end, .range(start, b), isAnd ? "entre <date> et <date>" : "de <date> à <date>")
    }
}
