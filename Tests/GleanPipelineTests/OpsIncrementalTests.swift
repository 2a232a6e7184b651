import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import GleanTables
import Testing

@Suite struct OpsIncrementalTests {
    static func inputs(_ tree: TempTree, _ names: [String]) throws {
        for name in names { try tree.write("in/\(name).txt", "Document \(name).\n\nIt says \(name) twice: \(name).") }
    }

    @Test func editingAddingAndDeletingInputsRerunsExactlyThoseDocuments() throws {
        let tree = try TempTree()
        try Self.inputs(tree, ["a", "b", "c", "d", "e"])
        let plan = try Ops.plan(tree, Ops.yaml())
        let out = tree.root + "/out"
        let first = try Ops.run(plan, out: out)
        #expect(Ops.reruns(first) == ["a: new", "b: new", "c: new", "d: new", "e: new"])
        #expect(first.incremental?.reused == 0)

        try tree.write("in/b.txt", "Document b, edited.")
        try tree.write("in/f.txt", "Document f is new.")
        try FileManager.default.removeItem(atPath: tree.root + "/in/c.txt")
        let second = try Ops.run(plan, out: out)
        #expect(Ops.reruns(second) == ["b: content changed", "f: new"])
        #expect(second.incremental?.reused == 3)
        #expect(second.incremental?.removed == 1)
        #expect(second.incremental?.removedDocIds == ["c"])
        #expect(second.incremental?.reasons == ["content changed": 1, "new": 1, "removed": 1])
        #expect(second.incremental?.tablesReused == false)
        #expect(second.stages.first { $0.id == "fetch" }?.documentsIn == 2)
        #expect(second.stages.first { $0.id == "fetch" }?.reused == 3)

        // The tables are exactly those of a full run over the same inputs.
        try Ops.run(plan, out: tree.root + "/full", incremental: false)
        #expect(try tree.read("out/csv/documents.csv") == tree.read("full/csv/documents.csv"))
        #expect(try tree.read("out/csv/rejects.csv") == tree.read("full/csv/rejects.csv"))
    }

    @Test func aRerunWithNothingChangedParsesNothingAndRewritesNoTableFile() throws {
        let tree = try TempTree()
        try Self.inputs(tree, ["a", "b", "c"])
        try tree.write("in/big.txt", String(repeating: "x", count: 2_000))
        let plan = try Ops.plan(tree, Ops.yaml(maxBytes: 1_000))
        let out = tree.root + "/out"
        let first = try Ops.run(plan, out: out)
        #expect(first.exitCode == 3)
        let tables = ["csv/documents.csv", "csv/rejects.csv"].map { out + "/" + $0 }
        let before = try tables.map { (try Ops.inode($0), try Ops.mtime($0)) }
        Thread.sleep(forTimeInterval: 0.02)

        for _ in 0..<2 {
            let again = try Ops.run(plan, out: out)
            #expect(again.incremental?.tablesReused == true)
            #expect(again.incremental?.processed == 0)
            #expect(again.incremental?.reused == 4)
            #expect(again.incremental?.reruns == [])
            #expect(again.stages.map(\.documentsIn) == [0, 0])
            #expect(again.documentsOK == 3)
            #expect(again.documentsRejected == 1)
            #expect(again.rejects.map(\.docId) == ["big"])
            #expect(again.exitCode == 3)
            let after = try tables.map { (try Ops.inode($0), try Ops.mtime($0)) }
            #expect(after.map(\.0) == before.map(\.0))
            #expect(after.map(\.1) == before.map(\.1))
        }
        // The report and the state store did change: both name the newest generation.
        let current = try FileManager.default.destinationOfSymbolicLink(atPath: out + "/.glean/current")
        #expect(try StateStore.open(path: out + "/.glean/state.sqlite").0.meta("published_generation") == current)
        #expect(try tree.read("out/_run.json").contains("\"tables_reused\" : true"))
    }

    struct OptionChange: Sendable, CustomStringConvertible {
        var description: String
        var maxBytes = 1_000
        var timeout = 30
        var excel = true
        var reruns: [String]
        var reused: Int
    }

    static let optionChanges: [OptionChange] = [
        .init(description: "a per-document stage: reruns the documents that reached it", timeout: 31,
              reruns: ["a: options of stage 'tag' changed", "b: options of stage 'tag' changed", "c: options of stage 'tag' changed"], reused: 1),
        .init(description: "an export: reruns nothing", excel: false, reruns: [], reused: 4),
        .init(description: "the source: reruns everything", maxBytes: 1_001,
              reruns: ["a: options of stage 'fetch' changed", "b: options of stage 'fetch' changed", "big: options of stage 'fetch' changed",
                       "c: options of stage 'fetch' changed"], reused: 0),
    ]

