/// What a source stage is told when it lists the run's inputs.
public struct ListingContext: Sendable {
    /// Files and folders never listed: the run's own output (its published tables and its
    /// `.glean` state), so a run never reads back what it wrote.
    public var excluded: [String]
    /// True once the run is interrupted: listing stops between folders and the run ends.
    public var isCancelled: @Sendable () -> Bool

    public init(excluded: [String] = [], isCancelled: @escaping @Sendable () -> Bool = { false }) {
        self.excluded = excluded
        self.isCancelled = isCancelled
    }
}
