import Testing
import Balise

/// The annotator's tokenizer gives each token's first step in the gazetteer with the
/// tokens (its token memo remembers it with the word's id), and the lexicon index of the
/// text starts its walks there instead of looking the words up again: both must find the
/// entries a walk from scratch finds, the first time a word is read (no memo yet) and the
/// next (from the memo).
@Suite struct TokenRootRecordTests {
    @Test func lexiconEntriesMatchAWalkFromScratch() {
        let annotator = Shared.annotator()
        let gazetteer = annotator.extractor.gazetteer
        let document = Document(id: "roots", text: "Le Parti socialiste et la Banque de France à Paris, "
            + "l'Organisation des Nations unies, New York, Jean-Luc Mélenchon, l'Union européenne ; "
            + "la SNCF à Saint-Étienne, 12 000 euros, administration gouvernementale, zzqx inconnu.")
        for reading in 0..<2 {
            let text = annotator.analyze(document)
            var starts = 0
            for i in 0..<text.count {
                let expected = !gazetteer.all(in: text.tokens, at: i).isEmpty
                #expect(text.startsLexiconEntry(i) == expected, "reading \(reading), token \(i): \(text.surface(i))")
                if expected { starts += 1 }
            }
            #expect(starts > 0)
        }
    }
}
