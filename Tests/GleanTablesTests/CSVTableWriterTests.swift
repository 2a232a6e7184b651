import Foundation
import GleanTables
import Testing

@Suite struct CSVTableWriterTests {
    static let schema = TableSchema(name: "t", doc: "", columns: [
        Column("doc_id", .string, doc: ""),
        Column("title", .string, role: .freeText, doc: ""),
        Column("value", .double, doc: ""),
        Column("n", .int64, doc: ""),
        Column("titles", .stringList, role: .freeText, doc: ""),
        Column("flag", .boolean, doc: ""),
        Column("day", .date, doc: ""),
    ])

    static func write(_ rows: [Row], options: CSVOptions) throws -> [UInt8] {
        try write(rows, schema: schema, options: options) { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
    }

    /// Writes `rows` as `schema`'s CSV file in a temporary folder and hands its path to `read`.
    static func write<T>(_ rows: [Row], schema: TableSchema, options: CSVOptions, read: (String) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glean-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.csv").path
        let writer = try CSVTableWriter(path: path, schema: schema, options: options)
        for row in rows { try writer.write(row) }
        try writer.close()
        return try read(path)
    }

    @Test func excelModeQuotesTextKeepsNumbersAndAddsBOM() throws {
        let bytes = try Self.write([
            [.string("0001"), .string("=1+1"), .double(9.399e12), .int(5), .list(["A", "-B"]), .bool(true), .date(19888)],
            [.string("x,\"y\""), .null, .null, .null, .list([]), .null, .null],
        ], options: CSVOptions())
        let expected = "\u{FEFF}\"doc_id\",\"title\",\"value\",\"n\",\"titles\",\"flag\",\"day\"\r\n"
            + "\"0001\",\"'=1+1\",9399000000000,5,\"A | '-B\",true,\"2024-06-14\"\r\n"
            + "\"x,\"\"y\"\"\",,,,\"\",,\r\n"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func plainModeQuotesOnlyWhenNeeded() throws {
        let bytes = try Self.write([
            [.string("a;b"), .string("line\nbreak"), .double(94.72), .int(-3), .list(["x"]), .bool(false), .null],
        ], options: CSVOptions(excel: false, delimiter: ";"))
        let expected = "doc_id;title;value;n;titles;flag;day\n\"a;b\";\"line\nbreak\";94.72;-3;x;false;\n"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    /// Quoting decided and quotes doubled over the field's bytes, in plain mode, for one-byte and
    /// multi-byte delimiters: (delimiter, field, written).
    @Test(arguments: [
        (",", "plain", "plain"), (",", "", ""), (",", "a,b", "\"a,b\""), (",", "\"", "\"\"\"\""),
        (",", "\"\"x\"", "\"\"\"\"\"x\"\"\""), (",", "say \"hi\" now", "\"say \"\"hi\"\" now\""),
        (",", "cr\rlf", "\"cr\rlf\""), (",", "été; à", "été; à"), (";", "été; à", "\"été; à\""),
        ("\t", "a\tb", "\"a\tb\""), ("\t", "a,b", "a,b"), ("；", "甲；乙", "\"甲；乙\""), ("；", "甲;乙", "甲;乙"),
    ] as [(Character, String, String)])
    func plainFieldsAreQuotedOnlyWhenNeeded(delimiter: Character, field: String, written: String) throws {
        let schema = TableSchema(name: "t", doc: "", columns: [Column("x", .string, doc: "")])
        let text = try Self.write([[.string(field)]], schema: schema, options: CSVOptions(excel: false, delimiter: delimiter)) {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self)
        }
        #expect(text == "x\n" + written + "\n")
    }

    @Test(arguments: [("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"),
                      ("\rx", "'\rx"), ("plain", "plain"), ("", ""), ("a=b", "a=b")])
    func formulaInjectionIsNeutralised(input: String, expected: String) {
        #expect(CSVTableWriter.neutralised(input) == expected)
    }

    /// Issue 19, case 11: a doc_id comes from a file name, so in spreadsheet mode an identifier
    /// that a spreadsheet would evaluate is neutralised like free text; plain mode keeps it as is.
    @Test(arguments: [
        (true, "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), (true, "+33", "\"'+33\""), (true, "-x", "\"'-x\""),
        (true, "@cmd", "\"'@cmd\""), (true, "0001", "\"0001\""), (false, "=1+1", "=1+1"), (false, "-x", "-x"),
    ] as [(Bool, String, String)])
    func identifiersAreNeutralisedInSpreadsheetMode(excel: Bool, docId: String, written: String) throws {
        let bytes = try Self.write([[.string(docId), .null, .null, .null, .list([]), .null, .null]], options: CSVOptions(excel: excel))
        let line = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })[1]
        #expect(line.prefix(written.count) == written[...])
    }

    @Test func rowWithWrongWidthIsRejected() throws {
        #expect(throws: TableWriteError.self) {
            _ = try Self.write([[.string("only one")]], options: CSVOptions())
        }
    }
}
