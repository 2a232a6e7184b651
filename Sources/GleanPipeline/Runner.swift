internal import Crypto
import Foundation
import GleanCore
import GleanRunState
import GleanStages
import GleanTables
import Logging
import Synchronization

/// Glean's version, written into run reports and Parquet files.
public let gleanVersion = "0.1.0"

/// Executes a manifest: lists inputs, runs per-document stages in parallel, streams results in
/// doc_id order to the exports, and commits all tables together.
///
/// With `incremental`, a first pass hashes every input and compares it with the state store;
/// documents whose content and stages are unchanged are not processed: their stored outputs
/// are read back from SQLite one at a time, in doc_id order, and exported with the rest. When
/// nothing at all changed, no export runs and the previous table files are kept as they are.
public final class Runner {
    public let plan: Plan
    public let registry: StageRegistry
    public let options: RunOptions
    public let logger: Logger
    public let cancel: CancellationFlag

    public init(plan: Plan, registry: StageRegistry = .builtIn, options: RunOptions, logger: Logger = Logger(label: "glean"),
                cancel: CancellationFlag = CancellationFlag()) {
        self.plan = plan
        self.registry = registry
        self.options = options
        self.logger = logger
        self.cancel = cancel
    }

    struct Built {
        var sources: [String: any SourceStage] = [:]
        var documentStages: [(id: String, needs: [String], stage: any DocumentStage)] = []
        var sinks: [(id: String, needs: [String], ancestors: Set<String>, sink: any SinkStage)] = []
    }

    /// The incremental decisions of the first pass.
    struct Decisions {
        /// For each input (in doc_id order): nil to reuse it, else why it runs.
        var reasons: [String?] = []
        /// Each input's content hash ("" when it could not be read).
        var hashes: [String] = []
        /// Hash over every input's doc_id, source and content, and the whole configuration.
        var fingerprint = ""
        /// Stored documents whose input is gone.
        var removed = 0
        var reusedCount: Int { reasons.reduce(0) { $0 + ($1 == nil ? 1 : 0) } }
    }

    /// What listing found: this run's inputs in doc_id order, and what the report says of them.
    struct Listed {
        var inputs: InputList
        var warnings: [String]
        var unmatched: [RunReport.UnmatchedGlob]
        var shard: RunReport.ShardInfo?
        /// What each source skipped, by stage id and reason.
        var skipped: [String: [String: Int]] = [:]
    }

    // MARK: - List

    /// Lists every source's inputs, sorted by doc_id (two inputs with one doc_id are an error
    /// naming both), and keeps this shard's share.
    func list(_ built: Built, excluding excluded: [String]) throws -> Listed {
        var inputs = InputList()
        var warnings: [String] = []
        var unmatched: [RunReport.UnmatchedGlob] = []
        var skipped: [String: [String: Int]] = [:]
        let cancel = self.cancel
        let listing = ListingContext(excluded: excluded, isCancelled: { cancel.cancelledBy != nil })
        for id in plan.order {
            guard let source = built.sources[id] else { continue }
            let listed = try source.listInputs(listing)
            unmatched += listed.unmatched
            if let signal = cancel.cancelledBy {
                throw GleanError(.interrupted(signal: signal), "interrupted by signal \(signal) while listing inputs; the previous outputs are left as they were")
            }
            inputs.append(contentsOf: listed.inputs)
            warnings += listed.warnings
            if !listed.skipped.isEmpty { skipped[id] = listed.skipped }
        }
        inputs.sortByDocId()
        if let (a, b) = inputs.firstDuplicateDocId() {
            throw GleanError(.manifest, "two inputs have the doc_id '\(a.docId)': \(a.source) and \(b.source)",
                             location: plan.manifest.stage(b.stage)?.location, stage: b.stage,
                             hint: "doc_id is the path below the glob's fixed prefix without suffixes; narrow the globs or rename one file")
        }
        var shardInfo: RunReport.ShardInfo?
        if let shard = options.shard {
            let all = inputs.count
            inputs = inputs.filter(docId: { ShardSelector.shard(of: $0, count: shard.count) == shard.index })
            shardInfo = .init(index: shard.index, count: shard.count, inputsTotal: all)
            logger.info("shard \(shard.index) of \(shard.count): \(inputs.count) of \(all) documents")
        }
        for warning in warnings { logger.warning("\(warning)") }
        return Listed(inputs: inputs, warnings: warnings, unmatched: unmatched, shard: shardInfo, skipped: skipped)
    }

