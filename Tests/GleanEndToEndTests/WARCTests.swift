import Foundation
import Testing

/// `fetch.warc` end to end: WARCs written by warcio from dev pages of wcxb-devsplit, read by Glean,
/// checked against warcio's own reading and against the same pages read as .html.gz.
@Suite(.serialized, .enabled(if: E2E.hasPython && E2E.hasWCXB, "needs the .venv readers with warcio (make venv) and ../shared/corpora/wcxb-devsplit"))
struct WARCTests {
    static let corpus = E2E.wcxb
    static let script = E2E.root + "/Tests/Python/warc_roundtrip.py"

    /// fetch (`use`, over `paths`) → parse.html → clean.text → export.csv.
    static func manifest(_ use: String, _ paths: String) -> String {
        """
        version: 1
        name: warc
        stages:
          - id: fetch
            use: \(use)
            with: {paths: ["\(paths)"]}
          - id: parse
            use: parse.html
          - id: clean
            use: clean.text
          - id: csv
            use: export.csv
            needs: clean
        """
    }

    /// Builds the WARCs in a fresh folder and runs Glean over them with `manifest`; returns the folder.
    static func build(pages: Int = 6) throws -> String {
        let dir = try E2E.tempDir()
        let built = try E2E.run([script, "build", corpus, dir + "/data", String(pages)], executable: E2E.python)
        #expect(built.code == 0, "\(built.stdout)\(built.stderr)")
        try manifest("fetch.warc", "warc/*").write(toFile: dir + "/data/warc.yaml", atomically: true, encoding: .utf8)
        try manifest("fetch.files", "pages/*.html.gz").write(toFile: dir + "/data/pages.yaml", atomically: true, encoding: .utf8)
        try manifest("fetch.warc", "bad/*").write(toFile: dir + "/data/bad.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func documentsEqualWarcioAndTheSamePagesAsHTMLGz() throws {
        let dir = try Self.build()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        for (manifest, out) in [("warc.yaml", "out-warc"), ("pages.yaml", "out-pages")] {
            let r = try E2E.run(["run", manifest, "--out", out, "--jobs", "2", "--quiet"], cwd: data)
            #expect(r.code == 0, "\(manifest): \(r.stderr)")
        }
        let check = try E2E.run([Self.script, "check", data, data + "/out-warc", data + "/out-pages"], executable: E2E.python)
        #expect(check.stdout == "ok 8\n", "\(check.stdout)\(check.stderr)")
        // Everything that is not a page is counted, per reason: 6 + 2 pages in two WARCs, each with a warcinfo, requests, a 404 and an image.
        let report = try JSONSerialization.jsonObject(with: E2E.bytes(data + "/out-warc/_run.json")) as? [String: Any]
        let fetch = (report?["stages"] as? [[String: Any]])?.first { $0["id"] as? String == "fetch" }
        #expect(fetch?["skipped"] as? [String: Int] == ["record type warcinfo": 2, "record type request": 8, "HTTP status 404": 2,
                                                        "content type image/png": 2])
        #expect(report?["inputs"] as? Int == 8)
    }

    @Test func badArchivesLoseOnlyTheirBadParts() throws {
        let dir = try Self.build()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        let r = try E2E.run(["run", "bad.yaml", "--out", "out-bad", "--jobs", "2", "--quiet"], cwd: data)
        #expect(r.code == 3, "\(r.stderr)")
        let check = try E2E.run([Self.script, "rejects", data, data + "/out-bad"], executable: E2E.python)
        #expect(check.stdout == "ok 4\n", "\(check.stdout)\(check.stderr)")
        // Around each bad part every page is read: 5 of corrupt's 6, all 6 of truncated's (its cut record is the image), 1 of wronglength's 2.
        let report = try JSONSerialization.jsonObject(with: E2E.bytes(data + "/out-bad/_run.json")) as? [String: Any]
        #expect(report?["documents_ok"] as? Int == 12)
        #expect(report?["documents_rejected"] as? Int == 4)
    }

    @Test func shardsOfOneArchiveAddUpToTheWholeRun() throws {
        let dir = try Self.build(pages: 12)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        var total = 0
        for i in 0..<3 {
            let r = try E2E.run(["run", "warc.yaml", "--out", "out-shards", "--shard", "\(i)/3", "--jobs", "1", "--quiet"], cwd: data)
            #expect(r.code == 0, "\(r.stderr)")
            let report = try JSONSerialization.jsonObject(with: E2E.bytes(data + "/out-shards/_shards/\(i)/_run.json")) as? [String: Any]
            let inputs = report?["inputs"] as? Int ?? 0
            #expect(inputs > 0 && inputs < 14, "shard \(i) has \(inputs) of 14 documents")
            total += inputs
        }
        #expect(total == 14)
    }
}

extension E2E {
    /// The wcxb dev split (the pages the WARC tests archive).
    static let wcxb = shared + "/corpora/wcxb-devsplit"
    static var hasWCXB: Bool { FileManager.default.fileExists(atPath: wcxb + "/ground_truth.jsonl") }
}
