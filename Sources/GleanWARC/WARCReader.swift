/// Reads a WARC file one record at a time: WARC/1.0 and 1.1, plain, one gzip member per record
/// (Common Crawl's layout) or one gzip stream. It holds at most one record (up to `maxBytes` of
/// block), never the file.
///
/// Bad parts lose nothing around them: a truncated or corrupt record, a Content-Length that does
/// not end the record, a gzip member that does not inflate, or a block over `maxBytes` each come
/// out as one ``WARCError`` naming the file and offset, and reading goes on at the next record
/// (`WARC/1.` at the start of a line, or the next gzip member). A file that does not start with
/// a WARC record is one error, and nothing more is read from it.
public final class WARCReader {
    /// The longest header block accepted (the named fields of one record).
    public static let maxHeaderBytes = 1 << 16

    /// The file's name in errors.
    public let name: String
    public let maxBytes: Int
    /// Keep only this many bytes of each block, or the whole block. With a prefix, a record over
    /// `maxBytes` is no error: it comes with its prefix, for the caller to judge.
    public let blockPrefix: Int?

    private let stream: ByteStream
    /// The file offset where the stream starts (reading one record back).
    private let base: Int64
    private var sawStart: Bool
    private var finished = false
    /// Set when the stream is to be scanned for the next record before reading one.
    private var lost = false

    /// Opens `path`; `name` is how errors call it (default: the path).
    public init(path: String, name: String? = nil, maxBytes: Int, blockPrefix: Int? = nil) throws(WARCError) {
        self.name = name ?? path
        self.maxBytes = maxBytes
        self.blockPrefix = blockPrefix
        guard let stream = ByteStream(path: path) else {
            throw WARCError(file: name ?? path, offset: 0, message: "cannot open the file")
        }
        self.stream = stream
        base = 0
        sawStart = false
    }

    private init(stream: ByteStream, name: String, base: Int64, maxBytes: Int) {
        self.stream = stream
        self.name = name
        self.base = base
        self.maxBytes = maxBytes
        blockPrefix = nil
        sawStart = true
    }

    /// Reads back the record a reader found at `offset` (``WARCRecord/offset`` and ``WARCRecord/length``
    /// with its `layout`), or the error there. A gzip stream is inflated from its start up to it.
    public static func record(path: String, name: String, layout: WARCLayout, offset: Int64, length: Int64,
                              maxBytes: Int) -> Result<WARCRecord, WARCError> {
        let stream: ByteStream?
        switch layout {
        case .plain, .gzipMember: stream = ByteStream(path: path, offset: offset, limit: length, chunk: Int(max(4096, min(length, 1 << 20))))
        case .gzipStream: stream = ByteStream(path: path)
        }
        guard let stream else { return .failure(WARCError(file: name, offset: offset, message: "cannot open the file")) }
        if layout == .gzipStream && !stream.skip(offset) {
            return .failure(WARCError(file: name, offset: offset, inflated: true, message: "the gzip stream ends before this record"))
        }
        let reader = WARCReader(stream: stream, name: name, base: layout == .gzipStream ? 0 : offset, maxBytes: maxBytes)
        guard let result = reader.next() else {
            return .failure(WARCError(file: name, offset: offset, inflated: layout == .gzipStream, message: "no record here (the file changed since it was listed?)"))
        }
        if case .success(var record) = result {
            record.offset = offset
            if layout == .gzipMember { record.layout = .gzipMember; record.length = length }
            return .success(record)
        }
        return result
    }

    /// The next record or error; nil at the end of the file.
    public func next() -> Result<WARCRecord, WARCError>? {
        while !finished {
            if lost {
                if !resync() {
                    if let error = takeDamage() { return .failure(error) }
                    finished = true
                    return nil
                }
            }
            // Blank lines between records are tolerated.
            while true {
                if stream.available == 0 && !stream.more() { break }
                let c = stream.byte(0)
                guard c == 0x0D || c == 0x0A else { break }
                stream.consume(1)
            }
            if stream.available == 0 {
                if let error = takeDamage() { return .failure(error) }
                finished = true
                return nil
            }
            return readRecord()
        }
        return nil
    }

    // MARK: - One record

