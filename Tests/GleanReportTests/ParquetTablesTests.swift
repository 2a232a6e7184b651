import Foundation
@testable import GleanCore
import GleanParquet
@testable import GleanReport
import Testing

/// The report reads a run's Parquet tables: a file per table, Hive-partitioned part files whose
/// partition values come back as a column, and each table's CSV when it has no Parquet.
@Suite struct ParquetTablesTests {
    /// A finished run with documents.parquet, metrics as a dataset partitioned by language (a
    /// null language in __HIVE_DEFAULT_PARTITION__), and rejects only as CSV.
    static func runFolder() throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("glean-report-parquet-\(UUID().uuidString)").path
        let generation = out + "/.glean/gen-1"
        let fm = FileManager.default
        try fm.createDirectory(atPath: generation + "/parquet", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: generation + "/csv", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: out + "/.glean/current", withDestinationPath: "gen-1")
        try fm.createSymbolicLink(atPath: out + "/parquet", withDestinationPath: ".glean/current/parquet")
        try fm.createSymbolicLink(atPath: out + "/csv", withDestinationPath: ".glean/current/csv")
        _ = fm.createFile(atPath: generation + "/_SUCCESS", contents: Data())
        let report = RunReport(gleanVersion: "t", manifest: "m.yaml", manifestName: "m", manifestSHA256: "", startedAt: "s", finishedAt: "f",
                               wallSeconds: 1, cpuSeconds: 1, jobs: 1, inputs: 3, documentsOK: 3, documentsRejected: 0,
                               rejects: [], warnings: [], stages: [StageReport(id: "fetch", use: "fetch.files")], exitCode: 0)
        try JSONEncoder().encode(report).write(to: URL(fileURLWithPath: generation + "/_run.json"))

        let documents = ParquetSchema(columns: [
            ParquetColumn(name: "doc_id", type: .string, nullable: false),
            ParquetColumn(name: "language", type: .string),
            ParquetColumn(name: "title", type: .string),
            ParquetColumn(name: "text", type: .string),
        ])
        let docs = try ParquetWriter(path: generation + "/parquet/documents.parquet", schema: documents)
        try docs.write(row: [.string("a"), .string("en"), .string("A"), .string("Police held 12 men on 3 May.")])
        try docs.write(row: [.string("b"), .string("fr"), .null, .string("La police a arrêté 7 hommes.")])
        try docs.write(row: [.string("c"), .null, .null, .string("Nothing here.")])
        try docs.close()

        let metrics = ParquetSchema(columns: [
            ParquetColumn(name: "doc_id", type: .string, nullable: false),
            ParquetColumn(name: "language", type: .string),
            ParquetColumn(name: "value", type: .double),
            ParquetColumn(name: "unit", type: .string),
            ParquetColumn(name: "as_of", type: .date),
            ParquetColumn(name: "offset", type: .int64),
            ParquetColumn(name: "length", type: .int64),
        ])
        let dataset = try ParquetDatasetWriter(root: generation + "/parquet/metrics", schema: metrics, partitionBy: ["language"],
                                               partFileName: "part-00000.parquet")
        try dataset.write(row: [.string("a"), .string("en"), .double(12), .string("men"), .date(19_846), .int64(12), .int64(6)])
        try dataset.write(row: [.string("b"), .string("fr"), .double(7.5), .string("hommes"), .null, .int64(18), .int64(7)])
        try dataset.write(row: [.string("c"), .null, .double(1e21), .null, .null, .int64(0), .int64(7)])
        try dataset.finish()

        try Data("doc_id,stage,reason\nz,parse,empty\n".utf8).write(to: URL(fileURLWithPath: generation + "/csv/rejects.csv"))
        return out
    }

    @Test func tablesFactsAndDocumentsComeFromParquet() throws {
        let out = try Self.runFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let folder = RunFolder(path: out)
        #expect(folder.tables.map(\.name) == ["documents", "metrics", "rejects"])
        #expect(folder.tables.map { $0.files.map { $0.path.replacingOccurrences(of: out + "/", with: "") } } == [
            ["parquet/documents.parquet"],
            ["parquet/metrics/language=en/part-00000.parquet", "parquet/metrics/language=fr/part-00000.parquet",
             "parquet/metrics/language=__HIVE_DEFAULT_PARTITION__/part-00000.parquet"].sorted(),
            ["csv/rejects.csv"],
        ])
        let data = try ReportCollector().collect(folder)
        #expect(data.notes == [])
        #expect(data.documentsTotal == 3)
        #expect(data.tables.map(\.name) == ["documents", "metrics", "rejects"])
        #expect(data.tables.map(\.rows) == [3, 3, 1])
        // The partition column comes after the file's columns; a null partition is a null cell.
        #expect(data.tables[1].columns == [
            ColumnSummary(name: "doc_id", nulls: 0), ColumnSummary(name: "value", nulls: 0), ColumnSummary(name: "unit", nulls: 1),
            ColumnSummary(name: "as_of", nulls: 2), ColumnSummary(name: "offset", nulls: 0), ColumnSummary(name: "length", nulls: 0),
            ColumnSummary(name: "language", nulls: 1),
        ])
        #expect(data.tables[0].columns.map(\.nulls) == [0, 1, 2, 0])
        #expect(data.factCounts == [FactCount(language: "en", kind: "metrics", rows: 1), FactCount(language: "fr", kind: "metrics", rows: 1),
                                    FactCount(language: "unknown", kind: "metrics", rows: 1)])
        #expect(data.documents.map(\.docId) == ["a", "b", "c"])
        #expect(data.documents.map(\.title) == ["A", nil, nil])
        // Values read as the CSV writes them: plain decimals, ISO dates.
        #expect(data.documents[0].marks == [FactMark(kind: "metrics", start: 12, length: 6, label: "as_of: 2024-05-03 · unit: men · value: 12")])
        #expect(data.documents[1].marks == [FactMark(kind: "metrics", start: 18, length: 7, label: "unit: hommes · value: 7.5")])
        #expect(data.documents[2].marks == [FactMark(kind: "metrics", start: 0, length: 7, label: "value: 1000000000000000000000")])
    }

    /// A corrupt Parquet table is an error naming the file, not a crash or a silent gap.
    @Test func aCorruptTableIsAnErrorNamingItsFile() throws {
        let out = try Self.runFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let file = out + "/.glean/gen-1/parquet/documents.parquet"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: file))
        #expect(throws: (any Error).self) { try ReportCollector().collect(RunFolder(path: out)) }
        do {
            _ = try ReportCollector().collect(RunFolder(path: out))
        } catch {
            #expect("\(error)" == out + "/parquet/documents.parquet: does not end with PAR1: the file is truncated or still being written")
        }
    }
}
