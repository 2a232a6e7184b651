/// A document's text as HTML paragraphs with one `<mark>` per fact span.
///
/// Paragraphs are the text's blank-line-separated blocks. Spans nest: one inside another becomes
/// a mark inside a mark; one that crosses the end of the span it starts in, or of its paragraph,
/// is cut there. So every fact row keeps exactly one mark, at the place its offset names.
enum MarkedText {
    static func render(_ text: String, marks: [FactMark]) -> String {
        let scalars = Array(text.unicodeScalars)
        let paragraphs = paragraphRanges(scalars)
        // Each mark goes to the paragraph its start is in (a start on a blank line, to the next).
        var byParagraph = [[(index: Int, mark: FactMark)]](repeating: [], count: paragraphs.count)
        for (i, mark) in marks.enumerated() {
            guard let p = paragraphs.firstIndex(where: { mark.start < $0.upperBound }) ?? paragraphs.indices.last else { continue }
            var m = mark
            // A span starting on a blank line starts at the next paragraph and keeps its end.
            let start = min(max(m.start, paragraphs[p].lowerBound), paragraphs[p].upperBound)
            m.length = max(0, m.length - (start - m.start))
            m.start = start
            byParagraph[p].append((i, m))
        }
        var html = ""
        for (p, range) in paragraphs.enumerated() {
            html += "<p dir=\"auto\">" + paragraph(scalars, range, byParagraph[p]) + "</p>"
        }
        return html
    }

    static func paragraph(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ marks: [(index: Int, mark: FactMark)]) -> String {
        let sorted = marks.sorted {
            ($0.mark.start, -($0.mark.start + $0.mark.length), $0.index) < ($1.mark.start, -($1.mark.start + $1.mark.length), $1.index)
        }
        var html = ""
        var position = range.lowerBound
        var open: [Int] = []  // end of each open mark
        func emit(to end: Int) {
            guard end > position else { return }
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars[position..<end])
            html += HTMLText.escape(s)
            position = end
        }
        for (_, mark) in sorted {
            while let end = open.last, end <= mark.start {
                emit(to: end)
                html += "</mark>"
                open.removeLast()
            }
            emit(to: mark.start)
            let end = min(mark.start + mark.length, open.last ?? range.upperBound)
            html += "<mark class=\"f f-\(HTMLText.escape(mark.kind))\" data-kind=\"\(HTMLText.escape(mark.kind))\" tabindex=\"0\" data-value=\"\(HTMLText.escape(mark.kind + ": " + mark.label))\">"
            open.append(max(end, mark.start))
        }
        while let end = open.popLast() {
            emit(to: end)
            html += "</mark>"
        }
        emit(to: range.upperBound)
        return html
    }

    /// The text's paragraphs: runs of lines separated by one or more blank lines (never empty:
    /// a text with no words is one empty paragraph).
    static func paragraphRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\n" {
                var j = i + 1
                while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\r" { j += 1 }
                if j < scalars.count, scalars[j] == "\n" {
                    // A blank line: the paragraph ends here; skip every blank line after it.
                    if i > start { ranges.append(start..<i) }
                    var k = j
                    while k < scalars.count, scalars[k] == "\n" || scalars[k] == " " || scalars[k] == "\t" || scalars[k] == "\r" { k += 1 }
                    start = k
                    i = k
                    continue
                }
            }
            i += 1
        }
        if start < scalars.count || ranges.isEmpty { ranges.append(start..<max(start, scalars.count)) }
        return ranges
    }
}
