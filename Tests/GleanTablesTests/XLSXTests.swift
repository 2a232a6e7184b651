import Foundation
@testable import GleanTables
import Testing

/// The workbook export: the text a cell holds, sheet names Excel accepts, and what real readers
/// (openpyxl, LibreOffice) find in a workbook we wrote.
@Suite struct XLSXTests {
    struct TextCase: Sendable, CustomTestStringConvertible {
        var input: String
        var cell: String
        var cut: Bool
        var testDescription: String { input.debugDescription }
    }

    static let textCases: [TextCase] = [
        TextCase(input: "=1+1", cell: "=1+1", cut: false),
        TextCase(input: "0001", cell: "0001", cut: false),
        TextCase(input: "a\r\nb\rc\nd\te", cell: "a\nb\nc\nd\te", cut: false),
        TextCase(input: "bell\u{07}here", cell: "bell\u{FFFD}here", cut: false),
        TextCase(input: "code _x0041_ as written", cell: "code _x005F_x0041_ as written", cut: false),
        TextCase(input: "snake_case_xyz_ stays", cell: "snake_case_xyz_ stays", cut: false),
        TextCase(input: "وانخفضت حوادث الحرائق بنسبة 22.6٪", cell: "وانخفضت حوادث الحرائق بنسبة 22.6٪", cut: false),
        TextCase(input: String(repeating: "x", count: 32_767), cell: String(repeating: "x", count: 32_767), cut: false),
    ]

    @Test(arguments: textCases)
    func cellText(_ c: TextCase) {
        let (text, cut) = XLSXText.cell(c.input)
        #expect(text == c.cell)
        #expect(cut == c.cut)
    }

    @Test func longTextIsCutWithAMarkerWithinExcelsLimit() {
        // 40,000 UTF-16 units of text, with a character of two units (an emoji) at the cut.
        let input = String(repeating: "ab", count: 16_300) + String(repeating: "😀", count: 3_700)
        let (text, cut) = XLSXText.cell(input)
        let marker = " […cut: 40000 characters in all; the CSV and Parquet tables hold the whole text]"
        #expect(cut)
        #expect(text.hasSuffix(marker))
        #expect(text.utf16.count <= XLSXText.maxUnits)
        #expect(text.utf16.count >= XLSXText.maxUnits - 1)
        #expect(input.hasPrefix(String(text.dropLast(marker.count))))
    }

    struct NameCase: Sendable {
        var taken: [String]
        var base: String
        var part: Int
        var name: String
    }

    static let nameCases: [NameCase] = [
        NameCase(taken: [], base: "people", part: 1, name: "people"),
        NameCase(taken: [], base: "metrics", part: 2, name: "metrics (2)"),
        NameCase(taken: [], base: "a[b]:c*d?e/f\\g", part: 1, name: "a_b__c_d_e_f_g"),
        NameCase(taken: [], base: "'quoted'", part: 1, name: "quoted"),
        NameCase(taken: [], base: String(repeating: "n", count: 40), part: 1, name: String(repeating: "n", count: 31)),
        NameCase(taken: [], base: String(repeating: "n", count: 40), part: 2, name: String(repeating: "n", count: 27) + " (2)"),
        NameCase(taken: ["People"], base: "people", part: 1, name: "people (2)"),
    ]

