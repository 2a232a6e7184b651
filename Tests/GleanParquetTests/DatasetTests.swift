import Foundation
import Testing

@testable import GleanParquet

@Suite("Hive-partitioned dataset")
struct DatasetTests {
    static let schema = ParquetSchema(columns: [
        ParquetColumn(name: "dt", type: .date),
        ParquetColumn(name: "region", type: .string),
        ParquetColumn(name: "doc", type: .string, nullable: false),
        ParquetColumn(name: "n", type: .int64),
    ])

    static func rows() -> [[ParquetValue]] {
        let regions: [ParquetValue] = [.string("eu"), .string("x y/z"), .null, .string("üñí=%"), .string("")]
        return (0..<200).map { i in
            [.date(Int32(19_723 + i % 3)), regions[i % regions.count], .string("doc \(i)"), i % 9 == 0 ? .null : .int64(Int64(i))]
        }
    }

    /// Writes the test dataset under `dir/table`, checking the in-progress state before finish.
    static func writeDataset(_ dir: String) throws -> String {
        let root = dir + "/table"
        let writer = try ParquetDatasetWriter(
            root: root, schema: Self.schema, partitionBy: ["dt", "region"], partFileName: "part-00000.parquet",
            options: ParquetWriterOptions(compression: .snappy))
        let rows = Self.rows()
        for row in rows { try writer.write(row: row) }
        // Before finish: only hidden in-progress files, no _SUCCESS.
        #expect(FileManager.default.fileExists(atPath: root + "/dt=2024-01-01/region=eu/.part-00000.parquet.inprogress"))
        #expect(!FileManager.default.fileExists(atPath: root + "/_SUCCESS"))
        try writer.finish()
        return root
    }

