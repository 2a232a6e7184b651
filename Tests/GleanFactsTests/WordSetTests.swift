import Foundation
import Testing
@testable import GleanFacts

/// The lexicons' word sets compare UTF-8 bytes: words are NFC on both sides, so a lexicon read in any
/// normalisation form and a text written in decomposed form still match.
@Suite struct WordSetTests {
    struct Lookup: Sendable, CustomTestStringConvertible {
        let words: [String]
        let probe: String
        let found: Bool
        var testDescription: String { "\(probe) in \(words)" }
    }

    static let lookups: [Lookup] = [
        Lookup(words: ["ministry", "police"], probe: "police", found: true),
        Lookup(words: ["ministry", "police"], probe: "Police", found: false),
        Lookup(words: ["ministry", "police"], probe: "polic", found: false),
        Lookup(words: ["ministère", "préfecture"], probe: "ministère", found: true),
        // a lexicon word written decomposed (e + U+0300) is normalised when the set is built
        Lookup(words: ["ministe\u{300}re"], probe: "ministère", found: true),
        Lookup(words: ["Nguyễn", "Trần"], probe: "Trần", found: true),
        Lookup(words: ["وزارة", "الداخلية"], probe: "الداخلية", found: true),
        Lookup(words: ["وزارة", "الداخلية"], probe: "داخلية", found: false),
        Lookup(words: [""], probe: "", found: true),
        Lookup(words: [], probe: "", found: false),
    ]

    @Test(arguments: lookups)
    func aWordIsFoundByItsNFCBytes(_ c: Lookup) {
        #expect(WordSet(c.words).contains(c.probe) == c.found)
    }

    @Test func aSetGrowsAndKeepsItsInsertionOrder() {
        var s = MutableWordSet()
        let words = (0..<1_000).map { "w\($0)é" }
        for w in words { #expect(s.insert(w).inserted) }
        #expect(!s.insert("w7é").inserted)
        #expect(s.count == 1_000)
        #expect(Array(s) == words)
        #expect(words.allSatisfy { s.contains($0) })
        #expect(!s.contains("w1000é"))
        #expect(Array(WordSet(s).subtracting(["w1é", "w3é"]).prefix(3)) == ["w0é", "w2é", "w4é"])
    }

    @Test func aMapLooksUpByWordAndByToken() throws {
        let m = WordMap(["Hà Nội": 1, "province": 2])
        #expect(m["province"] == 2)
        #expect(m["Province"] == nil)
        #expect(m.count == 2)
        #expect(m.keys == ["Hà Nội", "province"])
        let toks = Tokenizer(style: NumberStyle(decimalMarks: ["."], groupMarks: [","], spaceGrouping: false, frenchElision: false))
            .tokenize(Array("The Province".unicodeScalars))
        #expect(m[lowerOf: toks[1]] == 2)
        #expect(m[textOf: toks[1]] == nil)
    }

    struct Decomposed: Sendable, CustomTestStringConvertible {
        let language: String
        let text: String
        var testDescription: String { "\(language): \(text)" }
    }

    /// The same sentences in NFC and in NFD (what a pipeline without clean.text may pass): the same facts.
    static let decomposed: [Decomposed] = [
        Decomposed(language: "fr", text: "Le ministère de l'Intérieur a déployé 1 200 gendarmes à Bamako le 3 février 2024."),
        Decomposed(language: "fr", text: "Le général de brigade Pierre Dupré, préfet de police, a été reçu à l'Élysée."),
        Decomposed(language: "en", text: "Deputy Minister Nguyễn Văn Sơn visited Hà Nội on 12 March 2024 with 35 officers."),
        Decomposed(language: "ar", text: "وأعلنت وزارة الداخلية في القاهرة عن ضبط 120 متهماً يوم 5 مارس 2024."),
    ]

    @Test(arguments: decomposed)
    func decomposedTextGivesTheFactsOfItsComposedForm(_ c: Decomposed) {
        let nfc = c.text.precomposedStringWithCanonicalMapping
        let nfd = c.text.decomposedStringWithCanonicalMapping
        let x = FactExtractor()
        let a = x.extract(nfc, language: c.language)
        let b = x.extract(nfd, language: c.language)
        let norm = { (s: String) in s.precomposedStringWithCanonicalMapping }
        #expect(b.people.map { norm($0.name) } == a.people.map(\.name))
        #expect(b.people.map { $0.titles.map(norm) } == a.people.map(\.titles))
        #expect(b.organizations.map { norm($0.name) } == a.organizations.map(\.name))
        #expect(b.places.map { norm($0.name) } == a.places.map(\.name))
        #expect(b.dates.map(\.iso) == a.dates.map(\.iso))
        #expect(b.metrics.map(\.value) == a.metrics.map(\.value))
        // the NFC run finds something in every sentence, so the comparison is not between two empty lists
        #expect(a.people.count + a.organizations.count + a.places.count > 0)
    }
}
