import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import Testing

/// Issue 19's listing cases: every name a glob matches is accounted for, a symbolic link loop is
/// followed once, a run never lists its own output, and listing stops when the run is interrupted.
@Suite struct ListingFaultTests {
    /// Creates a symbolic link `path` (relative to the tree) pointing at `target`.
    static func link(_ tree: TempTree, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: tree.root + "/" + path, withDestinationPath: target)
    }

    /// A file whose name holds the bytes `name` (which need not be UTF-8).
    static func rawFile(_ tree: TempTree, folder: String, name: [UInt8]) {
        let path = Array((tree.root + "/" + folder + "/").utf8) + name + [0]
        let fd = path.withUnsafeBufferPointer { p in p.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        _ = write(fd, "x y", 3)
        close(fd)
    }

    @Test func aSymbolicLinkLoopIsListedOnce() throws {
        let tree = try TempTree(["in/a.txt": [1], "in/sub/b.txt": [1], "other/c.txt": [1]])
        try Self.link(tree, "in/sub/up", to: "..")          // a loop: up is an ancestor
        try Self.link(tree, "in/again", to: "../other")      // a folder outside: followed once
        try Self.link(tree, "in/elsewhere", to: "../other")  // a second way to it: not followed
        var walk = Glob.Walk()
        let found = Glob(pattern: "in/**/*.txt", relativeTo: tree.root).matches(&walk).map(\.relative)
        #expect(found == ["a.txt", "again/c.txt", "sub/b.txt"])
        #expect(walk.skippedLinks.map { String($0.dropFirst(tree.root.count)) } == ["/in/elsewhere", "/in/sub/up"])
    }

    @Test func namesThatAreNotUTF8AreListedWithEscapes() throws {
        let tree = try TempTree(["in/a.txt": [1]])
        Self.rawFile(tree, folder: "in", name: Array("bad".utf8) + [0xFF, 0xFE] + Array("name.txt".utf8))
        let found = Glob(pattern: "in/*.txt", relativeTo: tree.root).matches()
        #expect(found.map(\.relative) == ["a.txt", "bad\\xFF\\xFEname.txt"])
        #expect(found.map(\.nameIsUTF8) == [true, false])
    }

    @Test(arguments: [
        ([0x61, 0x62], "ab"), ([0xC3, 0xA9], "é"), ([0xFF], "\\xFF"), ([0x61, 0xC3], "a\\xC3"),
        ([0xE2, 0x82, 0xAC, 0x80], "€\\x80"), ([0xF0, 0x9F, 0x98, 0x80], "😀"),
    ] as [([UInt8], String)])
    func escapedNames(bytes: [UInt8], expected: String) {
        #expect(Glob.escapedName(bytes) == expected)
    }

    @Test func fifosAndBrokenLinksAreListedAsWhatTheyAre() throws {
        let tree = try TempTree(["in/a.txt": [1]])
        #expect(mkfifo(tree.root + "/in/pipe.txt", 0o644) == 0)
        try Self.link(tree, "in/gone.txt", to: "nowhere.txt")
        let found = Glob(pattern: "in/*.txt", relativeTo: tree.root).matches()
        #expect(found.map(\.relative) == ["a.txt", "gone.txt", "pipe.txt"])
        #expect(found.map(\.kind) == [.regular, .brokenLink, .special])
    }

    @Test func theRunsOwnOutputAndStateAreNeverListed() throws {
        let tree = try TempTree(["in/a.txt": [1], "in/out/csv/documents.txt": [1], "in/out/.glean/gen/x.txt": [1],
                                 "in/keep/.glean/y.txt": [1]])
        var walk = Glob.Walk(excluded: [tree.root + "/in/out/csv"])
        #expect(Glob(pattern: "in/**/*.txt", relativeTo: tree.root).matches(&walk).map(\.relative) == ["a.txt"])
        // Not even by an explicit pattern.
        #expect(Glob(pattern: "in/keep/.glean/*.txt", relativeTo: tree.root).matches().isEmpty)
        var inside = Glob.Walk(excluded: [tree.root + "/in/out/csv"])
        #expect(Glob(pattern: "in/out/csv/documents.txt", relativeTo: tree.root).matches(&inside).isEmpty)
    }

    @Test func listingStopsWhenTheRunIsCancelled() throws {
        let tree = try TempTree(["in/a/x.txt": [1], "in/b/y.txt": [1]])
        var walk = Glob.Walk(isCancelled: { true })
        #expect(Glob(pattern: "in/**/*.txt", relativeTo: tree.root).matches(&walk).isEmpty)
        #expect(walk.cancelled)
    }

    /// Through a whole run: each odd name is a reject with its reason, and a second run with the
    /// output folder inside the inputs' folder reads the same documents as the first.
    @Test func aRunAccountsForEveryNameAndNeverReadsItsOutput() throws {
        let tree = try TempTree(["in/a.txt": Array("one two".utf8), "in/sub/b.txt": Array("three".utf8)])
        Self.rawFile(tree, folder: "in", name: Array("bad".utf8) + [0xFF] + Array(".txt".utf8))
        try Self.link(tree, "in/sub/up", to: "..")
        try Self.link(tree, "in/gone.txt", to: "nowhere")
        #expect(mkfifo(tree.root + "/in/pipe.txt", 0o644) == 0)
        let plan = try RunnerTests.manifest(tree, paths: "in/**/*")
        for _ in 0..<2 {
            let report = try Runner(plan: plan, options: RunOptions(jobs: 2, out: tree.root + "/in/out")).run().report
            #expect(report.inputs == 5)
            let rejects = try tree.read("in/out/csv/rejects.csv").split(separator: "\r\n").dropFirst().map(String.init)
            #expect(rejects == [
                #""bad\xFF","in/bad\xFF.txt","fetch","the file name is not valid UTF-8 (its invalid bytes are shown as \xFF); rename the file to read it""#,
                #""gone","in/gone.txt","fetch","a symbolic link whose target does not exist""#,
                #""pipe","in/pipe.txt","fetch","not a regular file (a FIFO, socket or device); only regular files are read""#,
            ])
        }
    }
}