    @Test func layout() throws {
        let dir = try makeTempDirectory("dataset")
        defer { removeTempDirectory(dir) }
        let root = try Self.writeDataset(dir)
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".parquet") }.sorted()
        #expect(
            files == [
                "dt=2024-01-01/region=__HIVE_DEFAULT_PARTITION__/part-00000.parquet",
                "dt=2024-01-01/region=eu/part-00000.parquet",
                "dt=2024-01-01/region=x%20y%2Fz/part-00000.parquet",
                "dt=2024-01-01/region=üñí%3D%25/part-00000.parquet",
                "dt=2024-01-02/region=__HIVE_DEFAULT_PARTITION__/part-00000.parquet",
                "dt=2024-01-02/region=eu/part-00000.parquet",
                "dt=2024-01-02/region=x%20y%2Fz/part-00000.parquet",
                "dt=2024-01-02/region=üñí%3D%25/part-00000.parquet",
                "dt=2024-01-03/region=__HIVE_DEFAULT_PARTITION__/part-00000.parquet",
                "dt=2024-01-03/region=eu/part-00000.parquet",
                "dt=2024-01-03/region=x%20y%2Fz/part-00000.parquet",
                "dt=2024-01-03/region=üñí%3D%25/part-00000.parquet",
            ].sorted())
        #expect(FileManager.default.fileExists(atPath: root + "/_SUCCESS"))
    }

    @Test(.enabled(if: PythonCheck.available, "needs GLEAN_PYTHON or .venv with pyarrow, duckdb, polars"))
    func readBackByPyarrowDatasetDuckDBAndSpark() throws {
        let dir = try makeTempDirectory("dataset-read")
        defer { removeTempDirectory(dir) }
        let root = try Self.writeDataset(dir)
        let rows = Self.rows()
        // Expected: partition values as directory text decoded (dates ISO), null and "" -> null.
        let expectedRows = rows.map { row -> [ParquetValue] in
            var r = row
            if case .date(let d) = row[0] { r[0] = .string(ParquetDatasetWriter.isoDate(d)) }
            if row[1] == .string("") { r[1] = .null }
            return r
        }
        let spec = """
            {"rows": 200, "partition": ["dt", "region"], "spark": true, \(JSONText.columns(Self.schema, expectedRows))}
            """
        let (status, output) = try PythonCheck.run(mode: "dataset", path: root, spec: spec)
        #expect(status == 0, "\(output)")
        #expect((output.split(separator: "\n").last ?? "").hasPrefix("OK"), "\(output)")
    }

    @Test func unpartitionedEmptyDatasetStillHasAFile() throws {
        let dir = try makeTempDirectory("dataset-empty")
        defer { removeTempDirectory(dir) }
        let writer = try ParquetDatasetWriter(
            root: dir + "/t", schema: Self.schema, partitionBy: [], partFileName: "part-00000.parquet",
            options: ParquetWriterOptions())
        try writer.finish()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/t").sorted()
        #expect(files == ["_SUCCESS", "part-00000.parquet"])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/t/part-00000.parquet")))
        #expect(Array(bytes.prefix(4)) == Array("PAR1".utf8))
        #expect(Array(bytes.suffix(4)) == Array("PAR1".utf8))
    }

    @Test func badRowCreatesNoPartition() throws {
        let dir = try makeTempDirectory("dataset-badrow")
        defer { removeTempDirectory(dir) }
        let writer = try ParquetDatasetWriter(
            root: dir + "/t", schema: Self.schema, partitionBy: ["region"], partFileName: "part-00000.parquet",
            options: ParquetWriterOptions())
        try writer.write(row: [.date(1), .string("eu"), .string("a"), .int64(1)])
        let error = #expect(throws: ParquetError.self) {
            try writer.write(row: [.date(1), .string("us"), .null, .int64(1)])
        }
        #expect(error?.description == "parquet: column 'doc': null in a non-nullable column")
        try writer.finish()
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir + "/t").sorted()
        #expect(entries == ["_SUCCESS", "region=eu"])
        #expect(throws: ParquetError("finish called twice: \(dir)/t")) { try writer.finish() }
    }

    struct BadPartition: Sendable, CustomTestStringConvertible {
        var partitionBy: [String]
        var message: String
        var testDescription: String { message }
    }

    static let badPartitions: [BadPartition] = [
        BadPartition(partitionBy: ["nope"], message: "parquet: column 'nope': partition column not in schema"),
        BadPartition(partitionBy: ["dt", "dt"], message: "parquet: column 'dt': partition column listed twice"),
        BadPartition(partitionBy: ["dt", "region", "doc", "n"], message: "parquet: every column is a partition column; no data left to write"),
    ]

    @Test(arguments: badPartitions)
    func invalidPartitioningThrows(_ bad: BadPartition) throws {
        let dir = try makeTempDirectory("dataset-bad")
        defer { removeTempDirectory(dir) }
        let error = #expect(throws: ParquetError.self) {
            try ParquetDatasetWriter(
                root: dir + "/t", schema: Self.schema, partitionBy: bad.partitionBy, partFileName: "part-0.parquet",
                options: ParquetWriterOptions())
        }
        #expect(error?.description == bad.message)
    }

    @Test(arguments: [
        (Int32(0), "1970-01-01"), (19_723, "2024-01-01"), (-1, "1969-12-31"), (11_016, "2000-02-29"),
        (-719_162, "0001-01-01"), (2_932_896, "9999-12-31"),
    ])
    func isoDates(days: Int32, text: String) {
        #expect(ParquetDatasetWriter.isoDate(days) == text)
    }

    @Test(arguments: [("x y/z", "x%20y%2Fz"), ("a-b_c.d~e", "a-b_c.d~e"), ("é", "é"), ("100%", "100%25"), ("a=b\tc", "a%3Db%09c"), ("القاهرة 2", "القاهرة%202")])
    func uriEscaping(raw: String, escaped: String) {
        #expect(ParquetDatasetWriter.uriEscape(raw) == escaped)
    }
}
