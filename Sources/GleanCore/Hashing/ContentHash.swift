package import Crypto
import Foundation

/// SHA-256 hex digests (swift-crypto's `SHA256`): content hashes in tables, run reports and the
/// incremental state. Streaming digests use `SHA256` itself and `hex(_ digest:)`.
public enum ContentHash {
    /// The hex digest of `bytes`.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ hex(UnsafeRawBufferPointer($0)) }) { return digest }
        return hex(Array(bytes))
    }

    /// The hex digest of `data`.
    public static func hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The hex digest of the bytes in `buffer`.
    public static func hex(_ buffer: UnsafeRawBufferPointer) -> String {
        hex(SHA256.hash(data: buffer))
    }

    /// The hex digest of the file at `path`, or nil when it cannot be read.
    public static func file(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { hex($0) }
    }

    /// The hex digest of `length` bytes of the file at `path` from `offset`, or nil when they
    /// cannot be read (the file is shorter, or unreadable).
    public static func file(_ path: String, offset: Int64, length: Int64) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(offset))
            var hasher = SHA256()
            var left = length
            while left > 0 {
                guard let data = try handle.read(upToCount: Int(min(left, 1 << 20))), !data.isEmpty else { return nil }
                hasher.update(data: data)
                left -= Int64(data.count)
            }
            return hex(hasher.finalize())
        } catch {
            return nil
        }
    }

    /// A finished digest as 64 lower-case hex digits.
    package static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