    @Test(arguments: nameCases)
    func sheetNames(_ c: NameCase) throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let workbook = try XLSXWorkbook(path: dir + "/names.xlsx")
        for name in c.taken { _ = workbook.uniqueName(base: name, part: 1) }
        #expect(workbook.uniqueName(base: c.base, part: c.part) == c.name)
    }

    static let schema = TableSchema(name: "check", doc: "", columns: [
        Column("doc_id", .string, doc: ""), Column("title", .string, role: .freeText, doc: ""),
        Column("value", .double, doc: ""), Column("n", .int64, doc: ""), Column("ok", .boolean, doc: ""),
        Column("day", .date, doc: ""), Column("at", .timestamp, doc: ""), Column("titles", .stringList, doc: ""),
    ])

    static let rows: [Row] = [
        [.string("0001"), .string("=1+1"), .double(94.72), .int(16000), .bool(true), .date(19_888), .timestamp(1_718_366_400_000_000), .list(["Colonel", "Director"])],
        [.string("0002"), .string("وانخفضت حوادث الحرائق بنسبة 22.6٪"), .double(9.399e12), .int(5), .bool(false), .null, .null, .list([])],
        [.string("0003"), .null, .double(.nan), .int(1_234_567_890_123_456_789), .null, .date(-30_000), .null, .list(["a"])],
    ]

    /// Writes the rows with a row limit of 3 (header included): the table continues on `check (2)`.
    static func workbook(in dir: String) throws -> String {
        let path = dir + "/check.xlsx"
        let workbook = try XLSXWorkbook(path: path, rowLimit: 3)
        let writer = try workbook.sheet(for: schema)
        for row in rows { try writer.write(row) }
        try writer.close()
        return path
    }

    @Test(.enabled(if: Python.ready, "needs .venv (make venv)"))
    func openpyxlReadsTypedCells() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = try Python.run(["cells", Self.workbook(in: dir)])
        let header = #"[["doc_id", "str"], ["title", "str"], ["value", "str"], ["n", "str"], ["ok", "str"], ["day", "str"], ["at", "str"], ["titles", "str"]]"#
        #expect(lines == [
            #"{"sheet": "check", "freeze": "A2", "filter": "A1:H3", "bold_header": true}"#,
            header,
            #"[["0001", "str"], ["=1+1", "str"], [94.72, "float"], [16000, "int"], [true, "bool"], ["2024-06-14T00:00:00", "datetime"], ["2024-06-14T12:00:00", "datetime"], ["Colonel | Director", "str"]]"#,
            #"[["0002", "str"], ["وانخفضت حوادث الحرائق بنسبة 22.6٪", "str"], [9399000000000, "int"], [5, "int"], [false, "bool"], [null, "none"], [null, "none"], [null, "none"]]"#,
            #"{"sheet": "check (2)", "freeze": "A2", "filter": "A1:H2", "bold_header": true}"#,
            header,
            #"[["0003", "str"], [null, "none"], [null, "none"], ["1234567890123456789", "str"], [null, "none"], ["1887-11-12", "str"], [null, "none"], ["a", "str"]]"#,
        ])
    }

    @Test(.enabled(if: Python.ready && Python.hasLibreOffice, "needs .venv (make venv) and LibreOffice (make test installs libreoffice-calc-nogui)"))
    func libreOfficeOpensTheWorkbook() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = try Python.run(["libreoffice", Self.workbook(in: dir)])
        #expect(lines == [
            #"{"sheet": "check"}"#,
            #"["doc_id", "title", "value", "n", "ok", "day", "at", "titles"]"#,
            #"["0001", "=1+1", "94.72", "16000", "TRUE", "2024-06-14", "2024-06-14 12:00:00", "Colonel | Director"]"#,
            #"["0002", "وانخفضت حوادث الحرائق بنسبة 22.6٪", "9399000000000", "5", "FALSE", "", "", ""]"#,
            #"{"sheet": "check (2)"}"#,
            #"["doc_id", "title", "value", "n", "ok", "day", "at", "titles"]"#,
            #"["0003", "", "", "1234567890123456789", "", "1887-11-12", "", "a"]"#,
            #"{"formulas": 0}"#,
        ])
    }

    static func temporaryFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glean-xlsx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Tests/Python/xlsx_check.py in the test venv (found as SpreadsheetTests finds it).
    enum Python {
        static var ready: Bool { FileManager.default.isExecutableFile(atPath: SpreadsheetTests.python) }
        static var hasLibreOffice: Bool { SpreadsheetTests.ready }

        static func run(_ arguments: [String]) throws -> [String] {
            try SpreadsheetTests.runPython("xlsx_check.py", arguments)
        }
    }
}
