import Foundation

/// `_run.json`: what ran, how long it took, what was rejected. Not a table: it holds timings.
public struct RunReport: Codable, Sendable {
    public var gleanVersion: String
    public var manifest: String
    public var manifestName: String
    public var manifestSHA256: String
    public var startedAt: String
    public var finishedAt: String
    public var wallSeconds: Double
    public var cpuSeconds: Double
    public var jobs: Int
    public var inputs: Int
    public var documentsOK: Int
    public var documentsRejected: Int
    public var rejects: [RejectSummary]
    public var warnings: [String]
    public var stages: [StageReport]
    public var exitCode: Int32
    /// Globs of sources with `allow_empty: false` that matched no file (absent when none): the
    /// run still publishes its tables, and exits 3 so a cron job sees it.
    public var unmatchedGlobs: [UnmatchedGlob]?
    /// Set when the run was one shard of several.
    public var shard: ShardInfo?
    /// Set for `--incremental` runs: what was reused, what ran again and why.
    public var incremental: IncrementalReport?
    /// Rows the run's exports received, per table (a table no row reached is absent).
    public var tableRows: [String: Int]?

    package init(gleanVersion: String, manifest: String, manifestName: String, manifestSHA256: String, startedAt: String, finishedAt: String, wallSeconds: Double, cpuSeconds: Double, jobs: Int, inputs: Int, documentsOK: Int, documentsRejected: Int, rejects: [RejectSummary], warnings: [String], stages: [StageReport], exitCode: Int32, unmatchedGlobs: [UnmatchedGlob]? = nil, shard: ShardInfo? = nil, incremental: IncrementalReport? = nil, tableRows: [String: Int]? = nil) {
        self.gleanVersion = gleanVersion
        self.manifest = manifest
        self.manifestName = manifestName
        self.manifestSHA256 = manifestSHA256
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        self.jobs = jobs
        self.inputs = inputs
        self.documentsOK = documentsOK
        self.documentsRejected = documentsRejected
        self.rejects = rejects
        self.warnings = warnings
        self.stages = stages
        self.exitCode = exitCode
        self.unmatchedGlobs = unmatchedGlobs
        self.shard = shard
        self.incremental = incremental
        self.tableRows = tableRows
    }

    /// A glob that was to match at least one file and matched none.
    public struct UnmatchedGlob: Codable, Sendable, Equatable {
        public var stage: String
        public var glob: String
        /// The folder it looked in.
        public var folder: String
        public init(stage: String, glob: String, folder: String) {
            self.stage = stage
            self.glob = glob
            self.folder = folder
        }
    }

    /// Which shard a run was.
    public struct ShardInfo: Codable, Sendable, Equatable {
        public var index: Int
        public var count: Int
        /// Documents of the whole input that fell to this shard.
        public var inputsTotal: Int

        package init(index: Int, count: Int, inputsTotal: Int) {
            self.index = index
            self.count = count
            self.inputsTotal = inputsTotal
        }
        package enum CodingKeys: String, CodingKey {
            case index, count
            case inputsTotal = "inputs_total"
        }
    }

    /// One document that ran again, and why.
    public struct Rerun: Codable, Sendable, Equatable {
        public var docId: String
        public var reason: String

        package init(docId: String, reason: String) {
            self.docId = docId
            self.reason = reason
        }
        package enum CodingKeys: String, CodingKey {
            case reason
            case docId = "doc_id"
        }
    }

    /// What an incremental run reused and why the other documents ran again.
    public struct IncrementalReport: Codable, Sendable, Equatable {
        /// Documents whose stored outputs were exported without running any stage.
        public var reused: Int
        /// Documents that ran (new, changed, or their stages changed).
        public var processed: Int
        /// Documents in the state store whose input is gone: dropped from the tables.
        public var removed: Int
        /// True when nothing changed: the previous run's table files were kept as they were
        /// (same inodes, same mtimes) and no export ran.
        public var tablesReused: Bool
        /// Set when the state store could not be trusted and was rebuilt.
        public var stateRebuilt: String?
        /// How many documents ran again for each kind of reason.
        public var reasons: [String: Int]
        /// Each document that ran again, in doc_id order, with its reason.
        public var reruns: [Rerun]
        /// The doc_ids dropped because their input is gone, sorted.
        public var removedDocIds: [String]
        /// The state store's file, relative to the output folder.
        public var stateFile: String

        package init(reused: Int, processed: Int, removed: Int, tablesReused: Bool, stateRebuilt: String? = nil, reasons: [String: Int], reruns: [Rerun], removedDocIds: [String], stateFile: String) {
            self.reused = reused
            self.processed = processed
            self.removed = removed
            self.tablesReused = tablesReused
            self.stateRebuilt = stateRebuilt
            self.reasons = reasons
            self.reruns = reruns
            self.removedDocIds = removedDocIds
            self.stateFile = stateFile
        }

        package enum CodingKeys: String, CodingKey {
            case reused, processed, removed, reasons, reruns
            case tablesReused = "tables_reused"
            case stateRebuilt = "state_rebuilt"
            case removedDocIds = "removed_doc_ids"
            case stateFile = "state_file"
        }
    }

    public struct RejectSummary: Codable, Sendable {
        public var docId: String
        public var stage: String
        public var reason: String

        package init(docId: String, stage: String, reason: String) {
            self.docId = docId
            self.stage = stage
            self.reason = reason
        }
        package enum CodingKeys: String, CodingKey {
            case stage, reason
            case docId = "doc_id"
        }
    }

    package enum CodingKeys: String, CodingKey {
        case manifest, jobs, inputs, rejects, warnings, stages, shard, incremental
        case gleanVersion = "glean_version"
        case manifestName = "manifest_name"
        case manifestSHA256 = "manifest_sha256"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case wallSeconds = "wall_seconds"
        case cpuSeconds = "cpu_seconds"
        case documentsOK = "documents_ok"
        case documentsRejected = "documents_rejected"
        case exitCode = "exit_code"
        case unmatchedGlobs = "unmatched_globs"
        case tableRows = "table_rows"
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
