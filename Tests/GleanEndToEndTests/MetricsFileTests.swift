import Foundation
import Testing

/// `glean run --metrics-file`: the node_exporter textfile collector's format, read back by the
/// Prometheus client's own parser, written for failed runs too.
@Suite struct MetricsFileTests {
    static let stages = [("clean", "clean.text"), ("csv", "export.csv"), ("extract", "extract.facts"), ("fetch", "fetch.files"),
                         ("parquet", "export.parquet"), ("parse", "parse.html"), ("xlsx", "export.xlsx")]

    /// The parsed samples of a run of Pipelines/news.yaml over the five samples, sorted (times as
    /// "t"), with the rows of each table that has any (as pyarrow counts them in the Parquet files).
    static func expected(tableRows: [String: Int]) -> [String] {
        var lines = [
            "glean_last_success_timestamp_seconds{pipeline=news} t",
            "glean_run_cpu_seconds{pipeline=news} t",
            "glean_run_documents{pipeline=news,state=inputs} 5",
            "glean_run_documents{pipeline=news,state=ok} 5",
            "glean_run_documents{pipeline=news,state=rejected} 0",
            "glean_run_duration_seconds{pipeline=news} t",
            "glean_run_exit_code{pipeline=news} 0",
            "glean_run_finished_timestamp_seconds{pipeline=news} t",
            "glean_run_unmatched_globs{pipeline=news} 0",
        ]
        for (stage, use) in stages {
            lines.append("glean_stage_cpu_seconds{pipeline=news,stage=\(stage),use=\(use)} t")
            for (state, n) in [("in", 5), ("out", 5), ("rejected", 0), ("reused", 0)] {
                lines.append("glean_stage_documents{pipeline=news,stage=\(stage),state=\(state),use=\(use)} \(n)")
            }
            lines.append("glean_stage_seconds{pipeline=news,stage=\(stage),use=\(use)} t")
        }
        for (table, rows) in tableRows where rows > 0 { lines.append("glean_table_rows{pipeline=news,table=\(table)} \(rows)") }
        return lines.sorted()
    }

    static func lastSuccess(_ path: String) throws -> String? {
        try E2E.read(path).split(separator: "\n").first { $0.hasPrefix("glean_last_success_timestamp_seconds{") }.map(String.init)
    }

    @Test(.enabled(if: E2E.hasPython, "needs the .venv readers (make venv)"))
    func aRunAndAFailedRunWriteMetricsThePrometheusParserReads() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let metrics = dir + "/glean.prom"
        let ok = try E2E.run(["run", "Pipelines/news.yaml", "--out", dir + "/out", "--quiet", "--metrics-file", metrics])
        #expect(ok.code == 0, "\(ok.stderr)")
        let parsed = try E2E.run([E2E.root + "/Tests/Python/metrics_check.py", metrics], executable: E2E.python)
        #expect(parsed.code == 0, "\(parsed.stderr)")
        let counted = try E2E.run(["-c", "import glob, os, pyarrow.parquet as pq\nfor f in sorted(glob.glob('\(dir)/out/parquet/*.parquet')): print(os.path.basename(f)[:-8], pq.ParquetFile(f).metadata.num_rows)"],
                                  executable: E2E.python)
        let tableRows = Dictionary(uniqueKeysWithValues: counted.stdout.split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0]), Int(parts[1])!)
        })
        #expect(tableRows.count == 8)
        #expect(parsed.stdout.split(separator: "\n").map(String.init) == Self.expected(tableRows: tableRows))
        #expect(!FileManager.default.fileExists(atPath: metrics + ".tmp"))
        let success = try #require(try Self.lastSuccess(metrics))

        // A run that fails (here: --out names a file) still writes the file, with its exit code,
        // and keeps the last success of the run before.
        try Data().write(to: URL(fileURLWithPath: dir + "/a-file"))
        let failed = try E2E.run(["run", "Pipelines/news.yaml", "--out", dir + "/a-file", "--quiet", "--metrics-file", metrics])
        #expect(failed.code == 2)
        let after = try E2E.run([E2E.root + "/Tests/Python/metrics_check.py", metrics], executable: E2E.python)
        #expect(after.stdout.split(separator: "\n").map(String.init) == [
            "glean_last_success_timestamp_seconds{pipeline=news} t",
            "glean_run_exit_code{pipeline=news} 2",
            "glean_run_finished_timestamp_seconds{pipeline=news} t",
        ])
        #expect(try Self.lastSuccess(metrics) == success)
    }
}
