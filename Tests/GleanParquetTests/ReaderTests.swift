import Foundation
import Testing

@testable import GleanParquet

/// Whether two values are the same, NaN equal to NaN and -0.0 apart from 0.0 (bit patterns).
func sameValue(_ a: ParquetValue, _ b: ParquetValue) -> Bool {
    if case .double(let x) = a, case .double(let y) = b { return x.bitPattern == y.bitPattern }
    return a == b
}

/// The first difference between two tables of rows, or nil.
func firstDifference(_ got: [[ParquetValue]], _ expected: [[ParquetValue]], _ schema: ParquetSchema) -> String? {
    guard got.count == expected.count else { return "\(got.count) rows, expected \(expected.count)" }
    for r in 0..<got.count {
        guard got[r].count == expected[r].count else { return "row \(r): \(got[r].count) values" }
        for j in 0..<got[r].count where !sameValue(got[r][j], expected[r][j]) {
            return "row \(r), column \(schema.columns[j].name): \(got[r][j]), expected \(expected[r][j])"
        }
    }
    return nil
}

/// A list with no null element reads back as `.stringList`.
func normalised(_ rows: [[ParquetValue]]) -> [[ParquetValue]] {
    rows.map { row in
        row.map { value in
            if case .stringListWithNulls(let items) = value, !items.contains(where: { $0 == nil }) {
                return .stringList(items.map { $0! })
            }
            return value
        }
    }
}

@Suite("ParquetReader reads back what ParquetWriter writes")
struct ReaderRoundTripTests {
    struct Case: CustomStringConvertible, Sendable {
        var codec: ParquetCompression
        var dictionary: Bool
        /// Small row groups and pages: several of each.
        var small: Bool
        var description: String { "\(codec.rawValue) dictionary=\(dictionary) small=\(small)" }
    }

    static let cases: [Case] = ParquetCompression.allCases.flatMap { codec in
        [Case(codec: codec, dictionary: true, small: false), Case(codec: codec, dictionary: false, small: false),
         Case(codec: codec, dictionary: true, small: true), Case(codec: codec, dictionary: false, small: true)]
    }

    @Test(arguments: cases)
    func everyTypeAndCodec(_ c: Case) throws {
        let dir = try makeTempDirectory("reader-\(c.codec.rawValue)")
        defer { removeTempDirectory(dir) }
        let path = dir + "/all.parquet"
        let rows = allTypesRows(300)
        var options = ParquetWriterOptions(compression: c.codec, dictionary: c.dictionary,
                                           keyValueMetadata: [.init(key: "glean.table", value: "all ✓")])
        if c.small {
            options.rowGroupBytes = 2048
            options.pageRows = 10
            options.pageCheckRows = 1
        }
        try writeTable(path, allTypesSchema, rows, options)
        let reader = try ParquetReader(path: path)
        #expect(reader.schema == allTypesSchema)
        #expect(reader.rowCount == 300)
        #expect(reader.keyValueMetadata == [ParquetKeyValue(key: "glean.table", value: "all ✓")])
        #expect(reader.createdBy == "glean version 0.1.0")
        #expect(c.small ? reader.rowGroupCount > 1 : reader.rowGroupCount == 1)
        let got = try reader.readAll()
        #expect(firstDifference(got, normalised(rows), allTypesSchema) == nil)
    }

    /// Column projection gives those columns, in the order asked.
    @Test func selectedColumns() throws {
        let dir = try makeTempDirectory("reader-columns")
        defer { removeTempDirectory(dir) }
        let path = dir + "/all.parquet"
        let rows = normalised(allTypesRows(100))
        try writeTable(path, allTypesSchema, rows)
        let reader = try ParquetReader(path: path)
        var got: [[ParquetValue]] = []
        try reader.forEachRow(columns: [9, 0]) { got.append($0) }
        #expect(got.count == 100)
        #expect(got[0] == [.string("row 0"), .string("alpha")])
        #expect(got[3] == [.string("row 3"), .null])
        #expect(got[99] == [.string("row 99"), rows[99][0]])
    }

