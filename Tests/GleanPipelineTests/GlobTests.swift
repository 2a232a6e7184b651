import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        ("*.txt", "a.txt", true), ("*.txt", ".a.txt", false), ("a?c", "abc", true), ("[ab]x", "bx", true),
        ("[!ab]x", "bx", false), ("[a-c]x", "cx", true), ("*", "anything", true), ("x*y*z", "xaaybbz", true), ("x*y*z", "xaaybb", false),
    ])
    func componentMatching(pattern: String, name: String, expected: Bool) {
        #expect(Glob.matchComponent(pattern, name) == expected)
    }

    @Test func doubleStarMatchesZeroOrMoreFolders() throws {
        let tree = try TempTree(["Samples/a.txt": [1], "Samples/seeds/b.txt": [1], "Samples/seeds/deep/c.txt": [1],
                                 "Samples/x.html": [1], "Samples/.hidden/d.txt": [1]])
        let glob = Glob(pattern: "Samples/**/*.txt", relativeTo: tree.root)
        #expect(glob.matches().map(\.relative) == ["a.txt", "seeds/b.txt", "seeds/deep/c.txt"])
        #expect(glob.base.hasSuffix("/Samples"))
    }

    @Test func parentFolderPatternsResolveAgainstTheManifestFolder() throws {
        let tree = try TempTree(["Samples/a.txt": [1], "Pipelines/m.yaml": [1]])
        let glob = Glob(pattern: "../Samples/*.txt", relativeTo: tree.root + "/Pipelines")
        #expect(glob.matches().map(\.relative) == ["a.txt"])
    }

    @Test(arguments: [("0001.html.gz", "0001"), ("seeds/001_x.txt", "seeds/001_x"), ("a.HTM", "a"), ("notes.md", "notes.md"), ("a.tar.gz", "a.tar")])
    func docIdDropsKnownSuffixes(relative: String, expected: String) {
        #expect(FetchFilesStage.docId(relative) == expected)
    }

    @Test(arguments: [("/a/b/Samples/x.txt", "/a/b/Pipelines", "../Samples/x.txt"), ("/a/b/x.txt", "/a/b", "x.txt"), ("/x.txt", "/a/b", "../../x.txt")])
    func sourceIsRelativeToTheManifestFolder(path: String, base: String, expected: String) {
        #expect(RelativePath.of(path, from: base) == expected)
    }
}

@Suite struct DecodingTests {
    @Test func gzipBombIsRejectedNotExpanded() throws {
        // 10 MB of zeros compresses to about 10 KB; a limit of 1 MB must stop it.
        let zeros = [UInt8](repeating: 0, count: 10 << 20)
        let compressed = try gzipForTest(zeros)
        #expect(compressed.count < 100_000)
        let error = try #require(throws: DocumentError.self) { _ = try Gzip.decompress(compressed, limit: 1 << 20) }
        #expect(error.reason.hasPrefix("gzip expands past max_bytes 1048576"))
        #expect(try Gzip.decompress(compressed, limit: 11 << 20).count == 10 << 20)
    }

    @Test func truncatedGzipIsRejected() throws {
        let compressed = try gzipForTest(Array("hello world, hello world".utf8))
        let error = try #require(throws: DocumentError.self) { _ = try Gzip.decompress(Array(compressed.prefix(12)), limit: 1000) }
        #expect(error.reason == "gzip data is truncated")
    }

    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF, 0x41], "A"), ([0x41, 0xE9, 0x42], "AéB"), ([0x93, 0x41, 0x94], "\u{201C}A\u{201D}"),
        ([0xFF, 0xFE, 0x41, 0x00], "A"), ([0xC3, 0xA9], "é"),
    ] as [([UInt8], String)])
    func textDecoding(bytes: [UInt8], expected: String) throws {
        #expect(try TextDecoding.decodeText(bytes) == expected)
    }

    @Test func nulBytesMeanABinaryFile() throws {
        let error = try #require(throws: DocumentError.self) { _ = try TextDecoding.decodeText([0x41, 0x00, 0x42]) }
        #expect(error.reason == "binary file: NUL byte at offset 1; only text and HTML documents are read")
    }

    @Test(arguments: [("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                      (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")])
    func sha256(input: String, expected: String) {
        #expect(ContentHash.hex(Array(input.utf8)) == expected)
        #expect(ContentHash.hex(input.utf8) == expected)
    }
}

/// gzip through the system's gzip command, so the test does not trust our own zlib code.
func gzipForTest(_ bytes: [UInt8]) throws -> [UInt8] {
    let tree = try TempTree(["in": bytes])
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-kn9", tree.root + "/in"]
    try process.run()
    process.waitUntilExit()
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: tree.root + "/in.gz")))
}
