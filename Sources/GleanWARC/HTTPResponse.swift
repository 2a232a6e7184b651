internal import CBrotli
internal import CZlib

/// The HTTP response a WARC `response` record holds: status, header fields, and the body with
/// its transfer coding (chunked) and content coding (gzip, deflate, br) undone.
public struct HTTPResponse: Sendable, Equatable {
    /// An HTTP block that cannot be read, and why.
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// The status code (200, 404, …).
    public var status: Int
    /// Header fields by lower-cased name (repeated names joined with ", "), values trimmed.
    public var headers: [String: String]
    /// Where the body starts in the block.
    public var bodyOffset: Int

    /// Reads the status line and header fields at the start of `block` (the body may be cut off).
    public static func head(_ block: [UInt8]) throws(Failure) -> HTTPResponse {
        var i = 0
        func line() -> ArraySlice<UInt8>? {
            guard let nl = block[i...].firstIndex(of: 0x0A) else { return nil }
            var e = nl
            if e > i && block[e - 1] == 0x0D { e -= 1 }
            let l = block[i..<e]
            i = nl + 1
            return l
        }
        guard let statusLine = line() else { throw Failure("the HTTP response has no status line") }
        let parts = statusLine.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[0].starts(with: Array("HTTP/".utf8)),
              let status = Int(String(decoding: parts[1], as: UTF8.self)), (100...999).contains(status) else {
            throw Failure("the block is not an HTTP response (status line \(WARCReader.quoted(Array(statusLine))))")
        }
        var headers: [String: String] = [:]
        while true {
            guard let l = line() else { throw Failure("the HTTP header has no end") }
            if l.isEmpty { break }
            guard let colon = l.firstIndex(of: 0x3A) else { continue }
            let name = String(decoding: l[..<colon], as: UTF8.self).lowercased().trimmingSpaces
            let value = WARCReader.trimmed(l[(colon + 1)...])
            if let old = headers[name] { headers[name] = old + ", " + value } else { headers[name] = value }
        }
        return HTTPResponse(status: status, headers: headers, bodyOffset: i)
    }

    /// The header field `name` (any case).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The media type of Content-Type, lower-cased, without parameters (`text/html`).
    public var mediaType: String? {
        guard let value = header("Content-Type") else { return nil }
        let type = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let t = type.lowercased().trimmingSpaces
        return t.isEmpty ? nil : t
    }

    /// The charset parameter of Content-Type, as written (quotes removed), or nil.
    public var charset: String? {
        guard let value = header("Content-Type") else { return nil }
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased().trimmingSpaces == "charset" else { continue }
            var v = String(pair[1]).trimmingSpaces
            if v.hasPrefix("\"") && v.hasSuffix("\"") && v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v.isEmpty ? nil : v
        }
        return nil
    }

    /// The body of `block` (the block this head was read from): chunks joined, content coding
    /// undone. Throws when a coding is unknown or broken, or the body grows over `limit` bytes.
    public func body(_ block: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var body = Array(block[min(bodyOffset, block.count)...])
        if let te = header("Transfer-Encoding")?.lowercased(), te.contains("chunked") {
            body = try Self.dechunk(body)
        }
        let codings = (header("Content-Encoding") ?? "").lowercased().split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        for coding in codings.reversed() {
            switch coding {
            case "identity", "none": continue
            case "gzip", "x-gzip": body = try Self.inflate(body, windowBits: 15 + 32, limit: limit, coding: coding)
            case "deflate":
                // zlib-wrapped as the standard says; raw deflate as some servers send.
                do { body = try Self.inflate(body, windowBits: 15, limit: limit, coding: coding) }
                catch { body = try Self.inflate(body, windowBits: -15, limit: limit, coding: coding) }
            case "br": body = try Self.unbrotli(body, limit: limit)
            default: throw Failure("Content-Encoding '\(coding)' is not one Glean decodes (gzip, deflate, br)")
            }
        }
        if body.count > limit { throw Failure("the body is \(body.count) bytes, over max_bytes \(limit)") }
        return body
    }

    /// Chunked transfer coding undone.
    static func dechunk(_ data: [UInt8]) throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var i = 0
        while true {
            guard let nl = data[i...].firstIndex(of: 0x0A) else { throw Failure("the chunked body is truncated (no chunk size line)") }
            var sizeEnd = i
            while sizeEnd < nl, let _ = Self.hexValue(data[sizeEnd]) { sizeEnd += 1 }
            guard sizeEnd > i, sizeEnd - i <= 15 else { throw Failure("the chunked body has a bad chunk size line") }
            var size = 0
            for c in data[i..<sizeEnd] { size = size * 16 + Self.hexValue(c)! }
            i = nl + 1
            if size == 0 { return out }
            guard i + size <= data.count else { throw Failure("the chunked body is truncated (a chunk of \(size) bytes runs past the end)") }
            out.append(contentsOf: data[i..<(i + size)])
            i += size
            // CRLF after the chunk.
            if i < data.count && data[i] == 0x0D { i += 1 }
            if i < data.count && data[i] == 0x0A { i += 1 }
        }
    }

    private static func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: Int(c - 0x30)
        case 0x41...0x46: Int(c - 0x41 + 10)
        case 0x61...0x66: Int(c - 0x61 + 10)
        default: nil
        }
    }

    static func inflate(_ input: [UInt8], windowBits: Int32, limit: Int, coding: String) throws(Failure) -> [UInt8] {
        var z = z_stream()
        guard inflateInit2_(&z, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Failure("zlib cannot start") }
        defer { inflateEnd(&z) }
        var out: [UInt8] = []
        let chunk = 1 << 16
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { scratch.deallocate() }
        var status: Int32 = Z_OK
        var copy = input
        var used = 0
        while status == Z_OK {
            status = copy.withUnsafeMutableBufferPointer { inBuf in
                z.next_in = inBuf.baseAddress.map { $0 + used }
                z.avail_in = UInt32(inBuf.count - used)
                z.next_out = scratch
                z.avail_out = UInt32(chunk)
                return CZlib.inflate(&z, Z_NO_FLUSH)
            }
            used = input.count - Int(z.avail_in)
            out.append(contentsOf: UnsafeBufferPointer(start: scratch, count: chunk - Int(z.avail_out)))
            if out.count > limit { throw Failure("the body inflates to over max_bytes \(limit)") }
            if status == Z_BUF_ERROR || (status == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
                throw Failure("the \(coding) body is truncated")
            }
        }
        if status != Z_STREAM_END {
            throw Failure("the \(coding) body does not inflate (\(z.msg.map { String(cString: $0) } ?? "zlib error \(status)"))")
        }
        return out
    }

    static func unbrotli(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else { throw Failure("brotli cannot start") }
        defer { BrotliDecoderDestroyInstance(state) }
        var out: [UInt8] = []
        let chunk = 1 << 16
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { scratch.deallocate() }
        var result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT
        input.withUnsafeBufferPointer { inBuf in
            var availIn = inBuf.count
            var nextIn = inBuf.baseAddress
            while result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT && out.count <= limit {
                var availOut = chunk
                var nextOut: UnsafeMutablePointer<UInt8>? = scratch
                result = BrotliDecoderDecompressStream(state, &availIn, &nextIn, &availOut, &nextOut, nil)
                out.append(contentsOf: UnsafeBufferPointer(start: scratch, count: chunk - availOut))
            }
        }
        if out.count > limit { throw Failure("the body inflates to over max_bytes \(limit)") }
        switch result {
        case BROTLI_DECODER_RESULT_SUCCESS: return out
        case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: throw Failure("the br body is truncated")
        default: throw Failure("the br body does not decode")
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }
}
