import Foundation
import Testing

/// The operational promises, through the real binary: locking, signals, kill -9, shards from a
/// scheduler's environment, status, incremental reruns and JSON logs.
@Suite(.serialized) struct OpsEndToEndTests {
    static func manifest(plugin: String) -> String {
        """
        version: 1
        name: ops
        stages:
          - id: fetch
            use: fetch.files
            with: {paths: ["in/*.txt"]}
          - id: tag
            use: exec
            with: {command: [\(plugin)], table: tags, columns: [label], timeout_seconds: 120}
          - id: csv
            use: export.csv
            needs: tag
        """
    }

    /// A tree with four inputs, a fast plugin and a slow one that says when it has started
    /// (its pid and its sleeping child's pid in files) and then sleeps.
    static func tree() throws -> OpsTree {
        let tree = try OpsTree()
        for name in ["a", "b", "c", "d"] { try tree.write("in/\(name).txt", "Document \(name).") }
        try tree.write("fast.sh", "#!/bin/sh\ncat >/dev/null\necho '{\"label\": \"fast\"}'\n", executable: true)
        try tree.write("slow.sh", "#!/bin/sh\ncat >/dev/null\nsleep 60 &\necho $! > sleep.pid\necho $$ > plugin.pid\nwait\n", executable: true)
        try tree.write("fast.yaml", manifest(plugin: "./fast.sh"))
        try tree.write("slow.yaml", manifest(plugin: "./slow.sh"))
        return tree
    }

    /// Each published table file's bytes and inode.
    static func snapshot(_ tree: OpsTree) throws -> [String: (Data, Int)] {
        var result: [String: (Data, Int)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: tree.root + "/out/csv") {
            let path = tree.root + "/out/csv/" + name
            let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int ?? -1
            result[name] = (try Data(contentsOf: URL(fileURLWithPath: path)), inode)
        }
        return result
    }

    static func same(_ a: [String: (Data, Int)], _ b: [String: (Data, Int)]) -> Bool {
        a.keys.sorted() == b.keys.sorted() && a.allSatisfy { key, value in b[key].map { $0.0 == value.0 && $0.1 == value.1 } ?? false }
    }

