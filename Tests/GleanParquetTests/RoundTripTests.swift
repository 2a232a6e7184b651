import Foundation
import Testing

@testable import GleanParquet

/// Every column type, nullable and not.
let allTypesSchema = ParquetSchema(columns: [
    ParquetColumn(name: "s", type: .string),
    ParquetColumn(name: "i32", type: .int32),
    ParquetColumn(name: "i64", type: .int64, nullable: false),
    ParquetColumn(name: "d", type: .double),
    ParquetColumn(name: "b", type: .boolean),
    ParquetColumn(name: "dt", type: .date),
    ParquetColumn(name: "ts", type: .timestampMicros),
    ParquetColumn(name: "tags", type: .stringList),
    ParquetColumn(name: "req_tags", type: .stringList, nullable: false),
    ParquetColumn(name: "req_s", type: .string, nullable: false),
])

/// Deterministic rows covering nulls, extremes, NaN, -0.0, Unicode and list shapes.
func allTypesRows(_ count: Int) -> [[ParquetValue]] {
    let words = ["alpha", "beta", "gamma", "δέλτα", "日本語", "emoji 🎉", "", "quote \" and \\ and \n"]
    var rows: [[ParquetValue]] = []
    for i in 0..<count {
        let s: ParquetValue = i % 7 == 3 ? .null : .string(words[i % words.count])
        let i32: ParquetValue = i % 5 == 1 ? .null : .int32(i % 3 == 0 ? Int32.min + Int32(i) : Int32(i * 1000))
        let i64 = ParquetValue.int64(i % 11 == 0 ? Int64.max - Int64(i) : Int64(i) * -123_456_789)
        let d: ParquetValue
        switch i % 9 {
        case 0: d = .double(.nan)
        case 1: d = .double(-0.0)
        case 2: d = .null
        case 3: d = .double(.infinity)
        default: d = .double(Double(i) / 7.0 - 3)
        }
        let b: ParquetValue = i % 4 == 2 ? .null : .boolean(i % 3 == 0)
        let dt: ParquetValue = i % 6 == 5 ? .null : .date(Int32(i * 37 - 1000))
        let ts: ParquetValue = i % 8 == 7 ? .null : .timestampMicros(Int64(i) * 86_400_123_457 - 5)
        let tags: ParquetValue
        switch i % 5 {
        case 0: tags = .null
        case 1: tags = .stringList([])
        case 2: tags = .stringListWithNulls(["x", nil, words[i % words.count]])
        case 3: tags = .stringList([words[(i + 1) % words.count]])
        default: tags = .stringListWithNulls([nil])
        }
        let reqTags: ParquetValue = i % 3 == 0 ? .stringList([]) : .stringList(["r\(i % 4)", "q"])
        rows.append([s, i32, i64, d, b, dt, ts, tags, reqTags, .string("row \(i)")])
    }
    return rows
}

@Suite("Round trips read back by pyarrow, DuckDB and polars", .enabled(if: PythonCheck.available, "needs GLEAN_PYTHON or .venv with pyarrow, duckdb, polars"))
struct RoundTripTests {
    @Test(arguments: ParquetCompression.allCases)
    func allTypesEveryCodec(_ codec: ParquetCompression) throws {
        let dir = try makeTempDirectory("all-\(codec.rawValue)")
        defer { removeTempDirectory(dir) }
        let path = dir + "/all.parquet"
        let rows = allTypesRows(300)
        let options = ParquetWriterOptions(
            compression: codec, createdBy: "glean version 0.1.0",
            keyValueMetadata: [.init(key: "glean.schema_note", value: "test ✓"), .init(key: "k2", value: "")])
        try writeTable(path, allTypesSchema, rows, options)
        // Expected double statistics computed from the rows: NaN and null left out, -0.0 kept.
        let doubles = rows.compactMap { row -> Double? in
            if case .double(let v) = row[3], !v.isNaN { return v }
            return nil
        }
        let doubleNulls = rows.filter { $0[3] == .null }.count
        let codecName = ["none": "UNCOMPRESSED", "snappy": "SNAPPY", "gzip": "GZIP", "zstd": "ZSTD"][codec.rawValue] ?? "?"
        let spec = """
            {"rows": 300, \(JSONText.columns(allTypesSchema, rows)), "row_groups": 1,
             "created_by": "glean version 0.1.0", "kv": {"glean.schema_note": "test ✓", "k2": ""},
             "codec": "\(codecName)",
             "dictionary": {"s": true, "b": false},
             "encodings": {"s": ["PLAIN", "RLE", "RLE_DICTIONARY"], "b": ["PLAIN", "RLE"]},
             "stats": {"i64": {"null_count": 0, "min": \(Int64(299) * -123_456_789), "max": \(Int64.max)},
                       "s": {"null_count": 43, "min": "", "max": "日本語", "min_exact": true, "max_exact": true},
                       "d": {"null_count": \(doubleNulls), "min": \(JSONText.double(doubles.min() ?? 0)), "max": Infinity},
                       "b": {"null_count": 75, "min": false, "max": true},
                       "dt": {"null_count": 50, "min": -1000, "max": \(298 * 37 - 1000)},
                       "tags.list.element": {"null_count": 240, "min": "", "max": "日本語"}}}
            """
        try PythonCheck.expectFile(path, spec: spec)
    }

