import Foundation
import Testing
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages

/// `Gzip.decompress`: libdeflate for valid gzip, zlib for the diagnosis of bad input, the same
/// bytes and the same errors either way.
@Suite struct GzipTests {
    enum Outcome: Equatable {
        case bytes([UInt8])
        case error(String)
    }

    struct Case: Sendable, CustomStringConvertible {
        let description: String
        /// Builds the input from gzip members of the samples (compressed by /bin/gzip).
        let input: @Sendable (_ member: ([UInt8]) throws -> [UInt8]) throws -> [UInt8]
        let limit: Int
        let expected: Outcome
    }

    static let text = Array(String(repeating: "Provincial security report, 12 March 2024. ", count: 300).utf8)
    static let small = Array("second member".utf8)
    static let bomb = "gzip expands past max_bytes"

    static let cases: [Case] = [
        Case(description: "one member", input: { try $0(text) }, limit: 1 << 20, expected: .bytes(text)),
        Case(description: "two members, concatenated", input: { try $0(text) + $0(small) }, limit: 1 << 20,
             expected: .bytes(text + small)),
        // The trailer's size (13 bytes) is the last member's: the first one needs the buffer to grow.
        Case(description: "a large member, then a small one", input: { try $0(text + text + text) + $0(small) },
             limit: 1 << 20, expected: .bytes(text + text + text + small)),
        Case(description: "an empty member", input: { try $0([]) }, limit: 100, expected: .bytes([])),
        Case(description: "exactly max_bytes", input: { try $0(text) }, limit: text.count, expected: .bytes(text)),
        Case(description: "one byte over max_bytes", input: { try $0(text) }, limit: text.count - 1,
             expected: .error("\(bomb) \(text.count - 1) (a compressed bomb or a very large document); raise max_bytes if it is genuine")),
        Case(description: "two members over max_bytes together", input: { try $0(text) + $0(small) }, limit: text.count + 5,
             expected: .error("\(bomb) \(text.count + 5) (a compressed bomb or a very large document); raise max_bytes if it is genuine")),
        Case(description: "trailer cut off", input: { Array(try $0(text).dropLast(5)) }, limit: 1 << 20,
             expected: .error("gzip data is truncated")),
        Case(description: "cut in the middle", input: { let g = try $0(text); return Array(g.prefix(g.count / 2)) },
             limit: 1 << 20, expected: .error("gzip data is truncated")),
        Case(description: "bytes after the last member", input: { try $0(text) + Array("trailing".utf8) }, limit: 1 << 20,
             expected: .error("gzip data is corrupt (zlib status -3)")),
        Case(description: "wrong CRC", input: { var g = try $0(text); g[g.count - 8] ^= 0xFF; return g }, limit: 1 << 20,
             expected: .error("gzip data is corrupt (zlib status -3)")),
        Case(description: "wrong size in the trailer", input: { var g = try $0(text); g[g.count - 4] ^= 0x01; return g },
             limit: 1 << 20, expected: .error("gzip data is corrupt (zlib status -3)")),
    ]

    @Test(arguments: cases)
    func decompress(_ c: Case) throws {
        let input = try c.input(gzipForTest)
        #expect(Self.outcome { try Gzip.decompress(input, limit: c.limit) } == c.expected)
        // The zlib path alone gives the same answer (it is what bad input falls back to).
        #expect(Self.outcome { try Gzip.inflateStreaming(input, limit: c.limit) } == c.expected)
    }

    static func outcome(_ body: () throws -> [UInt8]) -> Outcome {
        do {
            return .bytes(try body())
        } catch let error as DocumentError {
            return .error(error.reason)
        } catch {
            return .error("unexpected \(error)")
        }
    }
}
