import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import Testing

/// parse.html checks publication dates against a reference day from the manifest (as_of) or
/// the input file (its modification day), never the clock: the same input and manifest give
/// the same table on any day.
@Suite struct AsOfTests {
    /// A page whose only date, 2024-06-20, is in its metadata.
    static let page = """
        <html><head><title>Harbour reopens</title><meta property="article:published_time" content="2024-06-20T09:30:00Z"></head>
        <body><h1>Harbour reopens</h1><article><p>The harbour reopened to fishing boats after three weeks of repairs to the sea wall.</p></article></body></html>
        """

    static func seconds(_ iso: String) -> Int64 {
        let f = ISO8601DateFormatter()
        return Int64(f.date(from: iso + "T12:00:00Z")!.timeIntervalSince1970)
    }

    static func plan(_ tree: TempTree, asOf: String?) throws -> Plan {
        let option = asOf.map { "\n    with: {as_of: \"\($0)\"}" } ?? ""
        return try Ops.plan(tree, """
            version: 1
            name: t
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["in/*.html"]}
              - id: parse
                use: parse.html\(option)
              - id: csv
                use: export.csv
                with: {tables: [documents]}
            """)
    }

    /// The published column of the only row of documents.csv.
    static func published(_ tree: TempTree, out: String) throws -> String {
        let lines = try tree.read(out + "/csv/documents.csv").split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "\"", with: "") }
        }
        let header = lines[0].map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
        let column = try #require(header.firstIndex(of: "published"))
        return lines[1][column]
    }

    @Test(arguments: [
        // (file modified on, as_of, published)
        ("2024-06-10", nil, ""),
        ("2024-06-18", nil, ""),
        ("2024-06-19", nil, "2024-06-20T09:30:00Z"),
        ("2024-07-01", nil, "2024-06-20T09:30:00Z"),
        ("2024-06-10", "2024-07-01", "2024-06-20T09:30:00Z"),
        ("2024-07-01", "2024-06-10", ""),
    ] as [(String, String?, String)])
    func referenceDayDecidesAFutureDate(_ modified: String, _ asOf: String?, _ want: String) throws {
        let tree = try TempTree(["in/page.html": Array(Self.page.utf8)])
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(Self.seconds(modified)))],
                                              ofItemAtPath: tree.root + "/in/page.html")
        let outcome = try Runner(plan: try Self.plan(tree, asOf: asOf), options: RunOptions(jobs: 1, out: tree.root + "/out")).run()
        #expect(outcome.exitCode == 0)
        #expect(try Self.published(tree, out: "out") == want)
    }

    @Test func fetchRecordsTheFileModificationTime() throws {
        let tree = try TempTree(["in/page.html": Array(Self.page.utf8)])
        let when = Self.seconds("2024-06-14")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(when))],
                                              ofItemAtPath: tree.root + "/in/page.html")
        #expect(try InputFile.read(tree.root + "/in/page.html", maxBytes: 1 << 20).modified == when)
        #expect(throws: DocumentError.self) { _ = try InputFile.read(tree.root + "/in/missing.html", maxBytes: 1 << 20) }
    }

    @Test(arguments: ["2024-6-20", "2024-02-30", "June 20, 2024", "2024-06-20T00:00:00Z"])
    func asOfMustBeADay(_ value: String) throws {
        let tree = try TempTree(["in/page.html": Array(Self.page.utf8)])
        let error = try #require(throws: GleanError.self) { _ = try Self.plan(tree, asOf: value) }
        #expect(error.kind == .manifest)
        #expect(error.message == "as_of must be a day written YYYY-MM-DD, got '\(value)'")
        #expect(error.stage == "parse")
    }
}
