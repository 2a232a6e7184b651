import Foundation
import Testing

/// `glean run` end to end over Pipelines/ and Samples/, compared with committed golden files.
@Suite(.serialized) struct RunTests {
    static let tables = ["documents", "people", "metrics", "dates", "references", "organizations", "places", "rejects"]

    @Test func defaultPipelineMatchesGoldenTables() throws {
        let out = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try E2E.run(["run", "Pipelines/news.yaml", "--out", out, "--jobs", "2"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("glean: 5 documents, 5 ok, 0 rejected, in "))
        for table in Self.tables {
            try E2E.expectGolden(try E2E.read(out + "/csv/\(table).csv"), "csv/\(table).csv")
            #expect(FileManager.default.fileExists(atPath: out + "/parquet/\(table).parquet"))
        }
        #expect(FileManager.default.fileExists(atPath: out + "/_SUCCESS"))
        let report = try JSONSerialization.jsonObject(with: E2E.bytes(out + "/_run.json")) as? [String: Any]
        #expect(report?["inputs"] as? Int == 5)
        #expect(report?["exit_code"] as? Int == 0)
        #expect((report?["stages"] as? [[String: Any]])?.map { $0["id"] as? String } == ["fetch", "parse", "clean", "extract", "csv", "parquet", "xlsx"])
    }

    @Test(.enabled(if: E2E.hasPython, "needs the .venv readers (make venv)"))
    func parquetTablesDecodeToTheGoldenValues() throws {
        let out = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try E2E.run(["run", "Pipelines/news.yaml", "--out", out, "--jobs", "1", "--quiet"])
        #expect(r.code == 0, "\(r.stderr)")
        for table in Self.tables {
            // Parquet and CSV must hold the same values: decode both with pyarrow/csv and compare.
            let check = try E2E.run([E2E.root + "/Tests/Python/compare_csv_parquet.py", out + "/csv/\(table).csv", out + "/parquet/\(table).parquet"],
                                    executable: E2E.python)
            #expect(check.code == 0, "\(table): \(check.stdout)\(check.stderr)")
            #expect(check.stdout.hasPrefix("same "), "\(table): \(check.stdout)")
        }
        // The workbook holds the same values, typed, cell by cell (openpyxl against pyarrow).
        let xlsx = try E2E.run([E2E.root + "/Tests/Python/xlsx_check.py", "parquet", out + "/xlsx/news.xlsx", out + "/parquet"], executable: E2E.python)
        #expect(xlsx.code == 0, "\(xlsx.stdout)\(xlsx.stderr)")
        #expect(xlsx.stdout.split(separator: "\n").map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == Self.tables.map { "ok " + $0 })
    }

    @Test func tablesAreByteIdenticalAcrossJobCounts() throws {
        let base = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: base) }
        var snapshots: [[String: Data]] = []
        for jobs in ["1", "4"] {
            let r = try E2E.run(["run", "Pipelines/news.yaml", "--out", base + "/out" + jobs, "--jobs", jobs, "--quiet"])
            #expect(r.code == 0, "\(r.stderr)")
            var tables = try E2E.snapshot(base + "/out\(jobs)/csv").mapKeys { "csv/" + $0 }
            tables.merge(try E2E.snapshot(base + "/out\(jobs)/parquet").mapKeys { "parquet/" + $0 }) { a, _ in a }
            tables.merge(try E2E.snapshot(base + "/out\(jobs)/xlsx").mapKeys { "xlsx/" + $0 }) { a, _ in a }
            snapshots.append(tables)
        }
        #expect(snapshots[0].keys.sorted() == snapshots[1].keys.sorted())
        #expect(snapshots[0].count == 17)
        for (name, bytes) in snapshots[0] {
            #expect(snapshots[1][name] == bytes, "\(name) differs between --jobs 1 and --jobs 4")
        }
    }

    @Test func rejectedDocumentsExitThreeAndLandInTheRejectsTable() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try Data("A plain document. It has 3 cases.".utf8).write(to: URL(fileURLWithPath: dir + "/in/good.txt"))
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: URL(fileURLWithPath: dir + "/in/binary.txt"))
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x01]).write(to: URL(fileURLWithPath: dir + "/in/broken.html.gz"))
        try Data("""
            version: 1
            name: rejects
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["in/*"]}
              - id: parse
                use: parse.html
              - id: csv
                use: export.csv
            """.utf8).write(to: URL(fileURLWithPath: dir + "/m.yaml"))
        let r = try E2E.run(["run", dir + "/m.yaml", "--out", dir + "/out"])
        #expect(r.code == 3)
        #expect(r.stderr.contains("glean: 2 document(s) rejected"))
        let rejects = try E2E.read(dir + "/out/csv/rejects.csv")
        #expect(rejects == "\u{FEFF}\"doc_id\",\"source\",\"stage\",\"reason\"\r\n"
            + "\"binary\",\"in/binary.txt\",\"fetch\",\"binary file: NUL byte at offset 0; only text and HTML documents are read\"\r\n"
            + "\"broken\",\"in/broken.html.gz\",\"fetch\",\"gzip data is truncated\"\r\n")
        let documents = try E2E.read(dir + "/out/csv/documents.csv")
        #expect(documents.split(separator: "\r\n").count == 2)
    }

    /// `kill -9` at any moment of a run leaves the previous complete tables or the new complete
    /// tables, never a mix; the next run clears the leftovers and completes.
    @Test func killNineNeverLeavesAMix() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let samples = try FileManager.default.contentsOfDirectory(atPath: E2E.root + "/Samples").filter { $0.hasSuffix(".txt") }.sorted()
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for (i, name) in samples.enumerated() {
            try FileManager.default.copyItem(atPath: E2E.root + "/Samples/" + name, toPath: dir + "/in/\(i).txt")
        }
        try Data("""
            version: 1
            name: kill
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["in/**/*.txt"]}
              - id: parse
                use: parse.html
              - id: clean
                use: clean.text
              - id: extract
                use: extract.facts
              - id: csv
                use: export.csv
              - id: parquet
                use: export.parquet
                needs: extract
            """.utf8).write(to: URL(fileURLWithPath: dir + "/m.yaml"))
        let out = dir + "/out"
        #expect(try E2E.run(["run", dir + "/m.yaml", "--out", out, "--quiet"]).code == 0)
        let before = try E2E.snapshot(out + "/csv")
        // A bigger second input set, so the run takes long enough to be killed in the middle.
        for copy in 0..<40 {
            for (i, name) in samples.enumerated() {
                try FileManager.default.copyItem(atPath: E2E.root + "/Samples/" + name, toPath: dir + "/in/more\(copy)_\(i).txt")
            }
        }
        var sawOld = false
        for delay in [0.02, 0.05, 0.1, 0.2, 0.3, 0.5] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: E2E.binary)
            process.arguments = ["run", dir + "/m.yaml", "--out", out, "--quiet", "--jobs", "2"]
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try E2E.snapshot(out + "/csv")
            if now == before {
                sawOld = true
            } else {
                // Not the old set: it must be the complete new one.
                let docs = String(decoding: now["documents.csv"] ?? Data(), as: UTF8.self)
                #expect(docs.split(separator: "\r\n").count == 1 + samples.count * 41, "a mix after kill -9 at \(delay) s")
                #expect(now.keys.sorted() == before.keys.sorted())
            }
        }
        #expect(sawOld, "no kill landed before the commit; the test proved nothing")
        // The next run completes and clears every leftover generation.
        #expect(try E2E.run(["run", dir + "/m.yaml", "--out", out, "--quiet"]).code == 0)
        let generations = try FileManager.default.contentsOfDirectory(atPath: out + "/.glean").filter { $0.hasPrefix("gen-") }
        #expect(generations.count == 1)
        let docs = try E2E.read(out + "/csv/documents.csv")
        #expect(docs.split(separator: "\r\n").count == 1 + samples.count * 41)
    }
}

extension Dictionary {
    func mapKeys(_ transform: (Key) -> Key) -> [Key: Value] {
        Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
