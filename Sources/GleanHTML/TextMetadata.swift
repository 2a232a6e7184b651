internal import Foundation
import GleanText

/// Metadata of plain-text documents: a headline on the first line, a dateline, the language.
public enum TextMetadata {
    /// Reads title, publication date and language from a plain-text document's opening lines.
    ///
    /// The first line is a title only when it looks like one: short, without a closing period, and followed
    /// by a blank line or a dateline. A dateline ("15:28 - 14/06/2024", "Friday, 09/20/2024") on one of the
    /// first lines gives the date; a headline may follow a leading dateline.
    /// - Parameter asOf: the reference day: a date more than a day after it is not a publication
    ///   date (see ``ReferenceDay``); nil: no upper bound.
    public static func extract(_ text: String, asOf: ReferenceDay? = nil) -> PageMetadata {
        let rules = DateRules(asOf: asOf)
        var md = PageMetadata()
        md.language = LanguageDetector.detect(String(text.prefix(6000)))
        var lines: [String] = []
        for raw in text.prefix(4000).split(separator: "\n", omittingEmptySubsequences: false).prefix(12) {
            lines.append(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        var i = 0
        func skipBlank() { while i < lines.count && lines[i].isEmpty { i += 1 } }
        skipBlank()
        guard i < lines.count else { return md }
        if let d = dateline(lines[i], rules) {
            md.published = d.iso
            md.publishedUTC = d.utcMicros
            i += 1
            let blankAfterDate = i < lines.count && lines[i].isEmpty
            skipBlank()
            if blankAfterDate, i < lines.count, looksLikeTitle(lines[i]), i + 1 >= lines.count || lines[i + 1].isEmpty {
                md.title = nfc(collapse(lines[i]))
            }
            return md
        }
        let first = lines[i]
        guard looksLikeTitle(first) else { return md }
        var j = i + 1
        let blank = j < lines.count && lines[j].isEmpty
        while j < lines.count && lines[j].isEmpty { j += 1 }
        if j < lines.count, let d = dateline(lines[j], rules) {
            md.title = nfc(collapse(first))
            md.published = d.iso
            md.publishedUTC = d.utcMicros
        } else if blank || j >= lines.count {
            md.title = nfc(collapse(first))
        }
        return md
    }

    static func collapse(_ s: String) -> String { s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }

    /// Short, not a sentence that ends, not a list item.
    static func looksLikeTitle(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.count >= 3, t.count <= 200 else { return false }
        let words = t.split(whereSeparator: { $0.isWhitespace })
        guard words.count <= 30 else { return false }
        if let last = t.last, ".;,:".contains(last) { return false }
        if t.hasSuffix("...") || t.hasSuffix("…") { return false }
        if let f = t.first, "-*•·–".contains(f) { return false }
        return true
    }

    /// A line that is only a date (with an optional weekday, time and separators).
    static func dateline(_ line: String, _ rules: DateRules) -> ParsedDate? {
        guard line.count <= 80, let d = rules.scanText(line, requireAlone: true) else { return nil }
        var words = 0
        for tok in DateParser.tokenize(line) {
            if case .word(let w) = tok.tok, DateParser.months[w] == nil, DateParser.weekdays[w] == nil,
                !["am", "pm", "at", "à", "le", "the", "of", "de", "updated", "published", "posted", "on", "gmt", "utc", "er", "st", "nd", "rd", "th", "h"].contains(w)
            {
                words += 1
            }
        }
        return words <= 1 ? d : nil
    }
}
