import GleanTables

/// One input a source stage found.
public struct InputRef: Sendable, Equatable {
    public var docId: String
    /// Absolute path of the file.
    public var path: String
    /// Path relative to the manifest's folder.
    public var source: String
    /// The id of the source stage that found it.
    public var stage: String
    /// Why it cannot be read, when that is known from the listing.
    public var problem: InputProblem? = nil
    /// Set when the input is one record of the file at `path`, not the whole file.
    public var record: InputRecord? = nil
}