    public func run() throws -> RunOutcome {
        let started = Date()
        let wallStart = RunClock.now()
        let cpuStart = RunClock.processCPU()
        let manifest = plan.manifest
        let built = try build()

        let store = OutputStore(root: options.out, shard: options.shard, tableFolders: registry.outputFolders)
        try store.prepare(wait: options.wait)
        defer { store.release() }

        let listed = try list(built, excluding: store.ownEntries)
        let inputs = listed.inputs
        var warnings = listed.warnings
        let unmatched = listed.unmatched
        let shardInfo = listed.shard

        // The state store, when incremental.
        var state: StateStore?
        var stateRebuilt: String?
        let incrementalPlan = IncrementalPlan(plan: plan, registry: registry, version: gleanVersion, asOfDay: options.asOfDay)
        if options.incremental {
            let opened = try StateStore.open(path: store.stateFile)
            state = opened.0
            stateRebuilt = opened.rebuilt
            if let rebuilt = opened.rebuilt {
                logger.warning("\(rebuilt)")
                warnings.append(rebuilt)
            }
        }

        let sinkIds = Set(manifest.stages.filter { registry.kind($0.use)?.role == .sink }.map(\.id))
        let stats = StageStats(stages: manifest.stages.map { StageReport(id: $0.id, use: $0.use, needs: $0.needs) }, sinks: sinkIds)
        for (id, counts) in listed.skipped { stats.setSkipped(id, counts) }
        let generation = try store.beginGeneration()
        var rejects: [RunReport.RejectSummary] = []
        var okCount = 0
        var tableRows: [String: Int] = [:]
        do {
            var decisions: Decisions?
            if let state {
                decisions = try decide(inputs, state: state, plan: incrementalPlan)
            }
            if let state, let decisions, try canKeepTables(decisions, state: state, store: store) {
                // Nothing changed: keep every table file as it is; only the report is new.
                guard let previous = store.currentGeneration else { throw GleanError(.run, "the previous run's outputs are gone") }
                try store.linkTables(from: previous, into: generation)
                // The tables are the previous run's, and so is each document's path to them.
                if link(previous + "/" + DocumentTrace.fileName, generation + "/" + DocumentTrace.fileName) != 0 {
                    logger.warning("the previous run's \(DocumentTrace.fileName) could not be kept: glean explain will not find its documents")
                }
                if let previousReport = Self.readReport(previous + "/_run.json") {
                    rejects = previousReport.rejects
                    okCount = previousReport.documentsOK
                    tableRows = previousReport.tableRows ?? [:]
                } else {
                    okCount = inputs.count
                }
                try state.touchAll()
                for id in plan.order { stats.addReused(id, inputs.count) }
            } else {
                let cache = state.flatMap { state in
                    decisions.map { DocumentCache(state: state, reasons: $0.reasons, hashes: $0.hashes, plan: incrementalPlan) }
                }
                let fallbacks = try runDocuments(inputs, built: built, cache: cache, generation: generation, stats: stats,
                                                 rejects: &rejects, okCount: &okCount, tableRows: &tableRows)
                for index in fallbacks { decisions?.reasons[index] = "stored outputs unreadable" }
            }
            if let signal = cancel.cancelledBy {
                throw GleanError(.interrupted(signal: signal), "interrupted by signal \(signal); the previous outputs are left as they were")
            }

            var incremental: RunReport.IncrementalReport?
            if let state, let decisions {
                let removedIds = try state.dropUnseen()
                var reasons: [String: Int] = [:]
                var reruns: [RunReport.Rerun] = []
                for (input, reason) in zip(inputs, decisions.reasons) {
                    guard let reason else { continue }
                    reasons[IncrementalPlan.kind(of: reason), default: 0] += 1
                    reruns.append(.init(docId: input.docId, reason: reason))
                }
                if !removedIds.isEmpty { reasons["removed"] = removedIds.count }
                incremental = .init(reused: decisions.reusedCount, processed: reruns.count, removed: removedIds.count,
                                    tablesReused: stats.noExportRan, stateRebuilt: stateRebuilt, reasons: reasons,
                                    reruns: reruns, removedDocIds: removedIds,
                                    stateFile: String(store.stateFile.dropFirst(store.root.count + 1)))
                logger.info("incremental: \(decisions.reusedCount) reused, \(reruns.count) processed, \(removedIds.count) removed")
            }

            let report = RunReport(
                gleanVersion: gleanVersion, manifest: manifest.path, manifestName: manifest.name, manifestSHA256: manifest.sha256,
                startedAt: RunClock.iso8601(started), finishedAt: RunClock.iso8601(Date()), wallSeconds: RunClock.now() - wallStart,
                cpuSeconds: RunClock.processCPU() - cpuStart, jobs: options.jobs, inputs: inputs.count, documentsOK: okCount,
                documentsRejected: rejects.count, rejects: rejects, warnings: warnings, stages: stats.reports,
                exitCode: rejects.isEmpty && unmatched.isEmpty ? 0 : 3, unmatchedGlobs: unmatched.isEmpty ? nil : unmatched,
                shard: shardInfo, incremental: incremental, tableRows: tableRows)
            try report.json().write(to: URL(fileURLWithPath: generation + "/_run.json"))
            guard FileManager.default.createFile(atPath: generation + "/_SUCCESS", contents: Data()) else {
                throw GleanError(.run, "cannot write \(generation)/_SUCCESS", hint: "check free space and permissions on --out")
            }
            if let signal = cancel.cancelledBy {
                throw GleanError(.interrupted(signal: signal), "interrupted by signal \(signal); the previous outputs are left as they were")
            }
            try store.commit(generation: generation)
            if let state, let decisions {
                try state.setMeta(["published_fingerprint": decisions.fingerprint,
                                   "published_generation": (generation as NSString).lastPathComponent,
                                   "glean_version": gleanVersion])
            }
            return RunOutcome(report: report)
        } catch {
            try? state?.flush()
            store.abort(generation: generation)
            if let error = error as? GleanError { throw error }
            if let error = error as? TableWriteError { throw GleanError(.run, error.description, hint: "check free space and permissions on --out") }
            throw GleanError(.run, "\(error)")
        }
    }

