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
}

/// A stage that lists the run's inputs and reads each as a document.
public protocol SourceStage: Sendable {
    /// The inputs, with warnings (a glob that matched nothing, a symbolic link not followed)
    /// and the globs that had to match and did not.
    func listInputs(_ context: ListingContext) throws -> SourceListing
    /// Reads one input. Throws `DocumentError` for an input that cannot be read.
    func read(_ input: InputRef) throws -> Document
}

/// A stage that turns one document into one document; the runner calls it from many threads.
public protocol DocumentStage: Sendable {
    func process(_ document: Document) throws -> Document
}

/// What a sink receives, in doc_id order.
public enum SinkItem {
    case document(Document)
    case rejected(Reject)
}

/// A stage that writes tables: it receives every document in order, on one thread.
public protocol SinkStage: AnyObject {
    /// Opens its table files under `folder` (the run's staging folder).
    func open(folder: String) throws
    func consume(_ item: SinkItem) throws
    /// Finishes every file.
    func close() throws
}

/// A stage built from its declaration.
public enum StageInstance {
    case source(any SourceStage)
    case perDocument(any DocumentStage)
    case sink(any SinkStage)
}

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

/// The explicit list of stage kinds a run may use. Tests may start from an empty or custom one.
public struct StageRegistry: Sendable {
    public private(set) var kinds: [String] = []
    private var byName: [String: StageKind] = [:]

    public init(_ kinds: [StageKind] = []) {
        for kind in kinds { register(kind) }
    }

    public mutating func register(_ kind: StageKind) {
        if byName[kind.spec.kind] == nil { kinds.append(kind.spec.kind) }
        byName[kind.spec.kind] = kind
    }

    public func spec(_ kind: String) -> StageSpec? { byName[kind]?.spec }
    public func kind(_ kind: String) -> StageKind? { byName[kind] }
    public var specs: [StageSpec] { kinds.compactMap { byName[$0]?.spec } }

    /// Every built-in stage kind.
    public static let builtIn = StageRegistry(BuiltInStages.all)
}
