import GleanCore

/// One run, or the shards of one run added together: what the report's summary shows.
struct RunTotals {
    var manifestName = ""
    var manifest = ""
    var gleanVersion = ""
    var startedAt = ""
    var finishedAt = ""
    /// The longest shard's wall time (shards run side by side).
    var wallSeconds = 0.0
    var cpuSeconds = 0.0
    var jobs = 0
    var inputs = 0
    var documentsOK = 0
    var documentsRejected = 0
    var exitCode: Int32 = 0
    /// "shard i of n" for each finished shard; empty for an unsharded run.
    var shards: [RunReport.ShardInfo] = []
    var stages: [StageReport] = []
    var rejects: [RunReport.RejectSummary] = []
    var warnings: [String] = []
    var incremental: RunReport.IncrementalReport?

    init(_ runs: [RunReport]) {
        for (i, run) in runs.enumerated() {
            if i == 0 {
                manifestName = run.manifestName
                manifest = run.manifest
                gleanVersion = run.gleanVersion
                startedAt = run.startedAt
                finishedAt = run.finishedAt
                stages = run.stages
            } else {
                startedAt = min(startedAt, run.startedAt)
                finishedAt = max(finishedAt, run.finishedAt)
                for stage in run.stages {
                    if let k = stages.firstIndex(where: { $0.id == stage.id }) {
                        stages[k].documentsIn += stage.documentsIn
                        stages[k].documentsOut += stage.documentsOut
                        stages[k].rejected += stage.rejected
                        stages[k].reused += stage.reused
                        stages[k].wallSeconds += stage.wallSeconds
                        stages[k].cpuSeconds += stage.cpuSeconds
                    } else {
                        stages.append(stage)
                    }
                }
            }
            wallSeconds = max(wallSeconds, run.wallSeconds)
            cpuSeconds += run.cpuSeconds
            jobs = max(jobs, run.jobs)
            inputs += run.inputs
            documentsOK += run.documentsOK
            documentsRejected += run.documentsRejected
            exitCode = max(exitCode, run.exitCode)
            if let shard = run.shard { shards.append(shard) }
            rejects += run.rejects
            warnings += run.warnings
            if let inc = run.incremental {
                if var sum = incremental {
                    sum.reused += inc.reused
                    sum.processed += inc.processed
                    sum.removed += inc.removed
                    sum.tablesReused = sum.tablesReused && inc.tablesReused
                    sum.reasons.merge(inc.reasons, uniquingKeysWith: +)
                    sum.reruns += inc.reruns
                    sum.removedDocIds += inc.removedDocIds
                    incremental = sum
                } else {
                    incremental = inc
                }
            }
        }
        rejects.sort { ($0.stage, $0.reason, $0.docId) < ($1.stage, $1.reason, $1.docId) }
    }
}
