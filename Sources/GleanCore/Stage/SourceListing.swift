/// What a source stage listed.
public struct SourceListing: Sendable {
    /// The inputs found.
    public var inputs: InputList
    /// Things worth a line in the log (a glob that matched nothing, a link not followed).
    public var warnings: [String]
    /// Globs that were to match at least one file (`allow_empty: false`) and matched none.
    public var unmatched: [RunReport.UnmatchedGlob]
    /// Items found that are not documents, counted by reason (written to `_run.json` with the
    /// stage's counters). A sharded run counts its own share only.
    public var skipped: [String: Int]

    public init(inputs: InputList, warnings: [String] = [], unmatched: [RunReport.UnmatchedGlob] = [], skipped: [String: Int] = [:]) {
        self.inputs = inputs
        self.warnings = warnings
        self.unmatched = unmatched
        self.skipped = skipped
    }
}
