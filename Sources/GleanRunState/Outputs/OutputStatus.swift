import Foundation
import GleanCore

/// What `glean status OUT` reports: whether the output folder holds a complete run, or, for a
/// sharded dataset, which shards are complete, running or missing.
public struct OutputStatus: Sendable, Equatable {
    /// One run (unsharded) or one shard.
    public struct Part: Sendable, Equatable {
        public var index: Int
        public var count: Int
        /// Its last run committed and wrote `_SUCCESS`.
        public var complete: Bool
        /// The pid of a run holding its lock now, if any.
        public var runningPid: Int32?
        public var finishedAt: String?
        public var inputs: Int?
        public var rejected: Int?
        public var exitCode: Int32?
    }

    public var root: String
    public var sharded: Bool
    /// Unsharded: one part (0 of 1). Sharded: one per shard index of the count in use.
    public var parts: [Part]
    /// The shard counts found (more than one means runs with different --shard counts wrote here).
    public var shardCounts: [Int]

    /// Every shard (or the run) is complete, and all shards share one count.
    public var complete: Bool { !parts.isEmpty && parts.allSatisfy(\.complete) && shardCounts.count <= 1 }

    /// Reads the state of the output folder `root`.
    public static func inspect(root: String) -> OutputStatus {
        let root = URL(fileURLWithPath: root).standardizedFileURL.path
        let meta = root + "/.glean"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: meta)) ?? []
        var byCount: [Int: Set<Int>] = [:]
        for name in names where name.hasPrefix("shard-") {
            let body = name.dropFirst("shard-".count).split(separator: "o", maxSplits: 1)
            guard body.count == 2, body[1].hasPrefix("f"), let i = Int(body[0]), let n = Int(body[1].dropFirst()) else { continue }
            byCount[n, default: []].insert(i)
        }
        if byCount.isEmpty {
            return OutputStatus(root: root, sharded: false, parts: [part(folder: meta, index: 0, count: 1)], shardCounts: [])
        }
        let counts = byCount.keys.sorted()
        // The count most shards used (ties: the larger count).
        let count = counts.max { (byCount[$0]?.count ?? 0, $0) < (byCount[$1]?.count ?? 0, $1) } ?? 1
        let parts = (0..<count).map { part(folder: meta + "/shard-\($0)of\(count)", index: $0, count: count) }
        return OutputStatus(root: root, sharded: true, parts: parts, shardCounts: counts)
    }

    private static func part(folder: String, index: Int, count: Int) -> Part {
        var p = Part(index: index, count: count, complete: false)
        p.complete = FileManager.default.fileExists(atPath: folder + "/current/_SUCCESS")
        p.runningPid = lockHolder(folder + "/lock")
        if let data = FileManager.default.contents(atPath: folder + "/current/_run.json"),
           let summary = try? JSONDecoder().decode(Summary.self, from: data) {
            p.finishedAt = summary.finished_at
            p.inputs = summary.inputs
            p.rejected = summary.documents_rejected
            p.exitCode = summary.exit_code
        }
        return p
    }

    private struct Summary: Decodable {
        var finished_at: String?
        var inputs: Int?
        var documents_rejected: Int?
        var exit_code: Int32?
    }

    /// The pid holding the run lock at `path`, without taking it (so a starting run never
    /// finds it busy because of us): from /proc/locks on Linux, else the pid the holder wrote,
    /// if that process is alive.
    package static func lockHolder(_ path: String) -> Int32? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        if let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) {
            for line in locks.split(separator: "\n") {
                let f = line.split(separator: " ", omittingEmptySubsequences: true)
                guard f.count >= 6, f[1] == "FLOCK", f[5].hasSuffix(":\(st.st_ino)") else { continue }
                return Int32(f[4])
            }
            return nil
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else { return nil }
        return kill(pid, 0) == 0 || errno == EPERM ? pid : nil
    }

    /// The report `glean status` prints.
    public var text: String {
        var s = ""
        if sharded {
            let done = parts.filter(\.complete).count
            s += "\(root): sharded dataset, \(done) of \(parts.count) shards complete"
            if !complete {
                let missing = parts.filter { !$0.complete }.map { String($0.index) }
                if !missing.isEmpty { s += "; not complete: " + missing.joined(separator: ", ") }
            }
            s += "\n"
            if shardCounts.count > 1 {
                s += "warning: runs with different shard counts (\(shardCounts.map(String.init).joined(separator: ", "))) wrote here; their parts mix in the tables: clear the folder and rerun with one count\n"
            }
        } else {
            s += "\(root): " + (complete ? "complete" : "no complete run") + "\n"
        }
        for p in parts {
            var line = sharded ? "  shard \(p.index)/\(p.count)  " : "  "
            line += p.complete ? "complete" : "missing "
            if let pid = p.runningPid { line += "  running now (pid \(pid))" }
            if let finished = p.finishedAt { line += "  finished \(finished)" }
            if let inputs = p.inputs { line += "  \(inputs) documents" }
            if let rejected = p.rejected { line += ", \(rejected) rejected" }
            if let code = p.exitCode { line += "  exit \(code)" }
            s += line + "\n"
        }
        return s
    }
}
