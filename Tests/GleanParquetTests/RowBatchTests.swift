import Foundation
import Testing

@testable import GleanParquet

/// Writes `rows` through ParquetRowBatch in batches of the given sizes (cycled), reusing one batch.
func writeBatches(_ path: String, _ schema: ParquetSchema, _ rows: [[ParquetValue]], _ options: ParquetWriterOptions,
                  sizes: [Int]) throws {
    let writer = try ParquetWriter(path: path, schema: schema, options: options)
    let batch = try ParquetRowBatch(schema: schema)
    var next = 0
    var k = 0
    while next < rows.count {
        let n = min(sizes[k % sizes.count], rows.count - next)
        for row in rows[next..<(next + n)] { try batch.append(row: row) }
        try writer.write(batch: batch)
        batch.removeAll()
        next += n
        k += 1
    }
    try writer.close()
}

@Suite("Row batches")
struct RowBatchTests {
    struct Handover: Sendable, CustomTestStringConvertible {
        var sizes: [Int]
        var testDescription: String { "batches of \(sizes)" }
    }

    static let handovers: [Handover] = [
        Handover(sizes: [1]), Handover(sizes: [7]), Handover(sizes: [64]), Handover(sizes: [1000]),
        Handover(sizes: [100_000]), Handover(sizes: [3, 200, 61, 1]),
    ]

    /// Groups and pages are cut on the rows alone, so any way of handing the rows over gives
    /// the bytes of the row-by-row API (several row groups and pages, dictionaries falling back).
    @Test(arguments: handovers)
    func batchesGiveTheBytesOfRowByRowWrites(_ handover: Handover) throws {
        let dir = try makeTempDirectory("handover")
        defer { removeTempDirectory(dir) }
        let rows = allTypesRows(3000)
        let options = ParquetWriterOptions(rowGroupBytes: 30_000, pageBytes: 1_500, pageCheckRows: 37, maxDictionaryBytes: 400)
        let byRow = dir + "/rows.parquet"
        let writer = try ParquetWriter(path: byRow, schema: allTypesSchema, options: options)
        for row in rows { try writer.write(row: row) }
        try writer.close()
        let byBatch = dir + "/batches.parquet"
        try writeBatches(byBatch, allTypesSchema, rows, options, sizes: handover.sizes)
        let a = try Data(contentsOf: URL(fileURLWithPath: byRow))
        let b = try Data(contentsOf: URL(fileURLWithPath: byBatch))
        #expect(a == b)
        #expect(a.count > 10_000)
    }

    /// Rows given one way then the other still give the same bytes.
    @Test func rowsAndBatchesMix() throws {
        let dir = try makeTempDirectory("mix")
        defer { removeTempDirectory(dir) }
        let rows = allTypesRows(500)
        let options = ParquetWriterOptions(rowGroupBytes: 8_000, pageBytes: 900, pageCheckRows: 10)
        try writeBatches(dir + "/a.parquet", allTypesSchema, rows, options, sizes: [500])
        let writer = try ParquetWriter(path: dir + "/b.parquet", schema: allTypesSchema, options: options)
        let batch = try ParquetRowBatch(schema: allTypesSchema)
        for (i, row) in rows.enumerated() {
            if i % 90 < 30 {
                try writer.write(row: row)
            } else {
                try batch.append(row: row)
                if i % 90 == 89 || i == rows.count - 1 {
                    try writer.write(batch: batch)
                    batch.removeAll()
                }
            }
        }
        #expect(writer.rowCount == 500)
        try writer.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.parquet")) == Data(contentsOf: URL(fileURLWithPath: dir + "/b.parquet")))
    }