    /// Exact values of one small file: every shape of list and null.
    @Test(arguments: [
        ([ParquetValue.stringList([]), .null, .stringListWithNulls([nil, "a"]), .stringList(["b", "c"]), .stringListWithNulls([nil])],
         ParquetType.stringList),
        ([.int64(Int64.min), .int64(Int64.max), .null, .int64(0)], .int64),
        ([.int32(Int32.min), .null, .int32(Int32.max)], .int32),
        ([.boolean(true), .null, .boolean(false), .boolean(true)], .boolean),
        ([.date(-719_162), .date(2_932_896), .null], .date),
        ([.timestampMicros(-1), .timestampMicros(1_717_243_200_000_000), .null], .timestampMicros),
        ([.string(""), .null, .string("العربية"), .string("a\u{0}b")], .string),
    ])
    func exactValues(_ values: [ParquetValue], _ type: ParquetType) throws {
        let dir = try makeTempDirectory("reader-exact")
        defer { removeTempDirectory(dir) }
        let schema = ParquetSchema(columns: [ParquetColumn(name: "v", type: type)])
        for dictionary in [true, false] {
            let path = dir + "/v-\(dictionary).parquet"
            try writeTable(path, schema, values.map { [$0] }, ParquetWriterOptions(dictionary: dictionary))
            #expect(try ParquetReader(path: path).readAll() == values.map { [$0] })
        }
    }

    /// An empty table: a valid file with no row groups.
    @Test func emptyTable() throws {
        let dir = try makeTempDirectory("reader-empty")
        defer { removeTempDirectory(dir) }
        try writeTable(dir + "/e.parquet", allTypesSchema, [])
        let reader = try ParquetReader(path: dir + "/e.parquet")
        #expect(reader.rowGroupCount == 0)
        #expect(reader.schema == allTypesSchema)
        #expect(try reader.readAll().isEmpty)
    }
}

@Suite("ParquetReader reads files written by pyarrow", .enabled(if: PythonCheck.available, "needs GLEAN_PYTHON or .venv with pyarrow"))
struct ReaderPyarrowTests {
    static let schema = ParquetSchema(columns: [
        ParquetColumn(name: "s", type: .string),
        ParquetColumn(name: "i32", type: .int32),
        ParquetColumn(name: "i64", type: .int64),
        ParquetColumn(name: "f32", type: .double),
        ParquetColumn(name: "d", type: .double),
        ParquetColumn(name: "b", type: .boolean),
        ParquetColumn(name: "dt", type: .date),
        ParquetColumn(name: "ts_us", type: .timestampMicros),
        ParquetColumn(name: "ts_ms", type: .timestampMicros),
        ParquetColumn(name: "ts_ns", type: .timestampMicros),
        ParquetColumn(name: "tags", type: .stringList),
        ParquetColumn(name: "i8", type: .int32),
    ])

    /// The rows write_for_reader.py writes (the same formulas).
    static func rows(_ n: Int) -> [[ParquetValue]] {
        let words = ["alpha", "δέλτα", "日本語", "", "emoji 🎉", "quote \" and \n"]
        return (0..<n).map { i in
            let tags: [ParquetValue] = [.null, .stringList([]), .stringListWithNulls(["x", nil, "y\(i)"]), .stringList(["z"]), .stringListWithNulls([nil])]
            let nsMicros = (Int64(i) * 1_000_000_007 - 3000)
            return [
                i % 7 == 3 ? .null : .string(words[i % words.count]),
                i % 5 == 1 ? .null : .int32(Int32(i * 1000 - 7)),
                .int64(Int64(i) * -123_456_789),
                i % 6 == 0 ? .null : .double(Double(i) / 4),
                i % 9 == 2 ? .null : .double(Double(i) / 8 - 2),
                i % 4 == 2 ? .null : .boolean(i % 3 == 0),
                i % 6 == 5 ? .null : .date(Int32(i * 37 - 1000)),
                i % 8 == 7 ? .null : .timestampMicros(Int64(i) * 86_400_123_457 - 5),
                .timestampMicros((Int64(i) * 1_000_003 - 20) * 1000),
                // Nanoseconds floored to microseconds.
                .timestampMicros(nsMicros >= 0 ? nsMicros / 1000 : (nsMicros - 999) / 1000),
                tags[i % 5],
                .int32(Int32(i % 100 - 50)),
            ]
        }
    }

