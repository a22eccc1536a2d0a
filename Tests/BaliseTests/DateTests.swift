import Balise
import Testing

@Suite("Dates")
struct DateTests {
    @Test("Tests/Cases/dates.txt: spans and values of DATE")
    func caseFile() throws {
        let file = try CaseFile(path: Repository.cases + "/dates.txt")
        let messages = failures(of: file, types: [.date], annotator: Shared.annotator())
        for message in messages { print(message) }
        #expect(messages.isEmpty, "\(messages.count) of \(file.cases.count) date cases fail")
    }

    @Test("the case file keeps at least 250 positive and 80 negative cases")
    func caseFileSize() throws {
        let file = try CaseFile(path: Repository.cases + "/dates.txt")
        let positives = file.cases.reduce(0) { $0 + $1.expected.filter { $0.type == .date }.count }
        let negatives = file.cases.filter { $0.expected.isEmpty }.count
        #expect(positives >= 250)
        #expect(negatives >= 80)
    }
}

@Suite("DateResolver")
struct DateResolverTests {
    /// Wednesday 12 March 2025, ISO week 2025-W11.
    let reference = CalendarDay(year: 2025, month: 3, day: 12)!

    func timex(_ parts: DateParts, _ reference: CalendarDay?) -> String {
        DateResolver.resolve(.single(parts), reference: reference).timex
    }

    /// The TIMEX text is written in one string: it must read as `pad` and
    /// `CalendarDay.description` joined, for any year, month, day, week or quarter.
    @Test func timexTextJoinsPaddedNumbers() {
        for year in [-12, 0, 7, 98, 999, 2025, 12345] {
            for (month, day) in [(1, 1), (3, 12), (12, 31)] {
                #expect(timex(DateParts(year: year, month: month, day: day), nil) == pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2))
                #expect(timex(DateParts(year: year, month: month), nil) == pad(year, 4) + "-" + pad(month, 2))
            }
            #expect(timex(DateParts(year: year, yearPart: .quarter(3)), nil) == pad(year, 4) + "-Q3")
            #expect(timex(DateParts(year: year, yearPart: .season(.winter)), nil) == pad(year, 4) + "-WI")
        }
        #expect(timex(DateParts(month: 3, day: 5), nil) == "XXXX-03-05")
        #expect(timex(DateParts(yearPart: .half(-1)), nil) == "XXXX-H-1")
        for amount in [-400, -13, -1, 0, 1, 11, 12, 250] {
            let day = reference.adding(days: amount)
            #expect(timex(DateParts(shift: Shift(amount, .day)), reference) == day.description)
            let week = reference.adding(days: 7 * amount).isoWeek
            #expect(timex(DateParts(shift: Shift(amount, .week)), reference) == pad(week.year, 4) + "-W" + pad(week.week, 2))
            let index = reference.year * 12 + (reference.month - 1) + amount
            #expect(timex(DateParts(shift: Shift(amount, .month)), reference) == pad(index / 12, 4) + "-" + pad(index % 12 + 1, 2))
        }
        for weekday in 1...7 {
            let text = timex(DateParts(weekday: weekday, deixis: .next), reference)
            #expect(text.count == 10 && text.hasPrefix("2025-03-"))
        }
    }

    @Test func fullDatesNeedNoReference() {
        #expect(timex(DateParts(year: 2026, month: 11, day: 28), nil) == "2026-11-28")
        #expect(timex(DateParts(year: 2025, month: 2), nil) == "2025-02")
        #expect(timex(DateParts(year: 2025), nil) == "2025")
        #expect(timex(DateParts(decade: 199), nil) == "199")
        #expect(timex(DateParts(century: 19), nil) == "19")
        #expect(timex(DateParts(year: 2025, yearPart: .quarter(1)), nil) == "2025-Q1")
        #expect(timex(DateParts(year: 2025, yearPart: .half(2)), nil) == "2025-H2")
        #expect(timex(DateParts(year: 2019, yearPart: .season(.fall)), nil) == "2019-FA")
    }

    @Test func twoDigitYearsFallInTheCenturyBeforeTheFarFuture() {
        #expect(timex(DateParts(shortYear: 98, month: 7), reference) == "1998-07")
        #expect(timex(DateParts(shortYear: 25, month: 4, day: 3), reference) == "2025-04-03")
        #expect(timex(DateParts(shortYear: 35, month: 1), reference) == "2035-01")
        #expect(timex(DateParts(shortYear: 36, month: 1), reference) == "1936-01")
        #expect(timex(DateParts(shortYear: 99, month: 5, day: 15), nil) == "1999-05-15")
    }

