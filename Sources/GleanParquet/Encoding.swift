/// Number of bits needed to store `maxValue` (0 for 0).
@inline(__always)
func bitWidth(_ maxValue: UInt64) -> Int {
    maxValue == 0 ? 0 : 64 - maxValue.leadingZeroBitCount
}

/// RLE / bit-packing hybrid encoder (Parquet Encodings.md "RLE"), following the run
/// decisions of Arrow C++'s `RleEncoder` so our level and index streams match pyarrow's bytes:
/// runs of 8 or more equal values become RLE runs, everything else is bit-packed in groups of 8
/// (at most 63 groups per bit-packed run, so its header is one byte).
/// The state is separate from the output so pages can encode straight into their body.
struct RleRunState {
    let bitWidth: Int
    private var buffered: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var numBuffered = 0
    private var currentValue: UInt32 = 0
    private var repeatCount = 0
    private var literalCount = 0
    /// Position of the bit-packed run's header byte in the output, -1 when none is open.
    private var literalIndicatorIndex = -1

    init(bitWidth: Int) {
        precondition(bitWidth >= 0 && bitWidth <= 32, "bit width out of range")
        self.bitWidth = bitWidth
    }

    @inline(__always)
    mutating func put(_ value: UInt32, into out: inout ByteBuffer) {
        if value == currentValue {
            repeatCount &+= 1
            if repeatCount > 8 { return }  // continuation of a repeated run
        } else {
            if repeatCount >= 8 { flushRepeatedRun(into: &out) }
            repeatCount = 1
            currentValue = value
        }
        setBuffered(numBuffered, value)
        numBuffered &+= 1
        if numBuffered == 8 { flushBufferedValues(into: &out) }
    }

    @inline(__always)
    private mutating func setBuffered(_ i: Int, _ value: UInt32) {
        withUnsafeMutableBytes(of: &buffered) { $0.storeBytes(of: value, toByteOffset: i &* 4, as: UInt32.self) }
    }

    /// Puts `count` copies of `value` (a fast path for long runs).
    @inline(__always)
    mutating func put(_ value: UInt32, count: Int, into out: inout ByteBuffer) {
        var remaining = count
        while remaining > 0 && (value != currentValue || repeatCount < 8) {
            put(value, into: &out)
            remaining &-= 1
        }
        repeatCount &+= remaining
    }

    /// True when the next 8 values, if not all equal, form exactly one bit-packed group
    /// (nothing buffered and no repeated run open): see ``putLiteralGroup(_:into:)``.
    @inline(__always)
    var canTakeLiteralGroup: Bool { numBuffered == 0 && repeatCount < 8 }

    /// Puts 8 values that are not all equal when ``canTakeLiteralGroup``: the same bytes and
    /// state as 8 calls to ``put(_:into:)`` (no run can reach 8 inside one such group, and a
    /// bit-packed group resets the repeat count), without the per-value bookkeeping.
    @inline(__always)
    mutating func putLiteralGroup(
        _ group: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32), into out: inout ByteBuffer
    ) {
        buffered = group
        numBuffered = 8
        currentValue = group.7
        literalCount &+= 8
        flushLiteralRun(updateIndicator: literalCount / 8 + 1 >= 64, into: &out)
        repeatCount = 0
    }

    /// Flushes everything still buffered.
    mutating func finish(into out: inout ByteBuffer) {
        if literalCount > 0 || repeatCount > 0 || numBuffered > 0 {
            let allRepeat = literalCount == 0 && (repeatCount == numBuffered || numBuffered == 0)
            if repeatCount > 0 && allRepeat {
                flushRepeatedRun(into: &out)
            } else {
                while numBuffered < 8 && numBuffered > 0 {
                    setBuffered(numBuffered, 0)
                    numBuffered += 1
                }
                literalCount += numBuffered
                flushLiteralRun(updateIndicator: true, into: &out)
                repeatCount = 0
            }
        }
    }

    private mutating func flushBufferedValues(into out: inout ByteBuffer) {
        if repeatCount >= 8 {
            numBuffered = 0
            if literalCount != 0 { flushLiteralRun(updateIndicator: true, into: &out) }
            return
        }
        literalCount &+= numBuffered
        let groups = literalCount / 8
        flushLiteralRun(updateIndicator: groups + 1 >= 64, into: &out)
        repeatCount = 0
    }

    private mutating func flushLiteralRun(updateIndicator: Bool, into out: inout ByteBuffer) {
        if literalIndicatorIndex < 0 {
            literalIndicatorIndex = out.count
            out.append(UInt8(0))
        }
        // Bit-pack the buffered values LSB-first (8 values of w bits = w whole bytes).
        if numBuffered == 8 {
            let w = bitWidth
            let b = buffered
            out.reserve(40)
            out.unsafeTail { p in
                var acc: UInt64 = 0
                var nbits = 0
                var offset = 0
                @inline(__always) func add(_ v: UInt32) {
                    acc |= UInt64(v) << UInt64(nbits)
                    nbits &+= w
                    if nbits >= 32 {
                        p.storeBytes(of: UInt32(truncatingIfNeeded: acc).littleEndian, toByteOffset: offset, as: UInt32.self)
                        offset &+= 4
                        acc >>= 32
                        nbits &-= 32
                    }
                }
                add(b.0); add(b.1); add(b.2); add(b.3); add(b.4); add(b.5); add(b.6); add(b.7)
                p.storeBytes(of: acc.littleEndian, toByteOffset: offset, as: UInt64.self)
            }
            out.advanceUnchecked(by: w)
        }
        numBuffered = 0
        if updateIndicator {
            let groups = literalCount / 8
            out.set(literalIndicatorIndex, UInt8(truncatingIfNeeded: (groups << 1) | 1))
            literalIndicatorIndex = -1
            literalCount = 0
        }
    }

    private mutating func flushRepeatedRun(into out: inout ByteBuffer) {
        out.appendVarint(UInt64(repeatCount) << 1)
        out.appendLow(UInt64(currentValue), bytes: (bitWidth + 7) / 8)
        numBuffered = 0
        repeatCount = 0
    }
}

