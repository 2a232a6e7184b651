import Foundation
import GleanCore
import GleanRunState
import GleanStages
import GleanTables
import Logging

/// How a run is carried out.
public struct RunOptions: Sendable {
    /// Worker threads for per-document stages.
    public var jobs: Int
    /// The output root.
    public var out: String
    /// Wait for another run holding the output folder instead of failing with exit code 4.
    public var wait: Bool
    /// Keep a state store in the output folder and process only new or changed documents.
    public var incremental: Bool
    /// Run only this shard's share of the inputs and publish its part files.
    public var shard: ShardSpec?
    /// Called about every `progressInterval` seconds (and once at the end of each phase) with
    /// each stage's progress; nil for none.
    public var progress: (@Sendable ([StageProgress]) -> Void)?
    public var progressInterval: Double
    /// The run's reference day for publication dates (days since 1970-01-01), handed to every
    /// stage in its ``StageContext``; nil: each document's own (its file's modification day).
    public var asOfDay: Int?

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, out: String = "out", wait: Bool = false,
                incremental: Bool = false, shard: ShardSpec? = nil,
                progress: (@Sendable ([StageProgress]) -> Void)? = nil, progressInterval: Double = 0.5, asOfDay: Int? = nil) {
        self.asOfDay = asOfDay
        self.jobs = max(1, jobs)
        self.out = out
        self.wait = wait
        self.incremental = incremental
        self.shard = shard
        self.progress = progress
        self.progressInterval = progressInterval
    }
}
