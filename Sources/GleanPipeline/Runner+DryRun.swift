import Foundation
import GleanCore
import GleanRunState
import GleanStages

extension Runner {
    /// Decides what a run would do, as ``run()`` decides it (listing, sharding, and with
    /// `incremental` the same hashes and state-store comparison), and writes nothing at all: no
    /// output folder, lock, generation or state store is created or touched.
    public func dryRun() throws -> DryRunReport {
        let built = try build()
        let store = OutputStore(root: options.out, shard: options.shard, tableFolders: registry.outputFolders)
        let listed = try list(built, excluding: store.ownEntries)
        let inputs = listed.inputs
        var report = DryRunReport(inputs: inputs.count, shard: listed.shard, incremental: options.incremental, stateProblem: nil,
                                  planned: [], reused: 0, removed: 0, tables: [], unmatchedGlobs: listed.unmatched, warnings: listed.warnings)
        var reasons: [String?] = Array(repeating: options.incremental ? "new" : "runs", count: inputs.count)
        var keepTables = false
        if options.incremental {
            let (state, problem) = StateStore.openReadOnly(path: store.stateFile)
            if let state {
                let incrementalPlan = IncrementalPlan(plan: plan, registry: registry, version: gleanVersion, asOfDay: options.asOfDay)
                let decisions = try decide(inputs, state: state, plan: incrementalPlan)
                reasons = decisions.reasons
                report.reused = decisions.reusedCount
                report.removed = decisions.removed
                keepTables = try canKeepTables(decisions, state: state, store: store)
            } else {
                report.stateProblem = problem.map { "the state store cannot be trusted (\($0)); a run would rebuild it" }
                    ?? "no state store yet (\(store.stateFile)): every document is new"
            }
        }
        for (index, reason) in reasons.enumerated() {
            guard let reason else { continue }
            let input = inputs[index]
            report.planned.append(.init(docId: input.docId, source: input.source, reason: reason))
        }
        if !keepTables {
            for (id, _, _, sink) in built.sinks {
                guard let tables = sink as? TableSink else {
                    report.tables.append("(stage \(id))")
                    continue
                }
                report.tables += tables.tables.map { "\(tables.subfolder)/\($0.name)" }
            }
        }
        return report
    }
}
