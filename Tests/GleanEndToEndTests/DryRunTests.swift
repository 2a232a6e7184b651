import Foundation
import Testing

/// `glean run --dry-run`: what a run would do and why, with nothing written.
@Suite struct DryRunTests {
    /// Every path under `folder` with its size and modification time.
    static func tree(_ folder: String) -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: folder) else { return [] }
        var entries: [String] = []
        while let relative = walker.nextObject() as? String {
            let attrs = (try? fm.attributesOfItem(atPath: folder + "/" + relative)) ?? [:]
            let date = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries.append("\(relative) \(attrs[.size] as? Int ?? -1) \(date)")
        }
        return entries.sorted()
    }

    @Test func aDryRunSaysWhatWouldRunAndWritesNothing() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for (name, text) in [("a", "Colonel Nguyen Van A said 12 cases."), ("b", "The ministry met on 3 May 2024.")] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/in/\(name).txt"))
        }
        let manifest = "version: 1\nname: dry\nstages:\n  - {id: fetch, use: fetch.files, with: {paths: [\"in/*.txt\"]}}\n  - {id: facts, use: extract.facts, needs: fetch}\n  - {id: csv, use: export.csv, needs: facts, with: {tables: [people, dates]}}\n"
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: dir + "/dry.yaml"))
        let out = dir + "/out"

        // Nothing there yet: the folder is not even created.
        let first = try E2E.run(["run", dir + "/dry.yaml", "--out", out, "--dry-run", "--incremental"])
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout == """
            dry run of pipeline 'dry' into \(out): 2 document(s) listed; nothing was written
            incremental: no state store yet (\(out)/.glean/state.sqlite): every document is new
            would process 2 document(s) (new 2):
              a  new
              b  new
            tables rewritten:
              csv: people, dates

            """)
        #expect(!FileManager.default.fileExists(atPath: out))

        // After a run, one input changes and one is added: only those would run.
        #expect(try E2E.run(["run", dir + "/dry.yaml", "--out", out, "--incremental", "--quiet"]).code == 0)
        try Data("Colonel Nguyen Van A said 13 cases.".utf8).write(to: URL(fileURLWithPath: dir + "/in/a.txt"))
        try Data("General Tran B arrived.".utf8).write(to: URL(fileURLWithPath: dir + "/in/c.txt"))
        let before = Self.tree(out)
        let second = try E2E.run(["run", dir + "/dry.yaml", "--out", out, "--dry-run", "--incremental"])
        #expect(second.code == 0, "\(second.stderr)")
        #expect(second.stdout == """
            dry run of pipeline 'dry' into \(out): 3 document(s) listed; nothing was written
            incremental: 1 reused, 2 to process, 0 removed
            would process 2 document(s) (content changed 1, new 1):
              a  content changed
              c  new
            tables rewritten:
              csv: people, dates

            """)
        #expect(Self.tree(out) == before)

        // Back as it was: nothing would change.
        try Data("Colonel Nguyen Van A said 12 cases.".utf8).write(to: URL(fileURLWithPath: dir + "/in/a.txt"))
        try FileManager.default.removeItem(atPath: dir + "/in/c.txt")
        let third = try E2E.run(["run", dir + "/dry.yaml", "--out", out, "--dry-run", "--incremental"])
        #expect(third.stdout.hasSuffix("incremental: 2 reused, 0 to process, 0 removed\nwould process no document\ntables: every table kept as it is (nothing changed)\n"))
        #expect(Self.tree(out) == before)
    }
}
