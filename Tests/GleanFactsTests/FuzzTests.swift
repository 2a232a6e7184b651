import Testing
@testable import GleanFacts

/// Deterministic random inputs: nothing crashes, and every span is the exact scalar slice.
struct FuzzTests {
    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static let pieces = ["1", "23", "456", "7,890", "3 156", "3\u{00A0}156", "94,72", "32.1", "%", "٪", "/", "-", "–", ":", ".", ",", ";",
                         "(", ")", "\"", "«", "»", " ", " ", " ", "\n", "\n\n", "2024", "2023", "1er", "8th", "No.", "n°", "رقم",
                         "Resolution", "résolution", "القرار", "Project", "مشروع", "October", "octobre", "أكتوبر", "General", "Mr.",
                         "comrades", "الرفاق", "Minister", "وزير", "Dang", "Xuan", "Phong", "دانج", "شوان", "cases", "personnes",
                         "قضية", "ألف", "billion", "VND", "up", "places", "ranked", "out of", "top", "المرتبة", "الثامنة", "من بين",
                         "of the", "Politburo", "du", "Comité", "e\u{0301}", "👍", "\u{200B}", "\t", "Source", "Comment (0)", "مصدر",
                         "12-NQ/TW", "14/06/2024", "15:28", "the", "la", "في", "عام", "واحد", "الثلاثة", "law on", "loi sur"]

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func randomDocuments(seed: Int) {
        var rng = LCG(state: UInt64(seed) &* 0x9E3779B97F4A7C15)
        let extractor = FactExtractor()
        let cleaner = TextCleaner()
        for _ in 0..<60 {
            var s = ""
            for _ in 0..<rng.next(120) { s += Self.pieces[rng.next(Self.pieces.count)] + (rng.next(3) == 0 ? "" : " ") }
            let lang = ["en", "fr", "ar", nil][rng.next(4)]
            let text = cleaner.clean(s, language: lang).text
            let f = extractor.extract(text, language: lang, published: rng.next(2) == 0 ? "2024-05-01" : nil)
            for m in f.metrics {
                #expect(scalarSlice(text, m.offset, m.length) == m.text)
                #expect(m.value.isFinite)
            }
            for d in f.dates {
                #expect(scalarSlice(text, d.offset, d.length) == d.text)
                #expect([4, 7, 10].contains(d.iso.count))
            }
            for r in f.references { #expect(scalarSlice(text, r.offset, r.length) == r.text) }
            _ = NumberParser.parse(s, language: lang)
            _ = DateParser.parse(s, language: lang)
        }
    }
}
