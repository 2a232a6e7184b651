/// One record inside a container file (a WARC record): an input that is a part of a file, not
/// the whole file. The source stage that listed it reads it back from here.
public struct InputRecord: Sendable, Equatable {
    /// Where the record starts.
    public var offset: Int64
    /// How many bytes it takes from `offset`.
    public var length: Int64
    /// True when `offset` and `length` are bytes of the file, so the record's content hash is
    /// over those bytes alone (appending to the file leaves it unchanged); false when they
    /// count bytes the stage derives (a gzip stream's inflated bytes): the whole file is hashed.
    public var isFileRange: Bool
    /// The stage's own code for how to read it (a WARC layout).
    public var tag: UInt8
    /// Set when the listing found the record unreadable: why, in words a user can act on.
    public var problem: String?

    public init(offset: Int64, length: Int64, isFileRange: Bool, tag: UInt8 = 0, problem: String? = nil) {
        self.offset = offset
        self.length = length
        self.isFileRange = isFileRange
        self.tag = tag
        self.problem = problem
    }
}
