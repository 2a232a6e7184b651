import GleanTables

/// One shard of a run split across machines: shard `index` (0-based) of `count`.
public struct ShardSpec: Sendable, Equatable {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// The stem of this shard's part files: `part-<i>of<n>`.
    public var partStem: String { "part-\(index)of\(count)" }
}
