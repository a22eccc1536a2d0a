/// One input document: an identifier, the original text (never modified) and an
/// optional publication date against which relative dates are resolved.
public struct Document: Sendable, Equatable {
    public var id: String
    public var text: String {
        didSet { jsonText = nil }
    }
    public var date: CalendarDay?
    /// The text as JSON string content (without the quotes), exactly as the JSON writer
    /// would escape it, when the document was read from such a line: the writer then copies
    /// it instead of escaping the text again. Nil once `text` changes.
    var jsonText: [UInt8]?

    public init(id: String, text: String, date: CalendarDay? = nil) {
        self.id = id
        self.text = text
        self.date = date
    }

    public static func == (a: Document, b: Document) -> Bool {
        a.id == b.id && a.text == b.text && a.date == b.date
    }
}

/// A document together with the entities found in (or annotated on) it.
public struct AnnotatedDocument: Sendable, Equatable {
    public var document: Document
    /// Sorted by start offset, never overlapping.
    public var entities: [Entity]

    public init(document: Document, entities: [Entity]) {
        self.document = document
        self.entities = entities
    }

    public var id: String { document.id }
    public var text: String { document.text }
}
