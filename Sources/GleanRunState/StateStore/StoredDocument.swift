import Foundation
import GleanCore
import GleanTables

/// A `Document` without its raw bytes. `fieldCount` and the test that checks it keep this in
/// step with `Document`: a field added there must be added here, or reused documents would
/// silently lose it.
package struct StoredDocument: Codable, Sendable {
    /// The number of stored properties of `Document` and `DocumentMetadata` this type covers.
    package static let documentFieldCount = 12
    package static let metadataFieldCount = 7

    package var docId: String
    package var source: String
    package var format: String
    package var modified: Int64?
    package var archive: ArchiveRecord?
    package var charsetHint: String?
    package var text: String?
    package var title: String?
    package var published: String?
    package var publishedUTC: Int64?
    package var language: String?
    package var author: String?
    package var site: String?
    package var url: String?
    package var paragraphCount: Int?
    package var duplicateParagraphs: Int?
    package var rows: [String: [[Cell]]]

    package init(_ d: Document) {
        docId = d.docId
        source = d.source
        format = d.format.rawValue
        modified = d.modified
        archive = d.archive
        charsetHint = d.charsetHint
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

    package var document: Document {
        var d = Document(docId: docId, source: source, format: DocumentFormat(rawValue: format) ?? .text, bytes: [], text: text)
        d.modified = modified
        d.archive = archive
        d.charsetHint = charsetHint
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
