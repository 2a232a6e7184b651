import Foundation
import Testing

/// Issue 19's cases that need the real binary: what happens when glean itself is killed.
@Suite(.serialized) struct FaultTests {
    /// Case 8: a plugin dies with a glean killed by SIGKILL (PR_SET_PDEATHSIG, Linux).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "needs Linux's /proc"))
    func aPluginDiesWhenGleanIsKilled() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try Data("text".utf8).write(to: URL(fileURLWithPath: dir + "/in/a.txt"))
        // The plugin writes its own pid (exec keeps sh's pid), then sleeps.
        try Data("echo $$ > \"$PIDFILE\"; exec sleep 300\n".utf8).write(to: URL(fileURLWithPath: dir + "/p.sh"))
        try Data("""
            version: 1
            name: t
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["in/*.txt"]}
              - id: p
                use: exec
                needs: fetch
                with: {command: [sh, p.sh], table: p, columns: [x], timeout_seconds: 300}
              - id: csv
                use: export.csv
                needs: p
            """.utf8).write(to: URL(fileURLWithPath: dir + "/m.yaml"))
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
}