/// Issue 19, case 9: many globs over one folder read it once and look only at the names their
/// literal prefix allows, with the same matches as a plain scan.
@Suite struct ManyGlobsTests {
    @Test func globsOverOneFolderShareItsListing() throws {
        let tree = try TempTree(["in/f1.txt": [1], "in/f2.txt": [1], "in/g1.txt": [1], "in/sub/f3.txt": [1]])
        var walk = Glob.Walk()
        var found: [String] = []
        for pattern in ["in/f1.t?t", "in/f*.txt", "in/g?.txt", "in/*/f*.txt", "in/**/f3.txt"] {
            found += Glob(pattern: pattern, relativeTo: tree.root).matches(&walk).map(\.relative)
        }
        #expect(found == ["f1.txt", "f1.txt", "f2.txt", "g1.txt", "sub/f3.txt", "sub/f3.txt"])
        #expect(walk.folders.reads == 2)
    }

    @Test(arguments: ["f1*", "f1?.txt", "f", "[ab]*", "*x", "a*b", "ab", "abc*", "zz*", "é*", "f1[0-3].txt", "**"])
    func prefixCandidatesMatchAPlainScan(component: String) {
        let names = ["a", "ab", "abc", "abcd", "b", "f1", "f10.txt", "f12.txt", "f1x", "f2.txt", "x", "zz", "é1", "éa", "ê"]
        let entries = names.map { Glob.Entry(raw: Array($0.utf8), name: $0, isUTF8: true) }.sorted { $0.raw.lexicographicallyPrecedes($1.raw) }
        let glob = Glob(pattern: "/in/" + component, relativeTo: "/")
        let viaIndex = glob.candidates(entries, depth: 0).map(\.name).filter { Glob.match(glob.components[...], [$0][...]) }
        let plain = entries.map(\.name).filter { Glob.match(glob.components[...], [$0][...]) }
        #expect(viaIndex == plain)
    }
}

/// Issue 19, case 12: a cron job can make a glob that matches nothing fail the run (exit 3).
@Suite struct EmptyGlobTests {
    @Test(arguments: [(true, Int32(0)), (false, Int32(3))])
    func aGlobThatMatchesNothing(allowEmpty: Bool, exitCode: Int32) throws {
        let tree = try TempTree(["in/a.txt": Array("text".utf8)])
        let plan = try Ops.plan(tree, """
            version: 1
            name: t
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["in/*.txt", "missing/*.txt"], allow_empty: \(allowEmpty)}
              - id: csv
                use: export.csv
            """)
        let report = try Runner(plan: plan, options: RunOptions(jobs: 1, out: tree.root + "/out")).run().report
        #expect(report.exitCode == exitCode)
        #expect(report.documentsOK == 1)
        #expect(report.unmatchedGlobs == (allowEmpty ? nil : [.init(stage: "fetch", glob: "missing/*.txt", folder: tree.root + "/missing")]))
        let json = try tree.read("out/_run.json")
        #expect(json.contains("\"unmatched_globs\"") == !allowEmpty)
    }
}
