import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import GleanTables
import Testing

/// Builds one stage from a YAML snippet, the way a manifest declares it, in a manifest of its
/// own (a fetch stage first, so that a per-document stage has something to need).
struct StageHarness {
    let tree: TempTree
    let plan: Plan
    let registry: StageRegistry

    /// - Parameter stage: the stage's YAML lines after `- id: s`, indented by two spaces.
    init(_ stage: String, registry: StageRegistry = .builtIn, files: [String: String] = [:]) throws {
        tree = try TempTree()
        for (path, text) in files { try tree.write(path, text) }
        self.registry = registry
        let yaml = """
            version: 1
            name: harness
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["in/*"]}
              - id: s
            \(stage)
            """
        try tree.write("m.yaml", yaml)
        let manifest = try ManifestLoader(registry: registry).load(path: tree.root + "/m.yaml")
        plan = try Plan(manifest: manifest, registry: registry)
    }

    /// The stage `id` as the runner builds it.
    func build(_ id: String = "s") throws -> StageInstance {
        let decl = try #require(plan.manifest.stage(id))
        let kind = try #require(registry.kind(decl.use))
        return try kind.build(decl, BuildContext(manifest: plan.manifest, tables: plan.tables[id] ?? [], gleanVersion: "test"))
    }

    /// Runs a per-document stage on one document.
    func process(_ document: Document, context: StageContext = StageContext()) throws -> Document {
        guard case .perDocument(let stage) = try build() else { throw DocumentError("not a per-document stage") }
        return try stage.process(document, context: context)
    }

    static func text(_ text: String, id: String = "d") -> Document {
        Document(docId: id, source: "in/\(id).txt", format: .text, bytes: Array(text.utf8), text: text)
    }
}

@Suite struct StageKindTests {
    @Test func fetchFilesListsAndReadsPlainAndGzipFiles() throws {
        let harness = try StageHarness("    use: clean.text", files: ["in/a.txt": "Alpha.", "in/b.html": "<p>Beta</p>"])
        guard case .source(let source) = try harness.build("fetch") else { Issue.record("not a source"); return }
        let listed = try source.listInputs(ListingContext(excluded: [], isCancelled: { false }))
        #expect(listed.inputs.map(\.docId) == ["a", "b"])
        let documents = try (0..<listed.inputs.count).map { try source.read(listed.inputs[$0], context: StageContext()) }
        #expect(documents.map(\.format) == [.text, .html])
        #expect(documents[0].text == "Alpha.")
        #expect(documents[1].text == nil)
    }

    @Test func parseHTMLTakesTheTitleAndTheText() throws {
        let harness = try StageHarness("    use: parse.html\n    with: {as_of: \"2024-06-01\"}")
        let html = "<html lang=\"en\"><head><title>Vote</title></head><body><article><p>The assembly passed the budget.</p></article></body></html>"
        let page = Document(docId: "p", source: "in/p.html", format: .html, bytes: Array(html.utf8))
        let parsed = try harness.process(page)
        #expect(parsed.metadata.title == "Vote")
        #expect(parsed.metadata.language == "en")
        #expect(parsed.text == "The assembly passed the budget.")
    }

    @Test func parseHTMLRejectsABadXPathOnce() throws {
        let error = try #require(throws: GleanError.self) { _ = try StageHarness("    use: parse.html\n    with: {content_xpath: \"//[\"}") }
        #expect(error.others.isEmpty)
        #expect(error.message.hasPrefix("content_xpath is not a valid XPath"))
    }

    @Test(arguments: [(true, "Line one.\n\nLine one.\n\nLine two.", "Line one.\n\nLine two.", 1),
                      (false, "Line one.\n\nLine one.", "Line one.\n\nLine one.", 0)])
    func cleanTextDropsRepeatedParagraphs(dedupe: Bool, input: String, expected: String, duplicates: Int) throws {
        let harness = try StageHarness("    use: clean.text\n    with: {dedupe: \(dedupe)}")
        let cleaned = try harness.process(StageHarness.text(input))
        #expect(cleaned.text == expected)
        #expect(cleaned.duplicateParagraphs == duplicates)
    }

