import Foundation
import Testing

/// `glean explain OUT DOC_ID`: a document's path through the last run, from its `_trace.jsonl`.
@Suite struct ExplainTests {
    /// The explanation with each stage's time replaced by "T".
    static func explain(_ out: String, _ docId: String) throws -> (code: Int32, lines: [String], stderr: String) {
        let r = try E2E.run(["explain", out, docId])
        let lines = r.stdout.split(separator: "\n").map { line -> String in
            guard line.hasSuffix(" ms"), let space = line.dropLast(3).lastIndex(of: " ") else { return String(line) }
            return String(line[..<space]) + " T"
        }
        return (r.code, lines, r.stderr)
    }

    @Test func explainFollowsADocumentThroughRunsAndRejects() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try Data("The administration announced reorganisation.".utf8).write(to: URL(fileURLWithPath: dir + "/in/a.txt"))
        try Data("Short words only.".utf8).write(to: URL(fileURLWithPath: dir + "/in/b.txt"))
        try Data([0x1F, 0x8B, 0x08, 0x00] + Array("garbage".utf8)).write(to: URL(fileURLWithPath: dir + "/in/bad.txt.gz"))
        let manifest = """
            version: 1
            name: why
            stages:
              - {id: fetch, use: fetch.files, with: {paths: ["in/*.txt", "in/*.gz"]}}
              - {id: clean, use: clean.text}
              - {id: facts, use: extract.facts, with: {kinds: [], rules: [{name: long_words, pattern: '(?<word>\\b\\w{12,}\\b)'}]}}
              - {id: csv, use: export.csv, needs: facts}
            """
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: dir + "/why.yaml"))
        let out = dir + "/out"
        #expect(try E2E.run(["run", dir + "/why.yaml", "--out", out, "--incremental", "--quiet"]).code == 3)

        let a = try Self.explain(out, "a")
        #expect(a.code == 0, "\(a.stderr)")
        #expect(Array(a.lines.dropFirst(2)) == [
            "processed: new",
            "stages:",
            "  fetch  ok        T",
            "  clean  ok        T",
            "  facts  ok        T",
            "rows: documents 1, long_words 2",
        ])
        #expect(a.lines.first == "document a (in/a.txt)")
        #expect(a.lines[1].hasPrefix("last run: finished "))
        #expect(a.lines[1].hasSuffix(", pipeline 'why' (\(dir)/why.yaml), exit 3"))

        let bad = try Self.explain(out, "bad")
        #expect(Array(bad.lines.dropFirst(2)) == [
            "processed: new",
            "stages:",
            "  fetch  rejected  T",
            "rejected at fetch: gzip data is truncated",
            "rows: rejects 1",
        ])

        // The next run: b changed, a did not.
        try Data("Short words, and one internationally.".utf8).write(to: URL(fileURLWithPath: dir + "/in/b.txt"))
        #expect(try E2E.run(["run", dir + "/why.yaml", "--out", out, "--incremental", "--quiet"]).code == 3)
        #expect(Array(try Self.explain(out, "a").lines.dropFirst(2)) == [
            "reused: its input and stages were unchanged, so its stored outputs were exported again",
            "rows: documents 1, long_words 2",
        ])
        #expect(Array(try Self.explain(out, "b").lines.dropFirst(2)) == [
            "processed: content changed",
            "stages:",
            "  fetch  ok        T",
            "  clean  ok        T",
            "  facts  ok        T",
            "rows: documents 1, long_words 1",
        ])

        let unknown = try Self.explain(out, "zzz")
        #expect(unknown.code == 1)
        #expect(unknown.stderr == "glean: no document 'zzz' in the last run of '\(out)' (3 documents); doc_ids are the first column of the documents table\n")
        #expect(try Self.explain(dir + "/nothing", "a").code == 2)
    }
}
