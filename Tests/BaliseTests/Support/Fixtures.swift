import Balise
import Testing

/// Paths of the repository, found from this file's location.
enum Repository {
    static let root: String = {
        var path = #filePath  // Tests/BaliseTests/Support/Fixtures.swift
        for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()
    static let lexicons = root + "/Lexicons"
    static let cases = root + "/Tests/Cases"
    static let corpus = root + "/Corpus"
}

/// One extractor for the whole test run (loading lexicons is the slow part); each test
/// makes its own annotator because annotators are not thread-safe.
enum Shared {
    static let extractor: Extractor = {
        do { return try Extractor.load(lexicons: LexiconDirectory(path: Repository.lexicons)) } catch {
            fatalError("cannot load lexicons: \(error)")
        }
    }()

    static func annotator() -> Annotator {
        do { return try extractor.makeAnnotator() } catch { fatalError("cannot make an annotator: \(error)") }
    }
}
