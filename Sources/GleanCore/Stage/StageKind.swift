import GleanTables

/// A registered stage kind: its spec (options, role, docs), the tables it adds, the files it
/// reads besides the document, its checks and its constructor.
public struct StageKind: Sendable {
    public var spec: StageSpec
    /// Tables this stage adds for downstream sinks, given its options.
    public var tables: @Sendable (StageOptions) -> [TableSchema]
    /// What the stage's output depends on besides the document and its options (plugin
    /// scripts, language files), named relative to the manifest's folder.
    public var sideInputs: @Sendable (StageOptions) -> [SideInput]
    /// Checks beyond types (a pattern that does not compile, a table that does not exist):
    /// returns a message and the option it concerns.
    public var check: @Sendable (StageDecl, [TableSchema]) -> (option: String, message: String)?
    public var build: @Sendable (StageDecl, BuildContext) throws -> StageInstance
    /// For a sink: the folder under the output root it writes its files into (`csv`). The
    /// output store publishes, links and keeps exactly the folders the registry's sinks name.
    public var outputFolder: String?

    /// How the runner drives the stage (source, per document, sink), from its spec.
    public var role: StageRole { spec.role }

    public init(spec: StageSpec,
                tables: @escaping @Sendable (StageOptions) -> [TableSchema] = { _ in [] },
                sideInputs: @escaping @Sendable (StageOptions) -> [SideInput] = { _ in [] },
                check: @escaping @Sendable (StageDecl, [TableSchema]) -> (option: String, message: String)? = { _, _ in nil },
                outputFolder: String? = nil,
                build: @escaping @Sendable (StageDecl, BuildContext) throws -> StageInstance) {
        self.spec = spec
        self.outputFolder = outputFolder
        self.tables = tables
        self.sideInputs = sideInputs
        self.check = check
        self.build = build
    }

    /// A stage kind whose options are decoded into `Config` (in one place, `Config.init`)
    /// before each of its functions sees them.
    /// - Parameters:
    ///   - spec: options, role and docs.
    ///   - tables: the tables the stage adds for downstream sinks.
    ///   - sideInputs: files or folders (relative to the manifest's folder) the output depends on.
    ///   - check: checks beyond types; returns the option concerned and a message.
    ///   - outputFolder: for a sink, the folder under the output root it writes into.
    ///   - build: the runtime stage.
    public init<Config: StageConfig>(
        spec: StageSpec, config: Config.Type,
        tables: @escaping @Sendable (Config) -> [TableSchema] = { _ in [] },
        sideInputs: @escaping @Sendable (Config) -> [SideInput] = { _ in [] },
        check: @escaping @Sendable (Config, StageDecl, [TableSchema]) -> (option: String, message: String)? = { _, _, _ in nil },
        outputFolder: String? = nil,
        build: @escaping @Sendable (Config, StageDecl, BuildContext) throws -> StageInstance
    ) {
        self.init(spec: spec,
                  tables: { tables(Config($0)) },
                  sideInputs: { sideInputs(Config($0)) },
                  check: { decl, available in check(Config(decl.options), decl, available) },
                  outputFolder: outputFolder,
                  build: { decl, context in try build(Config(decl.options), decl, context) })
    }
}
