import Foundation
import Testing

/// `glean report` and `glean run --report` end to end, the page loaded in a real browser.
@Suite struct ReportTests {
    static var hasChromium: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") }

    /// The default pipeline with --report: chromium loads the page with no console message, each
    /// document has one highlighted span per fact row of the tables, and a screenshot is
    /// kept in out/report.png.
    @Test(.enabled(if: E2E.hasPython && hasChromium, "needs the .venv (make venv) and chromium (make test-deps)"))
    func theDefaultPipelinesReportLoadsInChromiumWithEveryFactHighlighted() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try E2E.run(["run", "Pipelines/news.yaml", "--out", dir + "/out", "--report", "--quiet"])
        #expect(r.code == 0, "\(r.stderr)")
        let page = try E2E.read(dir + "/out/report.html")
        #expect(page.contains("<title>Glean run report: news</title>"))
        // Self-contained: no script, style sheet, image or font fetched from anywhere.
        #expect(!page.contains("<script src") && !page.contains("<link") && !page.contains("<img") && !page.contains("url(http"))
        let check = try E2E.run([E2E.root + "/Tests/Python/report_check.py", dir + "/out", E2E.root + "/out/report.png"], executable: E2E.python)
        #expect(check.code == 0, "\(check.stderr)")
        let documents = check.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(documents.map { $0[0] } == ["000_df0456087fb68f87", "001_248e292b500c908f", "002_43142119f8f59c23", "003_f24d7a8a9959357c", "004_20b9002ae95531ec"])
        #expect(documents.allSatisfy { $0.count == 3 && $0[1] == $0[2] && Int($0[1])! > 0 })
        // The Arabic sample reads right to left.
        #expect(page.contains("data-doc-id=\"002_43142119f8f59c23\" data-fact-rows=\"\(documents[2][1])\" lang=\"ar\" dir=\"rtl\""))
    }

    /// The shards of a run are one report: every shard's documents, stages and rows added up.
    @Test func aShardedRunsReportAddsTheShardsUp() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<2 {
            let r = try E2E.run(["run", "Pipelines/news.yaml", "--out", dir + "/out", "--shard", "\(i)/2", "--quiet"])
            #expect(r.code == 0, "\(r.stderr)")
        }
        let r = try E2E.run(["report", dir + "/out", "--to", dir + "/page.html"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout == dir + "/page.html\n")
        let page = try E2E.read(dir + "/page.html")
        #expect(page.contains("2 of 2 shards finished (0, 1)"))
        #expect(page.contains("<dt>Documents listed</dt><dd>5</dd>"))
        #expect(page.contains("<a href=\"#table-documents\">documents</a></th><td class=\"num\">5</td>"))
        #expect(page.components(separatedBy: "<article class=\"doc\"").count - 1 == 5)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/report.html"))
    }

    /// A pipeline that writes only Parquet (no export.csv): the report reads its tables, facts
    /// and documents from the Parquet files, and says the same as from the CSV of the same run.
    @Test func aParquetOnlyRunsReportHasItsTablesAndFacts() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let manifest = """
            version: 1
            name: news
            stages:
              - {id: fetch, use: fetch.files, with: {paths: ["\(E2E.root)/Samples/**/*.txt"]}}
              - {id: parse, use: parse.html}
              - {id: clean, use: clean.text}
              - {id: extract, use: extract.facts}
              - {id: parquet, use: export.parquet, needs: extract, with: {compression: snappy}}
            """
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: dir + "/parquet-only.yaml"))
        let r = try E2E.run(["run", dir + "/parquet-only.yaml", "--out", dir + "/out", "--report", "--quiet"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/csv"))
        let page = try E2E.read(dir + "/out/report.html")
        #expect(!page.contains("No tables in"))
        #expect(page.contains("<a href=\"#table-documents\">documents</a></th><td class=\"num\">5</td>"))
        for table in ["dates", "metrics", "organizations", "people", "places", "references"] {
            #expect(page.contains("<a href=\"#table-\(table)\">\(table)</a></th>"), "\(table)")
        }
        #expect(page.components(separatedBy: "<article class=\"doc\"").count - 1 == 5)
        // Facts per language and kind, and highlighted spans in the browser.
        #expect(page.contains("data-doc-id=\"002_43142119f8f59c23\""))
        #expect(page.components(separatedBy: "<mark ").count - 1 > 20)
    }

    /// The default pipeline writes every table as CSV and as Parquet: the report reads the
    /// Parquet files, and the page is byte for byte the one read from the CSV files (the run's
    /// Parquet folder moved away), unsharded and sharded.
    @Test(arguments: [false, true])
    func theReportIsTheSameFromParquetAndFromCSV(sharded: Bool) throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for shard in sharded ? ["0/2", "1/2"] : [""] {
            let r = try E2E.run(["run", "Pipelines/news.yaml", "--out", dir + "/out", "--quiet"] + (shard.isEmpty ? [] : ["--shard", shard]))
            #expect(r.code == 0, "\(r.stderr)")
        }
        let fromParquet = try E2E.run(["report", dir + "/out", "--to", dir + "/parquet.html"])
        #expect(fromParquet.code == 0, "\(fromParquet.stderr)")
        try FileManager.default.moveItem(atPath: dir + "/out/parquet", toPath: dir + "/parquet-moved")
        let fromCSV = try E2E.run(["report", dir + "/out", "--to", dir + "/csv.html"])
        #expect(fromCSV.code == 0, "\(fromCSV.stderr)")
        let a = try E2E.read(dir + "/parquet.html"), b = try E2E.read(dir + "/csv.html")
        #expect(a.contains("<mark "))
        #expect(a == b)
    }

    @Test func aFolderWithNoRunIsAUsageError() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try E2E.run(["report", dir + "/nothing"])
        #expect(r.code == 2)
        #expect(r.stderr == "glean: no finished run in '\(dir)/nothing'; name the folder a run wrote with --out\n")
    }

    /// An output folder under the input glob: its report.html is never read back as a document.
    @Test func theReportIsNotReadBackAsAnInput() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try Data("<html><body><p>Police held 12 men.</p></body></html>".utf8).write(to: URL(fileURLWithPath: dir + "/in/a.html"))
        let manifest = """
            version: 1
            name: loop
            stages:
              - {id: fetch, use: fetch.files, with: {paths: ["in/**/*.html"]}}
              - {id: parse, use: parse.html}
              - {id: csv, use: export.csv}
            """
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: dir + "/loop.yaml"))
        for _ in 0..<2 {
            let r = try E2E.run(["run", dir + "/loop.yaml", "--out", dir + "/in/out", "--report", "--quiet"])
            #expect(r.code == 0, "\(r.stderr)")
        }
        let report = try JSONSerialization.jsonObject(with: E2E.bytes(dir + "/in/out/_run.json")) as? [String: Any]
        #expect(report?["inputs"] as? Int == 1)
    }
}
