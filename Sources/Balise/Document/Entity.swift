/// The five entity types of the annotation guidelines.
public enum EntityType: String, CaseIterable, Sendable, Hashable, Comparable {
    case person = "PER"
    case organization = "ORG"
    case location = "LOC"
    case money = "MONEY"
    case date = "DATE"

    public static func < (a: EntityType, b: EntityType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Parses `PER,ORG,...`; nil names the first unknown type.
    public static func parseList(_ text: String) -> Result<Set<EntityType>, UnknownType> {
        var types = Set<EntityType>()
        for piece in text.split(separator: ",") {
            let name = piece.trimmingSpaces().uppercased()
            guard let type = EntityType(rawValue: name) else { return .failure(UnknownType(name: String(piece))) }
            types.insert(type)
        }
        return .success(types)
    }

    public struct UnknownType: Error, Sendable { public let name: String }
}

/// An entity over the original text. Offsets count Unicode scalars, end exclusive.
public struct Entity: Sendable, Equatable {
    public var type: EntityType
    public var start: Int
    public var end: Int
    /// The entity's text, where it is kept (see `EntityText`).
    var storedText: EntityText
    public var value: EntityValue?
    /// The rule that produced the entity (for `--explain`); nil in gold files.
    public var rule: String?

    /// The covered text, exactly as in the document.
    public var text: String {
        get { storedText.string }
        set { storedText = .string(newValue) }
    }

    public static func == (a: Entity, b: Entity) -> Bool {
        a.type == b.type && a.start == b.start && a.end == b.end && a.text == b.text && a.value == b.value
    }
}

/// In an extension, so that the struct keeps its memberwise initializer
/// (`init(type:start:end:storedText:value:rule:)`): an entity built by an initializer of its
/// own was built aside, then copied where it goes and destroyed; the memberwise one is built
/// in place, and these delegate to it.
extension Entity {
    public init(type: EntityType, start: Int, end: Int, text: String, value: EntityValue? = nil, rule: String? = nil) {
        self.init(type: type, start: start, end: end, storedText: .string(text), value: value, rule: rule)
    }

    /// An entity whose text is read from the original text only when asked for.
    init(type: EntityType, start: Int, end: Int, text: EntityText, value: EntityValue?, rule: String?) {
        self.init(type: type, start: start, end: end, storedText: text, value: value, rule: rule)
    }
}

/// Where an entity's text is kept. The annotator's entities point into the document's
/// UTF-16 units: the JSON writer escapes them from there, and building a String for each
/// entity (transcoded, validated, then released) cost more than writing it.
enum EntityText: Sendable {
    case string(String)
    /// `units[start..<end]` (the original text's UTF-16 units).
    case utf16([UInt16], start: Int32, end: Int32)

    var string: String {
        switch self {
        case .string(let s): return s
        case .utf16(let units, let start, let end): return UTF16String.make(units, Int(start)..<Int(end))
        }
    }
}

public enum EntityValue: Sendable, Equatable {
    case money(MoneyValue)
    case date(DateValue)
}

/// A normalised amount: exact decimal strings (never floats) and an ISO 4217 code.
/// Either `amount` is set, or both `min` and `max` for a range.
public struct MoneyValue: Sendable, Equatable {
    public var amount: String?
    public var min: String?
    public var max: String?
    public var currency: String

    public init(amount: String, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    public init(min: String, max: String, currency: String) {
        self.min = min
        self.max = max
        self.currency = currency
    }
}

/// A TIMEX3-style value (`2025-02`, `2025-Q1`, `XXXX-09`, `2025-03-03/2025-03-05`) and its modifier.
public struct DateValue: Sendable, Equatable {
    public enum Mod: String, Sendable {
        case start = "START"
        case mid = "MID"
        case end = "END"
    }

    public var timex: String
    public var mod: Mod?

    public init(timex: String, mod: Mod? = nil) {
        self.timex = timex
        self.mod = mod
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
