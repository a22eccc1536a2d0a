/// Everything loaded once and shared by all workers: lexicons, vocabulary, recognizers.
public final class Extractor: Sendable {
    public let rules: TokenizerRules
    public let vocabulary: Vocabulary
    public let gazetteer: Gazetteer
    public let recognizers: [any Recognizer]
    public let passes: [any DocumentPass]
    public let policy = OverlapPolicy()

    public init(rules: TokenizerRules, vocabulary: Vocabulary, gazetteer: Gazetteer,
                recognizers: [any Recognizer], passes: [any DocumentPass]) {
        self.rules = rules
        self.vocabulary = vocabulary
        self.gazetteer = gazetteer
        self.recognizers = recognizers
        self.passes = passes
    }

    /// Loads the lexicons and builds the registered recognizers.
    public static func load(lexicons: LexiconDirectory) throws -> Extractor {
        let loader = try LexiconLoader(directory: lexicons, prepare: Registry.gazetteerLexicons)
        let recognizers = try Registry.recognizers.map { try $0(loader) }
        let passes = try Registry.passes.map { try $0(loader) }
        let (vocabulary, gazetteer) = loader.finish()
        return Extractor(rules: loader.rules, vocabulary: vocabulary, gazetteer: gazetteer,
                         recognizers: recognizers, passes: passes)
    }

    /// Loads from `LexiconDirectory.locate()`.
    public static func loadDefault() throws -> Extractor {
        guard let directory = LexiconDirectory.locate() else {
            throw LexiconError(description: "cannot find the Lexicons directory (set BALISE_LEXICONS)")
        }
        return try load(lexicons: directory)
    }

    /// A worker with its own ICU objects.
    public func makeAnnotator() throws -> Annotator {
        try Annotator(extractor: self)
    }
}

/// Annotates documents on one thread. Create one per worker with `Extractor.makeAnnotator()`.
public final class Annotator {
    public let extractor: Extractor
    private let tokenizer: Tokenizer
    private let services = TextServices()

    init(extractor: Extractor) throws {
        self.extractor = extractor
        self.tokenizer = try Tokenizer(rules: extractor.rules, vocabulary: extractor.vocabulary, gazetteer: extractor.gazetteer)
    }

    /// The text layer alone: tokens, sentences, keys.
    public func analyze(_ document: Document) -> AnalyzedText {
        AnalyzedText(document: document, tokenizer: tokenizer, gazetteer: extractor.gazetteer, services: services)
    }

    /// Entities of `document`, sorted, non-overlapping; only `types` when given.
    public func annotate(_ document: Document, types: Set<EntityType>? = nil) -> AnnotatedDocument {
        let text = analyze(document)
        return AnnotatedDocument(document: document, entities: entities(in: text, types: types))
    }

    public func entities(in text: AnalyzedText, types: Set<EntityType>? = nil) -> [Entity] {
        // About one candidate per eight tokens in news text: reserved once, the array no
        // longer grows (reallocating and moving its candidates) six or seven times a document.
        var proposed: [Candidate] = []
        proposed.reserveCapacity(text.count / 8)
        for recognizer in extractor.recognizers {
            recognizer.propose(in: text, into: &proposed)
        }
        var selected = extractor.policy.select(proposed)
        for pass in extractor.passes {
            pass.refine(text, selected: &selected, proposed: proposed)
            selected = extractor.policy.select(moving: &selected)
        }
        let units = text.original.units
        // Offsets are kept as Int32 in `EntityText`; a text longer than that (never seen)
        // gets its entity texts as strings.
        let textInPlace = units.count <= Int(Int32.max)
        // Each entity built where it lives: appending one copied it, then destroyed the original.
        let entities = [Entity](unsafeUninitializedCapacity: selected.count) { buffer, initialized in
            // By index, each field read in place: mapping the candidates copied each one whole.
            for index in selected.indices {
                let type = selected[index].type, tokens = selected[index].tokens
                if let types, !types.contains(type) { continue }
                let utf16 = text.utf16Range(tokens)
                let start = text.original.scalarOffset(utf16: utf16.lowerBound)
                let end = text.original.scalarOffset(utf16: utf16.upperBound)
                // Value and rule are moved out of `selected`, which dies here: copying them retained
                // every string of a money value, then released them with `selected`.
                let value = selected[index].value.take()
                var rule = ""
                swap(&rule, &selected[index].rule)
                let entityText: EntityText = textInPlace
                    ? .utf16(units, start: Int32(utf16.lowerBound), end: Int32(utf16.upperBound))
                    : .string(text.original.string(utf16))
                (buffer.baseAddress! + initialized).initialize(to: Entity(type: type, start: start, end: end, text: entityText, value: value, rule: rule))
                initialized += 1
            }
        }
        return entities
    }
}
