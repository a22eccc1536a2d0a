/// A calendar unit that relative dates count in (`dans deux semaines`, `l'an dernier`).
public enum DateUnit: String, Sendable {
    /// `weekend` is the Saturday and Sunday of an ISO week (`ce week-end`: `2025-W11-WE`).
    case day, weekend, week, month, year, decade, century
}

/// A season with its TIMEX3 code. A season belongs to the year in which it starts
/// (winter 2024 runs from December 2024 to March 2025).
public enum Season: String, Sendable, CaseIterable {
    case spring = "SP", summer = "SU", fall = "FA", winter = "WI"

    /// Month and day of the first day, by the usual astronomical dates.
    var start: (month: Int, day: Int) {
        switch self {
        case .spring: return (3, 20)
        case .summer: return (6, 21)
        case .fall: return (9, 22)
        case .winter: return (12, 21)
        }
    }
}

/// A named part of a year.
public enum YearPart: Sendable, Equatable {
    case quarter(Int)
    case half(Int)
    case season(Season)
}

/// Where a demonstrative or `dernier`/`prochain` points from the document date.
public enum Deixis: String, Sendable {
    case last, this, next
}

/// The tense of the sentence around a date, which says whether a partial date lies
/// before or after the document date.
public enum Tense: String, Sendable {
    /// `present` is a present tense that announces (`organise une réunion samedi`): it
    /// points forward for a weekday and says nothing for other dates.
    case past, present, future, unknown
}

/// A shift from the document date: `hier` is -1 day, `la semaine prochaine` +1 week.
public struct Shift: Sendable, Equatable {
    public var amount: Int
    public var unit: DateUnit
    /// A count that names no number (`il y a quelques jours`): only the sign of `amount`
    /// holds, and the value keeps the unit's granularity with every digit unknown.
    public var vague: Bool

    public init(_ amount: Int, _ unit: DateUnit, vague: Bool = false) {
        self.amount = amount
        self.unit = unit
        self.vague = vague
    }
}

/// What a date expression says, field by field, before resolution: a matching rule
/// fills the fields it read and leaves the others nil; `DateResolver` computes the value.
public struct DateParts: Sendable, Equatable {
    /// The calendar numbers are stored as `Int32` (`CompactNumber`): the date rules copy
    /// parts while they compare readings, and nine optional `Int`s made every reading
    /// 150 bytes. The public properties read and write `Int?` as before.
    private var storedYear = CompactNumber()
    private var storedShortYear = CompactNumber()
    private var storedMonth = CompactNumber()
    private var storedDay = CompactNumber()
    private var storedWeekday = CompactNumber()
    private var storedDecade = CompactNumber()
    private var storedCentury = CompactNumber()

    public var year: Int? { get { storedYear.value } set { storedYear.value = newValue } }
    /// A year written with two digits (`juillet 98`), widened by the resolver.
    public var shortYear: Int? { get { storedShortYear.value } set { storedShortYear.value = newValue } }
    public var month: Int? { get { storedMonth.value } set { storedMonth.value = newValue } }
    public var day: Int? { get { storedDay.value } set { storedDay.value = newValue } }
    /// ISO weekday, 1 = Monday.
    public var weekday: Int? { get { storedWeekday.value } set { storedWeekday.value = newValue } }
    public var yearPart: YearPart?
    /// The first three digits of a decade's years (`199` for `les années 1990`).
    public var decade: Int? { get { storedDecade.value } set { storedDecade.value = newValue } }
    /// The first two digits of a century's years (`19` for `XXe siècle`).
    public var century: Int? { get { storedCentury.value } set { storedCentury.value = newValue } }
    public var shift: Shift?
    public var deixis: Deixis?
    public var mod: DateValue.Mod?
    /// The tense of the sentence, for partial dates.
    public var tense: Tense = .unknown

    public init(year: Int? = nil, shortYear: Int? = nil, month: Int? = nil, day: Int? = nil, weekday: Int? = nil,
                yearPart: YearPart? = nil, decade: Int? = nil, century: Int? = nil, shift: Shift? = nil,
                deixis: Deixis? = nil, mod: DateValue.Mod? = nil, tense: Tense = .unknown) {
        self.year = year
        self.shortYear = shortYear
        self.month = month
        self.day = day
        self.weekday = weekday
        self.yearPart = yearPart
        self.decade = decade
        self.century = century
        self.shift = shift
        self.deixis = deixis
        self.mod = mod
        self.tense = tense
    }

    /// Whether the expression names its year, so that it needs no document date.
    var namesYear: Bool { year != nil || shortYear != nil || decade != nil || century != nil }
}

/// An optional calendar number in four bytes (`Int32.min` for nil). Calendar numbers are
/// small; a value outside `Int32` is clamped.
struct CompactNumber: Sendable, Equatable {
    private var raw: Int32 = .min

    var value: Int? {
        get { raw == .min ? nil : Int(raw) }
        set { raw = newValue.map { Int32(clamping: $0) } ?? .min }
    }
}

/// One date or a range between two dates (`3 au 5 mars`, `entre 2015 et 2017`).
public enum DateExpression: Sendable, Equatable {
    case single(DateParts)
    /// Boxed: ranges are rare, and an inline pair would double the size of every match
    /// the rules copy while they compare readings.
    indirect case range(DateParts, DateParts)

    var tense: Tense {
        get {
            switch self {
            case .single(let p): return p.tense
            case .range(let a, _): return a.tense
            }
        }
        set {
            switch self {
            case .single(var p): p.tense = newValue; self = .single(p)
            case .range(var a, var b): a.tense = newValue; b.tense = newValue; self = .range(a, b)
            }
        }
    }

    /// Whether the expression points before or after the document date, as far as it says.
    var direction: Tense {
        guard case .single(let p) = self else { return tense }
        if let shift = p.shift, shift.amount != 0 { return shift.amount < 0 ? .past : .future }
        switch p.deixis {
        case .last: return .past
        case .next: return .future
        default: return p.tense
        }
    }

    /// Whether resolving needs the tense of the sentence.
    var needsTense: Bool {
        switch self {
        case .single(let p): return DateExpression.needsTense(p)
        case .range(let a, let b): return DateExpression.needsTense(a) || DateExpression.needsTense(b)
        }
    }

    private static func needsTense(_ p: DateParts) -> Bool {
        // `ce week-end` in a past sentence written on a Monday is the weekend just gone.
        if let shift = p.shift, shift.unit == .weekend, shift.amount == 0 { return true }
        if p.namesYear || p.shift != nil { return false }
        // `cet été` in October is the summer just gone when the verb is in the past.
        if case .season = p.yearPart, p.deixis == .this { return true }
        if p.deixis != nil { return false }
        if case .quarter = p.yearPart { return false }
        if case .half = p.yearPart { return false }
        return p.month != nil || p.weekday != nil || p.yearPart != nil
    }
}
