import CZlib
import Foundation
import Testing
@testable import GleanWARC

/// Small WARCs built here, byte by byte.
enum Build {
    static func record(_ type: String, uri: String?, id: Int, block: [UInt8], version: String = "WARC/1.1",
                       length: Int? = nil) -> [UInt8] {
        var head = "\(version)\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-\(String(format: "%012d", id))>\r\n"
        head += "WARC-Date: 2024-03-0\(id % 9 + 1)T10:20:30Z\r\n"
        if let uri { head += "WARC-Target-URI: \(uri)\r\n" }
        head += "Content-Type: application/http; msgtype=\(type)\r\nContent-Length: \(length ?? block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func http(_ status: Int = 200, type: String = "text/html; charset=UTF-8", headers: [String] = [], body: [UInt8]) -> [UInt8] {
        var head = "HTTP/1.1 \(status) OK\r\nContent-Type: \(type)\r\n"
        for h in headers { head += h + "\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    static func page(_ n: Int) -> [UInt8] { Array("<html><body><p>Page \(n)</p></body></html>".utf8) }

    /// Three records: warcinfo, a response, a request, then a second response.
    static var records: [[UInt8]] {
        [record("warcinfo", uri: nil, id: 1, block: Array("software: test\r\n".utf8)),
         record("response", uri: "http://example.com/a", id: 2, block: http(body: page(1))),
         record("request", uri: "http://example.com/a", id: 3, block: Array("GET /a HTTP/1.1\r\n\r\n".utf8)),
         record("response", uri: "http://example.com/b", id: 4, block: http(body: page(2)))]
    }

    /// gzip (one member) of `data`; `raw: true` gives zlib-wrapped, `raw: nil` bare deflate.
    static func gzip(_ data: [UInt8], windowBits: Int32 = 31) -> [UInt8] {
        var z = z_stream()
        deflateInit2_(&z, 6, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&z) }
        var out = [UInt8](repeating: 0, count: data.count + 256)
        var input = data
        let produced = input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                z.next_in = i.baseAddress
                z.avail_in = UInt32(i.count)
                z.next_out = o.baseAddress
                z.avail_out = UInt32(o.count)
                deflate(&z, Z_FINISH)
                return o.count - Int(z.avail_out)
            }
        }
        return Array(out[..<produced])
    }

    static func file(_ bytes: [UInt8], _ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glean-warc-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Every outcome of reading `path`: "type uri" for records, "error OFFSET: message" for errors.
    static func read(_ path: String, maxBytes: Int = 1 << 20) -> [String] {
        guard let reader = try? WARCReader(path: path, name: "x.warc", maxBytes: maxBytes) else { return ["cannot open"] }
        var out: [String] = []
        while let r = reader.next() {
            switch r {
            case .success(let record): out.append("\(record.type ?? "-") \(record.targetURI ?? "-")")
            case .failure(let e): out.append("error \(e.inflated ? "i" : "")\(e.offset): \(e.message)")
            }
        }
        return out
    }
}

struct WARCReaderTests {
    static let expectedAll = ["warcinfo -", "response http://example.com/a", "request http://example.com/a", "response http://example.com/b"]

    struct LayoutCase: Sendable, CustomTestStringConvertible {
        var name: String
        var layout: WARCLayout
        var testDescription: String { name }
    }

