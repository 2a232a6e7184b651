internal import CDeflate
internal import CZlib
import Foundation
import GleanCore
import GleanText

/// gzip decompression with a cap on the output size, so a compressed bomb is rejected, not expanded.
///
/// Valid gzip goes through libdeflate, whole buffer at a time (2.4 times zlib's speed on our
/// pages); anything it refuses is read again by zlib's streaming inflate, which tells a
/// truncated stream from a corrupt one and reads zlib-wrapped data too.
package enum Gzip {
    package static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        guard input.count >= 18, input[0] == 0x1F, input[1] == 0x8B, let d = libdeflate_alloc_decompressor() else {
            return try inflateStreaming(input, limit: limit)
        }
        defer { libdeflate_free_decompressor(d) }
        var capacity = initialCapacity(input, limit: limit)
        while true {
            var outcome = libdeflate_result(0)
            let output = input.withUnsafeBufferPointer { inBuf in
                [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                    // Concatenated gzip members, one after the other into the same buffer.
                    var used = 0
                    var produced = 0
                    while used < inBuf.count {
                        var inUsed = 0
                        var outUsed = 0
                        outcome = libdeflate_gzip_decompress_ex(
                            d, inBuf.baseAddress! + used, inBuf.count - used,
                            out.baseAddress.map { $0 + produced }, capacity - produced, &inUsed, &outUsed)
                        guard outcome == LIBDEFLATE_SUCCESS else { break }
                        used += inUsed
                        produced += outUsed
                    }
                    count = outcome == LIBDEFLATE_SUCCESS ? produced : 0
                }
            }
            switch outcome {
            case LIBDEFLATE_SUCCESS:
                return output
            case LIBDEFLATE_INSUFFICIENT_SPACE where capacity < limit:
                capacity = capacity > limit / 2 ? limit : capacity * 2
            case LIBDEFLATE_INSUFFICIENT_SPACE:
                throw tooLarge(limit)
            default:
                // Truncated, corrupt, or followed by bytes that are no gzip member: zlib says which.
                return try inflateStreaming(input, limit: limit)
            }
        }
    }

    /// The output size to start with: the trailer's ISIZE (size mod 2^32 of the last member)
    /// when it is plausible, so most pages decompress into one buffer (HTML expands 5 to 10
    /// times; guessing low means regrowing), at least 64 KiB, at most `limit`.
    package static func initialCapacity(_ input: [UInt8], limit: Int) -> Int {
        let trailerSize = input.count >= 18 ? input[(input.count - 4)...].reversed().reduce(0) { $0 << 8 | Int($1) } : 0
        let expected = trailerSize >= input.count / 2 && trailerSize <= input.count * 1032 ? trailerSize : input.count * 4
        return min(limit, max(expected, 1 << 16))
    }

    package static func tooLarge(_ limit: Int) -> DocumentError {
        DocumentError("gzip expands past max_bytes \(limit) (a compressed bomb or a very large document); raise max_bytes if it is genuine")
    }

    /// zlib's streaming inflate (gzip or zlib headers), `limit` bytes at most.
    package static func inflateStreaming(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DocumentError("gzip: cannot initialise zlib")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(initialCapacity(input, limit: limit))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = UInt32(inBuf.count)
            while true {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                if output.count + produced > limit {
                    throw tooLarge(limit)
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END {
                    // Concatenated gzip members: go on with the next one.
                    if stream.avail_in > 0 && inflateReset(&stream) == Z_OK { continue }
                    break
                }
                if status == Z_BUF_ERROR && stream.avail_in == 0 {
                    throw DocumentError("gzip data is truncated")
                }
                guard status == Z_OK else {
                    throw DocumentError("gzip data is corrupt (zlib status \(status))")
                }
            }
        }
        return output
    }
}
