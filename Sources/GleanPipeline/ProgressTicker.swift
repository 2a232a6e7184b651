import Foundation
import GleanCore
import GleanRunState
import GleanStages

/// Calls `report` with a snapshot every `interval` seconds on its own thread until stopped,
/// then once more with the final counts.
final class ProgressTicker: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    init(interval: Double, snapshot: @escaping @Sendable () -> [StageProgress], report: @escaping @Sendable ([StageProgress]) -> Void) {
        Thread.detachNewThread { [self] in
            while true {
                condition.lock()
                if !stopped { _ = condition.wait(until: Date(timeIntervalSinceNow: interval)) }
                let last = stopped
                condition.unlock()
                report(snapshot())
                if last { break }
            }
            done.signal()
        }
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        done.wait()
    }
}