    // MARK: - Incremental first pass

    /// Hashes every input (in parallel) and decides, in doc_id order, which must run.
    func decide(_ inputs: InputList, state: StateStore, plan incremental: IncrementalPlan) throws -> Decisions {
        let previousVersion = try state.meta("glean_version")
        let versionChange = previousVersion.flatMap { $0 == gleanVersion ? nil : "glean version changed (\($0) → \(gleanVersion))" }
        var decisions = Decisions()
        decisions.reasons.reserveCapacity(inputs.count)
        decisions.hashes.reserveCapacity(inputs.count)
        var hasher = SHA256()
        // The manifest's own bytes count too: exports write its name and hash into their files.
        hasher.update(data: Array("\(incremental.fingerprint)\n\(plan.manifest.sha256)\n\(options.shard?.partStem ?? "all")\n".utf8))
        var found = 0
        let hashed = AtomicCounter()
        // A record inside one gzip stream has no bytes of its own: it is hashed with its whole file, once per file.
        let wholeFiles = WholeFileHashes()
        let ticker = options.progress.map { report in
            ProgressTicker(interval: options.progressInterval, snapshot: { [StageProgress(id: "hash", done: hashed.current, total: inputs.count)] }, report: report)
        }
        defer { ticker?.stop() }
        try OrderedPool.run(count: inputs.count, jobs: options.jobs, window: options.jobs * 4, cancel: cancel, work: { index in
            let input = inputs[index]
            defer { hashed.add() }
            guard let sha = Self.contentHash(input, wholeFiles: wholeFiles) else {
                return (sha: "", stored: Result<StoredState?, any Error>.success(nil))
            }
            return (sha: sha, stored: Result { try state.state(of: input.docId) })
        }, consume: { index, item in
            let input = inputs[index]
            let stored = try item.stored.get()
            if stored != nil { found += 1 }
            let reason = item.sha.isEmpty ? "input unreadable" : incremental.reason(input: input, sha: item.sha, stored: stored, versionChange: versionChange)
            decisions.reasons.append(reason)
            decisions.hashes.append(item.sha)
            hasher.update(data: Array("\(input.docId)\u{0}\(input.source)\u{0}\(item.sha)\n".utf8))
        })
        if let signal = cancel.cancelledBy {
            throw GleanError(.interrupted(signal: signal), "interrupted by signal \(signal); the previous outputs are left as they were")
        }
        decisions.removed = try state.count() - found
        decisions.fingerprint = ContentHash.hex(hasher.finalize())
        return decisions
    }

