@testable import GleanCore
import Testing

/// The metrics file's text: exact lines, label escaping, the carried-over last success.
@Suite struct PrometheusMetricsTests {
    @Test func aShardRunWithOneStage() {
        let report = RunReport(gleanVersion: "t", manifest: "m.yaml", manifestName: "nightly \"eu\"", manifestSHA256: "", startedAt: "", finishedAt: "",
                               wallSeconds: 1.5, cpuSeconds: 2.25, jobs: 2, inputs: 4, documentsOK: 3, documentsRejected: 1, rejects: [], warnings: [],
                               stages: [StageReport(id: "fetch", use: "fetch.files", documentsIn: 4, documentsOut: 3, rejected: 1, wallSeconds: 0.5, cpuSeconds: 0.25)],
                               exitCode: 3, shard: .init(index: 1, count: 4, inputsTotal: 16))
        let metrics = PrometheusMetrics(report: report, pipeline: "nightly \"eu\"", exitCode: 3, finishedAt: 1_700_000_000, lastSuccess: 1_700_000_000)
        let l = #"{pipeline="nightly \"eu\"",shard="1",shard_count="4""#
        let samples = metrics.text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(samples == [
            "glean_run_exit_code\(l)} 3",
            "glean_run_finished_timestamp_seconds\(l)} 1700000000",
            "glean_last_success_timestamp_seconds\(l)} 1700000000",
            "glean_run_duration_seconds\(l)} 1.5",
            "glean_run_cpu_seconds\(l)} 2.25",
            "glean_run_documents\(l),state=\"inputs\"} 4",
            "glean_run_documents\(l),state=\"ok\"} 3",
            "glean_run_documents\(l),state=\"rejected\"} 1",
            "glean_run_unmatched_globs\(l)} 0",
            "glean_stage_documents\(l),stage=\"fetch\",use=\"fetch.files\",state=\"in\"} 4",
            "glean_stage_documents\(l),stage=\"fetch\",use=\"fetch.files\",state=\"out\"} 3",
            "glean_stage_documents\(l),stage=\"fetch\",use=\"fetch.files\",state=\"rejected\"} 1",
            "glean_stage_documents\(l),stage=\"fetch\",use=\"fetch.files\",state=\"reused\"} 0",
            "glean_stage_seconds\(l),stage=\"fetch\",use=\"fetch.files\"} 0.5",
            "glean_stage_cpu_seconds\(l),stage=\"fetch\",use=\"fetch.files\"} 0.25",
        ])
        #expect(metrics.text.contains("# TYPE glean_run_exit_code gauge\n"))
    }

    @Test(arguments: [
        ("glean_run_exit_code{pipeline=\"a\"} 1\nglean_last_success_timestamp_seconds{pipeline=\"a\"} 1700000000.5\n", 1_700_000_000.5),
        ("glean_run_exit_code{pipeline=\"a\"} 1\n", nil),
        ("", nil),
    ] as [(String, Double?)])
    func theLastSuccessIsReadBack(text: String, value: Double?) {
        #expect(PrometheusMetrics.lastSuccess(in: text) == value)
    }

    @Test(arguments: [(Int32(0), true), (3, true), (1, false), (2, false), (4, false), (130, false)])
    func whichExitCodesAreSuccesses(code: Int32, success: Bool) {
        #expect(PrometheusMetrics.isSuccess(code) == success)
    }
}
