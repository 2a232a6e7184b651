import Foundation
import Testing
@testable import GleanFacts

struct SampleTests {
    /// Every span's text is exactly the scalar slice of the cleaned text at offset/length.
    @Test(arguments: Samples.all)
    func spanIntegrity(sample: String) throws {
        let raw = try Samples.text(sample)
        let lang = LanguageRegistry.builtIn.detect(raw)
        let text = TextCleaner().clean(raw, language: lang).text
        let f = FactExtractor().extract(text, language: lang)
        #expect(!f.metrics.isEmpty)
        for m in f.metrics {
            #expect(scalarSlice(text, m.offset, m.length) == m.text)
            #expect(m.text.unicodeScalars.count == m.length)
        }
        for d in f.dates { #expect(scalarSlice(text, d.offset, d.length) == d.text) }
        for r in f.references { #expect(scalarSlice(text, r.offset, r.length) == r.text) }
        for p in f.people { #expect(scalarSlice(text, p.firstOffset, p.name.unicodeScalars.count) == p.name) }
        #expect(f.metrics.map(\.offset) == f.metrics.map(\.offset).sorted())
        #expect(f.dates.map(\.offset) == f.dates.map(\.offset).sorted())
    }

    @Test(arguments: [("000", "en"), ("001", "en"), ("002", "ar"), ("003", "fr"), ("004", "en")])
    func detectsLanguage(sample: String, expected: String) throws {
        #expect(LanguageRegistry.builtIn.detect(try Samples.text(sample)) == expected)
    }

    /// The Arabic sample 002 is a translation of 000 and yields the same metrics.
    @Test func arabicEqualsEnglish() throws {
        func metrics(_ s: String, _ lang: String) throws -> [M] {
            let text = TextCleaner().clean(try Samples.text(s), language: lang).text
            return FactExtractor().extract(text, language: lang).metrics.map(M.init)
        }
        let en = try metrics("000", "en")
        let ar = try metrics("002", "ar")
        #expect(en.count == 29)
        #expect(en == ar)
    }

    @Test func englishSampleDatesAndReferences() throws {
        let text = TextCleaner().clean(try Samples.text("000"), language: "en").text
        let f = FactExtractor().extract(text, language: "en")
        #expect(f.dates.map(\.iso) == ["2024", "2024-10-31", "2025", "2024", "2024", "2025"])
        #expect(f.references.map { "\($0.type) \($0.number ?? "")" } == ["project 06", "project 06", "resolution 12", "resolution 12"])
    }

    @Test func concurrentUseGivesSameResults() async throws {
        let texts = try Samples.all.map { try Samples.text($0) }
        let extractor = FactExtractor()
        let cleaner = TextCleaner()
        let serial = texts.map { extractor.extract(cleaner.clean($0, language: nil).text, language: nil) }
        let parallel = await withTaskGroup(of: (Int, Facts).self) { group in
            for (i, t) in texts.enumerated() {
                group.addTask { (i, extractor.extract(cleaner.clean(t, language: nil).text, language: nil)) }
            }
            var out: [(Int, Facts)] = []
            for await r in group { out.append(r) }
            return out.sorted { $0.0 < $1.0 }.map(\.1)
        }
        #expect(parallel == serial)
    }
}

struct RegistryAndRuleTests {
    @Test func builtInCodes() {
        #expect(LanguageRegistry.builtIn.codes == ["ar", "en", "fr"])
    }

    @Test func addsLanguageFromDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glean-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let de = #"{"code": "de", "decimalMark": ",", "groupMarks": ["."], "spaceGrouping": true, "stopwords": ["der", "die", "und"], "months": {"oktober": 10}, "monthsCaseSensitive": false, "percentWords": ["Prozent"], "units": {"fälle": "cases"}, "boilerplate": ["Quelle"]}"#
        try de.write(to: dir.appendingPathComponent("de.json"), atomically: true, encoding: .utf8)
        let reg = try LanguageRegistry.builtIn.adding(directory: dir.path)
        #expect(reg.codes == ["ar", "de", "en", "fr"])
        let f = FactExtractor(languages: reg).extract("Am 31 Oktober 2024 gab es 1.234 Fälle, 12,5 Prozent mehr.", language: "de")
        #expect(f.dates.map(\.iso) == ["2024-10-31"])
        #expect(f.metrics.map(M.init) == [M("count", 1234), M("percent", 12.5)])
        let c = TextCleaner(languages: reg).clean("Text.\nQuelle", language: "de")
        #expect(c.text == "Text.")
    }

    @Test(arguments: ["{not json", #"{"name": "no code"}"#])
    func badLanguageFileThrows(content: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glean-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try content.write(to: dir.appendingPathComponent("xx.json"), atomically: true, encoding: .utf8)
        #expect(throws: LanguageFileError.self) { try LanguageRegistry.builtIn.adding(directory: dir.path) }
    }

    @Test func missingDirectoryThrows() {
        #expect(throws: LanguageFileError.self) { try LanguageRegistry.builtIn.adding(directory: "/nonexistent/glean-langs") }
    }

    @Test func customRuleMatchesWithScalarOffsets() throws {
        let rule = try CustomRule(name: "phone", pattern: #"(?<area>\d{3})-(?<num>\d{4})"#)
        #expect(rule.groupNames == ["area", "num"])
        let text = "قال 👍 call 555-1234 or 777-0000"
        let m = rule.matches(in: text)
        #expect(m == [
            CustomMatch(groups: ["area": "555", "num": "1234"], text: "555-1234", offset: 11, length: 8),
            CustomMatch(groups: ["area": "777", "num": "0000"], text: "777-0000", offset: 23, length: 8),
        ])
        for x in m { #expect(scalarSlice(text, x.offset, x.length) == x.text) }
    }

    @Test(arguments: [("bad", "(?<x>[a-"), ("nogroups", "[0-9]+"), ("bad name!", "(?<x>a)")])
    func customRuleRejects(name: String, pattern: String) {
        #expect(throws: CustomRuleError.self) { try CustomRule(name: name, pattern: pattern) }
    }
}
