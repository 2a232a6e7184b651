import Foundation
import Testing

/// export.xlsx end to end: a text over Excel's cell limit is cut with a marker and counted in
/// _run.json; the other exports keep it whole.
@Suite struct XLSXExportTests {
    @Test(.enabled(if: E2E.hasPython, "needs the .venv readers (make venv)"))
    func aTextOverExcelsLimitIsCutAndCounted() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let long = String(repeating: "Officers patrolled the district. ", count: 1_250)  // 41,250 characters
        try Data(long.utf8).write(to: URL(fileURLWithPath: dir + "/in/long.txt"))
        try Data("A short one.".utf8).write(to: URL(fileURLWithPath: dir + "/in/short.txt"))
        let manifest = """
            version: 1
            name: cut
            stages:
              - {id: fetch, use: fetch.files, with: {paths: ["in/*.txt"]}}
              - {id: parse, use: parse.html}
              - {id: csv, use: export.csv, with: {tables: [documents]}}
              - {id: book, use: export.xlsx, needs: parse, with: {tables: [documents]}}
            """
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: dir + "/cut.yaml"))
        let r = try E2E.run(["run", dir + "/cut.yaml", "--out", dir + "/out", "--quiet"])
        #expect(r.code == 0, "\(r.stderr)")
        let report = try JSONSerialization.jsonObject(with: E2E.bytes(dir + "/out/_run.json")) as? [String: Any]
        let book = (report?["stages"] as? [[String: Any]])?.first { $0["id"] as? String == "book" }
        #expect(book?["counts"] as? [String: Int] == ["cells_cut": 1])
        let csv = (report?["stages"] as? [[String: Any]])?.first { $0["id"] as? String == "csv" }
        #expect(csv?["counts"] == nil)

        let cells = try E2E.run([E2E.root + "/Tests/Python/xlsx_check.py", "cells", dir + "/out/xlsx/cut.xlsx"], executable: E2E.python)
        #expect(cells.code == 0, "\(cells.stderr)")
        let lines = cells.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let marker = "[…cut: 41250 characters in all; the CSV and Parquet tables hold the whole text]"
        #expect(lines.filter { $0.contains(marker) }.count == 1)
        #expect(try E2E.read(dir + "/out/csv/documents.csv").contains(long.trimmingCharacters(in: .whitespaces)))
    }
}
