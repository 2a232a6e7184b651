/// What a source stage listed.
public struct SourceListing: Sendable {
    /// The inputs found.
    public var inputs: InputList
    /// Things worth a line in the log (a glob that matched nothing, a link not followed).
    public var warnings: [String]
    /// Globs that were to match at least one file (`allow_empty: false`) and matched none.
    public var unmatched: [RunReport.UnmatchedGlob]

    public init(inputs: InputList, warnings: [String] = [], unmatched: [RunReport.UnmatchedGlob] = []) {
        self.inputs = inputs
        self.warnings = warnings
        self.unmatched = unmatched
    }
}
