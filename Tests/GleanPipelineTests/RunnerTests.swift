import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import Testing

@Suite struct RunnerTests {
    static func manifest(_ tree: TempTree, paths: String = "in/**/*.txt") throws -> Plan {
        try tree.write("m.yaml", """
            version: 1
            name: t
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["\(paths)"], max_bytes: 100000}
              - id: csv
                use: export.csv
            """)
        let manifest = try ManifestLoader().load(path: tree.root + "/m.yaml")
        return try Plan(manifest: manifest, registry: .builtIn)
    }

    static func inputs(_ tree: TempTree, count: Int) throws {
        for i in 0..<count {
            try tree.write("in/\(i % 7)/doc\(String(format: "%03d", i)).txt", "Document \(i).\n\nIt has \(i * 3) words or so.")
        }
    }

    @Test func tablesAreIdenticalAcrossJobCounts() throws {
        let tree = try TempTree()
        try Self.inputs(tree, count: 60)
        let plan = try Self.manifest(tree)
        var tables: [String] = []
        for jobs in [1, 4] {
            let outcome = try Runner(plan: plan, options: RunOptions(jobs: jobs, out: tree.root + "/out\(jobs)")).run()
            #expect(outcome.exitCode == 0)
            #expect(outcome.report.inputs == 60)
            tables.append(try tree.read("out\(jobs)/csv/documents.csv"))
        }
        #expect(tables[0] == tables[1])
        let ids = tables[0].split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(ids == ids.sorted())
        #expect(ids.first == "\"0/doc000\"")
    }

    @Test func aBrokenDocumentBecomesARejectAndTheRunGoesOn() throws {
        let tree = try TempTree()
        try Self.inputs(tree, count: 3)
        try tree.write("in/bin.txt", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])
        try tree.write("in/big.txt", [UInt8](repeating: 0x41, count: 200_000))
        let plan = try Self.manifest(tree)
        let outcome = try Runner(plan: plan, options: RunOptions(jobs: 2, out: tree.root + "/out")).run()
        #expect(outcome.exitCode == 3)
        #expect(outcome.report.documentsOK == 3)
        #expect(outcome.report.documentsRejected == 2)
        let rejects = try tree.read("out/csv/rejects.csv")
        #expect(rejects == "\u{FEFF}\"doc_id\",\"source\",\"stage\",\"reason\"\r\n"
            + "\"big\",\"in/big.txt\",\"fetch\",\"document is 200000 bytes, over max_bytes 100000; raise max_bytes in the manifest if it is genuine\"\r\n"
            + "\"bin\",\"in/bin.txt\",\"fetch\",\"binary file: NUL byte at offset 4; only text and HTML documents are read\"\r\n")
    }

    @Test func duplicateDocIdsNameBothInputs() throws {
        let tree = try TempTree()
        try tree.write("in/a.txt", "one")
        try tree.write("in/a.txt.gz", try gzipForTest(Array("two".utf8)))
        let plan = try Self.manifest(tree, paths: "in/*")
        let error = try #require(throws: GleanError.self) {
            _ = try Runner(plan: plan, options: RunOptions(jobs: 1, out: tree.root + "/out")).run()
        }
        #expect(error.message == "two inputs have the doc_id 'a': in/a.txt and in/a.txt.gz")
    }

    @Test func unchangedTablesKeepTheirFileOnRerun() throws {
        let tree = try TempTree()
        try Self.inputs(tree, count: 4)
        let plan = try Self.manifest(tree)
        let out = tree.root + "/out"
        _ = try Runner(plan: plan, options: RunOptions(jobs: 2, out: out)).run()
        let first = try FileManager.default.attributesOfItem(atPath: out + "/csv/documents.csv")
        Thread.sleep(forTimeInterval: 0.05)
        _ = try Runner(plan: plan, options: RunOptions(jobs: 2, out: out)).run()
        let second = try FileManager.default.attributesOfItem(atPath: out + "/csv/documents.csv")
        #expect(first[.systemFileNumber] as? Int == second[.systemFileNumber] as? Int)
        #expect(first[.modificationDate] as? Date == second[.modificationDate] as? Date)
        // Exactly one generation remains.
        let generations = try FileManager.default.contentsOfDirectory(atPath: out + "/.glean").filter { $0.hasPrefix("gen-") }
        #expect(generations.count == 1)
    }

    @Test func aSecondRunOnTheSameFolderIsBusy() throws {
        let tree = try TempTree()
        let holder = OutputStore(root: tree.root + "/out", tableFolders: StageRegistry.builtIn.outputFolders)
        try holder.prepare(wait: false)
        let other = OutputStore(root: tree.root + "/out", tableFolders: StageRegistry.builtIn.outputFolders)
        let error = try #require(throws: GleanError.self) { try other.prepare(wait: false) }
        #expect(error.kind == .busy)
    }

    @Test func leftoverGenerationsAreCleared() throws {
        let tree = try TempTree()
        try Self.inputs(tree, count: 2)
        let plan = try Self.manifest(tree)
        let out = tree.root + "/out"
        _ = try Runner(plan: plan, options: RunOptions(jobs: 1, out: out)).run()
        try tree.write("out/.glean/gen-1-1/csv/documents.csv", "half written")
        _ = try Runner(plan: plan, options: RunOptions(jobs: 1, out: out)).run()
        #expect(!FileManager.default.fileExists(atPath: out + "/.glean/gen-1-1"))
    }
}
