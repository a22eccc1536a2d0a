/// Turns the parts of a date expression into a TIMEX3 value. A pure function of the parts
/// and the document date: without a document date, what it would have given is `X`.
public enum DateResolver {
    public static func resolve(_ expression: DateExpression, reference: CalendarDay?) -> DateValue {
        switch expression {
        case .single(let parts):
            return DateValue(timex: timex(parts, reference), mod: parts.mod)
        case .range(let first, let last) where isWeekdayRange(first, last):
            guard let reference else { return DateValue(timex: "XXXX-XX-XX/XXXX-XX-XX") }
            return DateValue(timex: weekdayRange(first, last, reference))
        case .range(var first, var last):
            // Both ends share the year that the later end resolves to (`3 au 5 mars`).
            if !first.namesYear && !last.namesYear, first.month != nil, last.month != nil,
               first.shift == nil, last.shift == nil, let reference {
                let year = dayYear(last, reference)
                last.year = year
                let firstIsLater = (first.month!, first.day ?? 1) > (last.month!, last.day ?? 1)
                first.year = firstIsLater ? year - 1 : year
            }
            return DateValue(timex: timex(first, reference) + "/" + timex(last, reference))
        }
    }

    /// `du lundi au mercredi`: two weekdays without a day of the month.
    static func isWeekdayRange(_ first: DateParts, _ last: DateParts) -> Bool {
        first.weekday != nil && last.weekday != nil && first.day == nil && last.day == nil
    }

    /// `prochain` puts the whole range after the document date and `dernier` before it;
    /// otherwise the tense places the start. The end is the first such weekday after the start.
    static func weekdayRange(_ first: DateParts, _ last: DateParts, _ r: CalendarDay) -> String {
        let length = (last.weekday! - first.weekday! + 7) % 7
        let start: CalendarDay
        switch last.deixis {
        case .last:
            start = weekdayDate(last.weekday!, last.tense, .last, r).adding(days: -length)
        case .next:
            start = weekdayDate(first.weekday!, first.tense, .next, r)
        default:
            start = weekdayDate(first.weekday!, first.tense, first.deixis, r)
        }
        return TimexText.make {
            $0.append(start)
            $0.append("/")
            $0.append(start.adding(days: length))
        }
    }

    static func timex(_ p: DateParts, _ reference: CalendarDay?) -> String {
        if let century = p.century { return pad(century, 2) }
        if let decade = p.decade { return pad(decade, 3) }
        if let shift = p.shift { return shifted(shift, p.tense, reference) }
        let year = p.year ?? p.shortYear.map { widen($0, reference) }
        if let part = p.yearPart {
            switch part {
            case .quarter(let n): return TimexText.make { $0.appendYear(year ?? reference?.year); $0.append("-Q"); $0.append(n, width: 1) }
            case .half(let n): return TimexText.make { $0.appendYear(year ?? reference?.year); $0.append("-H"); $0.append(n, width: 1) }
            case .season(let season):
                let y = year ?? reference.map { seasonYear(season, p.tense, p.deixis, $0) }
                return TimexText.make { $0.appendYear(y); $0.append("-"); $0.append(season.rawValue) }
            }
        }
        if let month = p.month {
            let y = year ?? reference.map { dayYear(p, $0) }
            return TimexText.make {
                $0.appendYear(y)
                $0.append("-")
                $0.append(month, width: 2)
                if let day = p.day {
                    $0.append("-")
                    $0.append(day, width: 2)
                }
            }
        }
        if let weekday = p.weekday {
            guard let reference else { return "XXXX-XX-XX" }
            let date = weekdayDate(weekday, p.tense, p.deixis, reference)
            return TimexText.make { $0.append(date) }
        }
        return yearText(year)
    }

    static func yearText(_ year: Int?) -> String { year.map { pad($0, 4) } ?? "XXXX" }

    /// A two-digit year in the century that puts it at most ten years after the document date.
    static func widen(_ short: Int, _ reference: CalendarDay?) -> Int {
        guard let reference else { return short < 50 ? 2000 + short : 1900 + short }
        let century = reference.year / 100 * 100
        let candidate = century + short
        return candidate > reference.year + 10 ? candidate - 100 : candidate
    }

    /// `tense` matters for `ce week-end` only.
    static func shifted(_ shift: Shift, _ tense: Tense, _ reference: CalendarDay?) -> String {
        guard let r = reference, !shift.vague else {
            switch shift.unit {
            case .day: return "XXXX-XX-XX"
            case .weekend: return "XXXX-WXX-WE"
            case .week: return "XXXX-WXX"
            case .month: return "XXXX-XX"
            case .year: return "XXXX"
            case .decade: return "XXX"
            case .century: return "XX"
            }
        }
        switch shift.unit {
        case .day:
            let day = r.adding(days: shift.amount)
            return TimexText.make { $0.append(day) }
        case .weekend:
            let week = r.adding(days: 7 * weekendWeeks(shift.amount, tense, r)).isoWeek
            return TimexText.make { $0.append(week.year, width: 4); $0.append("-W"); $0.append(week.week, width: 2); $0.append("-WE") }
        case .week:
            let week = r.adding(days: 7 * shift.amount).isoWeek
            return TimexText.make { $0.append(week.year, width: 4); $0.append("-W"); $0.append(week.week, width: 2) }
        case .month:
            let index = r.year * 12 + (r.month - 1) + shift.amount
            return TimexText.make { $0.append(index / 12, width: 4); $0.append("-"); $0.append(index % 12 + 1, width: 2) }
        case .year:
            return pad(r.year + shift.amount, 4)
        case .decade:
            return pad(r.year / 10 + shift.amount, 3)
        case .century:
            return pad(r.year / 100 + shift.amount, 2)
        }
    }

