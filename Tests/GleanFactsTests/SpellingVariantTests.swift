import Foundation
import Testing
@testable import GleanFacts

/// Letter variants of a language's words (`spellingVariants`): a final yā' written as alif maqsūra, alif without hamza.
struct SpellingVariantTests {
    static let rules = [
        SpellingVariants.Rule(from: "ي", to: "ى", final: true),
        SpellingVariants.Rule(from: "أ", to: "ا", final: false),
    ]

    @Test(arguments: [
        ("الماضي", ["الماضي", "الماضى"]),
        ("أحمد علي", ["أحمد علي", "أحمد على", "احمد علي", "احمد على"]),
        ("يحيى", ["يحيى"]),
        ("سيدي بوزيد", ["سيدي بوزيد", "سيدى بوزيد"]),
    ])
    func forms(_ word: String, _ expected: [String]) {
        #expect(SpellingVariants.forms(word, Self.rules) == expected)
    }

    /// A variant that is a function word is added to no other list ("علي" the name is not also "على" the preposition),
    /// a table's keys get their variants with the same value, and a file without rules is read as it is.
    @Test func expandsWordListsAndTables() throws {
        let json = #"{"code": "xx", "stopwords": ["على", "في"], "givenNames": ["علي", "هاني"], "cardinalWords": {"ثماني": 8},"#
            + #" "spellingVariants": [{"from": "ي", "to": "ى", "final": true}]}"#
        let d = try LanguageData.decode(Data(json.utf8))
        #expect(d.stopwords == ["على", "في", "فى"])
        #expect(d.givenNames == ["علي", "هاني", "هانى"])
        #expect(d.cardinalWords == ["ثماني": 8, "ثمانى": 8])
        // a rule a list is excepted from leaves it as written
        let hamza = #"{"code": "zz", "nameStopWords": ["فإن"], "givenNames": ["إيغور"],"#
            + #" "spellingVariants": [{"from": "إ", "to": "ا", "exceptIn": ["nameStopWords"]}]}"#
        let h = try LanguageData.decode(Data(hamza.utf8))
        #expect(h.nameStopWords == ["فإن"])
        #expect(h.givenNames == ["إيغور", "ايغور"])
        let plain = #"{"code": "yy", "givenNames": ["علي"]}"#
        #expect(try LanguageData.decode(Data(plain.utf8)).givenNames == ["علي"])
    }

    /// Egyptian spelling in running text: "الماضى" marks the past month, "فى" is a function word, "احمد" a given name.
    @Test(arguments: [
        ("وكان قد اعتقل فى أكتوبر الماضى.", ["2015-10"]),
        ("وكان قد اعتقل في أكتوبر الماضي.", ["2015-10"]),
    ])
    func egyptianSpelling(_ text: String, _ isos: [String]) {
        let f = FactExtractor().extract(text, language: "ar", published: "2016-10-12")
        #expect(f.dates.map(\.iso) == isos)
    }

    /// A function word's form without hamza is no function word ("فان" is "فإن" only when written so): it stays a name's
    /// syllable.
    @Test func functionWordsKeepTheirHamza() {
        let f = FactExtractor().extract("وأجرى العقيد تران فان فوك، مدير الشرطة، جلسة عمل.", language: "ar")
        #expect(f.people.map(\.name) == ["تران فان فوك"])
    }
}
