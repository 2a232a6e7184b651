/// Number of bits needed to store `maxValue` (0 for 0).
@inline(__always)
func bitWidth(_ maxValue: UInt64) -> Int {
    maxValue == 0 ? 0 : 64 - maxValue.leadingZeroBitCount
}

/// RLE / bit-packing hybrid encoder (Parquet Encodings.md "RLE"), following the run
/// decisions of Arrow C++'s `RleEncoder` so our level and index streams match pyarrow's bytes:
/// runs of 8 or more equal values become RLE runs, everything else is bit-packed in groups of 8
/// (at most 63 groups per bit-packed run, so its header is one byte).
struct RleHybridEncoder {
    let bitWidth: Int
    private(set) var bytes: [UInt8] = []

    private var buffered: [UInt32] = Array(repeating: 0, count: 8)
    private var numBuffered = 0
    private var currentValue: UInt32 = 0
    private var repeatCount = 0
    private var literalCount = 0
    private var literalIndicatorIndex: Int? = nil

    init(bitWidth: Int) {
        precondition(bitWidth >= 0 && bitWidth <= 32, "bit width out of range")
        self.bitWidth = bitWidth
    }

    @inline(__always)
    mutating func put(_ value: UInt32) {
        if value == currentValue {
            repeatCount += 1
            if repeatCount > 8 { return }  // continuation of a repeated run
        } else {
            if repeatCount >= 8 { flushRepeatedRun() }
            repeatCount = 1
            currentValue = value
        }
        buffered[numBuffered] = value
        numBuffered += 1
        if numBuffered == 8 { flushBufferedValues(done: false) }
    }

    /// Puts `count` copies of `value` (a fast path for long runs).
    mutating func put(_ value: UInt32, count: Int) {
        var remaining = count
        while remaining > 0 && (value != currentValue || repeatCount < 8) {
            put(value)
            remaining -= 1
        }
        repeatCount += remaining
    }

    /// Flushes everything and returns the encoded stream.
    mutating func finish() -> [UInt8] {
        if literalCount > 0 || repeatCount > 0 || numBuffered > 0 {
            let allRepeat = literalCount == 0 && (repeatCount == numBuffered || numBuffered == 0)
            if repeatCount > 0 && allRepeat {
                flushRepeatedRun()
            } else {
                while numBuffered < 8 && numBuffered > 0 {
                    buffered[numBuffered] = 0
                    numBuffered += 1
                }
                literalCount += numBuffered
                flushLiteralRun(updateIndicator: true)
                repeatCount = 0
            }
        }
        return bytes
    }

    private mutating func flushBufferedValues(done: Bool) {
        if repeatCount >= 8 {
            numBuffered = 0
            if literalCount != 0 { flushLiteralRun(updateIndicator: true) }
            return
        }
        literalCount += numBuffered
        let groups = literalCount / 8
        if groups + 1 >= 64 {
            flushLiteralRun(updateIndicator: true)
        } else {
            flushLiteralRun(updateIndicator: done)
        }
        repeatCount = 0
    }

    private mutating func flushLiteralRun(updateIndicator: Bool) {
        if literalIndicatorIndex == nil {
            literalIndicatorIndex = bytes.count
            bytes.append(0)
        }
        // Bit-pack the buffered values LSB-first.
        var acc: UInt64 = 0
        var nbits = 0
        for i in 0..<numBuffered {
            acc |= UInt64(buffered[i]) << UInt64(nbits)
            nbits += bitWidth
            while nbits >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: acc))
                acc >>= 8
                nbits -= 8
            }
        }
        if nbits > 0 { bytes.append(UInt8(truncatingIfNeeded: acc)) }
        numBuffered = 0
        if updateIndicator, let index = literalIndicatorIndex {
            let groups = literalCount / 8
            bytes[index] = UInt8(truncatingIfNeeded: (groups << 1) | 1)
            literalIndicatorIndex = nil
            literalCount = 0
        }
    }

    private mutating func flushRepeatedRun() {
        appendVarint(UInt64(repeatCount) << 1, to: &bytes)
        var v = currentValue
        for _ in 0..<((bitWidth + 7) / 8) {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
        numBuffered = 0
        repeatCount = 0
    }
}

/// Encodes levels as an RLE hybrid stream with the 4-byte little-endian length prefix of
/// data page v1.
func encodeLevelsV1(_ levels: [UInt8], maxLevel: Int) -> [UInt8] {
    var encoder = RleHybridEncoder(bitWidth: bitWidth(UInt64(maxLevel)))
    var i = 0
    let n = levels.count
    levels.withUnsafeBufferPointer { buf in
        while i < n {
            let v = buf[i]
            var j = i + 1
            while j < n && buf[j] == v { j += 1 }
            encoder.put(UInt32(v), count: j - i)
            i = j
        }
    }
    let body = encoder.finish()
    var out: [UInt8] = []
    out.reserveCapacity(body.count + 4)
    appendUInt32LE(UInt32(body.count), to: &out)
    out.append(contentsOf: body)
    return out
}

/// Encodes dictionary indices for a data page: one bit-width byte then the hybrid stream.
func encodeDictionaryIndices(_ indices: [UInt32], dictionarySize: Int) -> [UInt8] {
    let width = max(1, bitWidth(UInt64(max(dictionarySize, 1) - 1)))
    var encoder = RleHybridEncoder(bitWidth: width)
    var i = 0
    let n = indices.count
    indices.withUnsafeBufferPointer { buf in
        while i < n {
            let v = buf[i]
            var j = i + 1
            while j < n && buf[j] == v { j += 1 }
            encoder.put(v, count: j - i)
            i = j
        }
    }
    var out: [UInt8] = [UInt8(width)]
    out.append(contentsOf: encoder.finish())
    return out
}

@inline(__always)
func appendUInt32LE(_ v: UInt32, to out: inout [UInt8]) {
    out.append(UInt8(truncatingIfNeeded: v))
    out.append(UInt8(truncatingIfNeeded: v >> 8))
    out.append(UInt8(truncatingIfNeeded: v >> 16))
    out.append(UInt8(truncatingIfNeeded: v >> 24))
}

@inline(__always)
func appendUInt64LE(_ v: UInt64, to out: inout [UInt8]) {
    for shift in stride(from: 0, to: 64, by: 8) {
        out.append(UInt8(truncatingIfNeeded: v >> UInt64(shift)))
    }
}

/// PLAIN encoding helpers (Encodings.md "Plain").
enum Plain {
    static func int32(_ v: Int32) -> [UInt8] {
        var out: [UInt8] = []
        appendUInt32LE(UInt32(bitPattern: v), to: &out)
        return out
    }

    static func int64(_ v: Int64) -> [UInt8] {
        var out: [UInt8] = []
        appendUInt64LE(UInt64(bitPattern: v), to: &out)
        return out
    }

    static func double(_ v: Double) -> [UInt8] {
        var out: [UInt8] = []
        appendUInt64LE(v.bitPattern, to: &out)
        return out
    }

    /// BYTE_ARRAY: 4-byte LE length then the bytes.
    static func byteArray(_ v: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        appendUInt32LE(UInt32(truncatingIfNeeded: v.count), to: &out)
        out.append(contentsOf: v)
        return out
    }

    /// BOOLEAN: bit-packed LSB-first, padded with zero bits.
    static func booleans(_ values: [Bool]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: (values.count + 7) / 8)
        for (i, b) in values.enumerated() where b {
            out[i >> 3] |= UInt8(1) << UInt8(i & 7)
        }
        return out
    }
}