    /// The content hash of an input: the file's, or the record's bytes (a record inside one gzip
    /// stream: its file's with its offset).
    private static func contentHash(_ input: InputRef, wholeFiles: WholeFileHashes) -> String? {
        guard let record = input.record else { return ContentHash.file(input.path) }
        if record.isFileRange { return ContentHash.file(input.path, offset: record.offset, length: record.length) }
        return wholeFiles.hash(input.path).map { "\($0)@\(record.offset)" }
    }

    /// Whole-file hashes, each computed once, shared by the hashing workers.
    private final class WholeFileHashes: Sendable {
        private let hashes = Mutex<[String: String?]>([:])

        func hash(_ path: String) -> String? {
            if let known = hashes.withLock({ $0[path] }) { return known }
            let sha = ContentHash.file(path)
            hashes.withLock { $0[path] = sha }
            return sha
        }
    }

    /// True when nothing changed since the published run: every document is reused, none was
    /// removed, and the published tables were made from exactly these inputs and this pipeline.
    func canKeepTables(_ decisions: Decisions, state: StateStore, store: OutputStore) throws -> Bool {
        guard decisions.removed == 0, decisions.reasons.allSatisfy({ $0 == nil }),
              let current = store.currentGeneration, FileManager.default.fileExists(atPath: current + "/_SUCCESS") else { return false }
        return try state.meta("published_fingerprint") == decisions.fingerprint
            && state.meta("published_generation") == (current as NSString).lastPathComponent
    }

    // MARK: - Processing and export

    /// What a worker hands to the consumer for one input.
    private enum WorkItem: Sendable {
        /// Processed now; `entry` is what the cache keeps (incremental runs).
        case processed(Routed, entry: DocumentCache.Entry?, steps: [DocumentTrace.Step])
        /// Read back from the cache.
        case reused(Routed)
        case failed(any Error)
    }

