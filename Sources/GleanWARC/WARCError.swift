/// A part of a WARC file that could not be read as a record: the file, where, and why.
public struct WARCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the caller named it.
    public var file: String
    /// Where the bad part starts: a file offset, or an inflated offset when ``inflated``.
    public var offset: Int64
    /// True when ``offset`` counts inflated bytes of a gzip stream, not bytes of the file.
    public var inflated: Bool
    /// Why, in words a user can act on.
    public var message: String

    public init(file: String, offset: Int64, inflated: Bool = false, message: String) {
        self.file = file
        self.offset = offset
        self.inflated = inflated
        self.message = message
    }

    public var description: String {
        "\(file) at \(inflated ? "inflated offset" : "offset") \(offset): \(message)"
    }
}