    @Test(arguments: ["none", "snappy", "gzip", "zstd"])
    func everyCodecPageVersionAndEncoding(_ codec: String) throws {
        let dir = try makeTempDirectory("pyarrow-\(codec)")
        defer { removeTempDirectory(dir) }
        let script = PythonCheck.packageRoot.appendingPathComponent("Tests/Python/parquet/write_for_reader.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PythonCheck.python!)
        process.arguments = [script, dir, codec]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "write_for_reader.py failed: \(output)")
        let expected = Self.rows(50)
        for name in ["v1-dict", "v1-plain", "v2-dict", "v2-plain"] {
            let reader = try ParquetReader(path: dir + "/\(name).parquet")
            #expect(reader.schema == Self.schema, "\(name)")
            #expect(reader.rowGroupCount == 3, "\(name)")
            #expect(reader.rowCount == 50, "\(name)")
            let got = try reader.readAll()
            #expect(firstDifference(got, expected, Self.schema) == nil, "\(name) \(codec)")
            try expectDamageIsAnError(dir + "/\(name).parquet")
        }
    }

    /// Four bytes set to pseudo-random values at pseudo-random places, 150 times (the same
    /// each run): the reader reads the file or throws a ParquetReadError, never crashes.
    func expectDamageIsAnError(_ path: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let damaged = path + ".damaged"
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<150 {
            var copy = bytes
            for _ in 0..<4 { copy[next() % copy.count] = UInt8(truncatingIfNeeded: next()) }
            try Data(copy).write(to: URL(fileURLWithPath: damaged))
            let message = ReaderCorruptTests.readError(damaged) ?? ""
            #expect(!message.hasPrefix("not a ParquetReadError") && !message.hasPrefix("wrong path"), "\(message)")
        }
    }
}

@Suite("ParquetReader refuses truncated and corrupt files with an error")
struct ReaderCorruptTests {
    /// A small file of every type, several row groups and pages, dictionary and PLAIN pages.
    static func sample(_ dir: String, codec: ParquetCompression = .zstd, rows: Int = 40) throws -> (path: String, bytes: [UInt8]) {
        let path = dir + "/sample.parquet"
        var options = ParquetWriterOptions(compression: codec)
        options.rowGroupBytes = rows < 40 ? 512 : 1024
        options.pageRows = rows < 40 ? 4 : 8
        options.pageCheckRows = 1
        let bytes = try writeTable(path, allTypesSchema, allTypesRows(rows), options)
        return (path, bytes)
    }

    /// Reads the whole file; returns the error message, or nil when it reads.
    static func readError(_ path: String) -> String? {
        do {
            _ = try ParquetReader(path: path).readAll()
            return nil
        } catch let error as ParquetReadError {
            return error.path == path ? error.message : "wrong path \(error.path)"
        } catch {
            return "not a ParquetReadError: \(error)"
        }
    }

    @Test(arguments: [
        (0, "0 bytes: too short to be a Parquet file (it is truncated or not Parquet)"),
        (4, "4 bytes: too short to be a Parquet file (it is truncated or not Parquet)"),
        (11, "11 bytes: too short to be a Parquet file (it is truncated or not Parquet)"),
        (100, "does not end with PAR1: the file is truncated or still being written"),
        (-1, "does not end with PAR1: the file is truncated or still being written"),
    ])
    func truncatedFiles(_ keep: Int, _ message: String) throws {
        let dir = try makeTempDirectory("corrupt-trunc")
        defer { removeTempDirectory(dir) }
        let (path, bytes) = try Self.sample(dir)
        let cut = keep < 0 ? bytes.count + keep : keep
        try Data(bytes[..<cut]).write(to: URL(fileURLWithPath: path))
        #expect(Self.readError(path) == message)
    }

