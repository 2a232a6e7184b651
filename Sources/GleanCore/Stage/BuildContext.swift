import GleanTables

/// What a stage's constructor may need besides its own options.
public struct BuildContext: Sendable {
    public var manifest: Manifest
    /// The tables that reach this stage from upstream (for sinks: what they may write).
    public var tables: [TableSchema]
    /// Metadata written into output files (Parquet key-value metadata).
    public var gleanVersion: String
    /// Set when this run is one shard of several: exports name their part files after it.
    public var shard: ShardSpec?

    public init(manifest: Manifest, tables: [TableSchema], gleanVersion: String, shard: ShardSpec? = nil) {
        self.manifest = manifest
        self.tables = tables
        self.gleanVersion = gleanVersion
        self.shard = shard
    }
}
