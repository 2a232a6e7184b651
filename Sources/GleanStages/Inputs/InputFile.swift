import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GleanCore

/// One input file read for fetch.files: its size is checked before anything is read, exactly
/// as many bytes as it holds are allocated, and reading stops at the limit, so an input over
/// max_bytes costs no memory and an empty one costs no more than any other.
package struct InputFile {
    /// The file's bytes (compressed, for a gzip file).
    package var bytes: [UInt8]
    /// Whether the bytes start with the gzip magic number.
    package var isGzip: Bool
    /// The file's modification time, seconds since the epoch (from the same fstat).
    package var modified: Int64

    /// The largest gzip file that may still expand to no more than `maxBytes`: DEFLATE never
    /// grows data by more than a few bytes per 16 KiB block, plus the gzip header and trailer.
    package static func gzipLimit(_ maxBytes: Int) -> Int {
        maxBytes + maxBytes / 1000 + 1024
    }

    /// Reads the file at `path`. Throws `DocumentError` for a file that is not a regular file, is
    /// over the limit (max_bytes, or ``gzipLimit(_:)`` for gzip), or cannot be read.
    package static func read(_ path: String, maxBytes: Int) throws -> InputFile {
        // O_NONBLOCK: a name that became a FIFO since the listing must not hang the run.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw DocumentError("cannot read the file: it is missing or unreadable (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw DocumentError("cannot read the file: \(String(cString: strerror(errno)))") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw DocumentError(InputProblem.notRegularFile.reason) }
        let size = Int(st.st_size)
        var magic: [UInt8] = [0, 0]
        let got = magic.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 2, 0) }
        let isGzip = got == 2 && magic == [0x1F, 0x8B]
        let limit = isGzip ? gzipLimit(maxBytes) : maxBytes
        if size > limit { throw overLimit(size: size, maxBytes: maxBytes, isGzip: isGzip) }
        // One byte more than the size: a file that grew since fstat is seen, and read to the limit.
        var bytes = [UInt8](repeating: 0, count: min(size, limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { throw overLimit(size: count, maxBytes: maxBytes, isGzip: isGzip) }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + count, $0.count - count, off_t(count)) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw DocumentError("cannot read the file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            count += n
        }
        if count > limit { throw overLimit(size: count, maxBytes: maxBytes, isGzip: isGzip) }
        bytes.removeLast(bytes.count - count)
        return InputFile(bytes: bytes, isGzip: isGzip, modified: Int64(st.st_mtim.tv_sec))
    }

    package static func overLimit(size: Int, maxBytes: Int, isGzip: Bool) -> DocumentError {
        if isGzip { return Gzip.tooLarge(maxBytes) }
        return DocumentError("document is \(size) bytes, over max_bytes \(maxBytes); raise max_bytes in the manifest if it is genuine")
    }
}
