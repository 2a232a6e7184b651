import Foundation
import GleanTables

/// A `Document` without its raw bytes. `fieldCount` and the test that checks it keep this in
/// step with `Document`: a field added there must be added here, or reused documents would
/// silently lose it.
struct StoredDocument: Codable, Sendable {
    /// The number of stored properties of `Document` and `DocumentMetadata` this type covers.
    static let documentFieldCount = 10
    static let metadataFieldCount = 7

    var docId: String
    var source: String
    var format: String
    var modified: Int64?
    var text: String?
    var title: String?
    var published: String?
    var publishedUTC: Int64?
    var language: String?
    var author: String?
    var site: String?
    var url: String?
    var paragraphCount: Int?
    var duplicateParagraphs: Int?
    var rows: [String: [[Cell]]]

    init(_ d: Document) {
        docId = d.docId
        source = d.source
        format = d.format.rawValue
        modified = d.modified
        text = d.text
        title = d.metadata.title
        published = d.metadata.published
        publishedUTC = d.metadata.publishedUTC
        language = d.metadata.language
        author = d.metadata.author
        site = d.metadata.site
        url = d.metadata.url
        paragraphCount = d.paragraphCount
        duplicateParagraphs = d.duplicateParagraphs
        rows = d.rows
    }

    var document: Document {
        var d = Document(docId: docId, source: source, format: DocumentFormat(rawValue: format) ?? .text, bytes: [], text: text)
        d.modified = modified
        d.metadata.title = title
        d.metadata.published = published
        d.metadata.publishedUTC = publishedUTC
        d.metadata.language = language
        d.metadata.author = author
        d.metadata.site = site
        d.metadata.url = url
        d.paragraphCount = paragraphCount
        d.duplicateParagraphs = duplicateParagraphs
        d.rows = rows
        return d
    }
}
