import Foundation

/// How far one stage has come in a running run.
public struct StageProgress: Sendable, Equatable {
    /// The stage id (or "hash" while an incremental run hashes its inputs).
    public var id: String
    /// Documents the stage has finished.
    public var done: Int
    /// Documents it will see in this run.
    public var total: Int

    public init(id: String, done: Int, total: Int) {
        self.id = id
        self.done = done
        self.total = total
    }
}

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

/// A counter shared by worker threads.
final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add(_ n: Int = 1) {
        lock.lock()
        value += n
        lock.unlock()
    }

    var current: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
