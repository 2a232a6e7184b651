import Testing
@testable import GleanFacts

/// The learned person-run model (`Languages/person_runs.json`, trained by `make train-people`): it loads, its features are
/// what the trainer was given, and it takes or leaves runs that no rule decides, on sentences written for these tests.
@Suite struct PersonRunModelTests {
    @Test func theBuiltInModelLoads() throws {
        let m = try #require(PersonRunModel.shared)
        #expect(m.threshold.isFinite)
        #expect(m.weights.count >= 20)
        #expect(m.weights["place_any"].map { $0 < 0 } == true)
    }

    /// The features of the one run in each text, as the trainer reads them.
    @Test(arguments: [
        ("fr", "Il a été nommé en remplacement de Joany Caneus.", "Joany Caneus",
         ["len2", "given_none", "fr:prev=de", "prev_lower_word", "fr:prev2=remplacement", "fr:next=."]),
        ("en", "Police arrested Mary Kabaso and two others in Lusaka.", "Mary Kabaso",
         ["len2", "given_first", "en:prev=arrested", "prev_lower_word", "en:prev2=police", "en:next=and"]),
    ] as [(String, String, String, [String])])
    func features(_ language: String, _ text: String, _ run: String, _ expected: [String]) throws {
        let profile = try #require(LanguageRegistry.builtIn.profile(language))
        let doc = Doc(text: text, profile: profile)
        let words = run.split(separator: " ").count
        let i = try #require(doc.toks.firstIndex { $0.text == run.split(separator: " ")[0] })
        let f = doc.personRunFeatures(i, i + words, atBoundary: false, commonWords: MutableWordSet())
        #expect(f == expected)
    }

    /// Runs no rule takes (no rank, no office, no verb of speech, no known given name first): the model takes a name after
    /// "de" at the end of a sentence or before "has", and leaves known places.
    @Test(arguments: [
        ("fr", "Le nouveau directeur a été installé en remplacement de Joany Caneus.", ["Joany Caneus"]),
        ("fr", "Le juge a ordonné la libération de Kodjo Ahmed.", ["Kodjo Ahmed"]),
        ("fr", "Le juge a ordonné la libération de Tchalla Bawubadi.", ["Tchalla Bawubadi"]),
        ("en", "The court heard that Kodjo Ahmed has denied the charges.", ["Kodjo Ahmed"]),
        ("en", "The delegation travelled to the city of Port Moresby on Monday.", []),
        ("fr", "La délégation est arrivée à Porto Novo lundi.", []),
    ] as [(String, String, [String])])
    func runs(_ language: String, _ text: String, _ people: [String]) {
        let facts = FactExtractor().extract(text, language: language)
        #expect(facts.people.map(\.name) == people)
    }
}
