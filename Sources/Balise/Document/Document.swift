/// One input document: an identifier, the original text (never modified) and an
/// optional publication date against which relative dates are resolved.
public struct Document: Sendable, Equatable {
    public var id: String
    public var text: String
    public var date: CalendarDay?

    public init(id: String, text: String, date: CalendarDay? = nil) {
        self.id = id
        self.text = text
        self.date = date
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
