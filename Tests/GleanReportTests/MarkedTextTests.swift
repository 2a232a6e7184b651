@testable import GleanReport
import Testing

/// A document's text with one mark per fact span: nested, crossing, across paragraphs, escaped.
@Suite struct MarkedTextTests {
    static func mark(_ kind: String, _ start: Int, _ length: Int, _ label: String = "v") -> FactMark {
        FactMark(kind: kind, start: start, length: length, label: label)
    }

    static func open(_ kind: String, _ label: String = "v") -> String {
        "<mark class=\"f f-\(kind)\" data-kind=\"\(kind)\" tabindex=\"0\" data-value=\"\(kind): \(label)\">"
    }

    @Test(arguments: [
        // One span.
        ("Police held 12 men.", [mark("metrics", 12, 6)],
         "<p dir=\"auto\">Police held " + open("metrics") + "12 men</mark>.</p>"),
        // A date inside a reference: nested.
        ("Decree 12 of 2019 applies.", [mark("references", 0, 17), mark("dates", 13, 4)],
         "<p dir=\"auto\">" + open("references") + "Decree 12 of " + open("dates") + "2019</mark></mark> applies.</p>"),
        // Crossing spans: the second is cut at the end of the first.
        ("abcdef", [mark("people", 0, 4), mark("places", 2, 4)],
         "<p dir=\"auto\">" + open("people") + "ab" + open("places") + "cd</mark></mark>ef</p>"),
        // Two paragraphs; a span crossing the blank line is cut at its paragraph's end.
        ("One two.\n\nThree four.", [mark("dates", 4, 10), mark("metrics", 10, 5)],
         "<p dir=\"auto\">One " + open("dates") + "two.</mark></p><p dir=\"auto\">" + open("metrics") + "Three</mark> four.</p>"),
        // A span starting on the blank line goes to the next paragraph; one past the end stays empty.
        ("A.\n\nB.", [mark("dates", 3, 2), mark("metrics", 99, 3)],
         "<p dir=\"auto\">A.</p><p dir=\"auto\">" + open("dates") + "B</mark>." + open("metrics") + "</mark></p>"),
        // Text and values are escaped.
        ("<b>&\"x\"</b>", [mark("people", 3, 1, "a<b>\"")],
         "<p dir=\"auto\">&lt;b&gt;" + open("people", "a&lt;b&gt;&quot;") + "&amp;</mark>&quot;x&quot;&lt;/b&gt;</p>"),
        // Arabic: offsets count Unicode scalars.
        ("قبض على 12 متهما", [mark("metrics", 8, 8)],
         "<p dir=\"auto\">قبض على " + open("metrics") + "12 متهما</mark></p>"),
    ] as [(String, [FactMark], String)])
    func marksNestAndCut(text: String, marks: [FactMark], html: String) {
        #expect(MarkedText.render(text, marks: marks) == html)
    }

    /// Every mark is kept, however spans overlap: the count of marks is the count of fact rows.
    @Test func everyRowKeepsOneMark() {
        let text = String(repeating: "word ", count: 40)
        let marks = (0..<60).map { Self.mark("metrics", ($0 * 7) % 190, ($0 * 13) % 23) }
        let html = MarkedText.render(text, marks: marks)
        #expect(html.components(separatedBy: "<mark ").count - 1 == 60)
        #expect(html.components(separatedBy: "</mark>").count - 1 == 60)
    }

    @Test(arguments: [
        ("", [0..<0]), ("a", [0..<1]), ("a\nb", [0..<3]), ("a\n\nb", [0..<1, 3..<4]),
        ("a\n \n\n b\n", [0..<1, 6..<8]), ("\n\na", [2..<3]),
    ] as [(String, [Range<Int>])])
    func paragraphsAreSplitOnBlankLines(text: String, ranges: [Range<Int>]) {
        #expect(MarkedText.paragraphRanges(Array(text.unicodeScalars)) == ranges)
    }
}
