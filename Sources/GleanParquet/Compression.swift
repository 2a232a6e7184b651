internal import CSnappy
internal import CZlib
internal import CZstd

/// Page compressor for one codec. Holds a reusable zstd context; not shared between threads.
final class PageCompressor {
    let codec: ParquetCompression
    private let level: Int32
    private var zstdContext: OpaquePointer?

    init(codec: ParquetCompression, level: Int?) {
        self.codec = codec
        switch codec {
        case .zstd: self.level = Int32(level ?? 1)
        case .gzip: self.level = Int32(level ?? 6)
        case .none, .snappy: self.level = 0
        }
    }

    deinit {
        if let ctx = zstdContext { ZSTD_freeCCtx(ctx) }
    }

    /// Thrift `CompressionCodec` value.
    var thriftCodec: Int32 {
        switch codec {
        case .none: 0
        case .snappy: 1
        case .gzip: 2
        case .zstd: 6
        }
    }

    /// The page body being built, shared by the columns of one writer (pages are built
    /// one at a time).
    @exclusivity(unchecked) var body = ByteBuffer()
    /// The compressed form of `body` after ``compressBody()`` (unused for `.none`).
    @exclusivity(unchecked) private var output = ByteBuffer()

    /// Compresses `body` and returns the compressed size (the body size for `.none`).
    func compressBody() throws -> Int {
        if codec == .none { return body.count }
        output.removeAll()
        try body.withUnsafeBytes { input in try compress(input, into: &output) }
        return output.count
    }

    /// Compresses `input` (instead of `body`) and returns the compressed size; not for `.none`.
    func compress(_ input: UnsafeRawBufferPointer) throws -> Int {
        precondition(codec != .none)
        output.removeAll()
        try compress(input, into: &output)
        return output.count
    }

    /// Moves the page (`header` then the compressed body, or the body itself for `.none`)
    /// into `pages` after ``compressBody()``. The uncompressed body buffer is handed over
    /// whole (no copy) and replaced by a fresh one of the same size.
    func movePage(header: [UInt8], to pages: inout PageList) {
        var head = ByteBuffer(capacity: header.count + (codec == .none ? 0 : output.count))
        head.append(header)
        if codec == .none {
            pages.append(head)
            let taken = body
            body = ByteBuffer(capacity: taken.count)
            pages.append(taken)
        } else {
            head.append(output)
            pages.append(head)
        }
    }

    /// Appends the page bytes after ``compressBody()``: the compressed body, or the body
    /// itself for `.none`.
    func appendCompressedBody(to out: inout ByteBuffer) {
        if codec == .none { out.append(body) } else { out.append(output) }
    }

    /// Appends the compressed form of `input` to `out`.
    private func compress(_ input: UnsafeRawBufferPointer, into out: inout ByteBuffer) throws {
        switch codec {
        case .none: out.append(input)
        case .snappy: try snappy(input, into: &out)
        case .gzip: try gzip(input, into: &out)
        case .zstd: try zstd(input, into: &out)
        }
    }

    private func snappy(_ input: UnsafeRawBufferPointer, into out: inout ByteBuffer) throws {
        let capacity = snappy_max_compressed_length(input.count)
        var status = SNAPPY_OK
        out.appendWith(capacity: capacity) { dst in
            var outLength = capacity
            status = snappy_compress(
                input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count,
                dst.baseAddress?.assumingMemoryBound(to: CChar.self), &outLength)
            return status == SNAPPY_OK ? outLength : 0
        }
        guard status == SNAPPY_OK else { throw ParquetError("snappy_compress failed (status \(status.rawValue))") }
    }

    private func gzip(_ input: UnsafeRawBufferPointer, into out: inout ByteBuffer) throws {
        var stream = z_stream()
        var rc = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else { throw ParquetError("deflateInit2 failed (\(rc))") }
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, uLong(input.count))) + 32
        out.appendWith(capacity: capacity) { dst in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = dst.baseAddress?.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = uInt(capacity)
            rc = deflate(&stream, Z_FINISH)
            return rc == Z_STREAM_END ? Int(stream.total_out) : 0
        }
        guard rc == Z_STREAM_END else { throw ParquetError("deflate did not finish (\(rc))") }
    }

    private func zstd(_ input: UnsafeRawBufferPointer, into out: inout ByteBuffer) throws {
        if zstdContext == nil {
            zstdContext = ZSTD_createCCtx()
            guard zstdContext != nil else { throw ParquetError("ZSTD_createCCtx failed") }
        }
        let context = zstdContext
        let capacity = ZSTD_compressBound(input.count)
        var result = 0
        out.appendWith(capacity: capacity) { dst in
            result = ZSTD_compressCCtx(context, dst.baseAddress, capacity, input.baseAddress, input.count, level)
            return ZSTD_isError(result) != 0 ? 0 : result
        }
        if ZSTD_isError(result) != 0 {
            throw ParquetError("ZSTD_compress failed: \(String(cString: ZSTD_getErrorName(result)))")
        }
    }
}