    /// Starts the slow run and waits until its plugin is running (the run holds the lock).
    static func startSlow(_ tree: OpsTree, extra: [String] = []) throws -> (GleanProcess, plugin: Int32, sleeper: Int32) {
        try? FileManager.default.removeItem(atPath: tree.root + "/plugin.pid")
        try? FileManager.default.removeItem(atPath: tree.root + "/sleep.pid")
        let slow = try GleanProcess(["run", "slow.yaml", "--out", "out", "--jobs", "1"] + extra, in: tree.root)
        let started = Poll.until { tree.exists("plugin.pid") && tree.exists("sleep.pid") && ((try? tree.read("plugin.pid"))?.hasSuffix("\n") ?? false) || !slow.isRunning }
        #expect(started)
        #expect(slow.isRunning)
        let plugin = Int32(try tree.read("plugin.pid").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let sleeper = Int32(try tree.read("sleep.pid").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        return (slow, plugin, sleeper)
    }

    @Test func aSecondRunIsBusyAndSIGTERMStopsTheRunAndItsPluginLeavingTheOutputsAsTheyWere() throws {
        let tree = try Self.tree()
        let first = try GleanProcess.run(["run", "fast.yaml", "--out", "out"], in: tree.root)
        #expect(first.code == 0)
        let before = try Self.snapshot(tree)
        #expect(before.keys.sorted() == ["documents.csv", "rejects.csv", "tags.csv"])

        let (slow, plugin, sleeper) = try Self.startSlow(tree)
        // Cron overlap: a second run exits at once with code 4 and says what to do.
        let second = try GleanProcess.run(["run", "fast.yaml", "--out", "out"], in: tree.root)
        #expect(second.code == 4)
        let out = URL(fileURLWithPath: tree.root + "/out").standardizedFileURL.path
        #expect(second.stderr == "glean: error: the output folder '\(out)' is in use by another glean run (pid \(slow.pid)); wait for it to finish, pass --wait to queue behind it, or choose another --out\n")
        // status sees the running run without disturbing it.
        let status = try GleanProcess.run(["status", "out"], in: tree.root)
        #expect(status.code == 0)
        #expect(status.stdout.contains("running now (pid \(slow.pid))"))

        slow.process.terminate()  // SIGTERM
        let stopped = slow.wait()
        #expect(stopped.code == 143)
        #expect(stopped.stderr.contains("interrupted by signal 15; the previous outputs are left as they were"))
        #expect(Poll.until(limit: 20) { !Poll.alive(plugin) && !Poll.alive(sleeper) })
        #expect(Self.same(before, try Self.snapshot(tree)))
        let generations = try FileManager.default.contentsOfDirectory(atPath: tree.root + "/out/.glean").filter { $0.hasPrefix("gen-") }
        #expect(generations.count == 1)

        // --wait queues behind a running run instead of failing.
        let (slowAgain, _, _) = try Self.startSlow(tree)
        let waiting = try GleanProcess(["run", "fast.yaml", "--out", "out", "--wait"], in: tree.root)
        slowAgain.process.interrupt()  // SIGINT
        #expect(slowAgain.wait().code == 130)
        #expect(waiting.wait().code == 0)
        #expect(Self.same(before, try Self.snapshot(tree)))
    }

    @Test func killNineMidRunLeavesThePreviousOutputsAndTheNextRunCompletes() throws {
        let tree = try Self.tree()
        #expect(try GleanProcess.run(["run", "fast.yaml", "--out", "out", "--incremental"], in: tree.root).code == 0)
        let before = try Self.snapshot(tree)
        let (slow, plugin, sleeper) = try Self.startSlow(tree, extra: ["--incremental"])
        kill(slow.pid, SIGKILL)
        #expect(Poll.until(limit: 20) { !Poll.alive(slow.pid) })
        #expect(Self.same(before, try Self.snapshot(tree)))
        #expect(try tree.read("out/_SUCCESS") == "")
        // The plugin dies with glean (PR_SET_PDEATHSIG); it held no lock anyway.
        #expect(Poll.until(limit: 20) { !Poll.alive(plugin) })
        let next = try GleanProcess.run(["run", "fast.yaml", "--out", "out", "--incremental"], in: tree.root)
        #expect(next.code == 0)
        #expect(next.stdout.contains("4 documents, 4 ok, 0 rejected; 4 reused, 0 processed, 0 removed (nothing changed: tables kept)"))
        #expect(Self.same(before, try Self.snapshot(tree)))
        // End what the plugin left behind here (before waiting: it may hold the test's pipes open).
        kill(-plugin, SIGKILL)
        kill(sleeper, SIGKILL)
        #expect(slow.wait().code == 137)
        let generations = try FileManager.default.contentsOfDirectory(atPath: tree.root + "/out/.glean").filter { $0.hasPrefix("gen-") }
        #expect(generations.count == 1)
    }

    @Test func shardsFromAnIndexedJobsEnvironmentAndTheirStatus() throws {
        let tree = try Self.tree()
        var codes: [Int32] = []
        for index in 0..<2 {
            let status = try GleanProcess.run(["status", "out"], in: tree.root)
            codes.append(status.code)
            let run = try GleanProcess.run(["run", "fast.yaml", "--out", "out", "--shard-count", "2"], in: tree.root,
                                           environment: ["JOB_COMPLETION_INDEX": String(index)])
            #expect(run.code == 0)
            #expect(run.stdout.contains("; shard \(index)/2, in "))
        }
        #expect(codes == [2, 1])
        let status = try GleanProcess.run(["status", "out"], in: tree.root)
        #expect(status.code == 0)
        let root = URL(fileURLWithPath: tree.root + "/out").standardizedFileURL.path
        #expect(status.stdout.hasPrefix("\(root): sharded dataset, 2 of 2 shards complete\n  shard 0/2  complete  finished "))
        #expect(tree.exists("out/_shards/0/_SUCCESS") && tree.exists("out/_shards/1/_SUCCESS"))
        let parts = try FileManager.default.contentsOfDirectory(atPath: tree.root + "/out/csv/tags").sorted()
        #expect(parts == ["part-0of2.csv", "part-1of2.csv"])
        let rows = try parts.flatMap { try tree.read("out/csv/tags/" + $0).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty } }
        #expect(rows.sorted() == ["\"a\",\"fast\"", "\"b\",\"fast\"", "\"c\",\"fast\"", "\"d\",\"fast\""])
        let bad = try GleanProcess.run(["run", "fast.yaml", "--out", "out", "--shard", "2/2"], in: tree.root)
        #expect(bad.code == 2)
    }

    @Test func jsonLogsAreOneObjectPerLine() throws {
        let tree = try Self.tree()
        try tree.write("empty.yaml", """
            version: 1
            name: empty
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["nothing/*.txt"]}
              - id: csv
                use: export.csv
            """)
        let run = try GleanProcess.run(["run", "empty.yaml", "--out", "out", "--log-format", "json", "--log-level", "info"], in: tree.root)
        #expect(run.code == 0)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        var levels: [String] = []
        var messages: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            levels.append(object["level"] as? String ?? "?")
            messages.append(object["message"] as? String ?? "?")
            #expect(object["label"] as? String == "glean")
            #expect(object["ts"] is String)
        }
        #expect(levels.contains("warning"))
        #expect(messages.contains { $0.hasPrefix("stage 'fetch': glob 'nothing/*.txt' matched no file") })
    }

    @Test(.enabled(if: OpsBinary.onPath("python3") != nil, "python3 is not installed: the example plugin cannot run"))
    func theShippedPythonPluginExampleRuns() throws {
        let tree = try OpsTree()
        let run = try GleanProcess.run(["run", "Pipelines/plugin-example.yaml", "--out", tree.root + "/out"], in: OpsBinary.packageRoot)
        #expect(run.code == 0)
        let rows = try tree.read("out/csv/keywords.csv").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "\u{FEFF}\"doc_id\",\"keyword\",\"count\",\"share\"")
        let documents = Set(rows.dropFirst().map { $0.split(separator: ",")[0] })
        let samples = try FileManager.default.subpathsOfDirectory(atPath: URL(fileURLWithPath: OpsBinary.packageRoot + "/Samples").resolvingSymlinksInPath().path).filter { $0.hasSuffix(".txt") }
        #expect(documents.count == samples.count)
        #expect(rows.count - 1 == 5 * samples.count)
    }
}
