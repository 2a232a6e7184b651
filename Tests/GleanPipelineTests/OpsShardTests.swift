import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import Testing

@Suite struct OpsShardTests {
    /// The data rows of every CSV file under `folder`, in file order.
    static func rows(under folder: String) throws -> [String] {
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
        return try files.flatMap { file -> [String] in
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)), as: UTF8.self)
            return text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        }
    }

    @Test(arguments: [2, 3])
    func theShardsTogetherGiveExactlyTheRowsOfOneFullRun(_ count: Int) throws {
        let tree = try TempTree()
        for i in 0..<40 { try tree.write("in/doc\(String(format: "%02d", i)).txt", "Document \(i).\n\nLine \(i * 7).") }
        try tree.write("in/zbig.txt", String(repeating: "x", count: 2_000))
        let plan = try Ops.plan(tree, Ops.yaml(maxBytes: 1_000))
        let out = tree.root + "/sharded"
        var perShard: [Int] = []
        for index in 0..<count {
            let report = try Ops.run(plan, out: out, incremental: index % 2 == 0, shard: ShardSpec(index: index, count: count))
            #expect(report.shard == .init(index: index, count: count, inputsTotal: 41))
            perShard.append(report.inputs)
        }
        #expect(perShard.reduce(0, +) == 41)
        #expect(perShard.allSatisfy { $0 > 0 })
        try Ops.run(plan, out: tree.root + "/full", incremental: false)
        for table in ["documents", "rejects"] {
            let union = try Self.rows(under: out + "/csv/\(table)")
            let fullTable = try tree.read("full/csv/\(table).csv").components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            #expect(union.sorted() == fullTable.sorted())
            #expect(Set(union).count == union.count)
        }
        let parts = try FileManager.default.contentsOfDirectory(atPath: out + "/csv/documents").sorted()
        #expect(parts == (0..<count).map { "part-\($0)of\(count).csv" })
        let status = OutputStatus.inspect(root: out)
        #expect(status.sharded)
        #expect(status.complete)
        #expect(status.parts.map(\.index) == Array(0..<count))
    }

    @Test func aMissingShardMakesTheDatasetIncompleteAndAShardRerunReplacesOnlyItsParts() throws {
        let tree = try TempTree()
        for i in 0..<12 { try tree.write("in/d\(i).txt", "Document \(i).") }
        let plan = try Ops.plan(tree, Ops.yaml())
        let out = tree.root + "/out"
        try Ops.run(plan, out: out, shard: ShardSpec(index: 0, count: 3))
        try Ops.run(plan, out: out, shard: ShardSpec(index: 2, count: 3))
        var status = OutputStatus.inspect(root: out)
        #expect(status.parts.map(\.complete) == [true, false, true])
        #expect(!status.complete)
        #expect(status.text.hasPrefix("\(status.root): sharded dataset, 2 of 3 shards complete; not complete: 1\n"))
        let shard2 = try Ops.inode(out + "/.glean/shard-2of3/current/csv/documents/part-2of3.csv")
        try Ops.run(plan, out: out, shard: ShardSpec(index: 1, count: 3))
        try Ops.run(plan, out: out, shard: ShardSpec(index: 0, count: 3))
        status = OutputStatus.inspect(root: out)
        #expect(status.complete)
        #expect(try Ops.inode(out + "/.glean/shard-2of3/current/csv/documents/part-2of3.csv") == shard2)
        #expect(try Self.rows(under: out + "/csv/documents").count == 12)
    }

    @Test func shardedAndUnshardedRunsDoNotShareAFolder() throws {
        let tree = try TempTree()
        try tree.write("in/a.txt", "A.")
        let plan = try Ops.plan(tree, Ops.yaml())
        try Ops.run(plan, out: tree.root + "/plain")
        let intoPlain = try #require(throws: GleanError.self) { try Ops.run(plan, out: tree.root + "/plain", shard: ShardSpec(index: 0, count: 2)) }
        #expect(intoPlain.message == "'\(tree.root)/plain' holds an unsharded run, and this run is shard 0 of 2")
        try Ops.run(plan, out: tree.root + "/sharded", shard: ShardSpec(index: 0, count: 2))
        let intoSharded = try #require(throws: GleanError.self) { try Ops.run(plan, out: tree.root + "/sharded") }
        #expect(intoSharded.message == "'\(tree.root)/sharded' holds the shards of a 2-way split, and this run is an unsharded run")
        let otherSplit = try #require(throws: GleanError.self) { try Ops.run(plan, out: tree.root + "/sharded", shard: ShardSpec(index: 1, count: 3)) }
        #expect(otherSplit.message == "'\(tree.root)/sharded' holds the shards of a 2-way split, and this run is shard 1 of 3")
        // A usage error (exit 2), each time.
        #expect([intoPlain, intoSharded, otherSplit].allSatisfy { $0.kind == .manifest })
    }

    /// Issue 19, case 3: an unsharded run and a shard started together on one empty folder; the
    /// first to claim the folder decides its kind and the other is refused, every time.
    @Test func runsOfTwoKindsStartedTogetherNeverMixAFolder() throws {
        let tree = try TempTree()
        try tree.write("in/a.txt", "A.")
        let plan = try Ops.plan(tree, Ops.yaml())
        for round in 0..<20 {
            let out = tree.root + "/out\(round)"
            let outcomes = Outcomes()
            let group = DispatchGroup()
            for shard in [nil, ShardSpec(index: 0, count: 2)] as [ShardSpec?] {
                DispatchQueue.global().async(group: group) {
                    do {
                        try Ops.run(plan, out: out, incremental: false, shard: shard)
                        outcomes.add("ok")
                    } catch let error as GleanError {
                        outcomes.add(error.kind == .manifest ? "refused" : "\(error)")
                    } catch {
                        outcomes.add("\(error)")
                    }
                }
            }
            group.wait()
            #expect(outcomes.sorted == ["ok", "refused"], "round \(round)")
            let plain = FileManager.default.fileExists(atPath: out + "/csv/documents.csv")
            let sharded = FileManager.default.fileExists(atPath: out + "/_shards")
            #expect(plain != sharded, "round \(round): the folder holds both kinds or neither")
        }
    }

    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String] = []
        func add(_ value: String) { lock.lock(); values.append(value); lock.unlock() }
        var sorted: [String] { lock.lock(); defer { lock.unlock() }; return values.sorted() }
    }

    @Test func theSplitIsStableAndSpreadsDocuments() {
        let ids = (0..<1_000).map { "doc-\($0)" }
        let counts = (0..<4).map { shard in ids.filter { ShardSelector.shard(of: $0, count: 4) == shard }.count }
        #expect(counts.reduce(0, +) == 1_000)
        #expect(counts.allSatisfy { $0 > 200 && $0 < 300 })
        // The split is part of the data layout: pinned values (SHA-256 of the doc_id, first 64
        // bits, modulo the count) so a change of hash shows here.
        #expect(ShardSelector.shard(of: "seeds/001_x", count: 4) == 2)
        #expect(ShardSelector.shard(of: "seeds/001_x", count: 3) == 2)
        #expect(ShardSelector.shard(of: "doc-0", count: 3) == 1)
        #expect(ShardSelector.shard(of: "0001", count: 4) == 3)
        #expect(ShardSelector.shard(of: "anything", count: 1) == 0)
    }

    struct Resolution: Sendable, CustomStringConvertible {
        var description: String
        var flag: String?
        var count: Int?
        var env: [String: String] = [:]
        var expected: ShardSpec?
        var error: String?
    }

    static let resolutions: [Resolution] = [
        .init(description: "nothing: unsharded", expected: nil),
        .init(description: "--shard 1/4", flag: "1/4", expected: ShardSpec(index: 1, count: 4)),
        .init(description: "--shard 0/1", flag: "0/1", expected: ShardSpec(index: 0, count: 1)),
        .init(description: "--shard 4/4", flag: "4/4", error: "--shard 4/4: the index must be at least 0 and below the count"),
        .init(description: "--shard x", flag: "x", error: "--shard expects i/n, got 'x'"),
        .init(description: "disagreeing count", flag: "1/4", count: 3, error: "--shard 1/4 and --shard-count 3 disagree"),
        .init(description: "Kubernetes", count: 5, env: ["JOB_COMPLETION_INDEX": "3"], expected: ShardSpec(index: 3, count: 5)),
        .init(description: "GLEAN_SHARD_COUNT", env: ["GLEAN_SHARD_COUNT": "2", "JOB_COMPLETION_INDEX": "1"], expected: ShardSpec(index: 1, count: 2)),
        .init(description: "Slurm from 1", env: ["SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "1"], expected: ShardSpec(index: 3, count: 4)),
        .init(description: "Slurm from 0", env: ["SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_ID": "0"], expected: ShardSpec(index: 0, count: 4)),
        .init(description: "index without count: unsharded", env: ["JOB_COMPLETION_INDEX": "2"], expected: nil),
        .init(description: "count without index", count: 3, error: "a shard count of 3 was given but no shard index (no --shard, JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID)"),
        .init(description: "index past count", count: 2, env: ["JOB_COMPLETION_INDEX": "2"], error: "the shard index 2 is not below the shard count 2"),
    ]

    @Test(arguments: resolutions)
    func theShardComesFromTheFlagOrTheSchedulersEnvironment(_ r: Resolution) throws {
        if let message = r.error {
            let error = try #require(throws: GleanError.self) { try ShardSpec.resolve(flag: r.flag, count: r.count, environment: r.env) }
            #expect(error.message == message)
            #expect(error.kind == .manifest)
        } else {
            #expect(try ShardSpec.resolve(flag: r.flag, count: r.count, environment: r.env) == r.expected)
        }
    }
}
