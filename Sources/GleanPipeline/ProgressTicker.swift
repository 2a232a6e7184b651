import Dispatch

/// Calls `report` with a snapshot every `interval` seconds, on a Dispatch timer of its own,
/// until stopped, then once more with the final counts.
final class ProgressTicker {
    private let queue = DispatchQueue(label: "glean.progress")
    private let timer: DispatchSourceTimer
    private let snapshot: @Sendable () -> [StageProgress]
    private let report: @Sendable ([StageProgress]) -> Void

    init(interval: Double, snapshot: @escaping @Sendable () -> [StageProgress], report: @escaping @Sendable ([StageProgress]) -> Void) {
        self.snapshot = snapshot
        self.report = report
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { report(snapshot()) }
        timer.activate()
    }

    /// Stops the timer (after a tick in progress, if any) and reports the final counts.
    func stop() {
        timer.cancel()
        queue.sync { report(snapshot()) }
    }
}
