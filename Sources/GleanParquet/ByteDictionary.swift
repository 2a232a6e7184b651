#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Insertion-ordered set of byte strings with dense indices, used for dictionary encoding.
/// Keys are compared byte for byte (never by Unicode equivalence). The PLAIN encoding of the
/// entries (the dictionary page body) is built as entries are added and is also where keys
/// are compared: a byte-array entry's length is its 4-byte PLAIN prefix. Open addressing with
/// linear probing; each slot keeps 32 bits of the key's hash so most mismatches are rejected
/// without touching the key bytes. The index is lean (8 bytes per byte-array entry for its
/// start, plus the slot table at most half full): growing re-hashes the keys from the body
/// instead of keeping their hashes. The hash only places keys in slots: indices and the page
/// body depend on insertion order alone, so output stays deterministic.
/// Holds ``ByteBuffer``s: never copy a dictionary that is still used.
struct ByteDictionary {
    /// True for BYTE_ARRAY values (PLAIN adds a 4-byte length before each entry).
    let lengthPrefixed: Bool
    /// Fixed-width entries: bytes per entry (4 or 8), set by the first insertion.
    private var fixedSize = 0
    /// PLAIN-encoded entries in insertion order.
    private(set) var plain = ByteBuffer()
    /// Per byte-array entry: UInt64 start of the value bytes in `plain` (its length is the
    /// 4 bytes before). Fixed-size entries start at `index * size`.
    private var starts = ByteBuffer()
    /// UInt64 slots: 0 = empty; otherwise (hash high 32 bits) << 32 | (entry index + 1).
    private var slots: ByteBuffer
    private var mask: Int
    /// Number of entries.
    private(set) var count = 0

    init(lengthPrefixed: Bool, sizeHint: Int = 0) {
        self.lengthPrefixed = lengthPrefixed
        plain.sizeHint = sizeHint
        slots = ByteBuffer(zeroed: 1024 * 8)
        mask = 1023
    }

    /// A dictionary with no memory at all, to stand in for one whose page was written. No
    /// look-up may follow.
    init(lengthPrefixed: Bool, empty: Void) {
        self.lengthPrefixed = lengthPrefixed
        slots = ByteBuffer()
        mask = 0
    }

    /// Bytes of the dictionary page body so far.
    @inline(__always)
    var plainCount: Int { plain.count }

    /// Frees the look-up index (entry starts and slots), keeping the entries and the page
    /// body: for a chunk that fell back to PLAIN, whose dictionary only remains to be
    /// written. No look-up may follow.
    mutating func dropIndex() {
        starts = ByteBuffer()
        slots = ByteBuffer()
        mask = 0
    }

    /// Bytes the dictionary holds in memory: the page body plus its index (entry starts and
    /// the slot table).
    var memoryBytes: Int { plain.count &+ starts.count &+ slots.count }

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

    /// Returns the index of the byte string `key`, adding it when new.
    @inline(__always)
    mutating func index(of key: UnsafeRawBufferPointer) -> (index: UInt32, inserted: Bool) {
        index(of: key, hash: Self.hash(key))
    }

    /// The length of byte-array entry `e` whose value bytes start at `start`.
    @inline(__always)
    private func length(at start: Int) -> Int {
        Int(plain.loadUInt32LE(at: start &- 4))
    }

    /// ``index(of:)`` for a key whose ``hash(_:)`` is already known.
    @inline(__always)
    mutating func index(of key: UnsafeRawBufferPointer, hash h: UInt64) -> (index: UInt32, inserted: Bool) {
        let tag = h & Self.tagMask
        var slot = Int(truncatingIfNeeded: h) & mask
        let n = key.count
        while true {
            let entry = slots.loadUInt64LE(at: slot &* 8)
            if entry == 0 { break }
            if entry & Self.tagMask == tag {
                let e = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
                let start = Int(truncatingIfNeeded: starts.loadUInt64LE(at: e &* 8))
                if length(at: start) == n {
                    if n == 0 || memEqual(plain.pointer(at: start), key.baseAddress.unsafelyUnwrapped, n) {
                        return (UInt32(truncatingIfNeeded: e), false)
                    }
                }
            }
            slot = (slot &+ 1) & mask
        }
        let newIndex = count
        slots.setUInt64LE(slot &* 8, tag | UInt64(newIndex &+ 1))
        plain.appendLengthPrefixed(key)
        starts.appendUInt64LE(UInt64(plain.count &- n))
        count &+= 1
        if count &* 2 > mask &+ 1 { grow() }
        return (UInt32(truncatingIfNeeded: newIndex), true)
    }

