import Foundation
@testable import GleanCore
@testable import GleanPipeline
import Synchronization
import Testing

/// What progress callbacks received, shared with the callback.
final class ProgressLog: Sendable {
    let reports = Mutex<[[StageProgress]]>([])

    func add(_ report: [StageProgress]) { reports.withLock { $0.append(report) } }
    var all: [[StageProgress]] { reports.withLock { $0 } }
}

@Suite struct ProgressTickerTests {
    @Test func reportsOnItsTimerAndOnceMoreWhenStopped() {
        let log = ProgressLog()
        let done = AtomicCounter()
        let ticker = ProgressTicker(interval: 0.01, snapshot: { [StageProgress(id: "s", done: done.current, total: 3)] },
                                    report: { log.add($0) })
        Thread.sleep(forTimeInterval: 0.1)
        done.add(3)
        ticker.stop()
        let reports = log.all
        #expect(reports.count >= 2)
        #expect(reports.last == [StageProgress(id: "s", done: 3, total: 3)])
    }

    @Test func aRunsLastReportCountsEveryDocumentOfEveryStage() throws {
        let tree = try TempTree()
        for name in ["a", "b", "c"] { try tree.write("in/\(name).txt", "Document \(name).") }
        let plan = try Ops.plan(tree, Ops.yaml())
        let log = ProgressLog()
        let options = RunOptions(jobs: 2, out: tree.root + "/out", progress: { log.add($0) }, progressInterval: 0.01)
        _ = try Runner(plan: plan, options: options).run()
        #expect(log.all.last == [StageProgress(id: "fetch", done: 3, total: 3), StageProgress(id: "csv", done: 3, total: 3)])
    }
}
