import GleanCore
import GleanRunState
import GleanStages
import Synchronization

/// A counter shared by worker threads.
final class AtomicCounter: Sendable {
    private let value = Atomic<Int>(0)

    func add(_ n: Int = 1) {
        _ = value.add(n, ordering: .relaxed)
    }

    var current: Int {
        value.load(ordering: .relaxed)
    }
}
