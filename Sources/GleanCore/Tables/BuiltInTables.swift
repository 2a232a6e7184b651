import Foundation
import GleanTables

/// The tables Glean writes: the contract our exports and scorers share. `glean schema` prints
/// them from here, and the exports write from here.
public enum BuiltInTables {
    public static let documents = TableSchema(name: "documents", doc: "One row per document that went through the run.", columns: [
        Column("doc_id", .string, nullable: false, doc: "Input path relative to the glob's fixed prefix, suffixes (.txt .html .htm .gz) removed, '/' separators."),
        Column("source", .string, nullable: false, doc: "Input path relative to the manifest's folder."),
        Column("format", .string, nullable: false, doc: "text or html."),
        Column("title", .string, role: .freeText, doc: "Headline, when the document has one."),
        Column("published", .string, doc: "Publication date or time, ISO 8601, with the precision and offset the source gives; a page that states none but states when it was modified gets that date."),
        Column("published_utc", .timestamp, doc: "The publication instant in UTC, when the source gives a time and zone."),
        Column("language", .string, doc: "ISO 639-1 code (en, fr, ar, ...)."),
        Column("author", .string, role: .freeText, doc: "Author, when stated."),
        Column("site", .string, role: .freeText, doc: "Site name, when stated."),
        Column("url", .string, doc: "Canonical URL, when stated."),
        Column("word_count", .int64, nullable: false, doc: "Words in text."),
        Column("paragraph_count", .int64, nullable: false, doc: "Paragraphs in text (separated by blank lines)."),
        Column("duplicate_paragraphs", .int64, nullable: false, doc: "Repeated paragraphs removed by clean.text."),
        Column("content_sha256", .string, nullable: false, doc: "SHA-256 (hex) of text as UTF-8."),
        Column("text", .string, role: .freeText, doc: "The document's main text, cleaned; paragraphs separated by a blank line. Fact offsets count Unicode scalars in it."),
        Column("fetched_url", .string, doc: "WARC-Target-URI of the record the document came from (fetch.warc); null for loose files."),
        Column("fetched_at", .timestamp, doc: "WARC-Date of that record, UTC; null for loose files."),
        Column("warc_file", .string, doc: "The WARC file, relative to the manifest's folder; null for loose files."),
        Column("warc_offset", .int64, doc: "Where the record starts in warc_file: a file offset (for a gzip member per record, the member's), or an inflated offset when the file is one gzip stream; null for loose files."),
        Column("warc_length", .int64, doc: "Bytes of the record from warc_offset (the gzip member's, compressed); null for loose files."),
    ])

    public static let people = TableSchema(name: "people", doc: "One row per distinct person named in a document, all mentions merged.", columns: [
        Column("doc_id", .string, nullable: false, doc: "The document."),
        Column("language", .string, doc: "The document's language."),
        Column("name", .string, nullable: false, role: .freeText, doc: "The person's name as written, without rank."),
        Column("rank", .string, role: .freeText, doc: "Rank or honorific (General, Colonel, Mrs., comrade, ...)."),
        Column("titles", .stringList, nullable: false, role: .freeText, doc: "Each office stated for the person (CSV: joined with ' | ')."),
        Column("mentions", .int64, nullable: false, doc: "How many times the person is mentioned."),
        Column("first_offset", .int64, nullable: false, doc: "Offset of the first mention in documents.text (Unicode scalars)."),
    ])

    public static let metrics = TableSchema(name: "metrics", doc: "One row per number that quantifies something.", columns: [
        Column("doc_id", .string, nullable: false, doc: "The document."),
        Column("language", .string, doc: "The document's language."),
        Column("kind", .string, nullable: false, doc: "percent, count, ratio, money, rank or change_in_rank."),
        Column("value", .double, nullable: false, doc: "The number, normalised ('94,72' is 94.72, '16 ألف' is 16000); a percent as written (32.1)."),
        Column("denominator", .double, doc: "For ratios and ranks: the 'out of' number."),
        Column("unit", .string, role: .freeText, doc: "What is counted (cases, people, VND, percent, places, ...)."),
        Column("direction", .string, doc: "increase, decrease or empty; a decrease keeps a positive value."),
        Column("text", .string, nullable: false, role: .freeText, doc: "The span as written."),
        Column("subject", .string, role: .freeText, doc: "What the number is about, when the sentence says."),
        Column("offset", .int64, nullable: false, doc: "Start of the span in documents.text (Unicode scalars)."),
        Column("length", .int64, nullable: false, doc: "Length of the span (Unicode scalars)."),
        Column("sentence", .string, nullable: false, role: .freeText, doc: "The sentence holding the span."),
    ])

    public static let dates = TableSchema(name: "dates", doc: "One row per calendar date, month or anchoring year in the text.", columns: [
        Column("doc_id", .string, nullable: false, doc: "The document."),
        Column("language", .string, doc: "The document's language."),
        Column("iso", .string, nullable: false, doc: "YYYY, YYYY-MM or YYYY-MM-DD; year 0000 when neither the text nor the publication date gives one (then year_inferred is true)."),
        Column("text", .string, nullable: false, role: .freeText, doc: "The span as written."),
        Column("offset", .int64, nullable: false, doc: "Start of the span in documents.text (Unicode scalars)."),
        Column("length", .int64, nullable: false, doc: "Length of the span (Unicode scalars)."),
        Column("year_inferred", .boolean, nullable: false, doc: "True when the text leaves the year implicit."),
    ])

