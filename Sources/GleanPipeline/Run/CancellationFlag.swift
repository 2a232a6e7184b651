import Foundation

/// A cancellation flag shared by the runner, its workers and signal handlers.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var signal: Int32?

    public init() {}

    /// Marks the run as cancelled by `signal` (the first one wins).
    public func cancel(signal: Int32) {
        lock.lock()
        if self.signal == nil { self.signal = signal }
        lock.unlock()
    }

    public var cancelledBy: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return signal
    }

    static let threadKey = "glean.cancellation"

    /// The flag of the run whose worker is the calling thread, if any: long-running stages
    /// (exec plugins) poll it to stop their child processes when the run is interrupted.
    public static var current: CancellationFlag? {
        Thread.current.threadDictionary[threadKey] as? CancellationFlag
    }
}
