import GleanText

/// One WARC record: its named fields, its block, and where it lies in its file.
public struct WARCRecord: Sendable, Equatable {
    /// The version line: `WARC/1.0` or `WARC/1.1`.
    public var version: String
    /// The named fields, by lower-cased name (the first one when a name repeats), values trimmed.
    public var headers: [String: String]
    /// The block (Content-Length bytes), or its first bytes when the reader keeps only a prefix.
    public var block: [UInt8]
    /// Content-Length: the size of the whole block.
    public var contentLength: Int64
    public var layout: WARCLayout
    /// Where the record starts (see ``WARCLayout``).
    public var offset: Int64
    /// How many bytes it takes, from ``offset`` (see ``WARCLayout``).
    public var length: Int64

    public init(version: String, headers: [String: String], block: [UInt8], contentLength: Int64, layout: WARCLayout, offset: Int64, length: Int64) {
        self.version = version
        self.headers = headers
        self.block = block
        self.contentLength = contentLength
        self.layout = layout
        self.offset = offset
        self.length = length
    }

    /// The named field `name` (any case).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// WARC-Type (response, request, warcinfo, metadata, revisit, resource, conversion, continuation).
    public var type: String? { header("WARC-Type") }
    /// WARC-Target-URI, without the angle brackets WARC 1.0 writers put around it.
    public var targetURI: String? { header("WARC-Target-URI").map(Self.unbracketed) }
    /// WARC-Record-ID, as written (`<urn:uuid:…>`).
    public var recordID: String? { header("WARC-Record-ID") }
    /// WARC-Date, as written.
    public var date: String? { header("WARC-Date") }
    /// True when ``block`` holds the whole block.
    public var blockIsComplete: Bool { Int64(block.count) == contentLength }

    /// WARC-Date as microseconds since the epoch (UTC), or nil when it is not a W3C-ISO8601
    /// instant (`YYYY-MM-DDThh:mm:ssZ`, fractions of a second allowed).
    public var dateMicroseconds: Int64? { date.flatMap(Self.microseconds) }

    /// `YYYY-MM-DDThh:mm:ss[.ffffff]Z` (also `YYYY-MM-DD`, `YYYY-MM-DDThh:mmZ`) as microseconds since the epoch.
    public static func microseconds(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        func number(_ at: Int, _ width: Int) -> Int? {
            guard at + width <= b.count else { return nil }
            var v = 0
            for c in b[at..<(at + width)] {
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard let year = number(0, 4), b.count >= 10, b[4] == 0x2D, let month = number(5, 2), b[7] == 0x2D, let day = number(8, 2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = Int64(CivilDate.days(year: year, month: month, day: day)) * 86_400
        var micros: Int64 = 0
        if b.count > 10 {
            guard b[10] == 0x54, let hour = number(11, 2), b.count > 13, b[13] == 0x3A, let minute = number(14, 2),
                  hour < 24, minute < 60 else { return nil }
            var i = 16
            var second = 0
            if i < b.count && b[i] == 0x3A {
                guard let s = number(i + 1, 2), s <= 60 else { return nil }
                second = s
                i += 3
                if i < b.count && b[i] == 0x2E {
                    i += 1
                    var scale: Int64 = 100_000
                    let digitsStart = i
                    while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                        micros += Int64(b[i] - 0x30) * scale
                        scale /= 10
                        i += 1
                    }
                    guard i > digitsStart else { return nil }
                }
            }
            guard i == b.count - 1, b[i] == 0x5A else { return nil }
            seconds += Int64(hour * 3600 + minute * 60 + second)
        }
        return seconds * 1_000_000 + micros
    }

    /// `s` without one pair of enclosing angle brackets (`<urn:uuid:…>` → `urn:uuid:…`).
    public static func unbracketed(_ s: String) -> String {
        s.hasPrefix("<") && s.hasSuffix(">") && s.count >= 2 ? String(s.dropFirst().dropLast()) : s
    }
}
