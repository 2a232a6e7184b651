import Foundation
import GleanTables
import Logging

/// Glean's version, written into run reports and Parquet files.
public let gleanVersion = "0.1.0"

/// How a run is carried out.
public struct RunOptions: Sendable {
    /// Worker threads for per-document stages.
    public var jobs: Int
    /// The output root.
    public var out: String
    /// Wait for another run holding the output folder instead of failing with exit code 4.
    public var wait: Bool

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, out: String = "out", wait: Bool = false) {
        self.jobs = max(1, jobs)
        self.out = out
        self.wait = wait
    }
}

/// What a finished run reports.
public struct RunOutcome: Sendable {
    public var report: RunReport
    /// 0 when every document went through, 3 when some were rejected.
    public var exitCode: Int32 { report.exitCode }
}

/// Executes a manifest: lists inputs, runs per-document stages in parallel, streams results in
/// doc_id order to the exports, and commits all tables together.
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

    private struct Built {
        var sources: [String: any SourceStage] = [:]
        var documentStages: [(id: String, needs: [String], stage: any DocumentStage)] = []
        var sinks: [(id: String, needs: [String], ancestors: Set<String>, sink: any SinkStage)] = []
    }

    public func run() throws -> RunOutcome {
        let started = Date()
        let wallStart = Clock.now()
        let cpuStart = Clock.processCPU()
        let manifest = plan.manifest
        let built = try build()

        let store = OutputStore(root: options.out)
        try store.prepare(wait: options.wait)

        // Inputs, sorted by doc_id; two inputs with one doc_id are an error naming both.
        var inputs: [InputRef] = []
        var warnings: [String] = []
        for id in plan.order {
            guard let source = built.sources[id] else { continue }
            let listed = try source.listInputs()
            inputs += listed.inputs
            warnings += listed.warnings
        }
        inputs.sort { $0.docId.utf8.lexicographicallyPrecedes($1.docId.utf8) }
        for (a, b) in zip(inputs, inputs.dropFirst()) where a.docId == b.docId {
            throw GleanError(.manifest, "two inputs have the doc_id '\(a.docId)': \(a.source) and \(b.source)",
                             location: manifest.stage(b.stage)?.location, stage: b.stage,
                             hint: "doc_id is the path below the glob's fixed prefix without suffixes; narrow the globs or rename one file")
        }
        for warning in warnings { logger.warning("\(warning)") }

        let stats = StatsBox(stages: manifest.stages.map { StageReport(id: $0.id, use: $0.use) })
        let generation = try store.beginGeneration()
        var rejects: [RunReport.RejectSummary] = []
        var okCount = 0
        do {
            for sink in built.sinks { try sink.sink.open(folder: generation) }
            let sources = built.sources
            let documentStages = built.documentStages
            let sinkRoutes = built.sinks.map { (needs: $0.needs, ancestors: $0.ancestors) }
            let cancel = self.cancel
            let inputs = inputs
            try OrderedPool.run(count: inputs.count, jobs: options.jobs, window: options.jobs * 2, cancel: cancel, work: { index in
                Self.process(inputs[index], sources: sources, stages: documentStages, routes: sinkRoutes, stats: stats)
            }, consume: { _, items in
                if let reject = items.reject {
                    rejects.append(.init(docId: reject.docId, stage: reject.stage, reason: reject.reason))
                    logger.info("rejected \(reject.docId) at \(reject.stage): \(reject.reason)")
                } else {
                    okCount += 1
                }
                try deliver(items.perSink, to: built.sinks.map(\.sink), ids: built.sinks.map(\.id), stats: stats)
            })
            if let signal = cancel.cancelledBy {
                throw GleanError(.interrupted(signal: signal), "interrupted by signal \(signal); the previous outputs are left as they were")
            }
            for sink in built.sinks { try sink.sink.close() }

            let report = RunReport(
                gleanVersion: gleanVersion, manifest: manifest.path, manifestName: manifest.name, manifestSHA256: manifest.sha256,
                startedAt: Clock.iso8601(started), finishedAt: Clock.iso8601(Date()), wallSeconds: Clock.now() - wallStart,
                cpuSeconds: Clock.processCPU() - cpuStart, jobs: options.jobs, inputs: inputs.count, documentsOK: okCount,
                documentsRejected: rejects.count, rejects: rejects, warnings: warnings, stages: stats.reports,
                exitCode: rejects.isEmpty ? 0 : 3)
            try report.json().write(to: URL(fileURLWithPath: generation + "/_run.json"))
            guard FileManager.default.createFile(atPath: generation + "/_SUCCESS", contents: Data()) else {
                throw GleanError(.run, "cannot write \(generation)/_SUCCESS", hint: "check free space and permissions on --out")
            }
            if let signal = cancel.cancelledBy {
                throw GleanError(.interrupted(signal: signal), "interrupted by signal \(signal); the previous outputs are left as they were")
            }
            try store.commit(generation: generation)
            return RunOutcome(report: report)
        } catch {
            store.abort(generation: generation)
            if let error = error as? GleanError { throw error }
            if let error = error as? TableWriteError { throw GleanError(.run, error.description, hint: "check free space and permissions on --out") }
            throw GleanError(.run, "\(error)")
        }
    }

    // MARK: - Building

    private func build() throws -> Built {
        var built = Built()
        let manifest = plan.manifest
        for id in plan.order {
            guard let decl = manifest.stage(id), let kind = registry.kind(decl.use) else { continue }
            let context = BuildContext(manifest: manifest, tables: plan.tables[id] ?? [], gleanVersion: gleanVersion)
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
        var perSink: [SinkItemBox?]
        var reject: Reject?
    }

    /// `SinkItem` made Sendable for the hop from a worker to the consumer.
    struct SinkItemBox: @unchecked Sendable {
        var item: SinkItem
    }

    /// Runs one input through every per-document stage it reaches, in order.
    static func process(_ input: InputRef, sources: [String: any SourceStage],
                        stages: [(id: String, needs: [String], stage: any DocumentStage)],
                        routes: [(needs: [String], ancestors: Set<String>)], stats: StatsBox) -> Routed {
        var outputs: [String: Document] = [:]
        var failures: [String: Reject] = [:]
        if let source = sources[input.stage] {
            switch stats.measure(input.stage, { try source.read(input) }) {
            case .success(let document): outputs[input.stage] = document
            case .failure(let error):
                failures[input.stage] = Reject(docId: input.docId, source: input.source, stage: input.stage, reason: Self.reason(error))
            }
        }
        for (id, needs, stage) in stages {
            guard let upstream = needs.lazy.compactMap({ outputs[$0] }).first else { continue }
            switch stats.measure(id, { try stage.process(upstream) }) {
            case .success(let document): outputs[id] = document
            case .failure(let error):
                failures[id] = Reject(docId: input.docId, source: input.source, stage: id, reason: Self.reason(error))
            }
        }
        var perSink: [SinkItemBox?] = []
        for route in routes {
            if let document = route.needs.lazy.compactMap({ outputs[$0] }).first {
                perSink.append(SinkItemBox(item: .document(document)))
            } else if let failure = failures.first(where: { route.ancestors.contains($0.key) })?.value {
                perSink.append(SinkItemBox(item: .rejected(failure)))
            } else {
                perSink.append(nil)
            }
        }
        let firstFailure = failures.values.min { $0.stage < $1.stage }
        return Routed(perSink: perSink, reject: firstFailure)
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DocumentError { return error.reason }
        return String(describing: error)
    }

    private func deliver(_ items: [SinkItemBox?], to sinks: [any SinkStage], ids: [String], stats: StatsBox) throws {
        for (i, box) in items.enumerated() {
            guard let box else { continue }
            let sink = sinks[i]
            if case .failure(let error) = stats.measure(ids[i], { try sink.consume(box.item); return () }, countsOut: true) {
                throw error
            }
        }
    }
}

