/// The recognizers and document passes of the pipeline, in the order they run.
/// Each recognizer lives in its own folder (Money/, Date/, Person/ ...).
enum Registry {
    static let recognizers: [@Sendable (LexiconLoader) throws -> any Recognizer] = [
        MoneyRecognizer.make,
        DateRecognizer.make,
        NameRecognizer.make,
    ]
    static let passes: [@Sendable (LexiconLoader) throws -> any DocumentPass] = [
        NamePropagation.make,
    ]

    /// The lexicon files the recognizers register in the gazetteer, in the order they ask
    /// for them: the loader reads them and computes their keys on a second thread meanwhile.
    /// A speed hint only: a file left out is read on the caller's thread when asked for.
    static let gazetteerLexicons = [
        "currencies", "currency-countries",
        "first-names", "surnames", "name-particles", "person-titles", "organizations", "seats-of-power",
        "org-descriptors", "org-heads-lowercase", "legal-forms",
        "countries", "regions", "departments", "cities", "continents", "geo-features", "compass-areas",
        "sports-cues", "geo-heads", "geo-heads-outside", "speech-verbs", "org-cue-nouns", "org-verbs", "place-prepositions",
        "portfolio-titles", "not-names", "not-name-heads", "first-names-weak", "river-cues", "name-middle-parts",
    ]
}
