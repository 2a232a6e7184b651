/// How a record is stored in its file, which says what ``WARCRecord/offset`` and
/// ``WARCRecord/length`` count.
public enum WARCLayout: UInt8, Sendable, Equatable, Codable {
    /// An uncompressed WARC: offset and length are bytes of the file.
    case plain = 0
    /// One gzip member per record (Common Crawl's layout): offset and length are the member's
    /// bytes in the file, so `dd skip=offset count=length` gives a gzip file of the record.
    case gzipMember = 1
    /// Records inside a larger gzip stream: offset and length count inflated bytes.
    case gzipStream = 2
}
