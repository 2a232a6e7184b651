import Foundation
import GleanTables
import Testing

/// The CSV an analyst opens in a spreadsheet: LibreOffice imports it (quoted fields as text) and
/// openpyxl reads back what each cell became.
@Suite struct SpreadsheetTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let python = ProcessInfo.processInfo.environment["GLEAN_PYTHON"] ?? root + "/.venv/bin/python"
    static var ready: Bool {
        FileManager.default.isExecutableFile(atPath: python)
            && ["/usr/bin/soffice", "/usr/bin/libreoffice"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: ready, "needs .venv (make venv) and LibreOffice (make test installs libreoffice-calc-nogui)"))
    func valuesSurviveASpreadsheet() throws {
        let schema = TableSchema(name: "check", doc: "", columns: [
            Column("doc_id", .string, doc: ""), Column("title", .string, role: .freeText, doc: ""),
            Column("value", .double, doc: ""), Column("n", .int64, doc: ""), Column("span", .string, doc: ""),
        ])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glean-sheet-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = try CSVTableWriter(path: dir + "/check.csv", schema: schema)
        try writer.write([.string("0001"), .string("=1+1"), .double(94.72), .int(16000), .string("14/06/2024")])
        try writer.write([.string("0002"), .string("وانخفضت حوادث الحرائق بنسبة 22.6٪"), .double(9.399e12), .int(5), .string("241/439")])
        try writer.close()

        let lines = try Self.runPython("spreadsheet_check.py", [dir + "/check.csv"])
        #expect(lines == [
            #"[["doc_id", "str"], ["title", "str"], ["value", "str"], ["n", "str"], ["span", "str"]]"#,
            #"[["0001", "str"], ["'=1+1", "str"], [94.72, "float"], [16000, "int"], ["14/06/2024", "str"]]"#,
            #"[["0002", "str"], ["وانخفضت حوادث الحرائق بنسبة 22.6٪", "str"], [9399000000000, "int"], [5, "int"], ["241/439", "str"]]"#,
        ])
    }

    /// Runs Tests/Python/`script` with the test venv's Python; its output lines (it must exit 0).
    static func runPython(_ script: String, _ arguments: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root + "/Tests/Python/" + script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(script) exited \(process.terminationStatus)")
        return output.split(separator: "\n").map(String.init)
    }
}