    /// The typed appends store what the ParquetValue appends store.
    @Test func typedAppendsEqualValueAppends() throws {
        let dir = try makeTempDirectory("typed")
        defer { removeTempDirectory(dir) }
        let schema = ParquetSchema(columns: [
            ParquetColumn(name: "s", type: .string), ParquetColumn(name: "i", type: .int32), ParquetColumn(name: "l", type: .int64),
            ParquetColumn(name: "d", type: .double), ParquetColumn(name: "b", type: .boolean), ParquetColumn(name: "dt", type: .date),
            ParquetColumn(name: "ts", type: .timestampMicros), ParquetColumn(name: "tags", type: .stringList),
        ])
        let typed = try ParquetRowBatch(schema: schema)
        let byValue = try ParquetRowBatch(schema: schema)
        for i in 0..<300 {
            // Columns in reverse order: a row's values may come in any order.
            if i % 4 == 0 { try typed.appendNull(column: 7) } else { try typed.append(["t\(i % 3)", "é"], column: 7) }
            try typed.append(Int64(i) * 1_000_003, column: 6)
            try typed.append(Int32(i - 150), column: 5)
            try typed.append(i % 2 == 0, column: 4)
            try typed.append(Double(i) / 3, column: 3)
            try typed.append(Int64(-i), column: 2)
            if i % 5 == 0 { try typed.appendNull(column: 1) } else { try typed.append(Int32(i), column: 1) }
            let text = "text \(i % 17)"
            try text.utf8.withContiguousStorageIfAvailable { try typed.append(utf8: UnsafeRawBufferPointer($0), column: 0) }
            try typed.endRow()
            let n: ParquetValue = i % 5 == 0 ? .null : .int32(Int32(i))
            let tags: ParquetValue = i % 4 == 0 ? .null : .stringList(["t\(i % 3)", "é"])
            var row: [ParquetValue] = [.string(text), n, .int64(Int64(-i)), .double(Double(i) / 3), .boolean(i % 2 == 0)]
            row += [.date(Int32(i - 150)), .timestampMicros(Int64(i) * 1_000_003), tags]
            try byValue.append(row: row)
        }
        #expect(typed.rowCount == 300)
        for (name, batch) in [("typed", typed), ("value", byValue)] {
            let writer = try ParquetWriter(path: dir + "/\(name).parquet", schema: schema)
            try writer.write(batch: batch)
            try writer.close()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/typed.parquet")) == Data(contentsOf: URL(fileURLWithPath: dir + "/value.parquet")))
    }

    static let schema = ParquetSchema(columns: [
        ParquetColumn(name: "name", type: .string, nullable: false), ParquetColumn(name: "n", type: .int32),
        ParquetColumn(name: "tags", type: .stringList),
    ])

    struct BadAppend: Sendable, CustomTestStringConvertible {
        var label: String
        var message: String
        var append: @Sendable (ParquetRowBatch) throws -> Void
        var testDescription: String { label }
    }

    static let badAppends: [BadAppend] = [
        BadAppend(label: "null in a required column", message: "parquet: column 'name': null in a non-nullable column") {
            try $0.appendNull(column: 0)
        },
        BadAppend(label: "wrong type", message: "parquet: column 'n': expected int32 but got int64") {
            try $0.append("x", column: 0)
            try $0.append(Int64(1), column: 1)
        },
        BadAppend(label: "string to a list", message: "parquet: column 'tags': expected stringList but got string") {
            try $0.append("x", column: 2)
        },
        BadAppend(label: "two values", message: "parquet: column 'n': a second value for the same row") {
            try $0.append(Int32(1), column: 1)
            try $0.append(Int32(2), column: 1)
        },
        BadAppend(label: "no such column", message: "parquet: no column 3: the schema has 3 columns") {
            try $0.append(Int32(1), column: 1)
            try $0.append("x", column: 3)
        },
        BadAppend(label: "missing value after a list", message: "parquet: column 'n': no value for this row") {
            try $0.append("x", column: 0)
            try $0.append(["a", "b"], column: 2)
            try $0.endRow()
        },
        BadAppend(label: "second list", message: "parquet: column 'tags': a second value for the same row") {
            try $0.append(["a", "b"], column: 2)
            try $0.append(["c"], column: 2)
        },
        BadAppend(label: "unfinished row", message: "parquet: column 'tags': no value for this row") {
            try $0.append("x", column: 0)
            try $0.append(Int32(1), column: 1)
            try $0.endRow()
        },
        BadAppend(label: "short row", message: "parquet: row has 2 values but the schema has 3 columns") {
            try $0.append(row: [.string("x"), .null])
        },
    ]

    /// A failed append throws naming the column and drops the row being built (its list
    /// items too); the rows already ended and the batch stay usable.
    @Test(arguments: badAppends)
    func badAppendsDropTheRowBeingBuilt(_ bad: BadAppend) throws {
        let dir = try makeTempDirectory("badappend")
        defer { removeTempDirectory(dir) }
        let batch = try ParquetRowBatch(schema: Self.schema)
        try batch.append(row: [.string("first"), .int32(1), .stringList(["a"])])
        let error = #expect(throws: ParquetError.self) { try bad.append(batch) }
        #expect(error?.description == bad.message)
        #expect(batch.rowCount == 1)
        #expect(!batch.hasUnfinishedRow)
        try batch.append(row: [.string("second"), .null, .stringListWithNulls([nil, "b"])])
        let writer = try ParquetWriter(path: dir + "/a.parquet", schema: Self.schema)
        try writer.write(batch: batch)
        try writer.close()
        let expected = dir + "/b.parquet"
        let byRow = try ParquetWriter(path: expected, schema: Self.schema)
        try byRow.write(row: [.string("first"), .int32(1), .stringList(["a"])])
        try byRow.write(row: [.string("second"), .null, .stringListWithNulls([nil, "b"])])
        try byRow.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.parquet")) == Data(contentsOf: URL(fileURLWithPath: expected)))
    }

    @Test func writerRefusesUnfinishedRowsAndOtherSchemas() throws {
        let dir = try makeTempDirectory("refuse")
        defer { removeTempDirectory(dir) }
        let writer = try ParquetWriter(path: dir + "/x.parquet", schema: Self.schema)
        let batch = try ParquetRowBatch(schema: Self.schema)
        try batch.append("x", column: 0)
        #expect(batch.hasUnfinishedRow)
        #expect(throws: ParquetError("the batch has an unfinished row (call endRow())")) { try writer.write(batch: batch) }
        let other = try ParquetRowBatch(schema: ParquetSchema(columns: [ParquetColumn(name: "name", type: .string, nullable: false)]))
        #expect(throws: ParquetError("the batch's schema is not the writer's")) { try writer.write(batch: other) }
        // Neither failure harms the writer.
        batch.removeAll()
        try batch.append(row: [.string("y"), .null, .stringList([])])
        try writer.write(batch: batch)
        try writer.close()
        #expect(writer.rowCount == 1)
    }
}
