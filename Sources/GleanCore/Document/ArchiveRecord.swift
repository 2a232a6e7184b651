/// Where a document read from a web archive came from: the record's URI and date, and where it
/// lies in its WARC file (so `dd` or warcio can fetch it back). Nil for loose files.
public struct ArchiveRecord: Sendable, Equatable, Codable {
    /// WARC-Target-URI.
    public var url: String
    /// WARC-Date, microseconds since the epoch (UTC), when it is a valid instant.
    public var fetchedAt: Int64?
    /// The WARC file, relative to the manifest's folder.
    public var file: String
    /// Where the record starts: a file offset, or an inflated offset for a record inside one gzip stream.
    public var offset: Int64
    /// How many bytes it takes from `offset` (a gzip member's bytes for a record compressed on its own).
    public var length: Int64

    public init(url: String, fetchedAt: Int64?, file: String, offset: Int64, length: Int64) {
        self.url = url
        self.fetchedAt = fetchedAt
        self.file = file
        self.offset = offset
        self.length = length
    }
}
