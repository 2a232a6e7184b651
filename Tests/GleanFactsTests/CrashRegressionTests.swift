@testable import GleanFacts
import Testing

/// Inputs that once crashed the fact extractor: each must give facts, not a trap.
@Suite struct CrashRegressionTests {
    /// A number followed by 'and'/'et' and then a unit word (the noun phrase after the number was
    /// only the conjunction, and its head was read from an empty list).
    @Test(arguments: [
        ("fr", "La police a saisi 12 et 108 grammes de cocaïne."),
        ("fr", "Ils ont arrêté 5 et tonnes de drogue saisies."),
        ("en", "Officers seized 40 and kilograms of cannabis."),
        ("en", "The unit recorded 7 and cases in May 2024."),
        // An English range inside a document read as French (found by a run over mixed texts).
        ("fr", "La gendarmerie a interpellé les suspects. They were all aged between 28 and 39."),
        ("fr", "Selon la police, the men were aged between 20 and 25, a-t-elle indiqué."),
    ])
    func conjunctionAfterANumber(language: String, text: String) {
        let facts = FactExtractor().extract(text, language: language)
        #expect(facts.language == language)
    }
}