/// An RLE / bit-packing hybrid stream with its own output (see ``RleRunState``).
struct RleHybridEncoder {
    private var state: RleRunState
    private var out = ByteBuffer()

    init(bitWidth: Int) {
        state = RleRunState(bitWidth: bitWidth)
    }

    var bitWidth: Int { state.bitWidth }

    mutating func put(_ value: UInt32) {
        state.put(value, into: &out)
    }

    mutating func put(_ value: UInt32, count: Int) {
        state.put(value, count: count, into: &out)
    }

    /// Flushes everything and returns the encoded stream.
    mutating func finish() -> [UInt8] {
        state.finish(into: &out)
        return out.bytes
    }
}

/// Repetition or definition levels of a page, kept as runs (value, length): appending a
/// level is a compare and an increment, and encoding feeds whole runs to the RLE encoder.
struct LevelRuns {
    /// Finished runs, UInt64 each: length << 8 | value.
    private var runs = ByteBuffer()
    private var value: UInt8 = 0
    private var length = 0
    /// Number of levels.
    private(set) var count = 0

    @inline(__always)
    mutating func append(_ level: UInt8) {
        count &+= 1
        if level == value && length > 0 {
            length &+= 1
        } else {
            if length > 0 { runs.appendUInt64LE(UInt64(length) << 8 | UInt64(value)) }
            value = level
            length = 1
        }
    }

    /// Calls `body(value, length)` for each maximal run, in order.
    @inline(__always)
    func forEachRun(_ body: (UInt8, Int) -> Void) {
        let n = runs.count / 8
        for k in 0..<n {
            let run = runs.loadUInt64LE(at: k &* 8)
            body(UInt8(truncatingIfNeeded: run), Int(run >> 8))
        }
        if length > 0 { body(value, length) }
    }

    mutating func removeAll() {
        runs.removeAll()
        length = 0
        count = 0
    }
}

/// Appends levels as an RLE hybrid stream with the 4-byte little-endian length prefix of
/// data page v1.
func appendLevelsV1(_ levels: LevelRuns, maxLevel: Int, to out: inout ByteBuffer) {
    var state = RleRunState(bitWidth: bitWidth(UInt64(maxLevel)))
    let lengthAt = out.count
    out.appendUInt32LE(0)
    levels.forEachRun { v, n in state.put(UInt32(v), count: n, into: &out) }
    state.finish(into: &out)
    out.setUInt32LE(lengthAt, UInt32(truncatingIfNeeded: out.count &- lengthAt &- 4))
}

/// Encodes levels as an RLE hybrid stream with the 4-byte little-endian length prefix of
/// data page v1.
func encodeLevelsV1(_ levels: [UInt8], maxLevel: Int) -> [UInt8] {
    var input = LevelRuns()
    for level in levels { input.append(level) }
    var out = ByteBuffer()
    appendLevelsV1(input, maxLevel: maxLevel, to: &out)
    return out.bytes
}

/// Appends dictionary indices for a data page: one bit-width byte then the hybrid stream.
func appendDictionaryIndices(_ indices: ByteBuffer, dictionarySize: Int, to out: inout ByteBuffer) {
    let width = max(1, bitWidth(UInt64(max(dictionarySize, 1) - 1)))
    out.append(UInt8(width))
    var state = RleRunState(bitWidth: width)
    let n = indices.count / 4
    let at = { (k: Int) -> UInt32 in indices.loadUInt32LE(at: k &* 4) }
    withExtendedLifetime(indices) {
        var i = 0
        while i < n {
            if state.canTakeLiteralGroup && i &+ 8 <= n {
                let g = (at(i), at(i &+ 1), at(i &+ 2), at(i &+ 3), at(i &+ 4), at(i &+ 5), at(i &+ 6), at(i &+ 7))
                let allEqual = g.0 == g.1 && g.1 == g.2 && g.2 == g.3 && g.3 == g.4 && g.4 == g.5 && g.5 == g.6 && g.6 == g.7
                if !allEqual {
                    state.putLiteralGroup(g, into: &out)
                    i &+= 8
                    continue
                }
            }
            let v = at(i)
            if i &+ 1 < n && at(i &+ 1) == v {
                var j = i &+ 2
                while j < n && at(j) == v { j &+= 1 }
                state.put(v, count: j &- i, into: &out)
                i = j
            } else {
                state.put(v, into: &out)
                i &+= 1
            }
        }
    }
    state.finish(into: &out)
}

/// Encodes dictionary indices for a data page: one bit-width byte then the hybrid stream.
func encodeDictionaryIndices(_ indices: [UInt32], dictionarySize: Int) -> [UInt8] {
    var input = ByteBuffer()
    for index in indices { input.appendUInt32LE(index) }
    var out = ByteBuffer()
    appendDictionaryIndices(input, dictionarySize: dictionarySize, to: &out)
    return out.bytes
}

@inline(__always)
func appendUInt32LE(_ v: UInt32, to out: inout [UInt8]) {
    var le = v.littleEndian
    withUnsafeBytes(of: &le) { out.append(contentsOf: $0) }
}

@inline(__always)
func appendUInt64LE(_ v: UInt64, to out: inout [UInt8]) {
    var le = v.littleEndian
    withUnsafeBytes(of: &le) { out.append(contentsOf: $0) }
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

