import Balise
import Testing

@Suite struct LexiconTests {
    /// `SortedWordList` finds entries by binary search on folded keys: the file order
    /// must be the folded order, or some words become unfindable.
    @Test func commonWordsAreSortedByFoldedKey() throws {
        let list = try SortedWordList(directory: LexiconDirectory(path: Repository.lexicons), name: "common-words")
        #expect(list.count > 100_000)
        var previous: [UInt16] = []
        var misplaced: [String] = []
        for index in 0..<list.count {
            let key = KeyFolder.shared.fold(list.entry(index))
            if key.lexicographicallyPrecedes(previous) { misplaced.append(list.entry(index)) }
            previous = key
        }
        #expect(misplaced.isEmpty, "out of folded order: \(misplaced.prefix(20))")
    }

    @Test func sortedWordListFindsFoldedForms() throws {
        let list = try SortedWordList(directory: LexiconDirectory(path: Repository.lexicons), name: "common-words")
        #expect(list.contains("cette"))
        #expect(list.contains("Après"))
        #expect(list.contains("ÉTÉ"))
        #expect(list.contains("aujourd'hui"))
        #expect(!list.contains("xqzvw"))
        #expect(!list.contains("Altman"))
    }

    @Test func lexiconFilesCarryTheirSourceAndLicence() throws {
        let dir = LexiconDirectory(path: Repository.lexicons)
        for name in ["elisions", "abbreviations", "first-names", "cities", "organizations", "currencies", "months"] where dir.exists(name) {
            let head = try InputFiles.readText("\(Repository.lexicons)/\(name).txt").split(separator: "\n").prefix(12)
            #expect(head.contains { $0.hasPrefix("# source:") }, "\(name).txt has no source line")
            #expect(head.contains { $0.hasPrefix("# licence:") }, "\(name).txt has no licence line")
        }
    }
}
