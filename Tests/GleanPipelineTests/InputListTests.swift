import Testing

@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages

/// The compact input list: what goes in comes out (path and source rebuilt from the origin),
/// sorted by doc_id bytes then path, with duplicate paths and doc_ids found.
struct InputListTests {
    /// Inputs as (relative path, doc_id length), all below /data/in, listed by stage "fetch"
    /// of a manifest in /data/pipelines.
    static func list(_ items: [(String, Int)], base: String = "/data/in") -> InputList {
        var list = InputList()
        let origin = list.addOrigin(.init(base: base, root: "/data/pipelines", stage: "fetch"))
        for (relative, docIdCount) in items { list.append(relative: relative, docIdCount: docIdCount, origin: origin) }
        return list
    }

    @Test func rebuildsEveryField() {
        var list = Self.list([("é/2.txt.gz", 4)])
        let other = list.addOrigin(.init(base: "/data/pipelines/local", root: "/data/pipelines", stage: "fetch-b"))
        list.append(relative: "x.html", docIdCount: 1, origin: other)
        #expect(Array(list) == [
            InputRef(docId: "é/2", path: "/data/in/é/2.txt.gz", source: "../in/é/2.txt.gz", stage: "fetch"),
            InputRef(docId: "x", path: "/data/pipelines/local/x.html", source: "local/x.html", stage: "fetch-b"),
        ])
    }

    /// Records of a file keep their own doc_id, the file's path and their place through
    /// appending, sorting and filtering, beside whole files.
    @Test func recordsKeepTheirDocIdPathAndPlace() {
        var records = InputList()
        let origin = records.addOrigin(.init(base: "/data/pipelines", root: "/data/pipelines", stage: "warc"))
        records.append(record: InputRecord(offset: 900, length: 50, isFileRange: true, tag: 1), docId: "https://b.org/", relative: "w/a.warc.gz", origin: origin)
        records.append(record: InputRecord(offset: 0, length: 900, isFileRange: true, tag: 1, problem: "bad"), docId: "w/a.warc.gz@0", relative: "w/a.warc.gz", origin: origin)
        var list = Self.list([("z.txt", 1)])
        list.append(contentsOf: records)
        list.sortByDocId()
        #expect(Array(list) == [
            InputRef(docId: "https://b.org/", path: "/data/pipelines/w/a.warc.gz", source: "w/a.warc.gz", stage: "warc",
                     record: InputRecord(offset: 900, length: 50, isFileRange: true, tag: 1)),
            InputRef(docId: "w/a.warc.gz@0", path: "/data/pipelines/w/a.warc.gz", source: "w/a.warc.gz", stage: "warc",
                     record: InputRecord(offset: 0, length: 900, isFileRange: true, tag: 1, problem: "bad")),
            InputRef(docId: "z", path: "/data/in/z.txt", source: "../in/z.txt", stage: "fetch"),
        ])
        #expect(list.filter(docId: { $0 != "https://b.org/" }).map(\.record?.offset) == [0, nil])
    }

    /// `source` is the origin's folder joined to the relative path when that path is plain, and a
    /// full standardization otherwise: (base, root, relative, source).
    @Test(arguments: [
        ("/data/in", "/data/in", "a/b.html", "a/b.html"),
        ("/data/in", "/data/pipelines", "a/b.html", "../in/a/b.html"),
        ("/data/in/deep", "/data", "x...y/...", "in/deep/x...y/..."),
        ("/", "/data/pipelines", "a.txt", "../../a.txt"),
        ("/data/in", "/data/pipelines", "a/../b.html", "../in/b.html"),
        ("/data/in", "/data/in", "./b.html", "b.html"),
        ("/data/in", "/data/in", "a//b.html", "a/b.html"),
        ("/data/in", "/data/in", "a/..", ""),
    ])
    func sourceIsTheBaseJoinedOrStandardized(base: String, root: String, relative: String, source: String) {
        var list = InputList()
        let origin = list.addOrigin(.init(base: base, root: root, stage: "fetch"))
        list.append(relative: relative, docIdCount: 1, origin: origin)
        #expect(list[0].source == source)
        #expect(source == RelativePath.of(list[0].path, from: root))
    }

    @Test(arguments: [
        ([("b.txt", 1), ("a.txt", 1), ("ab.txt", 2), ("A.txt", 1)], ["A", "a", "ab", "b"]),
        ([("x/10.txt", 4), ("x/9.txt", 3), ("x/1.txt", 3)], ["x/1", "x/10", "x/9"]),
        ([("é.txt", 2), ("z.txt", 1), ("e.txt", 1)], ["e", "z", "é"]),
    ])
    func sortsByDocIdBytes(items: [(String, Int)], expected: [String]) {
        var list = Self.list(items)
        list.sortByDocId()
        #expect(list.map(\.docId) == expected)
    }

    @Test func equalDocIdsAreOrderedByPathAndReported() {
        var list = Self.list([("same.txt", 4), ("same.html", 4)])
        list.sortByDocId()
        #expect(list.map(\.path) == ["/data/in/same.html", "/data/in/same.txt"])
        let duplicate = list.firstDuplicateDocId()
        #expect(duplicate?.0.path == "/data/in/same.html")
        #expect(duplicate?.1.path == "/data/in/same.txt")
    }

    @Test(arguments: [
        ([("a", 1), ("b", 1)], nil as String?),
        ([("a", 1), ("b.txt", 1), ("b.htm", 1), ("c.txt", 1), ("c.htm", 1)], "b"),
        ([], nil),
    ])
    func findsTheFirstDuplicateDocId(items: [(String, Int)], expected: String?) {
        var list = Self.list(items)
        list.sortByDocId()
        #expect(list.firstDuplicateDocId()?.0.docId == expected)
    }

    @Test func keepsTheFirstListedOfDuplicatePaths() {
        var list = Self.list([("p/a.txt", 3), ("q.txt", 1)])
        // Another glob whose base is a subfolder: the same file under another relative path.
        list.append(contentsOf: Self.list([("a.txt", 1), ("r.txt", 1)], base: "/data/in/p"))
        list.removeDuplicatePaths()
        #expect(list.map(\.path) == ["/data/in/p/a.txt", "/data/in/q.txt", "/data/in/p/r.txt"])
        #expect(list.map(\.docId) == ["p/a", "q", "r"])
    }

    @Test func filtersByDocId() {
        let list = Self.list([("a1", 2), ("b1", 2), ("a2", 2)])
        let kept = list.filter(docId: { $0.hasPrefix("a") })
        #expect(kept.map(\.path) == ["/data/in/a1", "/data/in/a2"])
        #expect(list.docId(at: 1) == "b1")
        #expect(list.count == 3)
    }

    @Test func appendsOneListToAnother() {
        var list = Self.list([("a", 1)])
        list.append(contentsOf: Self.list([("b", 1), ("c", 1)], base: "/elsewhere"))
        var empty = InputList()
        empty.append(contentsOf: list)
        #expect(empty.map(\.docId) == ["a", "b", "c"])
        #expect(empty.map(\.source) == ["../in/a", "../../elsewhere/b", "../../elsewhere/c"])
    }
}