    private func readRecord() -> Result<WARCRecord, WARCError> {
        let recordStart = stream.position
        stream.forgetMembers(before: recordStart)
        if !sawStart {
            sawStart = true
            _ = ensure(5)
            if !startsWithWARC(at: 0) {
                // A first gzip member that does not inflate: one error, then the next member is
                // checked the same way.
                if let error = takeDamage() {
                    sawStart = false
                    return .failure(error)
                }
                finished = true
                return .failure(WARCError(file: name, offset: base, message: stream.isGzip
                    ? "not a WARC file (its gzip content does not start with a WARC/1.x record)"
                    : "not a WARC file (it does not start with WARC/1.x)"))
            }
        }
        var i = 0
        // The version line and the named fields.
        guard let first = line(at: i) else { return failRecord(recordStart, truncation: "the file ends inside the record's header", message: "the record's header has no end") }
        let version = String(decoding: first.bytes, as: UTF8.self)
        guard version.hasPrefix("WARC/1.") else {
            return failRecord(recordStart, message: "no WARC record starts here (found \(Self.quoted(first.bytes)))")
        }
        i = first.next
        var headers: [String: String] = [:]
        var lastName: String?
        while true {
            guard let l = line(at: i) else {
                let long = i >= Self.maxHeaderBytes
                return failRecord(recordStart, truncation: long ? nil : "the file ends inside the record's header",
                                  message: long ? "the record's header is over \(Self.maxHeaderBytes) bytes" : "the file ends inside the record's header")
            }
            i = l.next
            if l.bytes.isEmpty { break }
            if let c = l.bytes.first, c == 0x20 || c == 0x09, let name = lastName {
                headers[name, default: ""] += " " + Self.trimmed(l.bytes[...])
                continue
            }
            guard let colon = l.bytes.firstIndex(of: 0x3A) else {
                return failRecord(recordStart, message: "a header line has no colon: \(Self.quoted(l.bytes))")
            }
            let name = String(decoding: l.bytes[..<colon], as: UTF8.self).lowercased()
            if headers[name] == nil { headers[name] = Self.trimmed(l.bytes[(colon + 1)...]) }
            lastName = name
        }
        guard let lengthText = headers["content-length"], let length = Int64(lengthText), length >= 0 else {
            return failRecord(recordStart, message: "the record has no valid Content-Length")
        }
        let headerLength = i
        // The block.
        var block: [UInt8]
        let overMax = length > Int64(maxBytes)
        let truncated = "the file ends inside the record's block (Content-Length \(length))"
        if overMax {
            // Skipped, not held: the reader's memory stays within max_bytes.
            let k = Int(min(Int64(blockPrefix ?? 0), length))
            guard ensure(i + k) else { return failRecord(recordStart, truncation: truncated, message: truncated) }
            block = Array(stream.buffer[(stream.start + i)..<(stream.start + i + k)])
            stream.consume(i + k)
            i = 0
            guard stream.skip(length - Int64(k)) else { return failRecord(recordStart, truncation: truncated, message: truncated, resumeAt: 0) }
        } else {
            let n = Int(length)
            guard ensure(i + n) else { return failRecord(recordStart, truncation: truncated, message: truncated) }
            let k = blockPrefix.map { min($0, n) } ?? n
            block = Array(stream.buffer[(stream.start + i)..<(stream.start + i + k)])
            i += n
        }
        // The record ends with CRLF CRLF.
        let trailerOK = ensure(i + 4) && stream.byte(i) == 0x0D && stream.byte(i + 1) == 0x0A && stream.byte(i + 2) == 0x0D && stream.byte(i + 3) == 0x0A
        if !trailerOK {
            // Too long or too short: look for the next record from the block's start on.
            return failRecord(recordStart, message: "Content-Length \(length) does not end the record (no blank line after the block)",
                              resumeAt: i == 0 ? 0 : headerLength, lineStart: true)
        }
        let end = recordStart + Int64(headerLength) + length + 4
        stream.consume(i + 4)
        if overMax && blockPrefix == nil {
            return .failure(error(at: recordStart, "the record's block is \(length) bytes, over max_bytes \(maxBytes)"))
        }
        let location = locate(recordStart, end)
        return .success(WARCRecord(version: version, headers: headers, block: block, contentLength: length,
                                   layout: location.layout, offset: location.offset, length: location.length))
    }

    /// Where the record from `start` to `end` (stream positions) lies in the file.
    private func locate(_ start: Int64, _ end: Int64) -> (layout: WARCLayout, offset: Int64, length: Int64) {
        guard stream.isGzip else { return (.plain, base + start, end - start) }
        if let first = stream.member(startingAt: start), let last = stream.memberEnd(at: end), first.fileStart == last.fileStart,
           let fileEnd = last.fileEnd {
            return (.gzipMember, base + first.fileStart, fileEnd - first.fileStart)
        }
        return (.gzipStream, start, end - start)
    }

    private func error(at position: Int64, _ message: String) -> WARCError {
        if !stream.isGzip { return WARCError(file: name, offset: base + position, message: message) }
        if let member = stream.member(startingAt: position) { return WARCError(file: name, offset: base + member.fileStart, message: message) }
        return WARCError(file: name, offset: position, inflated: true, message: message)
    }

