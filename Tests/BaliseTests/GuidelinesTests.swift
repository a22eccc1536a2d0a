import Balise
import Testing

@Suite struct GuidelinesTests {
    /// The project's copy of the annotation standard starts with the shared text, unchanged.
    @Test func projectCopyIsInSyncWithTheSharedStandard() throws {
        let shared = Repository.root + "/../shared/ANNOTATION.md"
        guard let reference = try? InputFiles.readText(shared) else { return }  // not beside this checkout
        let copy = try InputFiles.readText(Repository.root + "/docs/ANNOTATION.md")
        #expect(copy.hasPrefix(reference), "docs/ANNOTATION.md must begin with ../shared/ANNOTATION.md unchanged")
    }
}