    /// Runs and exports every input; returns the indices of inputs that were to be reused but
    /// ran because their stored outputs could not be read back.
    private func runDocuments(_ inputs: InputList, built: Built, cache: DocumentCache?, generation: String, stats: StageStats,
                              rejects: inout [RunReport.RejectSummary], okCount: inout Int, tableRows: inout [String: Int]) throws -> [Int] {
        for sink in built.sinks { try sink.sink.open(folder: generation) }
        let trace = try DocumentTraceWriter(generation: generation)
        let sources = built.sources
        let documentStages = built.documentStages
        let sinkRoutes = built.sinks.map { (needs: $0.needs, ancestors: $0.ancestors) }
        let cancel = self.cancel
        let context = StageContext(cancellation: cancel, asOfDay: options.asOfDay, logger: logger)
        let toProcess = cache.map { $0.reasons.lazy.filter { $0 != nil }.count } ?? inputs.count
        let ticker = options.progress.map { report in
            ProgressTicker(interval: options.progressInterval, snapshot: {
                stats.progress(perDocumentTotal: toProcess, sinkTotal: inputs.count)
            }, report: report)
        }
        defer { ticker?.stop() }
        let reusedStages = AtomicCounter()
        var fallbacks: [Int] = []
        try OrderedPool.run(count: inputs.count, jobs: options.jobs, window: options.jobs * 2, cancel: cancel, work: { index -> WorkItem in
            let input = inputs[index]
            if let stored = cache?.stored(index, docId: input.docId) {
                return .reused(Self.route(stored.outputs, stored.failures, docId: input.docId, routes: sinkRoutes))
            }
            let computed = Self.compute(input, sources: sources, stages: documentStages, context: context, stats: stats)
            let routed = Self.route(computed.outputs, computed.failures, docId: input.docId, routes: sinkRoutes)
            do {
                let entry = try cache?.entry(index, source: input.source, outputs: computed.outputs, failures: computed.failures)
                return .processed(routed, entry: entry, steps: computed.steps)
            } catch {
                return .failed(error)
            }
        }, consume: { (index: Int, item: WorkItem) in
            // The consumer thread runs the exports: only the doc_id, not the path and source.
            let docId = inputs.docId(at: index)
            let routed: Routed
            var steps: [DocumentTrace.Step] = []
            var reason: String? = cache == nil ? "processed" : cache?.reason(index)
            switch item {
            case .failed(let error):
                throw GleanError(.run, "cannot store the outputs of '\(docId)' in the state store: \(error)")
            case .reused(let r):
                routed = r
                try cache?.touch(docId: docId)
                reusedStages.add()
            case .processed(let r, let entry, let s):
                routed = r
                steps = s
                if reason == nil {
                    // To be reused, but its stored outputs did not read back: it ran instead.
                    reason = "stored outputs unreadable"
                    fallbacks.append(index)
                }
                // Once the run is cancelled, what a worker computed may hold the interruption itself (a plugin
                // killed with the run): never keep it, the next run processes the document again.
                if let cache, let entry, cancel.cancelledBy == nil {
                    try cache.keep(docId: docId, entry)
                }
            }
            if let reject = routed.reject {
                rejects.append(.init(docId: reject.docId, stage: reject.stage, reason: reject.reason))
                logger.info("rejected \(reject.docId) at \(reject.stage): \(reject.reason)")
            } else {
                okCount += 1
            }
            try deliver(routed.perSink, to: built.sinks.map(\.sink), ids: built.sinks.map(\.id), stats: stats)
            let rows = Self.rowCounts(routed)
            tableRows.merge(rows, uniquingKeysWith: +)
            try trace.write(DocumentTrace(docId: docId, source: inputs[index].source, reason: reason, stages: steps, rows: rows,
                                          rejectedAt: routed.reject?.stage, rejectReason: routed.reject?.reason))
        })
        try trace.close()
        try cache?.flush()
        if cancel.cancelledBy != nil { return fallbacks }
        for (id, _, _) in documentStages { stats.addReused(id, reusedStages.current) }
        for id in sources.keys { stats.addReused(id, reusedStages.current) }
        for sink in built.sinks {
            try sink.sink.close()
            stats.setCounts(sink.id, sink.sink.counts)
        }
        stats.markExported()
        return fallbacks
    }

