import Crypto
import Foundation
import GleanTables
import Logging

/// Per-stage counters, shared by the worker threads.
final class StatsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var byId: [String: StageReport]
    private let order: [String]
    private var sinkIds: Set<String> = []
    private var exported = false

    init(stages: [StageReport]) {
        byId = Dictionary(stages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        order = stages.map(\.id)
    }

    /// Runs `body` for one document in stage `id`, counting it and timing it.
    func measure<T>(_ id: String, _ body: () throws -> T, countsOut: Bool = true) -> Result<T, any Error> {
        let wall = RunClock.now()
        let cpu = RunClock.threadCPU()
        let result = Result { try body() }
        let dWall = RunClock.now() - wall
        let dCPU = RunClock.threadCPU() - cpu
        lock.lock()
        byId[id]?.documentsIn += 1
        if case .success = result { byId[id]?.documentsOut += 1 } else { byId[id]?.rejected += 1 }
        byId[id]?.wallSeconds += dWall
        byId[id]?.cpuSeconds += dCPU
        lock.unlock()
        return result
    }

    /// Counts documents a stage did not run on because their outputs were reused.
    func addReused(_ id: String, _ count: Int) {
        lock.lock()
        byId[id]?.reused += count
        lock.unlock()
    }

    /// Records that the exports ran (false until then: the tables were kept as they were).
    func markExported() {
        lock.lock()
        exported = true
        lock.unlock()
    }

    var noExportRan: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !exported
    }

    /// Documents done per stage, for the progress line.
    func progress(perDocumentTotal: Int, sinkTotal: Int) -> [StageProgress] {
        lock.lock()
        defer { lock.unlock() }
        return order.compactMap { id in
            guard let r = byId[id] else { return nil }
            let isSink = r.use.hasPrefix("export.")
            return StageProgress(id: id, done: r.documentsIn, total: isSink ? sinkTotal : perDocumentTotal)
        }
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
