import Foundation
import Testing
@testable import GleanFacts

struct CleanerTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var input: String
        var language: String?
        var options: CleanOptions
        var text: String
        var paragraphs: Int
        var duplicates: Int
        var boilerplate: Int
        var description: String { name }
    }

    @Test(arguments: [
        Case(name: "english furniture", input: "First paragraph.\nSecond one.\nSource\nComment (0)", language: "en", options: .init(),
             text: "First paragraph.\n\nSecond one.", paragraphs: 2, duplicates: 0, boilerplate: 2),
        Case(name: "arabic furniture", input: "فقرة أولى.\nمصدر\nتعليق (0)", language: "ar", options: .init(),
             text: "فقرة أولى.", paragraphs: 1, duplicates: 0, boilerplate: 2),
        Case(name: "french furniture", input: "Texte.\n\nCommentaires (12)\nPartager", language: "fr", options: .init(),
             text: "Texte.", paragraphs: 1, duplicates: 0, boilerplate: 2),
        Case(name: "french text, english furniture", input: "Texte.\nSource\nComment (0)", language: "fr", options: .init(),
             text: "Texte.", paragraphs: 1, duplicates: 0, boilerplate: 2),
        Case(name: "manifest adds", input: "Texte.\nPhoto: VNA", language: "fr", options: .init(boilerplate: ["Photo: VNA"]),
             text: "Texte.", paragraphs: 1, duplicates: 0, boilerplate: 1),
        Case(name: "manifest replaces", input: "Texte.\nSource\nPhoto: VNA", language: "fr", options: .init(boilerplate: ["Photo: VNA"], replaceBoilerplate: true),
             text: "Texte.\n\nSource", paragraphs: 2, duplicates: 0, boilerplate: 1),
        Case(name: "repeated paragraph", input: "A line here.\n\nB line.\nA line here.\nC.", language: "en", options: .init(),
             text: "A line here.\n\nB line.\n\nC.", paragraphs: 3, duplicates: 1, boilerplate: 0),
        Case(name: "dedupe off", input: "A.\nA.", language: "en", options: .init(dedupe: false),
             text: "A.\n\nA.", paragraphs: 2, duplicates: 0, boilerplate: 0),
        Case(name: "article pasted twice", input: "Title\n\nOne two.\nThree four.\n\nTitle\n\nOne two.\nThree four.\n", language: "en", options: .init(),
             text: "Title\n\nOne two.\n\nThree four.", paragraphs: 3, duplicates: 3, boilerplate: 0),
        Case(name: "whitespace and broken lines", input: "  The police   arrested\n12 people\tand\nseized  drugs.  \r\n\r\n\r\nNext\u{00A0} para.", language: "en", options: .init(),
             text: "The police arrested\n\n12 people and seized drugs.\n\nNext para.", paragraphs: 3, duplicates: 0, boilerplate: 0),
        Case(name: "nfc and zero width", input: "Cafe\u{0301} \u{200B}ok", language: "fr", options: .init(),
             text: "Café ok", paragraphs: 1, duplicates: 0, boilerplate: 0),
        Case(name: "no-break space kept between digits", input: "3\u{00A0}156 comptes", language: "fr", options: .init(),
             text: "3\u{00A0}156 comptes", paragraphs: 1, duplicates: 0, boilerplate: 0),
    ])
    func clean(c: Case) {
        let r = TextCleaner(options: c.options).clean(c.input, language: c.language)
        #expect(r.text == c.text)
        #expect(r.paragraphCount == c.paragraphs)
        #expect(r.duplicateParagraphs == c.duplicates)
        #expect(r.boilerplateRemoved == c.boilerplate)
    }

    @Test func doubledInOneParagraph() {
        let a = "The provincial police arrested twelve people and seized a large amount of drugs in the border area."
        let r = TextCleaner().clean(a + " " + a, language: "en")
        #expect(r.text == a)
        #expect(r.duplicateParagraphs == 1)
    }

    /// Sample 001 pastes its whole article twice: its facts come out once.
    @Test func samplePastedTwice() throws {
        let raw = try Samples.text("001")
        let c = TextCleaner().clean(raw, language: "en")
        #expect(c.duplicateParagraphs == 20)
        #expect(c.paragraphCount == 20)
        let f = FactExtractor().extract(c.text, language: "en")
        #expect(f.metrics.map(M.init) == [M("percent", 5.11), M("money", 9.399e12)])
        #expect(f.people.map(\.name) == ["To Lam", "Dang Xuan Phong"])
        #expect(f.people.first?.rank == "General")
        #expect(f.references.filter { $0.number == "12-NQ/TW" }.count == 1)
    }
}