    @Test func extractFactsFillsTheTablesItIsAskedFor() throws {
        let harness = try StageHarness("""
                use: extract.facts
                with:
                  kinds: [dates]
                  rules: [{name: codes, pattern: "K-(?<n>[0-9]+)"}]
            """)
        var document = StageHarness.text("Signed on 3 March 2024 under K-12.")
        document.metadata.language = "en"
        let out = try harness.process(document)
        #expect(out.rows["dates"] == [BuiltInTables.dates.row(["doc_id": .string("d"), "language": .string("en"), "iso": .string("2024-03-03"),
                                                               "text": .string("3 March 2024"), "offset": .int(10), "length": .int(12),
                                                               "year_inferred": .bool(false)])])
        #expect(out.rows["codes"] == [[.string("d"), .string("en"), .string("K-12"), .int(29), .int(4), .string("12")]])
        #expect(out.rows["people"] == nil)
    }

    @Test func execTurnsPluginRecordsIntoRows() throws {
        let harness = try StageHarness("""
                use: exec
                with: {command: [./p.sh], table: words, columns: ["word", "n:int64"]}
            """)
        try Ops.script(harness.tree, "p.sh", "cat >/dev/null; echo '{\"word\": \"hi\", \"n\": 2}'")
        let out = try harness.process(StageHarness.text("hi hi"))
        #expect(out.rows["words"] == [[.string("d"), .string("hi"), .int(2)]])
    }

    @Test func execStopsWhenTheRunIsCancelled() throws {
        let harness = try StageHarness("""
                use: exec
                with: {command: [./slow.sh], table: words, columns: [word]}
            """)
        try Ops.script(harness.tree, "slow.sh", "cat >/dev/null; sleep 5")
        let context = StageContext()
        context.cancellation.cancel(signal: 15)
        let error = try #require(throws: DocumentError.self) { _ = try harness.process(StageHarness.text("x"), context: context) }
        #expect(error.reason == "plugin stopped: the run was interrupted by signal 15")
    }

    @Test(arguments: [("export.csv", "csv/documents.csv"), ("export.parquet", "parquet/documents.parquet"), ("export.xlsx", "xlsx/harness.xlsx")])
    func exportsWriteEveryDocumentAndReject(use: String, file: String) throws {
        let harness = try StageHarness("    use: \(use)\n    needs: fetch\n    with: {tables: [documents, rejects]}")
        guard case .sink(let sink) = try harness.build() else { Issue.record("not a sink"); return }
        let folder = harness.tree.root + "/gen"
        try sink.open(folder: folder)
        try sink.consume(.document(StageHarness.text("One two three.").withDocumentsRow()))
        try sink.consume(.rejected(Reject(docId: "r", source: "in/r.txt", stage: "fetch", reason: "unreadable")))
        try sink.close()
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + file))
        if use == "export.csv" {
            let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines.count == 3)
            #expect(lines[1].hasPrefix("\"d\",\"in/d.txt\",\"text\","))
            #expect(try harness.tree.read("gen/csv/rejects.csv").hasSuffix("\"r\",\"in/r.txt\",\"fetch\",\"unreadable\"\r\n"))
        } else if use == "export.xlsx" {
            // A zip container (the sheets' contents are read back by openpyxl in XLSXTests).
            #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        } else {
            #expect(Array(bytes.prefix(4)) == Array("PAR1".utf8))
            #expect(Array(bytes.suffix(4)) == Array("PAR1".utf8))
        }
    }

    @Test func fetchWARCReadsAResponseRecordAsADocument() throws {
        let page = "<html><body><article><p>The assembly passed the budget.</p></article></body></html>"
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
        let warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-06-01T08:00:00Z\r\n"
            + "WARC-Target-URI: https://example.org/vote\r\nContent-Length: \(http.utf8.count)\r\n\r\n" + http + "\r\n\r\n"
        let harness = try StageHarness("    use: fetch.warc\n    with: {paths: [\"w/*.warc\"]}", files: ["w/a.warc": warc])
        guard case .source(let source) = try harness.build() else { Issue.record("not a source"); return }
        let listed = try source.listInputs(ListingContext())
        #expect(listed.inputs.map(\.docId) == ["https://example.org/vote"])
        let document = try source.read(listed.inputs[0], context: StageContext())
        #expect(document.format == .html)
        #expect(document.bytes == Array(page.utf8))
        #expect(document.archive == ArchiveRecord(url: "https://example.org/vote", fetchedAt: 1_717_228_800_000_000, file: "w/a.warc",
                                                  offset: 0, length: Int64(warc.utf8.count)))
        let row = document.withDocumentsRow().documentsRows[0]
        let columns = BuiltInTables.documents.columns.map(\.name)
        #expect(Array(row[columns.firstIndex(of: "fetched_url")!...]) == [.string("https://example.org/vote"), .timestamp(1_717_228_800_000_000),
                                                                          .string("w/a.warc"), .int(0), .int(Int64(warc.utf8.count))])
    }

    @Test func everyBuiltInKindHasATestHere() {
        let tested: Set = ["fetch.files", "fetch.warc", "parse.html", "clean.text", "extract.facts", "exec", "export.csv", "export.parquet", "export.xlsx"]
        #expect(Set(StageRegistry.builtIn.kinds) == tested)
    }
}

