import Testing
@testable import GleanWARC

struct HTTPResponseTests {
    static let body = Array("<html><body><p>Héllo, chunked world</p></body></html>".utf8)

    static func chunked(_ data: [UInt8], size: Int) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            let n = min(size, data.count - i)
            out += Array((String(n, radix: 16) + ";ext=1\r\n").utf8) + data[i..<(i + n)] + Array("\r\n".utf8)
            i += n
        }
        return out + Array("0\r\n\r\n".utf8)
    }

    struct BodyCase: Sendable, CustomTestStringConvertible {
        var name: String
        var headers: [String]
        var encoded: [UInt8]
        var testDescription: String { name }
    }

    /// "hello" in brotli (one uncompressed meta-block).
    static let brotliHello: [UInt8] = [0x0B, 0x02, 0x80, 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x03]

    static let bodies: [BodyCase] = [
        BodyCase(name: "identity", headers: [], encoded: body),
        BodyCase(name: "chunked", headers: ["Transfer-Encoding: chunked"], encoded: chunked(body, size: 7)),
        BodyCase(name: "gzip", headers: ["Content-Encoding: gzip"], encoded: Build.gzip(body)),
        BodyCase(name: "x-gzip, chunked", headers: ["Content-Encoding: x-gzip", "Transfer-Encoding: chunked"], encoded: chunked(Build.gzip(body), size: 5)),
        BodyCase(name: "deflate (zlib)", headers: ["Content-Encoding: deflate"], encoded: Build.gzip(body, windowBits: 15)),
        BodyCase(name: "deflate (raw)", headers: ["Content-Encoding: deflate"], encoded: Build.gzip(body, windowBits: -15)),
    ]

    @Test(arguments: bodies)
    func decodesBodies(_ c: BodyCase) throws {
        let block = Build.http(headers: c.headers, body: c.encoded)
        let response = try HTTPResponse.head(block)
        #expect(response.status == 200)
        #expect(try response.body(block, limit: 1 << 20) == Self.body)
    }

    @Test func brotli() throws {
        let block = Build.http(headers: ["Content-Encoding: br"], body: Self.brotliHello)
        #expect(try HTTPResponse.head(block).body(block, limit: 100) == Array("hello".utf8))
    }

    struct FailCase: Sendable, CustomTestStringConvertible {
        var name: String
        var headers: [String]
        var encoded: [UInt8]
        var limit: Int = 1 << 20
        var message: String
        var testDescription: String { name }
    }

    static let failCases: [FailCase] = [
        FailCase(name: "truncated chunk", headers: ["Transfer-Encoding: chunked"], encoded: Array(chunked(body, size: 40).prefix(30)),
                 message: "the chunked body is truncated (a chunk of 40 bytes runs past the end)"),
        FailCase(name: "truncated gzip", headers: ["Content-Encoding: gzip"], encoded: Array(Build.gzip(body).prefix(20)),
                 message: "the gzip body is truncated"),
        FailCase(name: "gzip bomb", headers: ["Content-Encoding: gzip"], encoded: Build.gzip(Array(repeating: 0x41, count: 300_000)),
                 limit: 100_000, message: "the body inflates to over max_bytes 100000"),
        FailCase(name: "unknown coding", headers: ["Content-Encoding: compress"], encoded: body,
                 message: "Content-Encoding 'compress' is not one Glean decodes (gzip, deflate, br)"),
        FailCase(name: "plain body over the limit", headers: [], encoded: body, limit: 10, message: "the body is \(body.count) bytes, over max_bytes 10"),
    ]

    @Test(arguments: failCases)
    func failures(_ c: FailCase) throws {
        let block = Build.http(headers: c.headers, body: c.encoded)
        #expect(throws: HTTPResponse.Failure(c.message)) { try HTTPResponse.head(block).body(block, limit: c.limit) }
    }

    @Test(arguments: [
        ("text/html; charset=UTF-8", "text/html", "UTF-8"),
        ("TEXT/HTML;Charset=\"windows-1251\"", "text/html", "windows-1251"),
        ("application/xhtml+xml", "application/xhtml+xml", nil),
        ("text/plain ; format=flowed; charset=iso-8859-1", "text/plain", "iso-8859-1"),
    ] as [(String, String, String?)])
    func contentType(_ value: String, _ media: String, _ charset: String?) throws {
        let response = try HTTPResponse.head(Build.http(type: value, body: []))
        #expect(response.mediaType == media)
        #expect(response.charset == charset)
    }

    @Test(arguments: [
        ("HTTP/1.1 404 Not Found\r\n\r\n", 404),
        ("HTTP/1.0 200\r\nServer: x\r\n\r\nbody", 200),
        ("HTTP/2 301 Moved\nLocation: /b\n\n", 301),
    ])
    func statusLines(_ text: String, _ status: Int) throws {
        #expect(try HTTPResponse.head(Array(text.utf8)).status == status)
    }

    @Test(arguments: ["GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 abc\r\n\r\n", "HTTP/1.1 200 OK\r\nServer: x\r\n"])
    func notResponses(_ text: String) {
        #expect(throws: HTTPResponse.Failure.self) { try HTTPResponse.head(Array(text.utf8)) }
    }
}
