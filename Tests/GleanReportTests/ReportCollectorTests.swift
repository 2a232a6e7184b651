import Foundation
@testable import GleanCore
@testable import GleanReport
import Testing

/// Reading a run folder: spans of merged entities, hover labels, the browser's sample.
@Suite struct ReportCollectorTests {
    /// (name, offset, text, length): the fullest name, or as much of it as the text spells there.
    @Test(arguments: [
        ("Nguyen Duy Ngoc", 4, "Gen Nguyen Duy Ngoc said", 15),
        ("Nguyen Duy Ngoc", 4, "Gen Nguyen said", 6),
        ("Nguyen Duy Ngoc", 4, "Gen Nguyen Duong said", 6),
        ("Ministry of Public Security", 0, "MPS said", 3),
        ("وزارة الداخلية", 3, "في وزارة الداخلية", 14),
        ("X", 20, "short", 0),
    ] as [(String, Int, String, Int)])
    func aMergedEntitysSpanIsWhatTheTextSpellsOfItsName(name: String, offset: Int, text: String, length: Int) {
        #expect(ReportCollector.mentionLength(of: name, at: offset, in: Array(text.unicodeScalars)) == length)
    }

    @Test func theHoverShowsTheValuesNotTheirPlace() {
        let row: [String: String?] = ["doc_id": "d", "language": "en", "kind": "count", "value": "12", "unit": "men",
                                      "direction": nil, "text": "12 men", "offset": "3", "length": "6", "sentence": "…", "subject": ""]
        #expect(ReportCollector.label(row) == "kind: count · unit: men · value: 12")
    }

    /// The sample is the smallest hashes, whatever order the doc_ids come in.
    @Test func theSampleDoesNotDependOnOrder() {
        let ids = (0..<1_000).map { "doc-\($0)" }
        var forward = SampleChooser(limit: 50)
        var backward = SampleChooser(limit: 50)
        for id in ids { forward.offer(id) }
        for id in ids.reversed() { backward.offer(id) }
        #expect(forward.chosen == backward.chosen)
        #expect(forward.chosen.count == 50)
        let cutoff = ids.map(SampleChooser.hash).sorted()[49]
        #expect(forward.chosen.allSatisfy { SampleChooser.hash($0) <= cutoff })
    }

    @Test(arguments: [
        (["doc_id", "offset", "length", "x"], "offset", "length"),
        (["doc_id", "first_offset", "name"], "first_offset", nil),
        (["doc_id", "stage", "reason"], nil, nil),
        (["offset", "length"], nil, nil),
    ] as [([String], String?, String?)])
    func factTablesAreThoseWithSpans(columns: [String], offset: String?, length: String?) {
        let found = ReportCollector.spanColumns(Set(columns))
        #expect(found?.offset == offset)
        #expect(found?.length == length)
    }

    /// 10,000 documents of 7.5 KB with 20 facts each: the report stays under 10 MB, and says
    /// every count over all of them.
    @Test func tenThousandDocumentsMakeAReportUnderTenMegabytes() throws {
        let out = try Fixture.runFolder(documents: 10_000, textLength: 7_500, factsPerDocument: 20, spacing: 360)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let data = try ReportCollector().collect(RunFolder(path: out))
        #expect(data.documentsTotal == 10_000)
        #expect(data.tables.first { $0.name == "metrics" }?.rows == 200_000)
        #expect(data.factCounts == [FactCount(language: "en", kind: "metrics", rows: 200_000)])
        #expect(data.documents.count == 200)
        #expect(data.documents.allSatisfy { $0.marks.count == 20 && $0.factRows == 20 })
        let html = ReportHTML.render(data)
        #expect(html.utf8.count < 10_000_000)
        #expect(html.contains("A sample of 200 documents of 10\u{202F}000"))
    }

    /// A text over the browser's limit is cut, and the facts after the cut are counted, not shown.
    @Test func aLongTextIsCutAndSaysSo() throws {
        let out = try Fixture.runFolder(documents: 1, textLength: 30_000, factsPerDocument: 30, spacing: 1_008)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let data = try ReportCollector().collect(RunFolder(path: out))
        #expect(data.documents.map(\.text.count) == [20_000])
        #expect(data.documents.map(\.factRows) == [30])
        #expect(data.documents.map(\.marks.count) == [20])
        #expect(ReportHTML.render(data).contains("text cut at 20\u{202F}000 of 30\u{202F}000 characters; 10 facts after the cut are not shown"))
    }
}

/// A run folder as a finished run leaves it: the committed generation, its report and CSV tables.
enum Fixture {
    static func runFolder(documents: Int, textLength: Int, factsPerDocument: Int, spacing: Int) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("glean-report-\(UUID().uuidString)").path
        let generation = out + "/.glean/gen-1"
        try FileManager.default.createDirectory(atPath: generation + "/csv", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out + "/.glean/current", withDestinationPath: "gen-1")
        try FileManager.default.createSymbolicLink(atPath: out + "/csv", withDestinationPath: ".glean/current/csv")
        _ = FileManager.default.createFile(atPath: generation + "/_SUCCESS", contents: Data())
        let report = RunReport(gleanVersion: "t", manifest: "m.yaml", manifestName: "m", manifestSHA256: "", startedAt: "s", finishedAt: "f",
                               wallSeconds: 1, cpuSeconds: 1, jobs: 1, inputs: documents, documentsOK: documents, documentsRejected: 0,
                               rejects: [], warnings: [], stages: [StageReport(id: "fetch", use: "fetch.files")], exitCode: 0)
        try JSONEncoder().encode(report).write(to: URL(fileURLWithPath: generation + "/_run.json"))
        let text = String(repeating: "Police held 12 men in the district. ", count: textLength / 36 + 1).prefix(textLength)
        var docs = "doc_id,language,text\n"
        var metrics = "doc_id,language,kind,value,text,offset,length\n"
        for d in 0..<documents {
            docs += "d\(d),en,\"\(text)\"\n"
            for f in 0..<factsPerDocument { metrics += "d\(d),en,count,12,12 men,\(f * spacing + 12),6\n" }
        }
        try Data(docs.utf8).write(to: URL(fileURLWithPath: generation + "/csv/documents.csv"))
        try Data(metrics.utf8).write(to: URL(fileURLWithPath: generation + "/csv/metrics.csv"))
        return out
    }
}
