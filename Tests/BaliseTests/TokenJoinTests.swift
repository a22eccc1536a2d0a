import Balise
import Testing

/// The tokenizer's joins (abbreviations, hyphens, digit groups, elisions) move runs of
/// pieces that no join touches as a block and look at the others one by one (see
/// `Tokenizer.joinAbbreviationsHyphensAndDigits`): a join must come out the same wherever
/// it stands in such a run, at the start or the end of a text, or between two joins.
@Suite struct TokenJoinTests {
    /// Texts that joins change, each with the tokens it must give alone.
    private static let joined: [(text: String, tokens: [String])] = [
        ("Jean-Luc", ["Jean-Luc"]),
        ("Saint-Jean-de-Luz", ["Saint-Jean-de-Luz"]),
        ("12 000 euros", ["12 000", "euros"]),
        ("1 234 567,5 km", ["1 234 567,5", "km"]),
        ("M. Dupont", ["M.", "Dupont"]),
        ("J.-L. Martin", ["J.-L.", "Martin"]),
        ("U.S. Army", ["U.S.", "Army"]),
        ("janv. 2025", ["janv.", "2025"]),
        ("l'Union", ["l'", "Union"]),
        ("Gonfreville-l'Orcher", ["Gonfreville-l'Orcher"]),
        ("3M", ["3", "M"]),
        ("1er", ["1er"]),
        ("-3 °C.", ["-", "3", "°", "C", "."]),
        ("fin.", ["fin", "."]),
    ]

    /// Words and punctuation that no join touches.
    private static let filler = "le projet de loi sur l'eau , adopté hier par le Sénat ( texte ) ;"

    /// Each token of `text` as its text and the rest of what the tokenizer says of it.
    private static func tokens(_ text: String) throws -> [(text: String, rest: String)] {
        let tokenizer = try Tokenizer(rules: Shared.extractor.rules, vocabulary: Shared.extractor.vocabulary)
        let view = Array(text.utf16)
        var keys: [UInt16] = []
        let tokens = tokenizer.tokenize(view, keys: &keys)
        // The joins' flags, without the position flags that depend on what comes before.
        let position = Token.Flags.spaceBefore.rawValue | Token.Flags.lineStart.rawValue | Token.Flags.paragraphStart.rawValue
        return tokens.map { t in
            let key = keys[Int(t.keyStart)..<Int(t.keyEnd)]
            return (String(decoding: view[Int(t.start)..<Int(t.end)], as: UTF16.self),
                    "\(t.kind) \(t.flags.rawValue & ~position) \(String(decoding: key, as: UTF16.self)) \(t.word)")
        }
    }

    private static func describe(_ text: String) throws -> [String] {
        try tokens(text).map { "\($0.text) \($0.rest)" }
    }

    @Test func joinsAloneGiveTheirTokens() throws {
        for (text, expected) in TokenJoinTests.joined {
            #expect(try TokenJoinTests.tokens(text).map(\.text) == expected, "\(text)")
        }
    }

    @Test func joinsGiveTheSameTokensAnywhere() throws {
        let filler = try TokenJoinTests.describe(TokenJoinTests.filler)
        for (text, _) in TokenJoinTests.joined {
            let alone = try TokenJoinTests.describe(text)
            #expect(try TokenJoinTests.describe(TokenJoinTests.filler + " " + text) == filler + alone, "\(text)")
            #expect(try TokenJoinTests.describe(text + " " + TokenJoinTests.filler) == alone + filler, "\(text)")
            #expect(try TokenJoinTests.describe(TokenJoinTests.filler + " " + text + " " + TokenJoinTests.filler)
                    == filler + alone + filler, "\(text)")
        }
        // Joins next to each other, and a run between two.
        let pairs = TokenJoinTests.joined.map(\.text)
        for a in pairs {
            for b in pairs {
                let together = try TokenJoinTests.describe(a + " ; " + b)
                let apart = try TokenJoinTests.describe(a) + TokenJoinTests.describe(";") + TokenJoinTests.describe(b)
                #expect(together == apart, "\(a) ; \(b)")
            }
        }
    }
}
