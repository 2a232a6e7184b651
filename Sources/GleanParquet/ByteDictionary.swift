internal import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Insertion-ordered set of byte strings with dense indices, used for dictionary encoding.
/// Keys are compared byte for byte (never by Unicode equivalence). The PLAIN encoding of the
/// entries (the dictionary page body) is built as entries are added.
struct ByteDictionary {
    /// True for BYTE_ARRAY values (PLAIN adds a 4-byte length before each entry).
    let lengthPrefixed: Bool
    /// PLAIN-encoded entries in insertion order.
    private(set) var plain: [UInt8] = []
    /// Start of each entry's value bytes in `plain`.
    private var starts: [Int] = []
    private var lengths: [Int32] = []
    private var slots: [Int32]
    private var mask: Int

    init(lengthPrefixed: Bool) {
        self.lengthPrefixed = lengthPrefixed
        slots = Array(repeating: -1, count: 1024)
        mask = 1023
    }

    var count: Int { starts.count }

    /// Returns the index of `key`, adding it when new.
    @inline(__always)
    mutating func index(of key: UnsafeRawBufferPointer) -> (index: UInt32, inserted: Bool) {
        let h = Self.hash(key)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            let e = Int(entry)
            if Int(lengths[e]) == key.count {
                let equal = plain.withUnsafeBytes { buf -> Bool in
                    key.count == 0 || memEqual(buf.baseAddress.unsafelyUnwrapped + starts[e], key.baseAddress.unsafelyUnwrapped, key.count)
                }
                if equal { return (UInt32(e), false) }
            }
            slot = (slot + 1) & mask
        }
        let newIndex = starts.count
        slots[slot] = Int32(newIndex)
        if lengthPrefixed { appendUInt32LE(UInt32(key.count), to: &plain) }
        starts.append(plain.count)
        lengths.append(Int32(key.count))
        plain.append(contentsOf: key)
        if starts.count * 2 > slots.count { grow() }
        return (UInt32(newIndex), true)
    }

    /// The bytes of entry `i` (without the length prefix).
    func entry(_ i: Int) -> ArraySlice<UInt8> {
        plain[starts[i]..<(starts[i] + Int(lengths[i]))]
    }

    private mutating func grow() {
        let newSize = slots.count * 2
        var newSlots = [Int32](repeating: -1, count: newSize)
        let newMask = newSize - 1
        plain.withUnsafeBytes { buf in
            for e in 0..<starts.count {
                let key = UnsafeRawBufferPointer(rebasing: buf[starts[e]..<(starts[e] + Int(lengths[e]))])
                var slot = Int(truncatingIfNeeded: Self.hash(key)) & newMask
                while newSlots[slot] >= 0 { slot = (slot + 1) & newMask }
                newSlots[slot] = Int32(e)
            }
        }
        slots = newSlots
        mask = newMask
    }

    /// CRC-32 (zlib, optimised C even in debug builds) mixed with the length.
    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var h = UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15
        if key.count == 8 || key.count == 4 {
            // Numeric keys: a multiply-xorshift mix of the value itself.
            let v = key.count == 8
                ? key.loadUnaligned(as: UInt64.self) : UInt64(key.loadUnaligned(as: UInt32.self))
            h ^= v &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 33
        } else if let base = key.baseAddress, key.count > 0 {
            h ^= UInt64(crc32_z(0, base.assumingMemoryBound(to: UInt8.self), key.count))
        }
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        return h
    }
}

@inline(__always)
func memEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
    memcmp(a, b, n) == 0
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