    /// How many ISO weeks from the document's week a weekend lies. `ce week-end` is the
    /// weekend of the document's week, or the one just gone when a past-tense sentence is
    /// written on a weekday; `le week-end prochain` is the coming one (the following week's
    /// when written on a weekend); `le week-end dernier` is the previous week's.
    static func weekendWeeks(_ amount: Int, _ tense: Tense, _ r: CalendarDay) -> Int {
        let onWeekend = r.weekday >= 6
        switch amount {
        case 0: return tense == .past && !onWeekend ? -1 : 0
        case 1: return onWeekend ? 1 : 0
        default: return amount
        }
    }

    /// The year of a month (and day) given without one: the latest on or before the
    /// document date in a past-tense sentence, the next on or after it in a future one,
    /// the nearest one otherwise; `dernier`/`prochain` exclude the current month.
    static func monthYear(_ month: Int, _ day: Int?, _ tense: Tense, _ deixis: Deixis?, _ r: CalendarDay) -> Int {
        let said = (month, day ?? 0)
        let now = (r.month, day == nil ? 0 : r.day)
        switch deixis {
        case .last: return said < now ? r.year : r.year - 1
        case .next: return said > now ? r.year : r.year + 1
        case .this: return r.year
        case nil: break
        }
        switch tense {
        case .past: return said > now ? r.year - 1 : r.year
        case .future: return said < now ? r.year + 1 : r.year
        case .unknown, .present:
            // The nearest: `en décembre` written in January is the December just gone.
            func distance(_ year: Int) -> Int {
                if let day, let date = CalendarDay(year: year, month: month, day: min(day, CalendarDay.daysIn(month: month, year: year))) {
                    return abs(date.dayNumber - r.dayNumber)
                }
                return abs((year * 12 + month) - (r.year * 12 + r.month)) * 30
            }
            return [r.year, r.year - 1, r.year + 1].min { distance($0) < distance($1) }!
        }
    }

    /// The year of a month and day given without one; a weekday with them (`lundi 10 mars`)
    /// picks, among the year `monthYear` reads and the two around the document date's, the
    /// first in which the day falls on that weekday.
    static func dayYear(_ p: DateParts, _ r: CalendarDay) -> Int {
        let read = monthYear(p.month!, p.day, p.tense, p.deixis, r)
        guard let weekday = p.weekday, let day = p.day else { return read }
        for year in [read, r.year, r.year - 1, r.year + 1] {
            if let date = CalendarDay(year: year, month: p.month!, day: day), date.weekday == weekday { return year }
        }
        return read
    }

    /// The year of a season given without one, by the same reading as `monthYear`.
    static func seasonYear(_ season: Season, _ tense: Tense, _ deixis: Deixis?, _ r: CalendarDay) -> Int {
        func start(_ year: Int) -> CalendarDay { CalendarDay(year: year, month: season.start.month, day: season.start.day)! }
        func end(_ year: Int) -> CalendarDay {
            let next = Season.allCases[(Season.allCases.firstIndex(of: season)! + 1) % 4]
            let endYear = season == .winter ? year + 1 : year
            return CalendarDay(year: endYear, month: next.start.month, day: next.start.day)!.adding(days: -1)
        }
        // The season that holds the document date or the latest one before it.
        let current = start(r.year) <= r ? r.year : r.year - 1
        let holdsReference = r <= end(current)
        switch deixis {
        case .last: return holdsReference ? current - 1 : current
        case .next: return current + 1
        case .this: return holdsReference || tense == .past ? current : current + 1
        case nil: break
        }
        switch tense {
        case .past: return current
        case .future: return holdsReference ? current : current + 1
        case .unknown, .present: return holdsReference ? current : (season == .winter ? r.year - 1 : r.year)
        }
    }

    /// A weekday alone: `ce jeudi` is in the document's week; otherwise the latest such
    /// day before the document date (past tense, `dernier`, no tense: news report what
    /// happened), the next after it (future tense, `prochain`), or the next on or after it
    /// (a present that announces: `se réunit mercredi`, written on a Wednesday, is that day).
    static func weekdayDate(_ weekday: Int, _ tense: Tense, _ deixis: Deixis?, _ r: CalendarDay) -> CalendarDay {
        let delta = weekday - r.weekday
        switch deixis {
        case .this: return r.adding(days: delta)
        case .next: return r.adding(days: delta > 0 ? delta : delta + 7)
        case .last: return r.adding(days: delta < 0 ? delta : delta - 7)
        case nil:
            if tense == .future { return r.adding(days: delta > 0 ? delta : delta + 7) }
            if tense == .present { return r.adding(days: delta >= 0 ? delta : delta + 7) }
            return r.adding(days: delta < 0 ? delta : delta - 7)
        }
    }
}
