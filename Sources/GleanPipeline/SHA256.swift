import Foundation

/// SHA-256 (FIPS 180-4): content hashes in tables, run reports and the incremental state.
/// Whole buffers are hashed in place (no copy, no allocation per block); `update` streams.
public struct SHA256: Sendable {
    private var state = State()
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    /// The hex digest of `bytes`.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ hex(UnsafeRawBufferPointer($0)) }) { return digest }
        return hex(Array(bytes))
    }

    /// The hex digest of `data`.
    public static func hex(_ data: Data) -> String {
        data.withUnsafeBytes { hex($0) }
    }

    /// The hex digest of the file at `path`, or nil when it cannot be read.
    public static func file(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { hex($0) }
    }

    /// The hex digest of the bytes in `buffer`.
    public static func hex(_ buffer: UnsafeRawBufferPointer) -> String {
        var hasher = SHA256()
        hasher.compressWhole(buffer)
        return hasher.finish(totalLength: UInt64(buffer.count), tail: buffer.count % 64 == 0 ? [] : Array(buffer[(buffer.count / 64 * 64)...]))
    }

    /// Adds bytes to a streaming digest.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        length &+= UInt64(bytes.count)
        pending.append(contentsOf: bytes)
        let full = pending.count / 64 * 64
        guard full > 0 else { return }
        pending.withUnsafeBytes { raw in compressWhole(UnsafeRawBufferPointer(rebasing: raw[0..<full])) }
        pending.removeFirst(full)
    }

    /// The hex digest of everything added with `update`.
    public mutating func finalizeHex() -> String {
        let tail = pending
        pending = []
        return finish(totalLength: length, tail: tail)
    }

    /// Compresses every whole 64-byte block of `buffer`.
    private mutating func compressWhole(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        let w = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { w.deallocate() }
        var offset = 0
        while offset + 64 <= buffer.count {
            state.compress(base + offset, w)
            offset += 64
        }
    }

    /// Pads `tail` (the bytes after the last whole block) and returns the hex digest.
    private mutating func finish(totalLength: UInt64, tail: [UInt8]) -> String {
        var last = tail
        last.append(0x80)
        while last.count % 64 != 56 { last.append(0) }
        let bits = totalLength &* 8
        for i in (0..<8).reversed() { last.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        last.withUnsafeBytes { compressWhole($0) }
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for word in [state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h] {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private struct State: Sendable {
        var a: UInt32 = 0x6a09e667, b: UInt32 = 0xbb67ae85, c: UInt32 = 0x3c6ef372, d: UInt32 = 0xa54ff53a
        var e: UInt32 = 0x510e527f, f: UInt32 = 0x9b05688c, g: UInt32 = 0x1f83d9ab, h: UInt32 = 0x5be0cd19

        @inline(__always)
        private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

        mutating func compress(_ block: UnsafeRawPointer, _ w: UnsafeMutablePointer<UInt32>) {
            for i in 0..<16 {
                let p = block + i * 4
                w[i] = UInt32(p.load(as: UInt8.self)) << 24 | UInt32((p + 1).load(as: UInt8.self)) << 16
                    | UInt32((p + 2).load(as: UInt8.self)) << 8 | UInt32((p + 3).load(as: UInt8.self))
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            SHA256.k.withUnsafeBufferPointer { k in
                var a = self.a, b = self.b, c = self.c, d = self.d, e = self.e, f = self.f, g = self.g, hh = self.h
                for i in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                }
                self.a &+= a; self.b &+= b; self.c &+= c; self.d &+= d; self.e &+= e; self.f &+= f; self.g &+= g; self.h &+= hh
            }
        }
    }
}
