import Balise
import Foundation
import Testing

@Suite struct LexiconTests {
    /// `SortedWordList` finds entries by binary search on folded keys: the file order
    /// must be the folded order, or some words become unfindable.
    @Test(arguments: [("common-words", 100_000), ("communes", 10_000)])
    func sortedListsAreSortedByFoldedKey(name: String, minimum: Int) throws {
        let list = try SortedWordList(directory: LexiconDirectory(path: Repository.lexicons), name: name)
        #expect(list.count > minimum)
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

    @Test func communesHoldSmallTownsButNoWordOrPerson() throws {
        let list = try SortedWordList(directory: LexiconDirectory(path: Repository.lexicons), name: "communes")
        let present = ["Tignes", "Le Croisic", "Auxi-le-Château"].filter { list.contains($0) }
        #expect(present.count == 3, "found only \(present)")
        // Rougé folds to the word rouge; Chirac is a surname; Lyon is in cities.txt.
        let absent = ["Rougé", "Chirac", "Lyon"].filter { list.contains($0) }
        #expect(absent.isEmpty, "listed: \(absent)")
    }

    /// Lexicons/README.md describes every list with its entry count: a list added or grown
    /// without its row fails here.
    @Test func readmeListsEveryLexiconWithItsCount() throws {
        let readme = try InputFiles.readText("\(Repository.lexicons)/README.md")
        var rows: [String: Int] = [:]
        for line in readme.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 1, let count = Int(cells[1]) else { continue }
            rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = count
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.lexicons).filter { $0.hasSuffix(".txt") }.sorted()
        var problems: [String] = []
        for file in files {
            let entries = try InputFiles.readText("\(Repository.lexicons)/\(file)").split(separator: "\n")
                .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
            if let listed = rows[file] {
                if listed != entries { problems.append("\(file): README says \(listed), the file has \(entries)") }
            } else {
                problems.append("\(file) has no row in Lexicons/README.md")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func lexiconFilesCarryTheirSourceAndLicence() throws {
        let dir = LexiconDirectory(path: Repository.lexicons)
        for name in ["elisions", "abbreviations", "first-names", "cities", "communes", "finite-verbs", "organizations", "currencies", "months"] where dir.exists(name) {
            let head = try InputFiles.readText("\(Repository.lexicons)/\(name).txt").split(separator: "\n").prefix(12)
            #expect(head.contains { $0.hasPrefix("# source:") }, "\(name).txt has no source line")
            #expect(head.contains { $0.hasPrefix("# licence:") }, "\(name).txt has no licence line")
        }
    }
}
