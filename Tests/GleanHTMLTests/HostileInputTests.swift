import Foundation
import Testing
@testable import GleanHTML

struct HostileCase: Sendable, CustomStringConvertible {
    let name: String
    let bytes: [UInt8]
    /// nil: must yield a page; else the error kind expected.
    let error: HTMLError.Kind?
    /// How the extracted text must end (nesting past max_depth is ignored, so that page is empty).
    var suffix = "to be taken as the main text of the page."
    var description: String { name }
}

private let para = "<p>This paragraph is long enough, with commas, to be taken as the main text of the page.</p>"

@Suite struct HostileInputTests {
    static let cases: [HostileCase] = [
        HostileCase(name: "empty file", bytes: [], error: .empty),
        HostileCase(name: "unclosed tags", bytes: Array("<html><body><div><p>Open <b>bold <i>italic <div><table><tr><td>cell \(para)".utf8), error: nil),
        HostileCase(name: "10,000-deep nesting", bytes: Array((String(repeating: "<div>", count: 10_000) + para + String(repeating: "</div>", count: 10_000)).utf8), error: nil, suffix: ""),
        HostileCase(name: "NUL bytes", bytes: Array("<html><body>".utf8) + [0, 0] + Array(para.utf8) + [0], error: nil),
        HostileCase(name: "invalid UTF-8", bytes: Array("<html><body>".utf8) + [0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80] + Array(para.utf8), error: nil),
        HostileCase(name: "wrong declared charset", bytes: Array("<meta charset=\"shift_jis\"><body>\(para)<p>Café</p>".utf8), error: nil, suffix: "page.\n\nCafé"),
        HostileCase(name: "binary file", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, error: .binary),
        HostileCase(name: "gzip bytes", bytes: [0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0, count: 100), error: .binary),
        HostileCase(
            name: "billion laughs",
            bytes: Array("""
                <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><html><body><p>&lol9;</p>\(para)</body></html>
                """.utf8), error: nil),
        HostileCase(
            name: "external entity pointing at /etc/passwd",
            bytes: Array("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><html><body><p>&xxe;</p>\(para)</body></html>".utf8),
            error: nil),
    ]

    @Test(arguments: cases)
    func boundedAndSafe(_ c: HostileCase) throws {
        let start = Date()
        do {
            let page = try HTMLExtractor().extract(c.bytes)
            #expect(c.error == nil)
            #expect(page.text.contains("root:") == false)
            #expect(page.text.utf8.count < 100_000)
            #expect(page.text.hasSuffix(c.suffix))
            #expect(c.suffix != "" || page.text == "")
        } catch let e as HTMLError {
            #expect(e.kind == c.error)
            #expect(!e.reason.isEmpty)
        }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func oversizedPageIsRefused() throws {
        let ex = try HTMLExtractor(options: HTMLOptions(maxBytes: 1000))
        let error = #expect(throws: HTMLError.self) { try ex.extract([UInt8](repeating: 0x61, count: 1001)) }
        #expect(error?.description == "page is 1001 bytes, over max_bytes 1000")
    }

    @Test func twentyMegabytePage() throws {
        var html = Array("<html><body><article>".utf8)
        var count = 0
        while html.count < 20_000_000 {
            html += Array("<p>Paragraph \(count) is long enough, with commas, to be taken as the main text.</p>".utf8)
            count += 1
        }
        html += Array("</article></body></html>".utf8)
        let start = Date()
        let page = try HTMLExtractor().extract(html)
        #expect(page.paragraphs.count == count)
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test func concurrentCallsAgree() async throws {
        let ex = try HTMLExtractor()
        let html = Array("<html lang=\"en\"><head><title>Same</title></head><body>\(para)\(para)</body></html>".utf8)
        let expected = try ex.extract(html).text
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<32 { group.addTask { try ex.extract(html).text } }
            for try await t in group { #expect(t == expected) }
        }
    }
}
