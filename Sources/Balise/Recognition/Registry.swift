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
}
