import GleanText
// MARK: - Character encoding: sniffing and conversion to UTF-8

/// What the sniffer decided, and the bytes to hand to libxml2.
struct DecodedInput {
    /// UTF-8 bytes when we converted ourselves; nil when `original` is already clean UTF-8.
    var utf8: [UInt8]?
    /// Encoding name for libxml2 when we did not convert (e.g. "Shift_JIS"); nil means UTF-8.
    var libxmlEncoding: String?
    /// The name reported to the caller.
    var name: String
}

enum Charset: Equatable {
    case utf8, windows1252, utf16le, utf16be, other(String)
}

enum EncodingSniffer {
    /// Decides the encoding of `bytes` and converts to UTF-8 where we can. `hint` (an HTTP
    /// charset) counts as declared when the page declares nothing itself.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, hint: String? = nil, libxmlKnows: (String) -> Bool) -> DecodedInput {
        var body = bytes
        var declared: Charset?
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: bytes[3...])
            declared = .utf8
        } else if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return utf16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: true)
        } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return utf16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: false)
        } else {
            declared = sniffDeclared(bytes) ?? hint.map(charset(named:))
        }
        switch declared {
        case .utf16le?, .utf16be?:
            // A page that declares UTF-16 but has no BOM and reads as ASCII is really ASCII-compatible.
            declared = .utf8
        default: break
        }
        let scan = scanUTF8(body)
        switch declared {
        case .other(let name)?:
            if scan.multibyte > 0 && scan.invalid == 0 { return clean(body, scan, name: "UTF-8") }
            if libxmlKnows(name) { return DecodedInput(utf8: scan.hasNUL ? replacingNUL(body) : nil, libxmlEncoding: name, name: name) }
            fallthrough
        case .windows1252?:
            // A declared single-byte charset on bytes that are valid multibyte UTF-8 is a wrong declaration.
            if scan.multibyte > 0 && scan.invalid == 0 { return clean(body, scan, name: "UTF-8") }
            return DecodedInput(utf8: windows1252ToUTF8(body), libxmlEncoding: nil, name: "windows-1252")
        case .utf8?:
            // Declared UTF-8: repair stray bytes, unless the page is plainly in a single-byte charset.
            if scan.invalid > 0 && scan.invalid * 4 > scan.multibyte + scan.invalid && scan.invalid > 2 {
                return DecodedInput(utf8: windows1252ToUTF8(body), libxmlEncoding: nil, name: "windows-1252")
            }
            return clean(body, scan, name: "UTF-8")
        default:
            if scan.invalid == 0 { return clean(body, scan, name: "UTF-8") }
            if scan.invalid * 4 > scan.multibyte + scan.invalid {
                return DecodedInput(utf8: windows1252ToUTF8(body), libxmlEncoding: nil, name: "windows-1252")
            }
            return clean(body, scan, name: "UTF-8")
        }
    }

    struct Scan { var invalid = 0; var multibyte = 0; var hasNUL = false }

    /// Counts valid multibyte sequences and invalid bytes.
    static func scanUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Scan {
        var s = Scan()
        var i = 0
        let n = b.count
        guard let base = b.baseAddress else { return s }
        let raw = UnsafeRawPointer(base)
        while i < n {
            // Eight ASCII bytes at a time, none of them NUL.
            while i + 8 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high = v & 0x8080_8080_8080_8080
                let zero = (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
                if high != 0 || zero != 0 { break }
                i += 8
            }
            if i >= n { break }
            let c = b[i]
            if c < 0x80 {
                if c == 0 { s.hasNUL = true }
                i += 1
                continue
            }
            let len = sequenceLength(b, i)
            if len == 0 { s.invalid += 1; i += 1 } else { s.multibyte += 1; i += len }
        }
        return s
    }

    /// Length of the valid UTF-8 sequence starting at `i`, or 0 when invalid.
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = b.count
        let c = b[i]
        if c >= 0xC2 && c <= 0xDF {
            return i + 1 < n && b[i + 1] & 0xC0 == 0x80 ? 2 : 0
        }
        if c >= 0xE0 && c <= 0xEF {
            guard i + 2 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 else { return 0 }
            if c == 0xE0 && b[i + 1] < 0xA0 { return 0 }
            if c == 0xED && b[i + 1] >= 0xA0 { return 0 }
            return 3
        }
        if c >= 0xF0 && c <= 0xF4 {
            guard i + 3 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80, b[i + 3] & 0xC0 == 0x80 else { return 0 }
            if c == 0xF0 && b[i + 1] < 0x90 { return 0 }
            if c == 0xF4 && b[i + 1] >= 0x90 { return 0 }
            return 4
        }
        return 0
    }

    /// UTF-8 with invalid bytes replaced by U+FFFD and NUL by a space; nil when nothing needs changing.
    static func clean(_ b: UnsafeBufferPointer<UInt8>, _ scan: Scan, name: String) -> DecodedInput {
        if scan.invalid == 0 && !scan.hasNUL {
            return DecodedInput(utf8: b.count == 0 ? [] : nil, libxmlEncoding: nil, name: name)
        }
        var out = [UInt8]()
        out.reserveCapacity(b.count + scan.invalid * 2)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                out.append(c == 0 ? 0x20 : c)
                i += 1
                continue
            }
            let len = sequenceLength(b, i)
            if len == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += 1
            } else {
                for k in 0..<len { out.append(b[i + k]) }
                i += len
            }
        }
        return DecodedInput(utf8: out, libxmlEncoding: nil, name: name)
    }

    static func replacingNUL(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        b.map { $0 == 0 ? 0x20 : $0 }
    }

    static func windows1252ToUTF8(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(b.count + b.count / 8)
        for c in b {
            if c < 0x80 {
                out.append(c == 0 ? 0x20 : c)
                continue
            }
            appendScalar(Windows1252.scalar(c).value, to: &out)
        }
        return out
    }

    @inline(__always)
    static func appendScalar(_ u: UInt32, to out: inout [UInt8]) {
        if u < 0x80 {
            out.append(UInt8(u))
        } else if u < 0x800 {
            out.append(UInt8(0xC0 | (u >> 6)))
            out.append(UInt8(0x80 | (u & 0x3F)))
        } else if u < 0x10000 {
            out.append(UInt8(0xE0 | (u >> 12)))
            out.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (u & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (u >> 18)))
            out.append(UInt8(0x80 | ((u >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (u & 0x3F)))
        }
    }

    static func utf16(_ b: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> DecodedInput {
        var units = [UInt16]()
        units.reserveCapacity(b.count / 2)
        var i = 0
        while i + 1 < b.count {
            let u = littleEndian ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1])
            units.append(u == 0 ? 0x20 : u)
            i += 2
        }
        let s = String(decoding: units, as: UTF16.self)
        return DecodedInput(utf8: Array(s.utf8), libxmlEncoding: nil, name: littleEndian ? "UTF-16LE" : "UTF-16BE")
    }

    // MARK: Declaration sniffing (first 4 KB, byte level)

    @inline(__always)
    static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    static func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ lit: [UInt8]) -> Bool {
        guard at + lit.count <= b.count else { return false }
        for k in 0..<lit.count where lower(b[at + k]) != lit[k] { return false }
        return true
    }

    private static let metaLit = Array("<meta".utf8)
    private static let charsetLit = Array("charset".utf8)
    private static let encodingLit = Array("encoding".utf8)
    private static let xmlLit = Array("<?xml".utf8)

    /// The charset declared by an XML declaration or a `<meta>` in the first 4 KB.
    static func sniffDeclared(_ b: UnsafeBufferPointer<UInt8>) -> Charset? {
        let limit = min(b.count, 4096)
        let head = UnsafeBufferPointer(rebasing: b[0..<limit])
        var i = 0
        while i < limit, head[i] == 0x20 || head[i] == 0x0A || head[i] == 0x0D || head[i] == 0x09 { i += 1 }
        if matches(head, i, xmlLit) {
            var j = i + 5
            while j < limit && head[j] != UInt8(ascii: ">") {
                if matches(head, j, encodingLit), let v = value(head, after: j + 8) { return charset(named: v) }
                j += 1
            }
        }
        i = 0
        while i < limit {
            if head[i] == UInt8(ascii: "<") && matches(head, i, metaLit) {
                var j = i + 5
                while j < limit && head[j] != UInt8(ascii: ">") {
                    if matches(head, j, charsetLit), let v = value(head, after: j + 7) { return charset(named: v) }
                    j += 1
                }
                i = j
            }
            i += 1
        }
        return nil
    }

    /// The value after `=` (quoted or not) at `after`.
    static func value(_ b: UnsafeBufferPointer<UInt8>, after: Int) -> String? {
        var j = after
        while j < b.count && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
        guard j < b.count && b[j] == UInt8(ascii: "=") else { return nil }
        j += 1
        while j < b.count && (b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x22 || b[j] == 0x27) { j += 1 }
        let start = j
        while j < b.count {
            let c = b[j]
            let ok = (c >= 0x30 && c <= 0x39) || (lower(c) >= 0x61 && lower(c) <= 0x7A) || c == 0x2D || c == 0x5F || c == 0x2E || c == 0x3A
            if !ok { break }
            j += 1
        }
        guard j > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self)
    }

    static func charset(named raw: String) -> Charset {
        let n = raw.lowercased()
        switch n {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
            "x-cp1252", "iso_8859-1", "cp819", "ibm819", "iso-ir-100":
            return .windows1252
        case "utf-16", "utf-16le": return .utf16le
        case "utf-16be": return .utf16be
        default: return .other(raw)
        }
    }
}
