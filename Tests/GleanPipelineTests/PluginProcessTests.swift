import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import Testing

/// Issue 19, case 8: nothing a plugin starts outlives it.
@Suite struct PluginProcessTests {
    /// Whether `pid` is gone or a zombie (killed, waiting for init to reap it).
    static func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // The state follows the command's closing parenthesis.
        guard let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(close, offsetBy: 2)] == "Z"
    }

    static func waitUntilGone(_ pid: Int32, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if isGone(pid) { return true }
            usleep(20_000)
        }
        return isGone(pid)
    }

    @Test func aBackgroundChildDiesWithItsPlugin() throws {
        // The plugin starts a long sleep in the background, with its output elsewhere, says its
        // pid and exits at once.
        let result = try ChildProcess.run(["sh", "-c", "sleep 301 >/dev/null 2>&1 & echo $!; exit 0"], directory: "/",
                                          input: [], timeout: 10, maxOutput: 1 << 20, cancel: nil)
        #expect(result.end == .exited(0))
        let pid = try #require(Int32(String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.waitUntilGone(pid, seconds: 2), "the plugin's background child \(pid) still runs")
    }

    @Test func theExitStatusAndOutputAreKept() throws {
        let result = try ChildProcess.run(["sh", "-c", "cat; echo err >&2; exit 7"], directory: "/", input: Array("in".utf8),
                                          timeout: 10, maxOutput: 1 << 20, cancel: nil)
        #expect(result.end == .exited(7))
        #expect(result.stdout == Array("in".utf8))
        #expect(result.stderr == Array("err\n".utf8))
    }

    @Test func aProgramThatCannotStartSaysSo() throws {
        // sh starts, then cannot find the program: the usual 127.
        let result = try ChildProcess.run(["./no-such-program"], directory: "/", input: [], timeout: 10, maxOutput: 1 << 20, cancel: nil)
        #expect(result.end == .exited(127))
    }

    /// Issue 19, case 12: a plugin that writes bytes that are not UTF-8 is told so.
    @Test func outputThatIsNotUTF8IsRejectedAsSuch() throws {
        let tree = try TempTree()
        try tree.write("in/a.txt", "Text.")
        try Ops.script(tree, "p.sh", #"cat >/dev/null; printf '{"word": "caf\351"}\n'"#)
        let plan = try Ops.plan(tree, Ops.yaml(middle: """
              - id: words
                use: exec
                needs: fetch
                with: {command: [./p.sh], table: words, columns: [word]}
            """, csvNeeds: "words"))
        let report = try Ops.run(plan, out: tree.root + "/out", incremental: false)
        #expect(report.exitCode == 3)
        #expect(try tree.read("out/csv/rejects.csv") == "\u{FEFF}\"doc_id\",\"source\",\"stage\",\"reason\"\r\n"
            + "\"a\",\"in/a.txt\",\"words\",\"plugin output line 1 is not valid UTF-8 (byte 14 of the line, 0xE9); plugins must write UTF-8 JSON; stderr: (empty)\"\r\n")
    }
}
