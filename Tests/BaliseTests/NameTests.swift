import Balise
import Testing

/// PER, ORG and LOC: the case files, then the document-level name pass.
@Suite struct NameTests {
    @Test(arguments: [("persons", EntityType.person), ("organizations", .organization), ("locations", .location)])
    func caseFile(name: String, type: EntityType) throws {
        let file = try CaseFile(path: "\(Repository.cases)/\(name).txt")
        let messages = failures(of: file, types: [type], annotator: Shared.annotator())
        #expect(messages.isEmpty, "\(messages.count) failing cases:\n\(messages.joined(separator: "\n"))")
    }

    private func names(_ text: String) -> [String] {
        Shared.annotator().annotate(Document(id: "names", text: text), types: [.person, .organization, .location])
            .entities.map { "\($0.type.rawValue) \($0.text)" }
    }

    /// The name rules keep their answers about tokens and the name pass its tables on each
    /// thread from one document to the next (`NameWorkspace`): a document read after others,
    /// read again, or analysed before another is read, gets the names it gets alone.
    @Test func namesDoNotDependOnTheDocumentsReadBefore() {
        let texts = [
            "Inès Karadeniz dirige la société. Karadeniz vise un coût plus bas.",
            "Hugo Millau vit à Millau depuis dix ans. Selon Millau, les clients reviennent.",
            "La Fédération française des loueurs de vélos (FFLV) proteste. FFLV réclame une aide à Lyon.",
            "Lyon",
        ]
        let types: Set<EntityType> = [.person, .organization, .location]
        func names(_ entities: [Entity]) -> [String] { entities.map { "\($0.type.rawValue) \($0.text)" } }
        func names(_ annotator: Annotator, _ k: Int) -> [String] {
            names(annotator.annotate(Document(id: "d\(k)", text: texts[k]), types: types).entities)
        }
        let alone = texts.indices.map { names(Shared.annotator(), $0) }
        let annotator = Shared.annotator()
        for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 1, 0, 2, 3, 0, 2]] {
            for k in order { #expect(names(annotator, k) == alone[k], "document \(k) after others") }
        }
        let analysed = annotator.analyze(Document(id: "first", text: texts[2]))
        #expect(names(annotator, 1) == alone[1])
        #expect(names(annotator.entities(in: analysed, types: types)) == alone[2], "a text analysed before another was read")
    }

    @Test func surnameAfterFullNameAtSentenceStart() {
        #expect(names("Inès Karadeniz dirige la société. Karadeniz vise un coût plus bas.")
            == ["PER Inès Karadeniz", "PER Karadeniz"])
    }

    @Test func surnameIsNotTurnedIntoTownOfTheSameName() {
        #expect(names("Hugo Millau a ouvert une boulangerie. Selon Millau, les clients reviennent.")
            == ["PER Hugo Millau", "PER Millau"])
    }

    @Test func townAfterPlacePrepositionStaysPlaceNextToNamesake() {
        #expect(names("Hugo Millau vit à Millau depuis dix ans.") == ["PER Hugo Millau", "LOC Millau"])
    }

    @Test func acronymDefinedOnceIsKnownAfter() {
        #expect(names("La Fédération française des loueurs de vélos (FFLV) proteste. FFLV réclame une aide.")
            == ["ORG Fédération française des loueurs de vélos", "ORG FFLV", "ORG FFLV"])
    }

    /// The opening brackets of acronym definitions are found by a byte search in the text's
    /// UTF-16 units: characters with a byte of `(` in them (`Ĩ` U+0128, `⠨` U+2828) are no
    /// brackets, and a bracket glued to the word before it is still found.
    @Test func acronymsInBracketsAmongCharactersSharingTheBracketsByte() {
        #expect(names("Le Conseil national des barreaux (CNB) a réagi. Le texte ⠨Ĩ (note) cite la Direction nationale "
                      + "du contrôle de gestion (DNCG), puis Ĩ(SNCF) et (Insee).")
            == ["ORG Conseil national des barreaux", "ORG CNB", "ORG Direction nationale du contrôle de gestion", "ORG DNCG",
                "ORG SNCF", "ORG Insee"])
    }

    @Test func organisationStaysOrganisation() {
        #expect(names("La start-up Vortalis recrute. Vortalis a levé des fonds à Lyon.")
            == ["ORG Vortalis", "ORG Vortalis", "LOC Lyon"])
    }

    @Test func surnameWithParticleIsKnownAlone() {
        #expect(names("Le milieu Mathis Le Goff a marqué. Le Goff compte cinq buts.")
            == ["PER Mathis Le Goff", "PER Le Goff"])
    }

    @Test func functionOnTheLineBeforeADatelineNamesNobody() {
        #expect(names("Vingt ans requis contre l'ancien gérant\nAGEN – Il a gardé les yeux baissés.") == ["LOC AGEN"])
    }

    @Test func surnameKeepsItsParticleAfterAConjunctionButNotAfterANoun() {
        #expect(names("Hugues de La Bretesche mène la liste. Une fusion entre Awa Camara-Diallo et de La Bretesche est probable. "
                      + "La proposition de La Bretesche est rejetée. « De La Bretesche veut gagner », dit-on.")
            == ["PER Hugues de La Bretesche", "PER Awa Camara-Diallo", "PER de La Bretesche", "PER La Bretesche", "PER De La Bretesche"])
    }

    // The rules compare a token's vocabulary id with the words they name (`région`, `ville`, `de`,
    // `liste`), and look a list up at an end only after one of its entries' last words: the same
    // names as when they compared keys and looked up everywhere.
    @Test func ruleWordsReadWhateverTheirCase() {
        #expect(names("La Région Sud a voté le budget. La Ville de Valenciennes a payé la facture.")
            == ["ORG Région Sud", "ORG Ville de Valenciennes"])
    }

    @Test func quotedListNameAfterListe() {
        #expect(names("Les électeurs ont choisi la liste « Vierzon, cap sur demain ».") == ["ORG Vierzon, cap sur demain"])
    }

    @Test func titleBeforeAndLegalFormAfterAName() {
        #expect(names("Le PDG de Vexalia a démissionné. Vortalis SAS recrute à Lyon.")
            == ["ORG Vexalia", "ORG Vortalis SAS", "LOC Lyon"])
    }

    @Test func acronymThatActsIsNoPerson() {
        #expect(names("Selon le communiqué, FFLV réclame une aide.") == ["ORG FFLV"])
    }

    @Test func cityIsTeamWhenItPlaysAndPlaceWhenItHosts() {
        #expect(names("Ligue 1 : Angers a battu Auxerre dans le derby. Le Stade rennais s'impose à Angers après un penalty.")
            == ["ORG Angers", "ORG Auxerre", "ORG Stade rennais", "LOC Angers"])
    }

    @Test func cityStandsForItsClubByRankOrDistanceInAMatchReport() {
        #expect(names("Ligue 2 : le derby tourne court. Pau, quatorzième, n'a pas gagné depuis un mois. "
                      + "Rodez pointe à deux longueurs d'Amiens, battu samedi.")
            == ["ORG Pau", "ORG Rodez", "ORG Amiens"])
    }

    @Test func companyKnownWithItsLegalFormIsKnownWithout() {
        #expect(names("Le parquet requiert une amende contre Levardin Levage SAS. Levardin Levage a indiqué qu'elle ferait appel.")
            == ["ORG Levardin Levage SAS", "ORG Levardin Levage"])
    }

    @Test func cityThatActsOutsideMatchReportsStaysPlace() {
        #expect(names("Angers a voté un budget en hausse. Auxerre a suivi.") == ["LOC Angers", "LOC Auxerre"])
    }

    @Test func lowercaseAcronymLookalikeIsNoOrganisation() {
        #expect(names("Ses obsèques auront lieu jeudi. Sa famille remercie le personnel.") == [])
    }

    @Test func pronounThatOpensSentenceIsNeverLearnt() {
        #expect(names("« Il faut agir », a déclaré Karim Benhaddi. Il a ajouté que rien n'était décidé.")
            == ["PER Karim Benhaddi"])
    }
}
