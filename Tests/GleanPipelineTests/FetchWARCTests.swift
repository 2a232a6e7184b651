import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import GleanTables
import Testing

/// Small WARCs for the stage tests, byte by byte.
enum WARC {
    static func record(_ type: String, uri: String?, id: Int, date: String = "2024-03-05T10:20:30Z", block: [UInt8], length: Int? = nil) -> [UInt8] {
        var head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Date: \(date)\r\n"
        if let uri { head += "WARC-Target-URI: \(uri)\r\n" }
        head += "Content-Type: application/http; msgtype=\(type)\r\nContent-Length: \(length ?? block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func http(_ status: Int = 200, type: String = "text/html; charset=utf-8", body: String) -> [UInt8] {
        Array("HTTP/1.1 \(status) X\r\nContent-Type: \(type)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    static func page(_ title: String, _ text: String) -> String {
        "<html><head><title>\(title)</title></head><body><article><p>\(text)</p></article></body></html>"
    }

    /// A small crawl: warcinfo, request, two pages, a 404, an image, a revisit, the first page again.
    static var crawl: [[UInt8]] {
        [record("warcinfo", uri: nil, id: 1, block: Array("software: test\r\n".utf8)),
         record("request", uri: "http://example.com/a", id: 2, block: Array("GET /a HTTP/1.1\r\n\r\n".utf8)),
         record("response", uri: "http://example.com/a", id: 3, block: http(body: page("A", "The council met on 4 March 2024."))),
         record("response", uri: "http://example.com/b", id: 4, date: "2024-03-06T00:00:01Z",
                block: http(type: "text/html; charset=windows-1252", body: page("B", "Caf\u{e9} news."))),
         record("response", uri: "http://example.com/missing", id: 5, block: http(404, body: "gone")),
         record("response", uri: "http://example.com/logo.png", id: 6, block: http(type: "image/png", body: "PNG")),
         record("revisit", uri: "http://example.com/a", id: 7, block: []),
         record("response", uri: "http://example.com/a", id: 8, block: http(body: page("A2", "Second crawl."))),
         record("response", uri: "http://example.com/notes.txt", id: 9, block: http(type: "text/plain", body: "Plain notes."))]
    }
}

@Suite struct FetchWARCTests {
    /// The stage `s` (fetch.warc) of a harness holding `files`; keep the harness while using the stage.
    static func source(_ files: [String: [UInt8]], _ options: String = "{paths: [\"warc/*\"]}") throws -> (any SourceStage, StageHarness) {
        let harness = try StageHarness("    use: fetch.warc\n    with: \(options)")
        for (path, bytes) in files { try harness.tree.write(path, bytes) }
        guard case .source(let source) = try harness.build("s") else { throw DocumentError("not a source") }
        return (source, harness)
    }

    /// How the test archive is stored: uncompressed, one gzip member per record, one gzip stream.
    enum Layout: String, CaseIterable, Sendable { case plain, members, stream }

