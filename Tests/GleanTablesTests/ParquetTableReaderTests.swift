import Foundation
import GleanTables
import Testing

/// A table written as Parquet reads back as the same text cells as its CSV twin read by
/// CSVTableReader: what lets the report read either and show the same page.
@Suite struct ParquetTableReaderTests {
    static let schema = TableSchema(name: "t", doc: "", columns: [
        Column("doc_id", .string, nullable: false, doc: ""),
        Column("text", .string, role: .freeText, doc: ""),
        Column("n32", .int32, doc: ""),
        Column("n", .int64, doc: ""),
        Column("x", .double, doc: ""),
        Column("ok", .boolean, doc: ""),
        Column("day", .date, doc: ""),
        Column("at", .timestamp, doc: ""),
        Column("tags", .stringList, doc: ""),
    ])

    /// (row, the cells both readers give).
    @Test(arguments: [
        ([.string("0001"), .string("=1+1 \"q\", a\r\nb"), .int(-7), .int(Int64.max), .double(9.399e12), .bool(true), .date(19_888), .timestamp(1_717_243_200_000_001), .list(["-A", "B"])],
         ["0001", "=1+1 \"q\", a\r\nb", "-7", "9223372036854775807", "9399000000000", "true", "2024-06-14", "2024-06-01T12:00:00.000001Z", "-A | B"]),
        ([.string("été"), .string(""), .null, .null, .double(-0.000125), .bool(false), .date(-1), .timestamp(-1), .list([])],
         ["été", "", nil, nil, "-0.000125", "false", "1969-12-31", "1969-12-31T23:59:59.999999Z", ""]),
        ([.string("x"), .null, .int(0), .int(0), .double(.nan), .null, .null, .null, .null],
         ["x", nil, "0", "0", nil, nil, nil, nil, nil]),
    ] as [(Row, [String?])])
    func parquetCellsReadAsTheirCSVTwin(row: Row, cells: [String?]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glean-ptr-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let parquet = try ParquetTableWriter(path: dir + "/t.parquet", schema: Self.schema, options: .init())
        try parquet.write(row)
        try parquet.close()
        let csv = try CSVTableWriter(path: dir + "/t.csv", schema: Self.schema)
        try csv.write(row)
        try csv.close()
        let names = Self.schema.columns.map(\.name)
        var fromParquet: [[String?]] = []
        let reader = try ParquetTableReader(path: dir + "/t.parquet")
        #expect(reader.header == names)
        try reader.forEachRow { r in fromParquet.append(names.map { r[$0] ?? nil }) }
        var fromCSV: [[String?]] = []
        try CSVTableReader(path: dir + "/t.csv").forEachRow { r in fromCSV.append(names.map { r[$0] ?? nil }) }
        #expect(fromParquet == [cells])
        #expect(fromCSV == [cells])
    }

    @Test func partitionValuesComeAfterTheFilesColumns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glean-ptr-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let schema = TableSchema(name: "t", doc: "", columns: [Column("doc_id", .string, doc: ""), Column("n", .int64, doc: "")])
        let writer = try ParquetTableWriter(path: dir + "/t.parquet", schema: schema, options: .init())
        try writer.write([.string("a"), .int(1)])
        try writer.close()
        let reader = try ParquetTableReader(path: dir + "/t.parquet", partitions: [("language", "fr"), ("n", "ignored"), ("year", nil)])
        #expect(reader.header == ["doc_id", "n", "language", "year"])
        var rows: [[String: String?]] = []
        try reader.forEachRow { rows.append($0) }
        let expected: [String: String?] = ["doc_id": "a", "n": "1", "language": "fr", "year": String?.none]
        #expect(rows == [expected])
        var projected: [[String: String?]] = []
        try reader.forEachRow(columns: ["n", "year"]) { projected.append($0) }
        let expectedProjected: [String: String?] = ["n": "1", "year": String?.none]
        #expect(projected == [expectedProjected])
    }

    @Test func aTruncatedFileIsATableReadError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glean-ptr-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("PAR1 and then nothing".utf8).write(to: URL(fileURLWithPath: dir + "/t.parquet"))
        #expect(throws: TableReadError(path: dir + "/t.parquet", message: "does not end with PAR1: the file is truncated or still being written")) {
            try ParquetTableReader(path: dir + "/t.parquet")
        }
    }
}