    @Test(arguments: optionChanges)
    func changingOneStagesOptionsRerunsExactlyTheDocumentsItTouches(_ change: OptionChange) throws {
        let tree = try TempTree()
        try Self.inputs(tree, ["a", "b", "c"])
        try tree.write("in/big.txt", String(repeating: "x", count: 2_000))
        try Ops.script(tree, "tag.sh", "cat >/dev/null; echo '{\"label\": \"seen\"}'")
        func yaml(_ maxBytes: Int, _ timeout: Int, _ excel: Bool) -> String {
            Ops.yaml(maxBytes: maxBytes, middle: """
                  - id: tag
                    use: exec
                    needs: fetch
                    with: {command: [./tag.sh], table: tags, columns: [label], timeout_seconds: \(timeout)}
                """, csvNeeds: "tag", excel: excel)
        }
        let out = tree.root + "/out"
        try Ops.run(try Ops.plan(tree, yaml(1_000, 30, true)), out: out)
        let changed = try Ops.plan(tree, yaml(change.maxBytes, change.timeout, change.excel))
        let report = try Ops.run(changed, out: out)
        #expect(Ops.reruns(report) == change.reruns)
        #expect(report.incremental?.reused == change.reused)
        #expect(report.incremental?.tablesReused == false)
        try Ops.run(changed, out: tree.root + "/full", incremental: false)
        for table in ["documents", "tags", "rejects"] {
            #expect(try tree.read("out/csv/\(table).csv") == tree.read("full/csv/\(table).csv"))
        }
        let tagRows = try tree.read("out/csv/tags.csv").components(separatedBy: change.excel ? "\r\n" : "\n").dropFirst().filter { !$0.isEmpty }
        #expect(tagRows == (change.excel ? ["\"a\",\"seen\"", "\"b\",\"seen\"", "\"c\",\"seen\""] : ["a,seen", "b,seen", "c,seen"]))
    }

    enum Damage: String, CaseIterable, Sendable {
        case garbage, truncated, foreign, futureSchema
    }

    @Test(arguments: Damage.allCases)
    func aCorruptOrForeignStateStoreIsRebuiltWithAWarning(_ damage: Damage) throws {
        let tree = try TempTree()
        try Self.inputs(tree, ["a", "b"])
        let plan = try Ops.plan(tree, Ops.yaml())
        let out = tree.root + "/out"
        try Ops.run(plan, out: out)
        let path = out + "/.glean/state.sqlite"
        let expected: String
        switch damage {
        case .garbage:
            StateStore.remove(path: path)
            try tree.write("out/.glean/state.sqlite", "this is not a database at all")
            expected = "it is not an SQLite database"
        case .truncated:
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            StateStore.remove(path: path)
            try tree.write("out/.glean/state.sqlite", Array(bytes.prefix(10)))
            expected = "it is not an SQLite database"
        case .foreign:
            try StateStore.open(path: path).0.setMeta(["format": "someone-else"])
            expected = "it is not a Glean state store"
        case .futureSchema:
            try StateStore.open(path: path).0.setMeta(["schema": "99"])
            expected = "its schema version is 99, this Glean writes 1"
        }
        let report = try Ops.run(plan, out: out)
        let rebuilt = try #require(report.incremental?.stateRebuilt)
        #expect(rebuilt == "the state store '\(path)' cannot be trusted (\(expected)); it was rebuilt, so every document runs again")
        #expect(report.warnings.contains(rebuilt))
        #expect(Ops.reruns(report) == ["a: new", "b: new"])
        // The rebuilt store works: the next run reuses everything.
        let next = try Ops.run(plan, out: out)
        #expect(next.incremental?.stateRebuilt == nil)
        #expect(next.incremental?.reused == 2)
    }

    @Test func storedDocumentsCoverEveryFieldOfDocument() {
        // A field added to Document or DocumentMetadata must be added to StoredDocument too,
        // or documents reused by incremental runs would lose it.
        let document = Document(docId: "x", source: "x.txt", format: .text, bytes: [], text: "t")
        #expect(Mirror(reflecting: document).children.count == StoredDocument.documentFieldCount)
        #expect(Mirror(reflecting: DocumentMetadata()).children.count == StoredDocument.metadataFieldCount)
    }

    static let cells: [Cell] = [.null, .string("a \"b\" é"), .int(-9_007_199_254_740_993), .double(94.72), .double(.infinity),
                                .bool(true), .date(19_000), .timestamp(1_700_000_000_123_456), .list(["x", "y | z"])]

    @Test(arguments: cells)
    func storedOutputsKeepEveryCellExactly(_ cell: Cell) throws {
        var document = Document(docId: "d", source: "in/d.txt", format: .html, bytes: [1, 2, 3], text: "text")
        document.metadata.title = "T"
        document.metadata.publishedUTC = 42
        document.paragraphCount = 2
        document.rows = ["t": [[cell, .string("k")]]]
        let reject = Reject(docId: "d", source: "in/d.txt", stage: "x", reason: "why")
        let data = try StoredOutputs.encode(StoredOutputs(outputs: ["fetch": document, "skip": document], failures: ["x": reject], keep: ["fetch"]))
        let restored = try StoredOutputs.decode(data).restored
        #expect(restored.outputs.keys.sorted() == ["fetch"])
        let back = try #require(restored.outputs["fetch"])
        #expect(back.rows == document.rows)
        #expect(back.metadata == document.metadata)
        #expect(back.text == "text")
        #expect(back.format == .html)
        #expect(back.paragraphCount == 2)
        #expect(back.bytes == [])
        #expect(restored.failures == ["x": reject])
    }
}

@Suite struct SHA256BoundaryTests {
    /// Lengths around the 64-byte block and 56-byte padding boundaries, checked against the
    /// system's sha256sum: one-shot from bytes, from Data and from a file.
    @Test(arguments: [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1_000, 100_003])
    func matchesSha256sum(_ length: Int) throws {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let tree = try TempTree(["input": bytes])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [tree.root + "/input"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let expected = String(output.prefix(64))
        #expect(ContentHash.hex(bytes) == expected)
        #expect(ContentHash.hex(Data(bytes)) == expected)
        #expect(ContentHash.file(tree.root + "/input") == expected)
    }
}