    static func readReport(_ path: String) -> RunReport? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(RunReport.self, from: data)
    }

    // MARK: - Building

    func build() throws -> Built {
        var built = Built()
        let manifest = plan.manifest
        for id in plan.order {
            guard let decl = manifest.stage(id), let kind = registry.kind(decl.use) else { continue }
            let context = BuildContext(manifest: manifest, tables: plan.tables[id] ?? [], gleanVersion: gleanVersion, shard: options.shard)
            let instance: StageInstance
            do {
                instance = try kind.build(decl, context)
            } catch let error as GleanError {
                throw error
            } catch {
                throw GleanError(.manifest, "cannot set up the stage: \(error)", location: decl.location, stage: id)
            }
            switch instance {
            case .source(let s): built.sources[id] = s
            case .perDocument(let s): built.documentStages.append((id, decl.needs, s))
            case .sink(let s): built.sinks.append((id, decl.needs, StageGraph.ancestors(of: id, in: manifest.stages), s))
            }
        }
        return built
    }

    // MARK: - Per document

    struct Routed: Sendable {
        /// For each sink (in build order), what it receives, if anything.
        var perSink: [SinkItem?]
        var reject: Reject?
    }

    /// Runs one input through every per-document stage it reaches, in order.
    static func compute(_ input: InputRef, sources: [String: any SourceStage],
                        stages: [(id: String, needs: [String], stage: any DocumentStage)],
                        context: StageContext, stats: StageStats) -> (outputs: [String: Document], failures: [String: Reject], steps: [DocumentTrace.Step]) {
        var outputs: [String: Document] = [:]
        var failures: [String: Reject] = [:]
        var steps: [DocumentTrace.Step] = []
        if let source = sources[input.stage] {
            let start = RunClock.now()
            switch stats.measure(input.stage, { try source.read(input, context: context) }) {
            case .success(let document): outputs[input.stage] = document
            case .failure(let error):
                failures[input.stage] = Reject(docId: input.docId, source: input.source, stage: input.stage, reason: Self.reason(error))
            }
            steps.append(.init(id: input.stage, ok: outputs[input.stage] != nil, seconds: RunClock.now() - start))
        }
        for (id, needs, stage) in stages {
            guard let upstream = needs.lazy.compactMap({ outputs[$0] }).first else { continue }
            let start = RunClock.now()
            switch stats.measure(id, { try stage.process(upstream, context: context) }) {
            case .success(let document): outputs[id] = document
            case .failure(let error):
                failures[id] = Reject(docId: input.docId, source: input.source, stage: id, reason: Self.reason(error))
            }
            steps.append(.init(id: id, ok: outputs[id] != nil, seconds: RunClock.now() - start))
        }
        return (outputs, failures, steps)
    }

    /// What each sink receives for one document, given what its stages produced.
    static func route(_ outputs: [String: Document], _ failures: [String: Reject], docId: String,
                      routes: [(needs: [String], ancestors: Set<String>)]) -> Routed {
        var perSink: [SinkItem?] = []
        // The documents-table row is built here, on the worker thread, once per document,
        // rather than by every export on the single output thread.
        var prepared: [String: Document] = [:]
        for route in routes {
            if let need = route.needs.first(where: { outputs[$0] != nil }), let output = prepared[need] ?? outputs[need] {
                let document = output.withDocumentsRow()
                prepared[need] = document
                perSink.append(.document(document))
            } else if let failure = failures.sorted(by: { $0.key < $1.key }).first(where: { route.ancestors.contains($0.key) })?.value {
                perSink.append(.rejected(failure))
            } else {
                perSink.append(nil)
            }
        }
        let firstFailure = failures.values.min { $0.stage < $1.stage }
        return Routed(perSink: perSink, reject: firstFailure)
    }

    /// The rows one document gives each table its exports receive (a document delivered to
    /// several exports counts once).
    static func rowCounts(_ routed: Routed) -> [String: Int] {
        var rows: [String: Int] = [:]
        var seen: Set<String> = []
        for item in routed.perSink {
            switch item {
            case .document(let document)?:
                // `route` added the documents-table row, so `rows` holds every table's.
                guard seen.insert("d").inserted else { continue }
                for (table, tableRows) in document.rows { rows[table] = tableRows.count }
            case .rejected?:
                guard seen.insert("r").inserted else { continue }
                rows[BuiltInTables.rejects.name] = 1
            case nil:
                continue
            }
        }
        return rows
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DocumentError { return error.reason }
        return String(describing: error)
    }

    private func deliver(_ items: [SinkItem?], to sinks: [any SinkStage], ids: [String], stats: StageStats) throws {
        for (i, item) in items.enumerated() {
            guard let item else { continue }
            let sink = sinks[i]
            if case .failure(let error) = stats.measure(ids[i], { try sink.consume(item); return () }) {
                throw error
            }
        }
    }
}
