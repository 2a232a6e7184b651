import Testing
@testable import GleanFacts

struct NumberParserTests {
    @Test(arguments: [
        ("94,72", "fr", 94.72),
        ("3 156", "fr", 3156.0),
        ("3\u{00A0}156", "en", 3156.0),
        ("3\u{2009}332", "fr", 3332.0),
        ("3\u{202F}083", "fr", 3083.0),
        ("5,172", "en", 5172.0),
        ("5172", "ar", 5172.0),
        ("16 ألف", "ar", 16000.0),
        ("10 آلاف", "ar", 10000.0),
        ("9,399 billion", "en", 9.399e12),
        ("32.1%", "en", 32.1),
        ("22.6٪", "ar", 22.6),
        ("١٢٣", "ar", 123.0),
        ("1.234", "fr", 1234.0),
        ("12,5", "fr", 12.5),
        ("06", "en", 6.0),
    ])
    func parses(input: String, language: String, expected: Double) {
        #expect(NumberParser.parse(input, language: language) == expected)
    }

    @Test(arguments: ["", "abc", "12 cases", "5 %%", "--", "1/2", "\u{0000}", String(repeating: "9", count: 400) + "x"])
    func rejects(input: String) {
        #expect(NumberParser.parse(input, language: "en") == nil)
    }
}

struct DateParserTests {
    @Test(arguments: [
        ("February 22, 2024", "en", "2024-02-22"),
        ("31 octobre 2024", "fr", "2024-10-31"),
        ("1er mai 2024", "fr", "2024-05-01"),
        ("22 فبراير 2024", "ar", "2024-02-22"),
        ("14/06/2024", "en", "2024-06-14"),
        ("09/20/2024", "en", "2024-09-20"),
        ("2024-03-05", "en", "2024-03-05"),
        ("June 2024", "en", "2024-06"),
        ("2024", "en", "2024"),
        ("Friday, 09/20/2024", "en", "2024-09-20"),
        ("13 August 2023", "en", "2023-08-13"),
        ("Feb. 22, 2024", "en", "2024-02-22"),
        ("22 فبراير عام 2024", "ar", "2024-02-22"),
        ("Octobre 2024", "fr", "2024-10"),
    ])
    func parses(input: String, language: String, expected: String) {
        #expect(DateParser.parse(input, language: language) == expected)
    }

    @Test(arguments: ["", "August 13", "Resolution No. 12-NQ/TW", "241/439", "2020-2025", "hello", "32/13/2024", "15:28"])
    func rejects(input: String) {
        #expect(DateParser.parse(input, language: "en") == nil)
    }
}

struct DateExtractionTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var language: String
        var published: String?
        var isos: [String]
        var inferred: [Bool]
        var description: String { text }
    }

    @Test(arguments: [
        Case(text: "In 2024, crimes fell by 32.1% compared to 2023. The term 2020-2025 ended.", language: "en", published: nil, isos: ["2024"], inferred: [false]),
        Case(text: "By October 31, 2024, 100% of the places had been cleared. In 2030, it will be a good province.", language: "en", published: nil, isos: ["2024-10-31", "2030"], inferred: [false, false]),
        Case(text: "On August 13, the Party Committee held the 17th congress, term 2020-2025.", language: "en", published: "2024-09-20", isos: ["2024-08-13"], inferred: [true]),
        Case(text: "Resolution No. 11-NQ/TW dated February 10, 2022 of the Politburo, vision to 2045.", language: "en", published: nil, isos: ["2022-02-10", "2045"], inferred: [false, false]),
        Case(text: "Le 31 octobre 2024, la police a arrêté 5 personnes, par rapport à 2023.", language: "fr", published: nil, isos: ["2024-10-31"], inferred: [false]),
        Case(text: "بحلول 31 أكتوبر 2024، وفي عام 2025 مقارنة بعام 2023.", language: "ar", published: nil, isos: ["2024-10-31", "2025"], inferred: [false, false]),
        Case(text: "15:28 - 14/06/2024", language: "en", published: nil, isos: ["2024-06-14"], inferred: [false]),
        Case(text: "Under Decree No. 144/2021/ND-CP, cases rose 3.2% over the same period in 2023. The Law took effect on January 1, 2025.", language: "en", published: nil, isos: ["2025-01-01"], inferred: [false]),
        Case(text: "On the afternoon of December 24, the police met.", language: "en", published: "2024-12-25", isos: ["2024-12-24"], inferred: [true]),
        Case(text: "The plan runs from 2021 to 2025; by 2030 it ends.", language: "en", published: nil, isos: ["2030"], inferred: [false]),
    ])
    func dates(c: Case) {
        let f = FactExtractor().extract(c.text, language: c.language, published: c.published)
        #expect(f.dates.map(\.iso) == c.isos)
        #expect(f.dates.map(\.yearInferred) == c.inferred)
        #expect(f.metrics.allSatisfy { $0.value != 2023 && $0.value != 2024 })
    }
}
