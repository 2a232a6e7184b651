import Foundation
import GleanTables
import Testing

/// Tables written by CSVTableWriter read back cell for cell: nulls, quotes, line breaks, the
/// neutralising apostrophe, every delimiter and both modes.
@Suite struct CSVTableReaderTests {
    static let schema = TableSchema(name: "t", doc: "", columns: [
        Column("doc_id", .string, doc: ""),
        Column("text", .string, role: .freeText, doc: ""),
        Column("n", .int64, doc: ""),
    ])

    static func roundTrip(_ rows: [Row], options: CSVOptions) throws -> (header: [String], rows: [[String?]]) {
        try CSVTableWriterTests.write(rows, schema: schema, options: options) { path in
            let reader = try CSVTableReader(path: path)
            var read: [[String?]] = []
            while let row = try reader.next() { read.append(row) }
            return (reader.header, read)
        }
    }

    static let rows: [Row] = [
        [.string("0001"), .string("=1+1 \"quoted\", with a comma\r\nand a line break"), .int(5)],
        [.string("été;à\t甲；乙"), .string(""), .null],
        [.string("x"), .null, .int(-3)],
        [.string("-dash"), .string("'kept apostrophe"), .int(0)],
    ]

    /// (excel, delimiter, what the empty text of row 2 reads as: "" when quoted, nil in plain mode).
    @Test(arguments: [
        (true, ",", ""), (true, ";", ""), (true, "\t", ""), (true, "；", ""),
        (false, ",", nil), (false, ";", nil), (false, "\t", nil), (false, "；", nil),
    ] as [(Bool, Character, String?)])
    func everyCellReadsBackAsWritten(excel: Bool, delimiter: Character, emptyText: String?) throws {
        let (header, rows) = try Self.roundTrip(Self.rows, options: CSVOptions(excel: excel, delimiter: delimiter))
        #expect(header == ["doc_id", "text", "n"])
        #expect(rows == [
            ["0001", "=1+1 \"quoted\", with a comma\r\nand a line break", "5"],
            ["été;à\t甲；乙", emptyText, nil],
            ["x", nil, "-3"],
            ["-dash", "'kept apostrophe", "0"],
        ])
    }

    /// A file of many rows crosses the reader's 1 MiB chunks, with quotes and CRLF cut between them.
    @Test func rowsAcrossChunksReadWhole() throws {
        let text = String(repeating: "Officers \"patrolled\", then left.\r\n", count: 40)
        let many: [Row] = (0..<2_000).map { [.string("d\($0)"), .string(text), .int(Int64($0))] }
        let (_, rows) = try Self.roundTrip(many, options: CSVOptions())
        #expect(rows.count == 2_000)
        #expect(rows.allSatisfy { $0[1] == text })
        #expect(rows.last == ["d1999", text, "1999"])
    }

    @Test(arguments: [
        ("'=SUM(A1)", "=SUM(A1)"), ("'+1", "+1"), ("'-2", "-2"), ("'@x", "@x"), ("'\tx", "\tx"),
        ("'a", "'a"), ("'", "'"), ("plain", "plain"), ("", ""),
    ])
    func theNeutralisingApostropheComesOff(written: String, read: String) {
        #expect(CSVTableReader.unneutralised(written) == read)
    }

    @Test func anEmptyFileIsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("glean-empty-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: TableReadError(path: path, message: "empty file: a CSV table starts with its header row")) {
            _ = try CSVTableReader(path: path)
        }
    }
}