    @Test func unknownPartsAreXWithoutReference() {
        #expect(timex(DateParts(month: 9), nil) == "XXXX-09")
        #expect(timex(DateParts(month: 10, day: 15), nil) == "XXXX-10-15")
        #expect(timex(DateParts(weekday: 2), nil) == "XXXX-XX-XX")
        #expect(timex(DateParts(shift: Shift(-1, .day)), nil) == "XXXX-XX-XX")
        #expect(timex(DateParts(shift: Shift(2, .week)), nil) == "XXXX-WXX")
        #expect(timex(DateParts(shift: Shift(1, .month)), nil) == "XXXX-XX")
        #expect(timex(DateParts(shift: Shift(-1, .year)), nil) == "XXXX")
        #expect(timex(DateParts(yearPart: .season(.winter), deixis: .last), nil) == "XXXX-WI")
        #expect(timex(DateParts(yearPart: .quarter(1)), nil) == "XXXX-Q1")
    }

    @Test func shiftsCountFromTheReference() {
        #expect(timex(DateParts(shift: Shift(-1, .day)), reference) == "2025-03-11")
        #expect(timex(DateParts(shift: Shift(20, .day)), reference) == "2025-04-01")
        #expect(timex(DateParts(shift: Shift(-1, .week)), reference) == "2025-W10")
        #expect(timex(DateParts(shift: Shift(2, .week)), reference) == "2025-W13")
        #expect(timex(DateParts(shift: Shift(-3, .month)), reference) == "2024-12")
        #expect(timex(DateParts(shift: Shift(10, .month)), reference) == "2026-01")
        #expect(timex(DateParts(shift: Shift(-1, .year)), reference) == "2024")
        #expect(timex(DateParts(shift: Shift(0, .decade)), reference) == "202")
        // ISO weeks cross years: 29 December 2025 is in 2026-W01.
        #expect(timex(DateParts(shift: Shift(1, .week)), CalendarDay(year: 2025, month: 12, day: 24)!) == "2026-W01")
    }

    @Test func weekdaysFollowTheTense() {
        #expect(timex(DateParts(weekday: 2, tense: .past), reference) == "2025-03-11")
        #expect(timex(DateParts(weekday: 3, tense: .past), reference) == "2025-03-05")
        #expect(timex(DateParts(weekday: 3, tense: .future), reference) == "2025-03-19")
        #expect(timex(DateParts(weekday: 5, tense: .future), reference) == "2025-03-14")
        #expect(timex(DateParts(weekday: 5, tense: .unknown), reference) == "2025-03-07")
        #expect(timex(DateParts(weekday: 4, deixis: .this), reference) == "2025-03-13")
        #expect(timex(DateParts(weekday: 1, deixis: .this), reference) == "2025-03-10")
        #expect(timex(DateParts(weekday: 3, deixis: .this), reference) == "2025-03-12")
        #expect(timex(DateParts(weekday: 3, deixis: .next), reference) == "2025-03-19")
        #expect(timex(DateParts(weekday: 7, deixis: .last), reference) == "2025-03-09")
    }

    @Test func monthsWithoutYearFollowTheTenseOrTheNearest() {
        #expect(timex(DateParts(month: 12, tense: .past), reference) == "2024-12")
        #expect(timex(DateParts(month: 3, tense: .past), reference) == "2025-03")
        #expect(timex(DateParts(month: 2, tense: .future), reference) == "2026-02")
        #expect(timex(DateParts(month: 6, tense: .future), reference) == "2025-06")
        #expect(timex(DateParts(month: 12, tense: .unknown), reference) == "2024-12")
        #expect(timex(DateParts(month: 7, tense: .unknown), reference) == "2025-07")
        #expect(timex(DateParts(month: 3, deixis: .last), reference) == "2024-03")
        #expect(timex(DateParts(month: 3, deixis: .next), reference) == "2026-03")
        #expect(timex(DateParts(month: 3, day: 5, tense: .future), reference) == "2026-03-05")
        #expect(timex(DateParts(month: 3, day: 12, tense: .future), reference) == "2025-03-12")
        #expect(timex(DateParts(month: 11, day: 2, tense: .past), reference) == "2024-11-02")
        #expect(timex(DateParts(month: 1, day: 10, tense: .unknown), CalendarDay(year: 2024, month: 12, day: 20)!) == "2025-01-10")
    }

    @Test func seasonsBelongToTheYearTheyStart() {
        // 12 March 2025 is still in winter 2024.
        #expect(timex(DateParts(yearPart: .season(.winter), deixis: .this), reference) == "2024-WI")
        #expect(timex(DateParts(yearPart: .season(.winter), deixis: .last), reference) == "2023-WI")
        #expect(timex(DateParts(yearPart: .season(.summer), deixis: .last), reference) == "2024-SU")
        #expect(timex(DateParts(yearPart: .season(.summer), deixis: .this), reference) == "2025-SU")
        #expect(timex(DateParts(yearPart: .season(.spring), deixis: .next), reference) == "2025-SP")
        #expect(timex(DateParts(yearPart: .season(.fall), tense: .past), reference) == "2024-FA")
        #expect(timex(DateParts(yearPart: .season(.fall), tense: .future), reference) == "2025-FA")
        let october = CalendarDay(year: 2023, month: 10, day: 6)!
        #expect(timex(DateParts(yearPart: .season(.summer), deixis: .this, tense: .past), october) == "2023-SU")
        #expect(timex(DateParts(yearPart: .season(.winter), deixis: .this), october) == "2023-WI")
    }

