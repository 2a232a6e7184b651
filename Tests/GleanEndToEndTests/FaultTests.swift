import Foundation
import Testing

/// Issue 19's cases that need the real binary: glean killed, signals inside a rule, rule budgets, --out.
@Suite(.serialized) struct FaultTests {
    /// Case 8: a plugin dies with a glean killed by SIGKILL (PR_SET_PDEATHSIG, Linux).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "needs Linux's /proc"))
    func aPluginDiesWhenGleanIsKilled() throws {
        // The plugin writes its own pid (exec keeps sh's pid), then sleeps.
        let dir = try Self.tree(["in/a.txt": "text", "p.sh": "echo $$ > \"$PIDFILE\"; exec sleep 300\n"], stages: """
              - id: p
                use: exec
                needs: fetch
                with: {command: [sh, p.sh], table: p, columns: [x], timeout_seconds: 300}
              - id: csv
                use: export.csv
                needs: p
            """)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let glean = Process()
        glean.executableURL = URL(fileURLWithPath: E2E.binary)
        glean.arguments = ["run", dir + "/m.yaml", "--out", dir + "/out", "--quiet"]
        glean.environment = ProcessInfo.processInfo.environment.merging(["PIDFILE": dir + "/pid"]) { $1 }
        glean.standardError = FileHandle.nullDevice
        try glean.run()
        var pid: Int32?
        for _ in 0..<500 where pid == nil {
            pid = (try? String(contentsOfFile: dir + "/pid", encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            usleep(20_000)
        }
        let plugin = try #require(pid, "the plugin never started")
        kill(glean.processIdentifier, SIGKILL)
        let gone = Poll.until(limit: 2) { !Poll.alive(plugin) }
        if !gone { kill(plugin, SIGKILL) }
        // Only now: Foundation's wait would also wait for a plugin that kept glean's descriptors.
        glean.waitUntilExit()
        #expect(gone, "plugin \(plugin) outlived the glean that started it")
    }

    /// Case 12: --out naming a regular file is a usage error in words, not a Foundation code.
    @Test func outNamingAFileSaysSo() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(FileManager.default.createFile(atPath: dir + "/file", contents: Data()))
        let asFolder = try E2E.run(["run", "Pipelines/news.yaml", "--out", dir + "/file"])
        #expect(asFolder.code == 2)
        #expect(asFolder.stderr == "glean: error: --out '\(dir)/file' is a file, not a folder; name a folder for --out (it is created if missing)\n")
        let below = try E2E.run(["run", "Pipelines/news.yaml", "--out", dir + "/file/sub"])
        #expect(below.code == 1)
        #expect(below.stderr == "glean: error: cannot create the output folder '\(dir)/file/sub': \(dir)/file/sub: Not a directory; choose a writable --out\n")
    }

    /// Writes a manifest with one backtracking rule over in/*.txt into a new folder.
    static func backtrackingTree(ruleMs: Int) throws -> String {
        try tree(["in/bad.txt": String(repeating: "a", count: 101) + "!", "in/good.txt": "Fine text, aaa"], stages: """
              - id: extract
                use: extract.facts
                with:
                  kinds: []
                  rule_ms: \(ruleMs)
                  rules: [{name: greedy, pattern: '(?<x>(a+)+$)'}]
              - id: csv
                use: export.csv
                needs: extract
            """)
    }

    /// A new folder holding `files` and m.yaml: fetch.files over in/*.txt, then `stages`.
    static func tree(_ files: [String: String], stages: String) throws -> String {
        let dir = try E2E.tempDir()
        for (path, text) in files {
            try FileManager.default.createDirectory(atPath: ((dir + "/" + path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + path))
        }
        try Data(("""
            version: 1
            name: t
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["in/*.txt"]}

            """ + stages).utf8).write(to: URL(fileURLWithPath: dir + "/m.yaml"))
        return dir
    }

    /// Case 1: a backtracking rule rejects its document at the budget, naming the rule.
    @Test func aBacktrackingRuleRejectsItsDocument() throws {
        let dir = try Self.backtrackingTree(ruleMs: 300)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try E2E.run(["run", dir + "/m.yaml", "--out", dir + "/out", "--quiet"])
        #expect(run.code == 3)
        #expect(try E2E.read(dir + "/out/csv/rejects.csv") == "\u{FEFF}\"doc_id\",\"source\",\"stage\",\"reason\"\r\n"
            + "\"bad\",\"in/bad.txt\",\"extract\",\"custom rule 'greedy' ran out of the document's time budget (its pattern backtracks on this text: make it more specific, or raise rule_ms)\"\r\n")
        #expect(try E2E.read(dir + "/out/csv/greedy.csv").hasSuffix("\"good\",,\"aaa\",11,3,\"aaa\"\r\n"))
    }

    /// Case 1: SIGTERM stops a run inside a backtracking rule within a second.
    @Test func aSignalStopsARunInsideARule() throws {
        let dir = try Self.backtrackingTree(ruleMs: 600_000)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let glean = Process()
        glean.executableURL = URL(fileURLWithPath: E2E.binary)
        glean.arguments = ["run", dir + "/m.yaml", "--out", dir + "/out", "--quiet", "--jobs", "1"]
        glean.standardError = FileHandle.nullDevice
        try glean.run()
        usleep(800_000)
        let sent = ContinuousClock.now
        kill(glean.processIdentifier, SIGTERM)
        let stopped = Poll.until(limit: 5) { !glean.isRunning }
        if !stopped { kill(glean.processIdentifier, SIGKILL) }
        glean.waitUntilExit()
        // The run checks for a signal every few milliseconds inside a rule (well under the
        // second the README promises); 3 s leaves room for a loaded CI machine running other
        // suites in parallel. Before the fix it took 42 s and more.
        #expect(stopped && ContinuousClock.now - sent < .seconds(3), "took \(ContinuousClock.now - sent)")
        #expect(glean.terminationStatus == 143)
    }
}