    @Test(arguments: Layout.allCases)
    func listsDocumentsAndCountsTheRest(_ layout: Layout) throws {
        let records = WARC.crawl
        let gzip = layout == .members
        let bytes: [UInt8] = switch layout {
        case .plain: records.flatMap { $0 }
        case .members: try records.flatMap { try gzipForTest($0) }
        case .stream: try gzipForTest(records.flatMap { $0 })
        }
        let file = layout == .plain ? "warc/crawl.warc" : "warc/crawl.warc.gz"
        let (source, harness) = try Self.source([file: bytes])
        defer { withExtendedLifetime(harness) {} }
        let listed = try source.listInputs(ListingContext())
        #expect(listed.inputs.map(\.docId) == ["http://example.com/a", "http://example.com/b", "http://example.com/a urn:uuid:8",
                                               "http://example.com/notes.txt"])
        #expect(listed.skipped == ["record type warcinfo": 1, "record type request": 1, "record type revisit": 1,
                                   "HTTP status 404": 1, "content type image/png": 1])
        let documents = try listed.inputs.map { try source.read($0, context: StageContext()) }
        #expect(documents.map(\.format) == [.html, .html, .html, .text])
        #expect(documents.map(\.archive?.url) == ["http://example.com/a", "http://example.com/b", "http://example.com/a", "http://example.com/notes.txt"])
        #expect(documents.map(\.archive?.fetchedAt) == [1_709_634_030_000_000, 1_709_683_201_000_000, 1_709_634_030_000_000, 1_709_634_030_000_000])
        #expect(documents.map(\.modified) == [1_709_634_030, 1_709_683_201, 1_709_634_030, 1_709_634_030])
        #expect(documents.map(\.charsetHint) == ["utf-8", "windows-1252", "utf-8", nil])
        #expect(documents.map(\.source) == Array(repeating: file, count: 4))
        #expect(documents[0].bytes == Array(WARC.page("A", "The council met on 4 March 2024.").utf8))
        #expect(documents[3].text == "Plain notes.")
        // Each document's place is its record's bytes (plain), its gzip member, or its inflated bytes (one stream).
        var offsets: [Int64] = []
        var lengths: [Int64] = []
        var at: Int64 = 0
        for r in records {
            let n = Int64(gzip ? try gzipForTest(r).count : r.count)
            offsets.append(at)
            lengths.append(n)
            at += n
        }
        #expect(documents.map(\.archive?.offset) == [2, 3, 7, 8].map { offsets[$0] })
        #expect(documents.map(\.archive?.length) == [2, 3, 7, 8].map { lengths[$0] })
    }

    @Test func badRecordsBecomeRejectsNamingFileAndOffset() throws {
        let r = WARC.crawl
        let short = WARC.record("response", uri: "http://example.com/short", id: 20, block: WARC.http(body: "x"), length: 5)
        let (source, harness) = try Self.source(["warc/a.warc": r[2] + short + r[3], "warc/b.warc": Array("this is no archive\n".utf8),
                                                 "warc/c.warc": r[2] + Array(r[3].prefix(300))])
        defer { withExtendedLifetime(harness) {} }
        let listed = try source.listInputs(ListingContext())
        let outcomes = listed.inputs.map { input -> String in
            do { return "ok " + (try source.read(input, context: StageContext())).docId }
            catch { return "reject \(input.docId): \(Runner.reason(error))" }
        }
        #expect(outcomes == [
            "ok http://example.com/a",
            "reject warc/a.warc@\(r[2].count): warc/a.warc at offset \(r[2].count): Content-Length 5 does not end the record (no blank line after the block)",
            "ok http://example.com/b",
            "reject warc/b.warc@0: warc/b.warc at offset 0: not a WARC file (it does not start with WARC/1.x)",
            "ok http://example.com/a urn:uuid:3",
            "reject warc/c.warc@\(r[2].count): warc/c.warc at offset \(r[2].count): the file ends inside the record's block (Content-Length \(WARC.http(type: "text/html; charset=windows-1252", body: WARC.page("B", "Caf\u{e9} news.")).count))",
        ])
    }

    @Test func aRecordOverMaxBytesIsRejected() throws {
        let (source, harness) = try Self.source(["warc/a.warc": WARC.crawl[2] + WARC.crawl[5]], "{paths: [\"warc/*\"], max_bytes: 100}")
        defer { withExtendedLifetime(harness) {} }
        let listed = try source.listInputs(ListingContext())
        #expect(listed.inputs.map(\.docId) == ["http://example.com/a"])
        #expect(listed.skipped == ["content type image/png": 1])
        let error = #expect(throws: DocumentError.self) { try source.read(listed.inputs[0], context: StageContext()) }
        #expect(error?.reason == "warc/a.warc at offset 0: the record's block is \(WARC.http(body: WARC.page("A", "The council met on 4 March 2024.")).count) bytes, over max_bytes 100")
    }

    static func manifest(_ shardCSV: Bool = false) -> String {
        """
        version: 1
        name: warc
        stages:
          - id: fetch
            use: fetch.warc
            with: {paths: ["warc/*"]}
          - id: parse
            use: parse.html
          - id: csv
            use: export.csv
            needs: parse
        """
    }

    @Test func shardsSplitTheRecordsOfOneArchive() throws {
        let tree = try TempTree()
        var records: [[UInt8]] = []
        for i in 0..<24 {
            records.append(WARC.record("response", uri: "http://example.com/p\(i)", id: 100 + i, block: WARC.http(body: WARC.page("P\(i)", "Page \(i)."))))
        }
        try tree.write("warc/big.warc.gz", try records.flatMap { try gzipForTest($0) })
        let plan = try Ops.plan(tree, Self.manifest())
        var seen: [Int] = []
        for i in 0..<3 {
            let report = try Ops.run(plan, out: tree.root + "/out", incremental: false, shard: ShardSpec(index: i, count: 3))
            #expect(report.shard?.inputsTotal == 24)
            #expect(report.inputs > 0 && report.inputs < 24)
            seen.append(report.inputs)
        }
        #expect(seen.reduce(0, +) == 24)
    }

    @Test func appendingRecordsReprocessesOnlyTheNewOnes() throws {
        let tree = try TempTree()
        let r = WARC.crawl
        let first = try [r[0], r[2], r[3], r[4]].flatMap { try gzipForTest($0) }
        try tree.write("warc/crawl.warc.gz", first)
        let plan = try Ops.plan(tree, Self.manifest())
        let out = tree.root + "/out"
        let one = try Ops.run(plan, out: out)
        #expect(Ops.reruns(one) == ["http://example.com/a: new", "http://example.com/b: new"])
        #expect(one.stages.first { $0.id == "fetch" }?.skipped == ["record type warcinfo": 1, "HTTP status 404": 1])
        try tree.write("warc/crawl.warc.gz", first + (try [r[7], r[8]].flatMap { try gzipForTest($0) }))
        let two = try Ops.run(plan, out: out)
        #expect(Ops.reruns(two) == ["http://example.com/a urn:uuid:8: new", "http://example.com/notes.txt: new"])
        #expect(two.incremental?.reused == 2)
        let csv = try tree.read("out/csv/documents.csv")
        #expect(csv.contains("http://example.com/notes.txt"))
        // The same tables as a full run.
        try Ops.run(plan, out: tree.root + "/full", incremental: false)
        #expect(try tree.read("full/csv/documents.csv") == csv)
    }
}