    @Test func emptyTable() throws {
        let dir = try makeTempDirectory("empty")
        defer { removeTempDirectory(dir) }
        let path = dir + "/empty.parquet"
        try writeTable(path, allTypesSchema, [])
        try PythonCheck.expectFile(path, spec: #"{"rows": 0, "row_groups": 0, \#(JSONText.columns(allTypesSchema, []))}"#)
    }

    @Test func oneRow() throws {
        let dir = try makeTempDirectory("one")
        defer { removeTempDirectory(dir) }
        let path = dir + "/one.parquet"
        let rows = [allTypesRows(3)[2]]
        try writeTable(path, allTypesSchema, rows, ParquetWriterOptions(compression: .snappy))
        try PythonCheck.expectFile(path, spec: #"{"rows": 1, "row_groups": 1, \#(JSONText.columns(allTypesSchema, rows))}"#)
    }

    @Test func allNullColumns() throws {
        let schema = ParquetSchema(columns: [
            ParquetColumn(name: "s", type: .string), ParquetColumn(name: "d", type: .double),
            ParquetColumn(name: "tags", type: .stringList), ParquetColumn(name: "n", type: .int64, nullable: false),
        ])
        let rows: [[ParquetValue]] = (0..<50).map { [.null, .null, .null, .int64(Int64($0))] }
        let dir = try makeTempDirectory("nulls")
        defer { removeTempDirectory(dir) }
        let path = dir + "/nulls.parquet"
        try writeTable(path, schema, rows)
        try PythonCheck.expectFile(
            path,
            spec: #"{"rows": 50, \#(JSONText.columns(schema, rows)), "stats": {"s": {"null_count": 50, "min": null}}}"#)
    }

    @Test(arguments: [ParquetCompression.zstd, .none])
    func multipleRowGroupsAndPages(_ codec: ParquetCompression) throws {
        let dir = try makeTempDirectory("groups")
        defer { removeTempDirectory(dir) }
        let path = dir + "/groups.parquet"
        let rows = allTypesRows(5000)
        let options = ParquetWriterOptions(compression: codec, rowGroupBytes: 40_000, pageBytes: 2_000, pageCheckRows: 50)
        try writeTable(path, allTypesSchema, rows, options)
        try PythonCheck.expectFile(path, spec: #"{"rows": 5000, "min_row_groups": 4, \#(JSONText.columns(allTypesSchema, rows))}"#)
    }

    @Test func dictionaryFallsBackToPlain() throws {
        let schema = ParquetSchema(columns: [
            ParquetColumn(name: "u", type: .string), ParquetColumn(name: "n", type: .int64),
            ParquetColumn(name: "tags", type: .stringList),
        ])
        let rows: [[ParquetValue]] = (0..<3000).map {
            [.string("unique value \($0)"), .int64(Int64($0 * 7919 % 3001)), .stringList(["t\($0)", "t\($0 + 1)"])]
        }
        let dir = try makeTempDirectory("fallback")
        defer { removeTempDirectory(dir) }
        let path = dir + "/fallback.parquet"
        try writeTable(path, schema, rows, ParquetWriterOptions(maxDictionaryBytes: 2_000))
        try PythonCheck.expectFile(
            path,
            spec: """
                {"rows": 3000, \(JSONText.columns(schema, rows)), "row_groups": 1,
                 "dictionary": {"u": true, "n": true, "tags.list.element": true},
                 "encodings": {"u": ["PLAIN", "RLE", "RLE_DICTIONARY"], "n": ["PLAIN", "RLE", "RLE_DICTIONARY"]},
                 "stats": {"u": {"null_count": 0, "min": "unique value 0", "max": "unique value 999"},
                           "n": {"null_count": 0, "min": 0, "max": 3000}}}
                """)
    }

    @Test func dictionaryOff() throws {
        let schema = ParquetSchema(columns: [ParquetColumn(name: "s", type: .string), ParquetColumn(name: "d", type: .double)])
        let rows: [[ParquetValue]] = (0..<100).map { [.string("v\($0 % 3)"), .double(Double($0 % 4))] }
        let dir = try makeTempDirectory("nodict")
        defer { removeTempDirectory(dir) }
        let path = dir + "/nodict.parquet"
        try writeTable(path, schema, rows, ParquetWriterOptions(compression: .gzip, dictionary: false))
        try PythonCheck.expectFile(
            path,
            spec: """
                {"rows": 100, \(JSONText.columns(schema, rows)),
                 "dictionary": {"s": false, "d": false}, "encodings": {"s": ["PLAIN", "RLE"], "d": ["PLAIN", "RLE"]},
                 "stats": {"d": {"null_count": 0, "min": -0.0, "max": 3.0}}}
                """)
    }

    @Test func longStringsTruncateStatistics() throws {
        let schema = ParquetSchema(columns: [ParquetColumn(name: "s", type: .string, nullable: false)])
        let long = String(repeating: "m", count: 200)
        let rows: [[ParquetValue]] = [
            [.string(String(repeating: "a", count: 100) + "z")], [.string(long)], [.string(long + "é")],
            [.string(String(repeating: "é", count: 300))],
        ]
        let dir = try makeTempDirectory("long")
        defer { removeTempDirectory(dir) }
        let path = dir + "/long.parquet"
        try writeTable(path, schema, rows)
        let minText = String(repeating: "a", count: 64)
        let maxText = String(repeating: "é", count: 31) + "ê"  // 64-byte prefix, last character incremented
        try PythonCheck.expectFile(
            path,
            spec: #"{"rows": 4, \#(JSONText.columns(schema, rows)), "stats": {"s": {"null_count": 0, "min": "\#(minText)", "max": "\#(maxText)", "min_exact": false, "max_exact": false}}}"#)
    }

    @Test func rejectedRowLeavesNoTrace() throws {
        let schema = ParquetSchema(columns: [
            ParquetColumn(name: "name", type: .string, nullable: false), ParquetColumn(name: "tags", type: .stringList),
        ])
        let dir = try makeTempDirectory("rejected")
        defer { removeTempDirectory(dir) }
        let path = dir + "/rejected.parquet"
        let writer = try ParquetWriter(path: path, schema: schema)
        try writer.write(row: [.string("first"), .stringList(["a"])])
        #expect(throws: ParquetError.self) { try writer.write(row: [.string("bad"), .string("not a list")]) }
        #expect(throws: ParquetError.self) { try writer.write(row: [.null, .stringList(["b"])]) }
        try writer.write(row: [.string("second"), .null])
        try writer.close()
        try PythonCheck.expectFile(path, spec: #"{"rows": 2, "columns": {"name": ["first", "second"], "tags": [["a"], null]}}"#)
    }

    @Test func millionRows() throws {
        let schema = ParquetSchema(columns: [
            ParquetColumn(name: "id", type: .int64, nullable: false),
            ParquetColumn(name: "name", type: .string, nullable: false),
            ParquetColumn(name: "kind", type: .string),
        ])
        let kinds = ["person", "place", "organisation", "date", "money"]
        let dir = try makeTempDirectory("million")
        defer { removeTempDirectory(dir) }
        let path = dir + "/million.parquet"
        let writer = try ParquetWriter(path: path, schema: schema, options: ParquetWriterOptions())
        for i in 0..<1_000_000 {
            try writer.write(row: [.int64(Int64(i)), .string("row-\(i)"), .string(kinds[i % kinds.count])])
        }
        try writer.close()
        let kindList = kinds.map(JSONText.string).joined(separator: ",")
        try PythonCheck.expectFile(
            path,
            spec: """
                {"rows": 1000000, "generated": {"id": {"kind": "range", "start": 0, "step": 1},
                 "name": {"kind": "format", "template": "row-{i}"}, "kind": {"kind": "cycle", "values": [\(kindList)]}},
                 "dictionary": {"kind": true}, "stats": {"id": {"null_count": 0, "min": 0, "max": 999999}}}
                """)
    }
}

@Suite("Writer behaviour")
struct WriterBehaviourTests {
    @Test(arguments: ParquetCompression.allCases)
    func sameRowsGiveIdenticalBytes(_ codec: ParquetCompression) throws {
        let dir = try makeTempDirectory("determinism")
        defer { removeTempDirectory(dir) }
        let rows = allTypesRows(2000)
        let options = ParquetWriterOptions(compression: codec, rowGroupBytes: 50_000, pageBytes: 4_000, pageCheckRows: 100)
        let a = try writeTable(dir + "/a.parquet", allTypesSchema, rows, options)
        let b = try writeTable(dir + "/b.parquet", allTypesSchema, rows, options)
        #expect(a == b)
        #expect(a.count > 1000)
        #expect(Array(a.prefix(4)) == Array("PAR1".utf8))
        #expect(Array(a.suffix(4)) == Array("PAR1".utf8))
    }

    struct BadRow: Sendable, CustomTestStringConvertible {
        var row: [ParquetValue]
        var message: String
        var testDescription: String { message }
    }

    static let schema = ParquetSchema(columns: [
        ParquetColumn(name: "name", type: .string, nullable: false), ParquetColumn(name: "n", type: .int32),
    ])

    static let badRows: [BadRow] = [
        BadRow(row: [.null, .int32(1)], message: "parquet: column 'name': null in a non-nullable column"),
        BadRow(row: [.string("a"), .int64(1)], message: "parquet: column 'n': expected int32 but got int64"),
        BadRow(row: [.int32(1), .int32(1)], message: "parquet: column 'name': expected string but got int32"),
        BadRow(row: [.string("a")], message: "parquet: row has 1 values but the schema has 2 columns"),
    ]

    @Test(arguments: badRows)
    func badRowsThrowNamingTheColumnAndWriterStaysUsable(_ bad: BadRow) throws {
        let dir = try makeTempDirectory("bad")
        defer { removeTempDirectory(dir) }
        let path = dir + "/bad.parquet"
        let writer = try ParquetWriter(path: path, schema: Self.schema)
        try writer.write(row: [.string("first"), .int32(1)])
        let error = #expect(throws: ParquetError.self) { try writer.write(row: bad.row) }
        #expect(error?.description == bad.message)
        try writer.write(row: [.string("second"), .null])
        try writer.close()
        #expect(writer.rowCount == 2)
    }

    @Test func invalidSchemasAndOptionsThrow() throws {
        let dir = try makeTempDirectory("invalid")
        defer { removeTempDirectory(dir) }
        #expect(throws: ParquetError("schema has no columns")) {
            try ParquetWriter(path: dir + "/x.parquet", schema: ParquetSchema(columns: []))
        }
        #expect(throws: ParquetError("duplicate column name 'a'")) {
            try ParquetWriter(
                path: dir + "/x.parquet",
                schema: ParquetSchema(columns: [ParquetColumn(name: "a", type: .int32), ParquetColumn(name: "a", type: .string)]))
        }
        #expect(throws: ParquetError("zstd compressionLevel must be -7...22 (got 99)")) {
            try ParquetWriter(
                path: dir + "/x.parquet", schema: Self.schema, options: ParquetWriterOptions(compressionLevel: 99))
        }
        #expect(throws: ParquetError("cannot create /nonexistent-dir-glean/x.parquet: No such file or directory")) {
            try ParquetWriter(path: "/nonexistent-dir-glean/x.parquet", schema: Self.schema)
        }
    }

    @Test func closeTwiceAndWriteAfterCloseThrow() throws {
        let dir = try makeTempDirectory("twice")
        defer { removeTempDirectory(dir) }
        let writer = try ParquetWriter(path: dir + "/t.parquet", schema: Self.schema)
        try writer.close()
        #expect(throws: ParquetError.self) { try writer.close() }
        #expect(throws: ParquetError.self) { try writer.write(row: [.string("a"), .null]) }
    }
}