    /// Returns the index of a 4- or 8-byte little-endian value (the low `size` bytes of
    /// `bits`), adding it when new. A dictionary holds one kind of key only.
    @inline(__always)
    mutating func index(ofFixed bits: UInt64, size: Int) -> (index: UInt32, inserted: Bool) {
        let h = Self.mixFixed(bits, size: size)
        let tag = h & Self.tagMask
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots.loadUInt64LE(at: slot &* 8)
            if entry == 0 { break }
            if entry & Self.tagMask == tag {
                let e = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
                let stored = size == 8 ? plain.loadUInt64LE(at: e &* 8) : UInt64(plain.loadUInt32LE(at: e &* 4))
                if stored == bits { return (UInt32(truncatingIfNeeded: e), false) }
            }
            slot = (slot &+ 1) & mask
        }
        let newIndex = count
        slots.setUInt64LE(slot &* 8, tag | UInt64(newIndex &+ 1))
        if size == 8 {
            plain.appendUInt64LE(bits)
        } else {
            plain.appendUInt32LE(UInt32(truncatingIfNeeded: bits))
        }
        fixedSize = size
        count &+= 1
        if count &* 2 > mask &+ 1 { grow() }
        return (UInt32(truncatingIfNeeded: newIndex), true)
    }

    /// Whether entry `index` (of a byte-string dictionary) holds exactly `key`.
    @inline(__always)
    func entry(_ index: Int, equals key: UnsafeRawBufferPointer) -> Bool {
        let n = key.count
        let start = Int(truncatingIfNeeded: starts.loadUInt64LE(at: index &* 8))
        guard length(at: start) == n else { return false }
        if n == 0 { return true }
        return memEqual(plain.pointer(at: start), key.baseAddress.unsafelyUnwrapped, n)
    }

    /// Whether the slot table is past typical L1 sizes (prefetching pays off).
    var isLarge: Bool { mask >= 2047 }

    /// Loads the first slot a fixed-width key probes and, when that slot holds an entry,
    /// the entry's value (only to warm the cache; the result is a checksum).
    @inline(__always)
    func slotHint(fixed bits: UInt64, size: Int) -> UInt64 {
        let h = Self.mixFixed(bits, size: size)
        let entry = slots.loadUInt64LE(at: (Int(truncatingIfNeeded: h) & mask) &* 8)
        if entry == 0 { return 0 }
        let e = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
        return size == 8 ? plain.loadUInt64LE(at: e &* 8) : UInt64(plain.loadUInt32LE(at: e &* 4))
    }

    /// The hash entry `e` was placed by.
    private func storedHash(_ e: Int) -> UInt64 {
        if lengthPrefixed {
            let start = Int(truncatingIfNeeded: starts.loadUInt64LE(at: e &* 8))
            return Self.hash(UnsafeRawBufferPointer(start: plain.pointer(at: start), count: length(at: start)))
        }
        let bits = fixedSize == 8 ? plain.loadUInt64LE(at: e &* 8) : UInt64(plain.loadUInt32LE(at: e &* 4))
        return Self.mixFixed(bits, size: fixedSize)
    }

    /// Doubles the slot table and re-places every entry (re-hashing its key from the body).
    private mutating func grow() {
        let newSize = (mask + 1) * 2
        var newSlots = ByteBuffer(zeroed: newSize * 8)
        let newMask = newSize - 1
        for e in 0..<count {
            let h = storedHash(e)
            var slot = Int(truncatingIfNeeded: h) & newMask
            while newSlots.loadUInt64LE(at: slot &* 8) != 0 { slot = (slot &+ 1) & newMask }
            newSlots.setUInt64LE(slot &* 8, (h & Self.tagMask) | UInt64(e &+ 1))
        }
        slots = newSlots
        mask = newMask
    }

    /// Hash of a fixed-width value.
    @inline(__always)
    static func mixFixed(_ bits: UInt64, size: Int) -> UInt64 {
        finalMix((UInt64(size) &* 0x9E37_79B9_7F4A_7C15) ^ (bits &* 0xFF51_AFD7_ED55_8CCD))
    }

    @inline(__always)
    static func finalMix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 32
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        h = h &* 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return h
    }

    /// One multiply-xorshift step per 8 bytes from `start`, then the last 8 bytes of the key
    /// (a load that may overlap the previous word); `count` is at least 8.
    @inline(__always)
    static func mixWords(_ p: UnsafeRawPointer, from start: Int, count n: Int, into h0: UInt64) -> UInt64 {
        var h = h0
        var i = start
        while i &+ 8 < n {
            h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i &+= 8
        }
        return (h ^ p.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) &* 0xC4CE_B9FE_1A85_EC53
    }

    /// Hash of a byte string: 8 bytes per multiply-xorshift step (overlapping loads for
    /// the tail), then a final avalanche.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        let n = key.count
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        guard let p = key.baseAddress, n > 0 else { return finalMix(h) }
        if n > 64 {
            // Long keys (sentences, articles): four independent lanes of 8 bytes, so the
            // multiplies overlap; the tail goes through the one-lane loop below.
            var a = h ^ 0x243F_6A88_85A3_08D3, b = h ^ 0x1319_8A2E_0370_7344
            var c = h ^ 0xA409_3822_299F_31D0, d = h ^ 0x082E_FA98_EC4E_6C89
            var i = 0
            while i &+ 32 <= n &- 8 {
                a = (a ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                b = (b ^ p.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                c = (c ^ p.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                d = (d ^ p.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                a ^= a >> 29
                b ^= b >> 29
                c ^= c >> 29
                d ^= d >> 29
                i &+= 32
            }
            h = finalMix(a) ^ (finalMix(b) &* 3) ^ (finalMix(c) &* 5) ^ (finalMix(d) &* 7)
            h = mixWords(p, from: i, count: n, into: h)
        } else if n >= 8 {
            h = mixWords(p, from: 0, count: n, into: h)
        } else if n >= 4 {
            let lo = UInt64(p.loadUnaligned(as: UInt32.self))
            let hi = UInt64(p.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self))
            h = (h ^ (lo | hi << 32)) &* 0xC4CE_B9FE_1A85_EC53
        } else {
            let a = UInt64(p.load(as: UInt8.self))
            let b = UInt64(p.load(fromByteOffset: n >> 1, as: UInt8.self))
            let c = UInt64(p.load(fromByteOffset: n &- 1, as: UInt8.self))
            h = (h ^ (a | b << 8 | c << 16)) &* 0xC4CE_B9FE_1A85_EC53
        }
        return finalMix(h)
    }
}

/// Byte equality of `n` bytes; short keys compare with two overlapping loads.
@inline(__always)
func memEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
    if n >= 8 {
        if n <= 16 {
            return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                && a.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        }
    } else if n >= 4 {
        return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
            && a.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
                == b.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
    }
    return memcmp(a, b, n) == 0
}

/// The first 8 bytes as a big-endian number, zero-padded: when two keys differ, they order
/// the byte strings as unsigned lexicographic comparison does.
@inline(__always)
func prefixKey(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let n = bytes.count
    if n >= 8 { return UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self)) }
    var key: UInt64 = 0
    for i in 0..<n { key |= UInt64(bytes[i]) << UInt64(56 &- 8 &* i) }
    return key
}

/// Unsigned lexicographic byte comparison (Parquet's order for STRING).
@inline(__always)
func bytesLess(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    let n = min(a.count, b.count)
    if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
        let c = memcmp(pa, pb, n)
        if c != 0 { return c < 0 }
    }
    return a.count < b.count
}
