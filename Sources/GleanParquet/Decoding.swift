/// Decodes an RLE / bit-packing hybrid stream (Parquet Encodings.md "RLE") of `bitWidth`-bit
/// values: levels and dictionary indices. Reads only inside `bytes`; a stream that ends early
/// or a run that claims more values than asked for throws or is cut to the count asked for.
struct RleHybridDecoder {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    private let bitWidth: Int

    init(_ bytes: UnsafeRawBufferPointer, bitWidth: Int) throws {
        guard bitWidth >= 0 && bitWidth <= 32 else { throw DecodeError("bit width \(bitWidth) is out of range (0…32)") }
        self.bytes = bytes
        self.bitWidth = bitWidth
    }

    /// Appends the next `count` values to `out`; a value above `limit` (a level or index out
    /// of range) throws.
    mutating func decode(_ count: Int, into out: inout [UInt32], max limit: UInt32) throws {
        var left = count
        while left > 0 {
            let header = try varint()
            if header & 1 == 0 {
                let run = header >> 1
                guard run > 0 else { throw DecodeError("RLE run of length 0") }
                let width = (bitWidth + 7) / 8
                guard position + width <= bytes.count else { throw DecodeError("RLE run value passes the end of the stream") }
                var value: UInt32 = 0
                for k in 0..<width { value |= UInt32(bytes[position + k]) << UInt32(8 * k) }
                position += width
                guard value <= limit else { throw DecodeError("value \(value) is out of range (at most \(limit))") }
                let n = Int(min(run, UInt64(left)))
                out.append(contentsOf: repeatElement(value, count: n))
                left -= n
            } else {
                let groups = header >> 1
                guard groups > 0 else { throw DecodeError("bit-packed run of 0 groups") }
                guard groups <= UInt64(bytes.count) else { throw DecodeError("bit-packed run passes the end of the stream") }
                let values = Int(groups) * 8
                let n = min(values, left)
                let fullBytes = Int(groups) * bitWidth
                // Only the bytes of the values used must be there (some writers cut the last group).
                let needed = (n * bitWidth + 7) / 8
                guard position + needed <= bytes.count else { throw DecodeError("bit-packed run passes the end of the stream") }
                if bitWidth == 0 {
                    out.append(contentsOf: repeatElement(0, count: n))
                } else {
                    let mask: UInt64 = bitWidth == 32 ? 0xFFFF_FFFF : (UInt64(1) << UInt64(bitWidth)) - 1
                    var acc: UInt64 = 0
                    var bits = 0
                    var p = position
                    for _ in 0..<n {
                        while bits < bitWidth {
                            acc |= UInt64(bytes[p]) << UInt64(bits)
                            p += 1
                            bits += 8
                        }
                        let v = UInt32(truncatingIfNeeded: acc & mask)
                        guard v <= limit else { throw DecodeError("value \(v) is out of range (at most \(limit))") }
                        out.append(v)
                        acc >>= UInt64(bitWidth)
                        bits -= bitWidth
                    }
                }
                position = min(bytes.count, position + fullBytes)
                left -= n
            }
        }
    }

    private mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw DecodeError("RLE stream ends before its values") }
            let b = bytes[position]
            position += 1
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift > 35 { throw DecodeError("RLE run header longer than 5 bytes") }
        }
    }
}

/// Reads the values of a PLAIN-encoded section, bounds-checked.
struct PlainDecoder {
    private let bytes: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private mutating func take(_ n: Int, _ what: String) throws -> Int {
        guard n >= 0, n <= bytes.count - position else {
            throw DecodeError("PLAIN \(what) values pass the end of the page")
        }
        let start = position
        position += n
        return start
    }

    /// Appends `count` values of a column of `leaf`'s type.
    mutating func decode(_ count: Int, _ leaf: LeafColumn, into out: inout [ParquetValue]) throws {
        // Every value takes at least one bit: a corrupt count cannot reserve more than the bytes allow.
        out.reserveCapacity(out.count + min(count, (bytes.count - position) &* 8))
        switch leaf.physical {
        case .boolean:
            let start = try take((count + 7) / 8, "boolean")
            for i in 0..<count {
                out.append(.boolean((bytes[start + (i >> 3)] >> UInt8(i & 7)) & 1 == 1))
            }
        case .int32:
            let start = try take(count * 4, "INT32")
            for i in 0..<count {
                out.append(leaf.value(int32: Int32(bitPattern: bytes.loadUnaligned(fromByteOffset: start + i * 4, as: UInt32.self).littleEndian)))
            }
        case .int64:
            let start = try take(count * 8, "INT64")
            for i in 0..<count {
                out.append(leaf.value(int64: Int64(bitPattern: bytes.loadUnaligned(fromByteOffset: start + i * 8, as: UInt64.self).littleEndian)))
            }
        case .float:
            let start = try take(count * 4, "FLOAT")
            for i in 0..<count {
                let bits = bytes.loadUnaligned(fromByteOffset: start + i * 4, as: UInt32.self).littleEndian
                out.append(.double(Double(Float(bitPattern: bits))))
            }
        case .double:
            let start = try take(count * 8, "DOUBLE")
            for i in 0..<count {
                out.append(.double(Double(bitPattern: bytes.loadUnaligned(fromByteOffset: start + i * 8, as: UInt64.self).littleEndian)))
            }
        case .byteArray:
            for _ in 0..<count {
                let at = try take(4, "BYTE_ARRAY")
                let length = Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian)
                let start = try take(length, "BYTE_ARRAY")
                out.append(.string(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)]), as: UTF8.self)))
            }
        }
    }

    /// The rest of the bytes (after the values read so far).
    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[position...]) }
}

/// Booleans encoded RLE (data page v2 from Arrow): a 4-byte length, then a hybrid stream of
/// width 1.
func decodeRleBooleans(_ bytes: UnsafeRawBufferPointer, count: Int, into out: inout [ParquetValue]) throws {
    guard bytes.count >= 4 else { throw DecodeError("RLE boolean values lack their length") }
    let length = Int(bytes.loadUnaligned(as: UInt32.self).littleEndian)
    guard length <= bytes.count - 4 else { throw DecodeError("RLE boolean values pass the end of the page") }
    var decoder = try RleHybridDecoder(UnsafeRawBufferPointer(rebasing: bytes[4..<(4 + length)]), bitWidth: 1)
    var bits: [UInt32] = []
    try decoder.decode(count, into: &bits, max: 1)
    for b in bits { out.append(.boolean(b == 1)) }
}
