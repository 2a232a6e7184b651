import GleanTables

/// The value passed between stages: one input document and everything learnt about it.
public struct Document: Sendable {
    /// The path relative to the glob's fixed prefix, known suffixes removed, `/` separators.
    public var docId: String
    /// The input's path relative to the manifest's folder.
    public var source: String
    public var format: DocumentFormat
    /// The raw bytes, decompressed, until the document is decoded: empty once `text` holds
    /// a plain-text document or parse.html has read an HTML one.
    public var bytes: [UInt8]
    /// The input file's modification time (seconds since the epoch), when the document was read
    /// from a file: `parse.html` takes its day as the reference day for dates unless the manifest
    /// gives `as_of`.
    public var modified: Int64?
    /// The record a document read from a web archive came from (fetch.warc); nil for loose files.
    public var archive: ArchiveRecord?
    /// A character encoding stated outside the document (an HTTP charset): parse.html uses it
    /// when the page itself declares none.
    public var charsetHint: String?
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