    public static let references = TableSchema(name: "references", doc: "One row per mention of a legal or party document or a named programme.", columns: [
        Column("doc_id", .string, nullable: false, doc: "The document."),
        Column("language", .string, doc: "The document's language."),
        Column("type", .string, nullable: false, doc: "law, decree, decision, resolution, directive, circular, regulation, action_program (plans and programmes) or project."),
        Column("number", .string, doc: "The number as written (12-NQ/TW, 56-CTr/TU, 06)."),
        Column("issuer", .string, role: .freeText, doc: "The issuing body, when stated."),
        Column("text", .string, nullable: false, role: .freeText, doc: "The span as written."),
        Column("offset", .int64, nullable: false, doc: "Start of the span in documents.text (Unicode scalars)."),
        Column("length", .int64, nullable: false, doc: "Length of the span (Unicode scalars)."),
    ])

    public static let organizations = TableSchema(name: "organizations", doc: "One row per distinct organization named in a document (government body, ministry, police force, court, party, committee, company, agency); variants and acronyms merged.", columns: [
        Column("doc_id", .string, nullable: false, doc: "The document."),
        Column("language", .string, doc: "The document's language."),
        Column("name", .string, nullable: false, role: .freeText, doc: "The name in its fullest form as written in the document."),
        Column("mentions", .int64, nullable: false, doc: "How many times the organization is mentioned (any variant or acronym)."),
        Column("first_offset", .int64, nullable: false, doc: "Offset of the first mention in documents.text (Unicode scalars)."),
    ])

    public static let places = TableSchema(name: "places", doc: "One row per distinct place named in a document (country, region, province, city, district, commune, village).", columns: [
        Column("doc_id", .string, nullable: false, doc: "The document."),
        Column("language", .string, doc: "The document's language."),
        Column("name", .string, nullable: false, role: .freeText, doc: "The place's name as written, without its place noun ('Lang Son' for 'Lang Son province')."),
        Column("mentions", .int64, nullable: false, doc: "How many times the place is mentioned."),
        Column("first_offset", .int64, nullable: false, doc: "Offset of the first mention in documents.text (Unicode scalars)."),
    ])

    public static let rejects = TableSchema(name: "rejects", doc: "One row per document a stage could not handle; the run went on without it.", columns: [
        Column("doc_id", .string, nullable: false, doc: "The document."),
        Column("source", .string, nullable: false, doc: "Input path relative to the manifest's folder."),
        Column("stage", .string, nullable: false, doc: "The id of the stage that rejected it."),
        Column("reason", .string, nullable: false, role: .freeText, doc: "Why, in words a user can act on."),
    ])

    /// The built-in tables, in the order `glean schema` prints them.
    public static let all: [TableSchema] = [documents, people, metrics, dates, references, organizations, places, rejects]

    /// The fact tables extract.facts fills.
    public static let facts: [TableSchema] = [people, metrics, dates, references, organizations, places]

    /// The table a manifest rule writes: the document, the span, then one column per named group.
    public static func custom(rule: String, groups: [String]) -> TableSchema {
        var columns = [
            Column("doc_id", .string, nullable: false, doc: "The document."),
            Column("language", .string, doc: "The document's language."),
            Column("text", .string, nullable: false, role: .freeText, doc: "The matched span."),
            Column("offset", .int64, nullable: false, doc: "Start of the span in documents.text (Unicode scalars)."),
            Column("length", .int64, nullable: false, doc: "Length of the span (Unicode scalars)."),
        ]
        for group in groups {
            columns.append(Column(group, .string, role: .freeText, doc: "Named group '\(group)' of the rule's pattern."))
        }
        return TableSchema(name: rule, doc: "Matches of the manifest rule '\(rule)'.", columns: columns)
    }

    /// The documents-table row for a document: the one place it is built (the runner adds it
    /// to each document before the exports, see ``Document/withDocumentsRow()``).
    public static func documentRow(_ d: Document) -> Row {
        let text = d.text ?? ""
        return documents.row([
            "doc_id": .string(d.docId), "source": .string(d.source), "format": .string(d.format.rawValue),
            "title": .text(d.metadata.title), "published": .text(d.metadata.published),
            "published_utc": d.metadata.publishedUTC.map(Cell.timestamp) ?? .null,
            "language": .text(d.metadata.language), "author": .text(d.metadata.author), "site": .text(d.metadata.site),
            "url": .text(d.metadata.url), "word_count": .int(Int64(wordCount(text))),
            "paragraph_count": .int(Int64(d.paragraphCount ?? paragraphCount(text))),
            "duplicate_paragraphs": .int(Int64(d.duplicateParagraphs ?? 0)), "content_sha256": .string(ContentHash.hex(text.utf8)),
            "text": .string(text),
            "fetched_url": d.archive.map { .string($0.url) } ?? .null,
            "fetched_at": d.archive?.fetchedAt.map(Cell.timestamp) ?? .null,
            "warc_file": d.archive.map { .string($0.file) } ?? .null,
            "warc_offset": d.archive.map { .int($0.offset) } ?? .null,
            "warc_length": d.archive.map { .int($0.length) } ?? .null,
        ])
    }

    /// The rejects-table row for a document a stage rejected.
    public static func rejectRow(_ r: Reject) -> Row {
        rejects.row(["doc_id": .string(r.docId), "source": .string(r.source), "stage": .string(r.stage), "reason": .string(r.reason)])
    }

    /// Words: maximal runs of letters, digits and marks.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let wordy: Bool
            if scalar.isASCII {
                // The common case without Unicode property look-ups.
                let v = scalar.value
                wordy = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            } else {
                let p = scalar.properties
                wordy = p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            }
            if wordy && !inWord { count += 1 }
            inWord = wordy
        }
        return count
    }

    /// Paragraphs: non-blank blocks separated by blank lines.
    public static func paragraphCount(_ text: String) -> Int {
        text.components(separatedBy: "\n\n").filter { !$0.allSatisfy(\.isWhitespace) }.count
    }
}