    @Test func notParquetAndBadFooterLength() throws {
        let dir = try makeTempDirectory("corrupt-footer")
        defer { removeTempDirectory(dir) }
        let (path, bytes) = try Self.sample(dir)
        var copy = bytes
        copy[0] = UInt8(ascii: "X")
        try Data(copy).write(to: URL(fileURLWithPath: path))
        #expect(Self.readError(path) == "does not start with PAR1: not a Parquet file")
        copy = bytes
        copy.replaceSubrange((copy.count - 8)..<(copy.count - 4), with: [0xFF, 0xFF, 0xFF, 0x7F])
        try Data(copy).write(to: URL(fileURLWithPath: path))
        #expect(Self.readError(path) == "footer length 2147483647 does not fit the file's \(bytes.count) bytes")
        #expect(Self.readError(dir + "/missing.parquet") == "cannot open the file: No such file or directory")
    }

    /// A file cut at every length: its tail is missing, never a crash.
    @Test func cutAtEveryLength() throws {
        let dir = try makeTempDirectory("corrupt-every-cut")
        defer { removeTempDirectory(dir) }
        let (path, bytes) = try Self.sample(dir, rows: 12)
        for cut in 0..<bytes.count {
            try Data(bytes[..<cut]).write(to: URL(fileURLWithPath: path))
            #expect(Self.readError(path) != nil, "cut at \(cut)")
        }
    }

    /// Each byte flipped in turn, in every codec: the reader reads the file or throws a
    /// ParquetReadError (a flip in a value's bytes may give another valid value), never crashes
    /// or reads out of bounds.
    @Test(arguments: ParquetCompression.allCases)
    func everyByteFlipped(_ codec: ParquetCompression) throws {
        let dir = try makeTempDirectory("corrupt-flip")
        defer { removeTempDirectory(dir) }
        let (path, bytes) = try Self.sample(dir, codec: codec, rows: 12)
        var errors = 0
        for i in 0..<bytes.count {
            var copy = bytes
            copy[i] ^= 0xFF
            try Data(copy).write(to: URL(fileURLWithPath: path))
            if let message = Self.readError(path) {
                #expect(!message.hasPrefix("not a ParquetReadError") && !message.hasPrefix("wrong path"), "\(message)")
                errors += 1
            }
        }
        #expect(errors > bytes.count / 4)
    }

    /// Exact messages for damage inside the data: a page header and a page body.
    @Test func corruptPagesSayWhere() throws {
        let dir = try makeTempDirectory("corrupt-page")
        defer { removeTempDirectory(dir) }
        let schema = ParquetSchema(columns: [ParquetColumn(name: "n", type: .int64, nullable: false)])
        let path = dir + "/n.parquet"
        let bytes = try writeTable(path, schema, (0..<10).map { [.int64(Int64($0))] },
                                   ParquetWriterOptions(compression: .none, dictionary: false))
        // The data page header starts at byte 4: its first byte is field 1 (type, i32).
        var copy = bytes
        copy[4] = 0x0F  // a field of an unknown type
        try Data(copy).write(to: URL(fileURLWithPath: path))
        #expect(Self.readError(path) == "row group 0, column 'n': page 0: unreadable page header (unknown field type 15)")
        // Then field 2 (uncompressed_page_size) and 3 (compressed_page_size), each 80: 0x15 then zigzag 160.
        try #require(Array(bytes[4..<12]) == [0x15, 0x00, 0x15, 0xA0, 0x01, 0x15, 0xA0, 0x01])
        for (at, message) in [
            (7, "row group 0, column 'n': page 0: uncompressed page of 80 bytes says it has 90"),
            (10, "row group 0, column 'n': page 0: its 90 bytes pass the end of the column chunk"),
        ] {
            copy = bytes
            copy[at] = 0xB4  // zigzag 180: 90
            try Data(copy).write(to: URL(fileURLWithPath: path))
            #expect(Self.readError(path) == message)
        }
    }
}