    @Test(arguments: [LayoutCase(name: "plain", layout: .plain), LayoutCase(name: "gzip per record", layout: .gzipMember),
                      LayoutCase(name: "one gzip stream", layout: .gzipStream)])
    func layouts(_ c: LayoutCase) throws {
        let records = Build.records
        let bytes: [UInt8]
        var offsets: [Int64] = []
        var lengths: [Int64] = []
        switch c.layout {
        case .plain:
            bytes = records.flatMap { $0 }
            var at = 0
            for r in records { offsets.append(Int64(at)); lengths.append(Int64(r.count)); at += r.count }
        case .gzipMember:
            let members = records.map { Build.gzip($0) }
            bytes = members.flatMap { $0 }
            var at = 0
            for m in members { offsets.append(Int64(at)); lengths.append(Int64(m.count)); at += m.count }
        case .gzipStream:
            bytes = Build.gzip(records.flatMap { $0 })
            var at = 0
            for r in records { offsets.append(Int64(at)); lengths.append(Int64(r.count)); at += r.count }
        }
        let path = Build.file(bytes, "layout-\(c.layout.rawValue).warc")
        #expect(Build.read(path) == Self.expectedAll)
        let reader = try WARCReader(path: path, maxBytes: 1 << 20)
        var found: [WARCRecord] = []
        while let r = reader.next() { found.append(try r.get()) }
        #expect(found.map(\.layout) == Array(repeating: c.layout, count: 4))
        #expect(found.map(\.offset) == offsets)
        #expect(found.map(\.length) == lengths)
        #expect(found.map(\.version) == Array(repeating: "WARC/1.1", count: 4))
        // Each record reads back from its offset alone.
        for record in found {
            let again = try WARCReader.record(path: path, name: "x", layout: record.layout, offset: record.offset,
                                              length: record.length, maxBytes: 1 << 20).get()
            #expect(again == record)
        }
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: @Sendable () -> [UInt8]
        var maxBytes: Int = 1 << 20
        var expected: [String]
        var testDescription: String { name }
    }

    static let r = Build.records
    /// A response of about 200 KB that compresses poorly, so that half its member inflates to many bytes.
    static let big: [UInt8] = {
        var x: UInt32 = 1
        let body = (0..<200_000).map { _ -> UInt8 in x = x &* 1_103_515_245 &+ 12_345; return 0x61 + UInt8((x >> 16) % 26) }
        return Build.record("response", uri: "http://example.com/big", id: 9, block: Build.http(body: body))
    }()
    static let bad: [BadCase] = [
        BadCase(name: "Content-Length too short", bytes: {
            r[0] + Build.record("response", uri: "http://example.com/a", id: 2, block: Build.http(body: Build.page(1)), length: 10) + r[2] + r[3]
        }, expected: ["warcinfo -", "error \(r[0].count): Content-Length 10 does not end the record (no blank line after the block)",
                      "request http://example.com/a", "response http://example.com/b"]),
        BadCase(name: "Content-Length too long", bytes: {
            r[0] + Build.record("response", uri: "http://example.com/a", id: 2, block: Build.http(body: Build.page(1)), length: 150) + r[2] + r[3]
        }, expected: ["warcinfo -", "error \(r[0].count): Content-Length 150 does not end the record (no blank line after the block)",
                      "request http://example.com/a", "response http://example.com/b"]),
        BadCase(name: "truncated at the end", bytes: { r[0] + r[1] + Array(r[3].dropLast(20)) },
                expected: ["warcinfo -", "response http://example.com/a",
                           "error \(r[0].count + r[1].count): the file ends inside the record's block (Content-Length \(Build.http(body: Build.page(2)).count))"]),
        BadCase(name: "truncated in the header", bytes: { r[0] + Array(r[1].prefix(30)) },
                expected: ["warcinfo -", "error \(r[0].count): the file ends inside the record's header"]),
        BadCase(name: "over max_bytes", bytes: { r[0] + r[1] + r[2] }, maxBytes: 60,
                expected: ["warcinfo -", "error \(r[0].count): the record's block is \(Build.http(body: Build.page(1)).count) bytes, over max_bytes 60",
                           "request http://example.com/a"]),
        BadCase(name: "garbage between records", bytes: { r[0] + Array("junk line\r\n".utf8) + r[1] },
                expected: ["warcinfo -", "error \(r[0].count): no WARC record starts here (found 'junk line')", "response http://example.com/a"]),
        BadCase(name: "not a WARC", bytes: { Array("<html>hello</html>\n".utf8) + r[0] },
                expected: ["error 0: not a WARC file (it does not start with WARC/1.x)"]),
        BadCase(name: "gzip, not a WARC", bytes: { Build.gzip(Array("<html>hello</html>\n".utf8)) },
                expected: ["error 0: not a WARC file (its gzip content does not start with a WARC/1.x record)"]),
        BadCase(name: "a gzip member that does not inflate", bytes: {
            var m = Build.gzip(r[1])
            for i in 12..<40 { m[i] ^= 0x5A }
            return Build.gzip(r[0]) + m + Build.gzip(r[2]) + Build.gzip(r[3])
        }, expected: ["warcinfo -", "error \(Build.gzip(r[0]).count): the gzip member at offset \(Build.gzip(r[0]).count) does not inflate (invalid code lengths set)",
                      "request http://example.com/a", "response http://example.com/b"]),
        BadCase(name: "a first gzip member that does not inflate", bytes: {
            var m = Build.gzip(r[0])
            for i in 12..<30 { m[i] ^= 0x5A }
            return m + Build.gzip(r[1]) + Build.gzip(r[2])
        }, expected: ["error 0: the gzip member at offset 0 does not inflate (invalid code lengths set)",
                      "response http://example.com/a", "request http://example.com/a"]),
        BadCase(name: "many gzip members of no WARC after a record", bytes: {
            Build.gzip(r[0]) + (0..<3000).flatMap { _ in Build.gzip(Array("junk\r\n".utf8)) } + Build.gzip(r[1])
        }, expected: ["warcinfo -", "error \(Build.gzip(r[0]).count): no WARC record starts here (found 'junk')", "response http://example.com/a"]),
        BadCase(name: "a truncated last gzip member", bytes: { Build.gzip(r[0]) + Array(Build.gzip(r[1]).prefix(40)) },
                expected: ["warcinfo -", "error \(Build.gzip(r[0]).count): the gzip member at offset \(Build.gzip(r[0]).count) is truncated (the file ends inside it)"]),
        BadCase(name: "a gzip member cut in its middle", bytes: {
            Build.gzip(r[0]) + Array(Build.gzip(big).prefix(Build.gzip(big).count / 2))
        }, expected: ["warcinfo -", "error \(Build.gzip(r[0]).count): the gzip member at offset \(Build.gzip(r[0]).count) is truncated (the file ends inside it)"]),
        BadCase(name: "gzip record with a wrong Content-Length", bytes: {
            Build.gzip(r[0]) + Build.gzip(Build.record("response", uri: "http://example.com/a", id: 2, block: Build.http(body: Build.page(1)), length: 12))
                + Build.gzip(r[3])
        }, expected: ["warcinfo -", "error \(Build.gzip(r[0]).count): Content-Length 12 does not end the record (no blank line after the block)",
                      "response http://example.com/b"]),
    ]