// MARK: - A stage kind defined here, in a registry of its own

/// `test.suffix`: appends its `suffix` option to each document's text.
struct SuffixStage: DocumentStage {
    struct Config: StageConfig {
        static let defaultSuffix = "!"
        var suffix: String
        init(_ options: StageOptions) { suffix = options.string("suffix") ?? Self.defaultSuffix }
    }

    static let kind = StageKind(
        spec: StageSpec(kind: "test.suffix", role: .perDocument, doc: "Appends a suffix to the text.", options: [
            OptionSpec("suffix", .string, default: .string(Config.defaultSuffix), doc: "What to append."),
        ]),
        config: Config.self,
        check: { config, _, _ in config.suffix.isEmpty ? ("suffix", "suffix must not be empty") : nil },
        build: { config, _, _ in .perDocument(SuffixStage(suffix: config.suffix)) })

    let suffix: String

    func process(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        document.text = (document.text ?? "") + suffix
        return document
    }
}

/// `test.lines`: a sink of the test's own, writing each document's doc_id as a line of
/// `<out>/lines/docs.txt`; the output store learns its folder from the registry.
final class LinesSink: SinkStage {
    static let kind = StageKind(
        spec: StageSpec(kind: "test.lines", role: .sink, doc: "Writes doc_ids, one per line.", options: []),
        outputFolder: "lines",
        build: { _, _ in .sink(LinesSink()) })

    private var path = ""
    private var lines = ""

    func open(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/lines", withIntermediateDirectories: true)
        path = folder + "/lines/docs.txt"
    }

    func consume(_ item: SinkItem) throws {
        if case .document(let document) = item { lines += document.docId + "\n" }
    }

    func close() throws {
        try Data(lines.utf8).write(to: URL(fileURLWithPath: path))
    }
}

@Suite struct CustomRegistryTests {
    static let registry = StageRegistry([
        StageRegistry.builtIn.kind("fetch.files")!, SuffixStage.kind, StageRegistry.builtIn.kind("export.csv")!,
    ])

    @Test func aStageKindFromATestRunsEndToEnd() throws {
        let harness = try StageHarness("""
                use: test.suffix
                with: {suffix: " (seen)"}
              - id: csv
                use: export.csv
                needs: s
                with: {tables: [documents], excel: false}
            """, registry: Self.registry, files: ["in/a.txt": "Alpha", "in/b.txt": "Beta"])
        let out = harness.tree.root + "/out"
        let report = try Runner(plan: harness.plan, registry: Self.registry, options: RunOptions(jobs: 2, out: out)).run().report
        #expect(report.exitCode == 0)
        #expect(report.stages.map(\.id) == ["fetch", "s", "csv"])
        let rows = try harness.tree.read("out/csv/documents.csv").split(separator: "\n").dropFirst()
        #expect(rows.map { $0.split(separator: ",").last.map(String.init) } == ["Alpha (seen)", "Beta (seen)"])
    }

