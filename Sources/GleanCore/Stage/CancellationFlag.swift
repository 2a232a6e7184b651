import Synchronization

/// A cancellation flag shared by the runner, its workers and signal handlers.
public final class CancellationFlag: Sendable {
    /// The signal that cancelled the run; 0 while it runs (no signal is numbered 0).
    private let signal = Atomic<Int32>(0)

    public init() {}

    /// Marks the run as cancelled by `signal` (the first one wins).
    public func cancel(signal: Int32) {
        _ = self.signal.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent)
    }

    /// The signal that cancelled the run, or nil while it runs.
    public var cancelledBy: Int32? {
        let value = signal.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }
}
