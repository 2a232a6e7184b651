import Logging

/// What the runner hands every stage call besides its input: the run's cancellation, its
/// reference day and its logger. Stages read these from here, never from thread-local or
/// global state.
public struct StageContext: Sendable {
    /// Set when the run is interrupted: long-running stages (plugins, rules) stop early.
    public var cancellation: CancellationFlag
    /// The run's reference day for publication dates, in days since 1970-01-01, when the run
    /// gives one (``RunOptions/asOfDay``); a stage's own `as_of` option comes first, and
    /// without either a stage takes the day from its input, never from the clock.
    public var asOfDay: Int?
    public var logger: Logger

    public init(cancellation: CancellationFlag = CancellationFlag(), asOfDay: Int? = nil, logger: Logger = Logger(label: "glean")) {
        self.cancellation = cancellation
        self.asOfDay = asOfDay
        self.logger = logger
    }

    /// True once the run is interrupted.
    public var isCancelled: Bool { cancellation.cancelledBy != nil }
}