    /// A sink kind of its own names its folder once, in its kind: the run publishes it, and an
    /// incremental rerun with nothing changed keeps its file (the same inode).
    @Test func aSinkKindFromATestPublishesItsOwnFolder() throws {
        let registry = StageRegistry([StageRegistry.builtIn.kind("fetch.files")!, LinesSink.kind])
        #expect(registry.outputFolders == ["lines"])
        let harness = try StageHarness("    use: test.lines", registry: registry, files: ["in/a.txt": "Alpha", "in/b.txt": "Beta"])
        let out = harness.tree.root + "/out"
        for _ in 0..<2 {
            let report = try Runner(plan: harness.plan, registry: registry, options: RunOptions(jobs: 2, out: out, incremental: true)).run().report
            #expect(report.exitCode == 0)
        }
        #expect(try harness.tree.read("out/lines/docs.txt") == "a\nb\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/lines") == ".glean/current/lines")
        #expect(!FileManager.default.fileExists(atPath: out + "/csv"))
    }

    @Test func theCustomKindsCheckRunsFromItsTypedConfig() throws {
        let error = try #require(throws: GleanError.self) {
            _ = try StageHarness("    use: test.suffix\n    with: {suffix: \"\"}", registry: Self.registry)
        }
        #expect(error.message == "suffix must not be empty")
    }

    @Test func aKindTheRegistryDoesNotHoldIsUnknown() throws {
        let error = try #require(throws: GleanError.self) { _ = try StageHarness("    use: clean.text", registry: Self.registry) }
        #expect(error.message.contains("unknown stage kind 'clean.text'"))
    }
}

/// parse.html's `profile` option: the model's choice per page, or one profile for every page.
/// A spread page reads its h1 as text when it is not the page's title (here og:title is).
@Suite struct ParseHTMLProfileTests {
    static let page = """
        <html lang="en"><head><meta property="og:title" content="Kitchen goods for every home"><title>Kitchen goods for every home | Shop</title></head>
        <body><nav><a href="/">Home</a> <a href="/c">Cart</a></nav><h1>Our range</h1><div class="grid"><div class="card"><h2>Blue kettle</h2><p>Boils a litre in two minutes.</p></div>
        <div class="card"><h2>Red toaster</h2><p>Four slots and a crumb tray.</p></div></div>
        <article><p>Our shop has sold kitchen goods since 1990, and every item ships from our own warehouse in town, packed by hand, with a two-year warranty on parts and labour.</p></article>
        <footer>Copyright</footer></body></html>
        """

    @Test(arguments: [
        ("article", "Our shop has sold kitchen goods since 1990, and every item ships from our own warehouse in town, packed by hand, with a two-year warranty on parts and labour."),
        ("spread", "Our range\n\nBlue kettle\n\nBoils a litre in two minutes.\n\nRed toaster\n\nFour slots and a crumb tray.\n\nOur shop has sold kitchen goods since 1990, and every item ships from our own warehouse in town, packed by hand, with a two-year warranty on parts and labour."),
    ])
    func oneProfileForEveryPage(profile: String, text: String) throws {
        let harness = try StageHarness("    use: parse.html\n    with: {profile: \(profile), as_of: \"2024-06-01\"}")
        let parsed = try harness.process(Document(docId: "p", source: "in/p.html", format: .html, bytes: Array(Self.page.utf8)))
        #expect(parsed.text == text)
    }

    @Test func anUnknownProfileIsAManifestError() throws {
        let error = try #require(throws: GleanError.self) { _ = try StageHarness("    use: parse.html\n    with: {profile: listing}") }
        #expect(error.message.contains("profile"))
    }
}
