internal import CSnappy
internal import CZlib
internal import CZstd

/// Page decompressor for the codecs the writer produces (none, snappy, gzip, zstd). Checks
/// each page's claimed size against what the codec says before allocating, so a corrupt size
/// cannot make it reserve gigabytes. Holds a reusable zstd context; not shared between threads.
final class PageDecompressor {
    private var zstdContext: OpaquePointer?

    init() {}

    deinit {
        if let ctx = zstdContext { ZSTD_freeDCtx(ctx) }
    }

    /// The codec's name for messages (Thrift `CompressionCodec`).
    static func name(_ codec: Int32) -> String {
        switch codec {
        case 0: "UNCOMPRESSED"
        case 1: "SNAPPY"
        case 2: "GZIP"
        case 3: "LZO"
        case 4: "BROTLI"
        case 5: "LZ4"
        case 6: "ZSTD"
        case 7: "LZ4_RAW"
        default: "codec \(codec)"
        }
    }

    /// Throws unless the reader can decompress `codec`.
    static func check(_ codec: Int32) throws {
        guard [0, 1, 2, 6].contains(codec) else {
            throw DecodeError("compression \(name(codec)) is not supported (only UNCOMPRESSED, SNAPPY, GZIP and ZSTD)")
        }
    }

    /// Decompresses `input` into exactly `size` bytes.
    func decompress(_ input: UnsafeRawBufferPointer, codec: Int32, size: Int) throws -> [UInt8] {
        switch codec {
        case 0:
            guard input.count == size else {
                throw DecodeError("uncompressed page of \(input.count) bytes says it has \(size)")
            }
            return Array(input)
        case 1: return try snappy(input, size: size)
        case 2: return try gzip(input, size: size)
        case 6: return try zstd(input, size: size)
        default: throw DecodeError("compression \(Self.name(codec)) is not supported")
        }
    }

    private func snappy(_ input: UnsafeRawBufferPointer, size: Int) throws -> [UInt8] {
        var length = 0
        let base = input.baseAddress?.assumingMemoryBound(to: CChar.self)
        guard snappy_uncompressed_length(base, input.count, &length) == SNAPPY_OK, length == size else {
            throw DecodeError("snappy page is corrupt (its length header does not give \(size) bytes)")
        }
        var out = [UInt8](repeating: 0, count: size)
        var outLength = size
        let status = out.withUnsafeMutableBytes { dst in
            snappy_uncompress(base, input.count, dst.baseAddress?.assumingMemoryBound(to: CChar.self), &outLength)
        }
        guard status == SNAPPY_OK, outLength == size else { throw DecodeError("snappy page is corrupt (status \(status.rawValue))") }
        return out
    }

    private func gzip(_ input: UnsafeRawBufferPointer, size: Int) throws -> [UInt8] {
        // Deflate expands at most about 1032:1: a larger claim is corrupt.
        guard size <= input.count &* 1100 &+ 1024 else {
            throw DecodeError("gzip page of \(input.count) bytes cannot hold \(size) bytes")
        }
        var stream = z_stream()
        var rc = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else { throw DecodeError("inflateInit2 failed (\(rc))") }
        defer { inflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: size)
        var produced = 0
        out.withUnsafeMutableBytes { dst in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = dst.baseAddress?.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = uInt(size)
            rc = inflate(&stream, Z_FINISH)
            produced = Int(stream.total_out)
        }
        guard rc == Z_STREAM_END, produced == size else {
            throw DecodeError("gzip page is corrupt or does not give \(size) bytes (zlib \(rc), \(produced) bytes)")
        }
        return out
    }

    private func zstd(_ input: UnsafeRawBufferPointer, size: Int) throws -> [UInt8] {
        let declared = ZSTD_getFrameContentSize(input.baseAddress, input.count)
        // ZSTD_CONTENTSIZE_UNKNOWN is (0ULL - 1), ZSTD_CONTENTSIZE_ERROR (0ULL - 2).
        let unknown = UInt64.max, error = UInt64.max - 1
        if declared == error { throw DecodeError("zstd page is corrupt (no frame header)") }
        if declared != unknown && declared != UInt64(size) {
            throw DecodeError("zstd page holds \(declared) bytes but its header says \(size)")
        }
        if declared == unknown && size > input.count &* 32_768 &+ 65_536 {
            throw DecodeError("zstd page of \(input.count) bytes cannot hold \(size) bytes")
        }
        if zstdContext == nil {
            zstdContext = ZSTD_createDCtx()
            guard zstdContext != nil else { throw DecodeError("ZSTD_createDCtx failed") }
        }
        let context = zstdContext
        var out = [UInt8](repeating: 0, count: size)
        let result = out.withUnsafeMutableBytes { dst in
            ZSTD_decompressDCtx(context, dst.baseAddress, size, input.baseAddress, input.count)
        }
        if ZSTD_isError(result) != 0 {
            throw DecodeError("zstd page is corrupt: \(String(cString: ZSTD_getErrorName(result)))")
        }
        guard result == size else { throw DecodeError("zstd page gives \(result) bytes, its header says \(size)") }
        return out
    }
}

/// What is wrong with a page or chunk (wrapped into a ``ParquetReadError`` with its place).
struct DecodeError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
