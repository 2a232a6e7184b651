import GleanTables

/// What a document is, as read.
public enum DocumentFormat: String, Sendable, Equatable {
    case text, html
}

/// Metadata a document carries (from HTML or from the text itself).
public struct DocumentMetadata: Sendable, Equatable {
    public var title: String?
    /// ISO 8601 with the precision and offset the source gives.
    public var published: String?
    /// The publication instant, microseconds since the epoch, when the source gives a time and zone.
    public var publishedUTC: Int64?
    /// ISO 639-1.
    public var language: String?
    public var author: String?
    public var site: String?
    public var url: String?

    public init() {}
}

/// The value passed between stages: one input document and everything learnt about it.
public struct Document: Sendable {
    /// The path relative to the glob's fixed prefix, known suffixes removed, `/` separators.
    public var docId: String
    /// The input's path relative to the manifest's folder.
    public var source: String
    public var format: DocumentFormat
    /// The raw bytes, decompressed.
    public var bytes: [UInt8]
    /// The input file's modification time (seconds since the epoch), when the document was read
    /// from a file: `parse.html` takes its day as the reference day for dates unless the manifest
    /// gives `as_of`.
    public var modified: Int64?
    /// The document's text, once known (plain text as read; HTML's main text once parsed;
    /// cleaned text after clean.text). Offsets in fact tables count Unicode scalars in it.
    public var text: String?
    public var metadata = DocumentMetadata()
    public var paragraphCount: Int?
    public var duplicateParagraphs: Int?
    /// Rows of fact tables produced for this document, by table name, in final order.
    public var rows: [String: [Row]] = [:]

    public init(docId: String, source: String, format: DocumentFormat, bytes: [UInt8], text: String? = nil) {
        self.docId = docId
        self.source = source
        self.format = format
        self.bytes = bytes
        self.text = text
    }
}

/// A document's failure in one stage: it becomes a row of the rejects table.
public struct Reject: Sendable, Equatable {
    public var docId: String
    public var source: String
    public var stage: String
    public var reason: String
}

/// Thrown by a stage for one document it cannot handle; the run goes on.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