    /// The error for a record that could not be read, and the stream set to look for the next one
    /// from window index `resumeAt` (a line start when `lineStart`). Damage (a gzip member that
    /// does not inflate) says why first; else `truncation` when the file ended, else `message`.
    private func failRecord(_ start: Int64, truncation: String? = nil, message: String = "", resumeAt: Int = 1,
                            lineStart: Bool = false) -> Result<WARCRecord, WARCError> {
        if let damage = stream.damage {
            // A record that is the damaged member (gzip per record) is named by the member's offset.
            let e = damage.memberStart == start ? WARCError(file: name, offset: base + damage.fileOffset, message: damage.message)
                : error(at: start, damage.message)
            stream.recover()
            lost = true
            windowAtLineStart = true
            return .failure(e)
        }
        if let truncation, !stream.more() {
            // Nothing follows: the rest of the file was this record.
            let e = error(at: start, truncation)
            _ = stream.skip(Int64.max)
            if let damage = takeDamage() { return .failure(WARCError(file: name, offset: e.offset, inflated: e.inflated, message: damage.message)) }
            finished = true
            return .failure(e)
        }
        let e = error(at: start, message)
        stream.consume(min(resumeAt, stream.available))
        lost = true
        windowAtLineStart = lineStart
        return .failure(e)
    }

    /// True when the window starts a line (for ``resync()``).
    private var windowAtLineStart = false

    /// Moves the stream to the next `WARC/1.` at the start of a line (or of a gzip member).
    /// False at the end of the file.
    private func resync() -> Bool {
        let pattern = Array("WARC/1.".utf8)
        var lineStart = windowAtLineStart
        while true {
            let n = stream.available
            // gzip members that start in the window: each starts a line.
            let base = stream.position
            let memberStarts = Set(stream.members.lazy.map { Int($0.start - base) }.filter { $0 >= 0 && $0 < n })
            var k = 0
            while k + pattern.count <= n {
                if stream.byte(k) == 0x57 && (k == 0 ? lineStart : stream.byte(k - 1) == 0x0A) || memberStarts.contains(k) {
                    var match = true
                    for (j, p) in pattern.enumerated() where stream.byte(k + j) != p { match = false; break }
                    if match {
                        stream.consume(k)
                        lost = false
                        return true
                    }
                }
                k += 1
            }
            // Keep the last bytes: the pattern may straddle two reads.
            let drop = n - pattern.count
            if drop > 0 {
                lineStart = stream.byte(drop - 1) == 0x0A
                stream.consume(drop)
                stream.forgetMembers(before: stream.position)
            }
            if !stream.more() {
                if stream.damage != nil {
                    stream.recover()
                    lineStart = true
                    continue
                }
                return false
            }
        }
    }

    private func takeDamage() -> WARCError? {
        guard let damage = stream.damage else { return nil }
        stream.recover()
        return WARCError(file: name, offset: base + damage.fileOffset, message: damage.message)
    }

    // MARK: - Bytes

    /// True once `n` bytes are in the window.
    private func ensure(_ n: Int) -> Bool {
        while stream.available < n { if !stream.more() { return false } }
        return true
    }

    private func startsWithWARC(at i: Int) -> Bool {
        guard stream.available >= i + 5 else { return false }
        return stream.byte(i) == 0x57 && stream.byte(i + 1) == 0x41 && stream.byte(i + 2) == 0x52 && stream.byte(i + 3) == 0x43 && stream.byte(i + 4) == 0x2F
    }

    /// The line at window index `i` (without CR LF) and where the next starts; nil when the
    /// stream ends first or the header grows over ``maxHeaderBytes``.
    private func line(at i: Int) -> (bytes: [UInt8], next: Int)? {
        var k = i
        while true {
            while k < stream.available {
                if stream.byte(k) == 0x0A {
                    var e = k
                    if e > i && stream.byte(e - 1) == 0x0D { e -= 1 }
                    return (Array(stream.buffer[(stream.start + i)..<(stream.start + e)]), k + 1)
                }
                k += 1
            }
            if k >= Self.maxHeaderBytes || !stream.more() { return nil }
        }
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var s = bytes.startIndex
        var e = bytes.endIndex
        while s < e && (bytes[s] == 0x20 || bytes[s] == 0x09) { s += 1 }
        while e > s && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D) { e -= 1 }
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    static func quoted(_ bytes: [UInt8]) -> String {
        let shown = String(decoding: bytes.prefix(40), as: UTF8.self).unicodeScalars
            .map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
        return "'" + shown + (bytes.count > 40 ? "…'" : "'")
    }
}
