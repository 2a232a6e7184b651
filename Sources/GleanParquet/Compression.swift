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
        case .zstd: self.level = Int32(level ?? 3)
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

    /// Compresses one page body.
    func compress(_ input: [UInt8]) throws -> [UInt8] {
        switch codec {
        case .none: return input
        case .snappy: return try snappy(input)
        case .gzip: return try gzip(input)
        case .zstd: return try zstd(input)
        }
    }

    private func snappy(_ input: [UInt8]) throws -> [UInt8] {
        let capacity = snappy_max_compressed_length(input.count)
        var output = [UInt8](repeating: 0, count: capacity)
        var outLength = capacity
        let status = input.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                src.withMemoryRebound(to: CChar.self) { s in
                    dst.withMemoryRebound(to: CChar.self) { d in
                        snappy_compress(s.baseAddress, input.count, d.baseAddress, &outLength)
                    }
                }
            }
        }
        guard status == SNAPPY_OK else { throw ParquetError("snappy_compress failed (status \(status.rawValue))") }
        output.removeSubrange(outLength...)
        return output
    }

    private func gzip(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        var rc = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else { throw ParquetError("deflateInit2 failed (\(rc))") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound + 32)
        let capacity = output.count
        var mutableInput = input
        rc = mutableInput.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = src.baseAddress
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(capacity)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard rc == Z_STREAM_END else { throw ParquetError("deflate did not finish (\(rc))") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    private func zstd(_ input: [UInt8]) throws -> [UInt8] {
        if zstdContext == nil {
            zstdContext = ZSTD_createCCtx()
            guard zstdContext != nil else { throw ParquetError("ZSTD_createCCtx failed") }
        }
        let capacity = ZSTD_compressBound(input.count)
        var output = [UInt8](repeating: 0, count: capacity)
        let written = input.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                ZSTD_compressCCtx(zstdContext, dst.baseAddress, capacity, src.baseAddress, src.count, level)
            }
        }
        if ZSTD_isError(written) != 0 {
            throw ParquetError("ZSTD_compress failed: \(String(cString: ZSTD_getErrorName(written)))")
        }
        output.removeSubrange(written...)
        return output
    }
}
