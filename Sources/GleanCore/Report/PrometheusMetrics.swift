import Foundation

/// A run's figures in the Prometheus text exposition format (version 0.0.4), as the
/// node_exporter textfile collector reads them, so a cron job is watched like a service.
/// Every value is a gauge: each run rewrites the file.
public struct PrometheusMetrics: Sendable {
    /// The run, when it got as far as a report; nil when it failed before (exit 1, 2, 4, 130...).
    public var report: RunReport?
    /// The pipeline's name (the manifest's `name`, or its file name when it could not be read).
    public var pipeline: String
    public var exitCode: Int32
    /// When the run ended, seconds since the epoch.
    public var finishedAt: Double
    /// When a run of this pipeline last succeeded (exit 0 or 3), seconds since the epoch: this
    /// run's end if it did, else the value the previous metrics file held, if any.
    public var lastSuccess: Double?

    public init(report: RunReport?, pipeline: String, exitCode: Int32, finishedAt: Double, lastSuccess: Double?) {
        self.report = report
        self.pipeline = pipeline
        self.exitCode = exitCode
        self.finishedAt = finishedAt
        self.lastSuccess = lastSuccess
    }

    /// Exit codes that count as a success for `glean_last_success_timestamp_seconds`.
    public static func isSuccess(_ code: Int32) -> Bool { code == 0 || code == 3 }

    /// The text of the metrics file.
    public var text: String {
        var out = ""
        var labels = [("pipeline", pipeline)]
        if let shard = report?.shard { labels += [("shard", "\(shard.index)"), ("shard_count", "\(shard.count)")] }

        func family(_ name: String, _ help: String, _ samples: [([(String, String)], Double)]) {
            guard !samples.isEmpty else { return }
            out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for (extra, value) in samples {
                out += name + Self.labelSet(labels + extra) + " " + Self.number(value) + "\n"
            }
        }

        family("glean_run_exit_code", "Exit code of the last run (0 ok, 3 some documents rejected; see glean --help).", [([], Double(exitCode))])
        family("glean_run_finished_timestamp_seconds", "When the last run ended (seconds since the epoch).", [([], finishedAt)])
        family("glean_last_success_timestamp_seconds", "When a run last succeeded, exit 0 or 3 (seconds since the epoch).", lastSuccess.map { [([], $0)] } ?? [])
        if let r = report {
            family("glean_run_duration_seconds", "Wall time of the last run.", [([], r.wallSeconds)])
            family("glean_run_cpu_seconds", "CPU time of the last run.", [([], r.cpuSeconds)])
            family("glean_run_documents", "Documents of the last run: inputs listed, ok, rejected.",
                   [([("state", "inputs")], Double(r.inputs)), ([("state", "ok")], Double(r.documentsOK)), ([("state", "rejected")], Double(r.documentsRejected))])
            family("glean_run_unmatched_globs", "Globs with allow_empty false that matched no file.", [([], Double(r.unmatchedGlobs?.count ?? 0))])
            if let inc = r.incremental {
                family("glean_incremental_documents", "Documents of the last incremental run: reused, processed, removed.",
                       [([("state", "reused")], Double(inc.reused)), ([("state", "processed")], Double(inc.processed)), ([("state", "removed")], Double(inc.removed))])
            }
            var documents: [([(String, String)], Double)] = []
            var seconds: [([(String, String)], Double)] = []
            var cpu: [([(String, String)], Double)] = []
            for s in r.stages {
                let stage = [("stage", s.id), ("use", s.use)]
                for (state, n) in [("in", s.documentsIn), ("out", s.documentsOut), ("rejected", s.rejected), ("reused", s.reused)] {
                    documents.append((stage + [("state", state)], Double(n)))
                }
                seconds.append((stage, s.wallSeconds))
                cpu.append((stage, s.cpuSeconds))
            }
            family("glean_stage_documents", "Documents per stage in the last run: in, out, rejected, reused.", documents)
            family("glean_stage_seconds", "Time spent inside each stage in the last run, summed over documents.", seconds)
            family("glean_stage_cpu_seconds", "CPU time inside each stage in the last run.", cpu)
            family("glean_table_rows", "Rows the exports of the last run received, per table.",
                   (r.tableRows ?? [:]).sorted { $0.key < $1.key }.map { ([("table", $0.key)], Double($0.value)) })
        }
        return out
    }

    /// `{a="x",b="y"}` with backslash, double quote and line feed escaped.
    static func labelSet(_ labels: [(String, String)]) -> String {
        let body = labels.map { name, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
            return "\(name)=\"\(escaped)\""
        }
        return "{" + body.joined(separator: ",") + "}"
    }

    /// Integers without a decimal point; other values in Swift's shortest round-trip form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// The last-success time a metrics file holds (for a failed run to carry it over).
    public static func lastSuccess(in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix("glean_last_success_timestamp_seconds{") {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { return value }
        }
        return nil
    }
}
