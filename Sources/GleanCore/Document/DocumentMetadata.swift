import GleanTables

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