/// Per-stage counters, shared by the worker threads.
final class StatsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var byId: [String: StageReport]
    private let order: [String]

    init(stages: [StageReport]) {
        byId = Dictionary(stages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        order = stages.map(\.id)
    }

    /// Runs `body` for one document in stage `id`, counting it and timing it.
    func measure<T>(_ id: String, _ body: () throws -> T, countsOut: Bool = true) -> Result<T, any Error> {
        let wall = Clock.now()
        let cpu = Clock.threadCPU()
        let result = Result { try body() }
        let dWall = Clock.now() - wall
        let dCPU = Clock.threadCPU() - cpu
        lock.lock()
        byId[id]?.documentsIn += 1
        if case .success = result { byId[id]?.documentsOut += 1 } else { byId[id]?.rejected += 1 }
        byId[id]?.wallSeconds += dWall
        byId[id]?.cpuSeconds += dCPU
        lock.unlock()
        return result
    }

    var reports: [StageReport] {
        lock.lock()
        defer { lock.unlock() }
        return order.compactMap { byId[$0] }.map { r in
            var r = r
            r.wallSeconds = (r.wallSeconds * 1e6).rounded() / 1e6
            r.cpuSeconds = (r.cpuSeconds * 1e6).rounded() / 1e6
            return r
        }
    }
}
