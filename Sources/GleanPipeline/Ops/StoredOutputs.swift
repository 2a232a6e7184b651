import Foundation
import GleanTables

/// What the state store keeps of one document: the documents the exports read (by the id of
/// the stage that produced them) and the failures, so a later run can route them to its
/// exports exactly as if the document had just been processed. Raw input bytes are not kept:
/// no export writes them.
struct StoredOutputs: Codable, Sendable {
    /// Output documents of the stages some export reads, by stage id.
    var documents: [String: StoredDocument]
    /// The stage that rejected the document, by stage id.
    var failures: [String: StoredReject]

    init(outputs: [String: Document], failures: [String: Reject], keep: Set<String>) {
        var documents: [String: StoredDocument] = [:]
        for (id, document) in outputs where keep.contains(id) { documents[id] = StoredDocument(document) }
        self.documents = documents
        self.failures = failures.mapValues(StoredReject.init)
    }

    /// The outputs and failures, as `Runner.process` produces them.
    var restored: (outputs: [String: Document], failures: [String: Reject]) {
        (documents.mapValues(\.document), failures.mapValues(\.reject))
    }

    static func encode(_ value: StoredOutputs) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(value)
    }

    static func decode(_ data: Data) throws -> StoredOutputs {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(StoredOutputs.self, from: data)
    }
}

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

/// A `Reject`, stored.
struct StoredReject: Codable, Sendable {
    var docId: String
    var source: String
    var stage: String
    var reason: String

    init(_ r: Reject) {
        docId = r.docId
        source = r.source
        stage = r.stage
        reason = r.reason
    }

    var reject: Reject { Reject(docId: docId, source: source, stage: stage, reason: reason) }
}