    @Test func aPresentThatAnnouncesPointsForwardFromToday() {
        #expect(timex(DateParts(weekday: 3, tense: .present), reference) == "2025-03-12")
        #expect(timex(DateParts(weekday: 2, tense: .present), reference) == "2025-03-18")
        #expect(timex(DateParts(weekday: 6, tense: .present), reference) == "2025-03-15")
        // Other dates read a present as no tense: the nearest.
        #expect(timex(DateParts(month: 12, tense: .present), reference) == "2024-12")
    }

    @Test func weekendsCenturiesAndVagueCounts() {
        #expect(timex(DateParts(shift: Shift(0, .weekend)), reference) == "2025-W11-WE")
        #expect(timex(DateParts(shift: Shift(0, .weekend), tense: .past), reference) == "2025-W10-WE")
        #expect(timex(DateParts(shift: Shift(-1, .weekend)), reference) == "2025-W10-WE")
        #expect(timex(DateParts(shift: Shift(1, .weekend)), reference) == "2025-W11-WE")
        let sunday = CalendarDay(year: 2025, month: 3, day: 16)!
        #expect(timex(DateParts(shift: Shift(0, .weekend), tense: .past), sunday) == "2025-W11-WE")
        #expect(timex(DateParts(shift: Shift(1, .weekend)), sunday) == "2025-W12-WE")
        #expect(timex(DateParts(shift: Shift(0, .weekend)), nil) == "XXXX-WXX-WE")
        #expect(timex(DateParts(shift: Shift(-1, .century)), reference) == "19")
        #expect(timex(DateParts(shift: Shift(0, .century)), nil) == "XX")
        #expect(timex(DateParts(shift: Shift(-1, .day, vague: true)), reference) == "XXXX-XX-XX")
        #expect(timex(DateParts(shift: Shift(1, .week, vague: true)), reference) == "XXXX-WXX")
        #expect(timex(DateParts(shift: Shift(-1, .year, vague: true)), reference) == "XXXX")
    }

    @Test func weekdayRangesStayInOneWeek() {
        func range(_ first: DateParts, _ last: DateParts) -> String {
            DateResolver.resolve(.range(first, last), reference: reference).timex
        }
        #expect(range(DateParts(weekday: 1, tense: .future), DateParts(weekday: 3, tense: .future)) == "2025-03-17/2025-03-19")
        #expect(range(DateParts(weekday: 1, tense: .past), DateParts(weekday: 3, tense: .past)) == "2025-03-10/2025-03-12")
        #expect(range(DateParts(weekday: 2), DateParts(weekday: 4, deixis: .next)) == "2025-03-18/2025-03-20")
        #expect(range(DateParts(weekday: 5), DateParts(weekday: 7, deixis: .last)) == "2025-03-07/2025-03-09")
        #expect(range(DateParts(weekday: 5, tense: .future), DateParts(weekday: 1, tense: .future)) == "2025-03-14/2025-03-17")
        #expect(DateResolver.resolve(.range(DateParts(weekday: 1), DateParts(weekday: 3)), reference: nil).timex == "XXXX-XX-XX/XXXX-XX-XX")
    }

    @Test func modifiersAndRanges() {
        let end = DateResolver.resolve(.single(DateParts(year: 2024, mod: .end)), reference: nil)
        #expect(end == DateValue(timex: "2024", mod: .end))
        let mid = DateResolver.resolve(.single(DateParts(month: 3, mod: .mid)), reference: reference)
        #expect(mid == DateValue(timex: "2025-03", mod: .mid))
        let days = DateResolver.resolve(.range(DateParts(month: 3, day: 3, tense: .past), DateParts(month: 3, day: 5, tense: .past)), reference: reference)
        #expect(days.timex == "2025-03-03/2025-03-05")
        // Both ends take the year of the later one, across New Year.
        let winter = DateResolver.resolve(.range(DateParts(month: 12, day: 30, tense: .future), DateParts(month: 1, day: 2, tense: .future)), reference: reference)
        #expect(winter.timex == "2025-12-30/2026-01-02")
        let years = DateResolver.resolve(.range(DateParts(year: 2015), DateParts(year: 2017)), reference: nil)
        #expect(years == DateValue(timex: "2015/2017"))
        let open = DateResolver.resolve(.range(DateParts(month: 6, day: 12), DateParts(month: 6, day: 13)), reference: nil)
        #expect(open.timex == "XXXX-06-12/XXXX-06-13")
    }

    @Test("pad writes zero-padded decimals, wider values and negatives as before")
    func padding() {
        #expect(pad(0, 2) == "00")
        #expect(pad(7, 2) == "07")
        #expect(pad(2025, 4) == "2025")
        #expect(pad(25, 4) == "0025")
        #expect(pad(12345, 4) == "12345")
        #expect(pad(5, 0) == "5")
        #expect(pad(-5, 2) == "-5")
        #expect(pad(-5, 4) == "00-5")
        #expect(pad(Int.max, 2) == String(Int.max))
    }
}
