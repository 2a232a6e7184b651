import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import Testing

/// Helpers shared by the Ops* tests: manifests written into a temporary tree, runs, table reads.
enum Ops {
    static func plan(_ tree: TempTree, _ yaml: String, name: String = "m.yaml") throws -> Plan {
        try tree.write(name, yaml)
        let manifest = try ManifestLoader().load(path: tree.root + "/" + name)
        return try Plan(manifest: manifest, registry: .builtIn)
    }

    /// fetch (in/*.txt) → [optional middle stages] → export.csv.
    static func yaml(maxBytes: Int = 100_000, middle: String = "", csvNeeds: String = "fetch", excel: Bool = true) -> String {
        """
        version: 1
        name: ops
        stages:
          - id: fetch
            use: fetch.files
            with: {paths: ["in/*.txt"], max_bytes: \(maxBytes)}
        \(middle)
          - id: csv
            use: export.csv
            needs: \(csvNeeds)
            with: {excel: \(excel)}
        """
    }

    @discardableResult
    static func run(_ plan: Plan, out: String, jobs: Int = 2, incremental: Bool = true, shard: ShardSpec? = nil) throws -> RunReport {
        try Runner(plan: plan, options: RunOptions(jobs: jobs, out: out, incremental: incremental, shard: shard)).run().report
    }

    static func inode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    }

    static func mtime(_ path: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }

    /// (doc_id, reason) pairs of a report's reruns.
    static func reruns(_ report: RunReport) -> [String] {
        (report.incremental?.reruns ?? []).map { "\($0.docId): \($0.reason)" }
    }

    /// Writes an executable shell script.
    static func script(_ tree: TempTree, _ path: String, _ body: String) throws {
        try tree.write(path, "#!/bin/sh\n" + body + "\n")
        chmod(tree.root + "/" + path, 0o755)
    }
}
