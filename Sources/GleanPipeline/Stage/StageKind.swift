import GleanTables

/// A registered stage kind: its spec (options, docs) and its constructor.
public struct StageKind: Sendable {
    public var spec: StageSpec
    /// Tables this stage adds for downstream sinks, given its options.
    public var tables: @Sendable (StageOptions) -> [TableSchema]
    /// Checks beyond types (a pattern that does not compile, a table that does not exist):
    /// returns a message and the option it concerns.
    public var check: @Sendable (StageDecl, [TableSchema]) -> (option: String, message: String)?
    public var build: @Sendable (StageDecl, BuildContext) throws -> StageInstance

    public init(spec: StageSpec,
                tables: @escaping @Sendable (StageOptions) -> [TableSchema] = { _ in [] },
                check: @escaping @Sendable (StageDecl, [TableSchema]) -> (option: String, message: String)? = { _, _ in nil },
                build: @escaping @Sendable (StageDecl, BuildContext) throws -> StageInstance) {
        self.spec = spec
        self.tables = tables
        self.check = check
        self.build = build
    }
}