    @Test(arguments: bad)
    func badArchives(_ c: BadCase) {
        let path = Build.file(c.bytes(), "bad-\(c.name.replacingOccurrences(of: " ", with: "-")).warc")
        #expect(Build.read(path, maxBytes: c.maxBytes) == c.expected)
    }

    @Test func blockPrefixKeepsTheStart() throws {
        let path = Build.file(Build.records.flatMap { $0 }, "prefix.warc")
        let reader = try WARCReader(path: path, maxBytes: 1 << 20, blockPrefix: 8)
        var blocks: [String] = []
        while let r = reader.next() { blocks.append(String(decoding: try r.get().block, as: UTF8.self)) }
        #expect(blocks == ["software", "HTTP/1.1", "GET /a H", "HTTP/1.1"])
    }

    @Test func warc10BracketedURI() throws {
        let path = Build.file(Build.record("response", uri: "<http://example.com/x>", id: 5, block: Build.http(body: Build.page(5)), version: "WARC/1.0"), "w10.warc")
        let record = try #require(try WARCReader(path: path, maxBytes: 1 << 20).next()).get()
        #expect(record.version == "WARC/1.0")
        #expect(record.targetURI == "http://example.com/x")
        #expect(record.recordID == "<urn:uuid:00000000-0000-0000-0000-000000000005>")
    }

    @Test(arguments: [
        ("2024-03-01T10:20:30Z", Int64(1_709_288_430_000_000)),
        ("2024-03-01T10:20:30.123456Z", Int64(1_709_288_430_123_456)),
        ("2024-03-01T10:20Z", Int64(1_709_288_400_000_000)),
        ("2024-03-01", Int64(1_709_251_200_000_000)),
        ("1970-01-01T00:00:00Z", Int64(0)),
    ])
    func dates(_ text: String, _ micros: Int64) {
        #expect(WARCRecord.microseconds(text) == micros)
    }

    @Test(arguments: ["2024-13-01T00:00:00Z", "2024-03-01T10:20:30", "2024-03-01 10:20:30Z", "yesterday", ""])
    func badDates(_ text: String) {
        #expect(WARCRecord.microseconds(text) == nil)
    }
}
