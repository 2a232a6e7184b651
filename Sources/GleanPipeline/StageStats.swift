import GleanCore
import GleanRunState
import GleanStages
import Synchronization

/// Per-stage counters and timings for the run report and the progress line, shared by the
/// worker threads.
final class StageStats: Sendable {
    private struct Counters {
        var byId: [String: StageReport]
        var exported = false
    }

    private let counters: Mutex<Counters>
    private let order: [String]
    private let sinkIds: Set<String>

    /// - Parameters:
    ///   - stages: every stage, in manifest order.
    ///   - sinks: the ids of the sinks (their progress counts every input).
    init(stages: [StageReport], sinks: Set<String>) {
        counters = Mutex(Counters(byId: Dictionary(stages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })))
        order = stages.map(\.id)
        sinkIds = sinks
    }

    /// Runs `body` for one document in stage `id`, counting it and timing it.
    func measure<T>(_ id: String, _ body: () throws -> T) -> Result<T, any Error> {
        let wall = RunClock.now()
        let cpu = RunClock.threadCPU()
        let result = Result { try body() }
        let dWall = RunClock.now() - wall
        let dCPU = RunClock.threadCPU() - cpu
        let succeeded = if case .success = result { true } else { false }
        counters.withLock { c in
            c.byId[id]?.documentsIn += 1
            if succeeded { c.byId[id]?.documentsOut += 1 } else { c.byId[id]?.rejected += 1 }
            c.byId[id]?.wallSeconds += dWall
            c.byId[id]?.cpuSeconds += dCPU
        }
        return result
    }

    /// Records what a source listed and skipped, by reason.
    func setSkipped(_ id: String, _ skipped: [String: Int]) {
        guard !skipped.isEmpty else { return }
        counters.withLock { $0.byId[id]?.skipped = skipped }
    }

    /// Records what a sink counted besides rows.
    func setCounts(_ id: String, _ counts: [String: Int]) {
        guard !counts.isEmpty else { return }
        counters.withLock { $0.byId[id]?.counts = counts }
    }

    /// Counts documents a stage did not run on because their outputs were reused.
    func addReused(_ id: String, _ count: Int) {
        counters.withLock { $0.byId[id]?.reused += count }
    }

    /// Records that the exports ran (false until then: the tables were kept as they were).
    func markExported() {
        counters.withLock { $0.exported = true }
    }

    var noExportRan: Bool {
        counters.withLock { !$0.exported }
    }

    /// Documents done per stage, for the progress line.
    func progress(perDocumentTotal: Int, sinkTotal: Int) -> [StageProgress] {
        counters.withLock { c in
            order.compactMap { id in
                guard let r = c.byId[id] else { return nil }
                return StageProgress(id: id, done: r.documentsIn, total: sinkIds.contains(id) ? sinkTotal : perDocumentTotal)
            }
        }
    }

    /// Each stage's report, in manifest order, times rounded to microseconds.
    var reports: [StageReport] {
        counters.withLock { c in
            order.compactMap { c.byId[$0] }.map { r in
                var r = r
                r.wallSeconds = (r.wallSeconds * 1e6).rounded() / 1e6
                r.cpuSeconds = (r.cpuSeconds * 1e6).rounded() / 1e6
                return r
            }
        }
    }
}
