import Testing
@testable import GleanHTML

/// A page whose article paragraph holds `word`, so the decoded text can be checked exactly.
private func page(_ head: String, _ word: [UInt8]) -> [UInt8] {
    Array("<html><head>\(head)<title>T</title></head><body><article><p>".utf8) + word
        + Array(" is the word in this paragraph, which is long enough to be the main text of the page.</p></article></body></html>".utf8)
}

private let tail = " is the word in this paragraph, which is long enough to be the main text of the page."

struct EncodingCase: Sendable, CustomStringConvertible {
    let name: String
    let bytes: [UInt8]
    let encoding: String
    let text: String
    var description: String { name }
}

@Suite struct EncodingTests {
    static let cases: [EncodingCase] = [
        EncodingCase(name: "plain UTF-8", bytes: page("", Array("café".utf8)), encoding: "UTF-8", text: "café" + tail),
        EncodingCase(name: "UTF-8 BOM", bytes: [0xEF, 0xBB, 0xBF] + page("", Array("naïve".utf8)), encoding: "UTF-8", text: "naïve" + tail),
        EncodingCase(name: "meta charset windows-1252", bytes: page("<meta charset=\"windows-1252\">", [0x63, 0x61, 0x66, 0xE9, 0x80]), encoding: "windows-1252", text: "café€" + tail),
        EncodingCase(name: "http-equiv latin1", bytes: page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", [0x70, 0xE2, 0x74, 0xE9]), encoding: "windows-1252", text: "pâté" + tail),
        EncodingCase(name: "XML declaration", bytes: Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>".utf8) + page("", [0xE9, 0x74, 0xE9]), encoding: "windows-1252", text: "été" + tail),
        EncodingCase(name: "undeclared windows-1252 falls back", bytes: page("", [0x93, 0x71, 0x94, 0x20, 0xE0]), encoding: "windows-1252", text: "“q” à" + tail),
        EncodingCase(name: "wrong declaration: latin1 declared, UTF-8 bytes", bytes: page("<meta charset=\"iso-8859-1\">", Array("Ünïcödé".utf8)), encoding: "UTF-8", text: "Ünïcödé" + tail),
        EncodingCase(name: "invalid UTF-8 byte replaced", bytes: page("<meta charset=\"utf-8\">", Array("caf".utf8) + [0xC3, 0x28] + Array("é".utf8)), encoding: "UTF-8", text: "caf\u{FFFD}(é" + tail),
        EncodingCase(name: "decomposed input comes out NFC", bytes: page("", Array("cafe\u{301}".utf8)), encoding: "UTF-8", text: "café" + tail),
        EncodingCase(name: "UTF-16LE with BOM", bytes: [0xFF, 0xFE] + page("", Array("añb".utf8)).utf16LE, encoding: "UTF-16LE", text: "añb" + tail),
        EncodingCase(name: "NUL bytes become spaces", bytes: page("", Array("a".utf8) + [0] + Array("b".utf8)), encoding: "UTF-8", text: "a b" + tail),
    ]

    @Test(arguments: cases)
    func decodes(_ c: EncodingCase) throws {
        let p = try HTMLExtractor().extract(c.bytes)
        #expect(p.encoding == c.encoding)
        #expect(p.text == c.text)
    }
}

/// A charset stated outside the page (an HTTP charset): used when the page declares none, never
/// over the page's own declaration or byte-order mark.
@Suite struct CharsetHintTests {
    /// "привет" in windows-1251.
    static let cyrillic: [UInt8] = [0xEF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]

    @Test(arguments: [
        ("undeclared, hint windows-1251", page("", cyrillic), "windows-1251", "windows-1251", "привет" + tail),
        ("undeclared, no hint", page("", cyrillic), nil, "windows-1252", "ïðèâåò" + tail),
        ("declared latin1 wins over the hint", page("<meta charset=\"iso-8859-1\">", [0xE9, 0x74, 0xE9]), "windows-1251", "windows-1252", "été" + tail),
        ("hint utf-8 on UTF-8 bytes", page("", Array("café".utf8)), "utf-8", "UTF-8", "café" + tail),
    ] as [(String, [UInt8], String?, String, String)])
    func usesTheHintWhenThePageDeclaresNothing(_ name: String, _ bytes: [UInt8], _ hint: String?, _ encoding: String, _ text: String) throws {
        let p = try HTMLExtractor().extract(bytes, charset: hint)
        #expect(p.encoding == encoding, "\(name)")
        #expect(p.text == text, "\(name)")
    }
}

extension Array where Element == UInt8 {
    /// Re-encodes UTF-8 bytes as UTF-16LE bytes.
    var utf16LE: [UInt8] {
        String(decoding: self, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }
}
