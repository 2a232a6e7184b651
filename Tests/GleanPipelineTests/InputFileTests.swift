import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import Testing

/// Issue 19, cases 5 and 6: an input's size is checked before it is read, and reading stops at
/// the limit.
@Suite struct InputFileTests {
    @Test(arguments: [
        // (bytes, max_bytes, bytes read or the error)
        ([UInt8](), 10, "0 bytes"), (Array("hello".utf8), 10, "5 bytes"), (Array("hello".utf8), 5, "5 bytes"),
        (Array("hello!".utf8), 5, "document is 6 bytes, over max_bytes 5; raise max_bytes in the manifest if it is genuine"),
    ] as [([UInt8], Int, String)])
    func plainFiles(bytes: [UInt8], maxBytes: Int, expected: String) throws {
        let tree = try TempTree(["f": bytes])
        let outcome: String
        do {
            let file = try InputFile.read(tree.root + "/f", maxBytes: maxBytes)
            #expect(file.bytes == bytes)
            outcome = "\(file.bytes.count) bytes"
        } catch let error as DocumentError {
            outcome = error.reason
        }
        #expect(outcome == expected)
    }

    @Test func aGzipFileFarOverTheLimitIsRejectedBeforeItIsRead() throws {
        // 4 KB of random bytes do not compress: the file itself is over 1,000 bytes of output.
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let tree = try TempTree(["f.gz": try gzipForTest(noise)])
        let error = try #require(throws: DocumentError.self) { _ = try InputFile.read(tree.root + "/f.gz", maxBytes: 1000) }
        #expect(error.reason == Gzip.tooLarge(1000).reason)
        #expect(try InputFile.read(tree.root + "/f.gz", maxBytes: 5000).isGzip)
    }

    @Test func aMissingFileSaysSo() {
        let error = #expect(throws: DocumentError.self) { _ = try InputFile.read("/nonexistent/glean/file", maxBytes: 10) }
        #expect(error?.reason == "cannot read the file: it is missing or unreadable (No such file or directory)")
    }

    /// A sparse 2 GB file is rejected from its size alone: reading it would take seconds and
    /// gigabytes; the size check takes neither.
    @Test func aHugeFileIsRejectedFromItsSize() throws {
        let tree = try TempTree(["big": [0]])
        #expect(truncate(tree.root + "/big", 2 << 30) == 0)
        let error = try #require(throws: DocumentError.self) { _ = try InputFile.read(tree.root + "/big", maxBytes: 1 << 20) }
        #expect(error.reason == "document is 2147483648 bytes, over max_bytes 1048576; raise max_bytes in the manifest if it is genuine")
    }
}
