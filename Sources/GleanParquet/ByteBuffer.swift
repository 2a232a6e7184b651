import Synchronization

/// Owns the memory of a ``ByteBuffer``. Large blocks come from and return to
/// ``BufferPool``, so page, index and dictionary buffers reuse memory that is already mapped
/// instead of faulting in fresh pages for every row group and every file.
final class ByteStorage {
    let pointer: UnsafeMutableRawPointer
    /// Usable bytes (at least what was asked for).
    let capacity: Int

    init(capacity: Int) {
        if capacity >= BufferPool.minimumBlock, let block = BufferPool.take(atLeast: capacity) {
            pointer = block.pointer
            self.capacity = block.capacity
        } else {
            self.capacity = capacity
            pointer = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(capacity, 1), alignment: 16)
        }
    }

    deinit {
        if capacity < BufferPool.minimumBlock || !BufferPool.give(pointer, capacity: capacity) {
            pointer.deallocate()
        }
    }
}

/// A small process-wide cache of freed large buffers (at most ``maximumTotal`` bytes).
/// Thread-safe. Contents of a reused block are never read before being written.
enum BufferPool {
    /// Smaller blocks go straight back to malloc.
    static let minimumBlock = 64 * 1024
    /// Larger blocks are never kept.
    static let maximumBlock = 16 * 1024 * 1024
    /// Bytes the pool may hold.
    static let maximumTotal = 32 * 1024 * 1024

    private struct Block {
        // Raw addresses: the pool owns these blocks exclusively while they are cached.
        var address: UInt
        var capacity: Int
    }

    private struct State {
        var blocks: [Block] = []
        var total = 0
    }

    private static let state = Mutex(State())

    /// The smallest cached block of at least `bytes` (and at most 4 times that), removed
    /// from the pool.
    static func take(atLeast bytes: Int) -> (pointer: UnsafeMutableRawPointer, capacity: Int)? {
        let found: Block? = state.withLock { s in
            var best = -1
            for i in s.blocks.indices where s.blocks[i].capacity >= bytes && s.blocks[i].capacity / 4 <= bytes {
                if best < 0 || s.blocks[i].capacity < s.blocks[best].capacity { best = i }
            }
            guard best >= 0 else { return nil }
            let block = s.blocks.remove(at: best)
            s.total -= block.capacity
            return block
        }
        guard let found, let pointer = UnsafeMutableRawPointer(bitPattern: found.address) else { return nil }
        return (pointer, found.capacity)
    }

    /// Caches a block; false when it does not fit (the caller frees it).
    static func give(_ pointer: UnsafeMutableRawPointer, capacity: Int) -> Bool {
        guard capacity <= maximumBlock else { return false }
        let address = UInt(bitPattern: pointer)
        return state.withLock { s in
            guard s.total + capacity <= maximumTotal else { return false }
            s.blocks.append(Block(address: address, capacity: capacity))
            s.total += capacity
            return true
        }
    }
}

/// Growable byte buffer for the hot encoding paths: an append is a capacity check and a
/// store or memcpy (no uniqueness check, no generic `append(contentsOf:)` machinery).
/// NOT a value type: a copy shares the memory, so a buffer that is still appended to must
/// never be copied (every buffer here lives in exactly one place and is mutated in place).
/// Bytes past `count` are never read.
struct ByteBuffer {
    private var storage: ByteStorage?
    private var base: UnsafeMutableRawPointer?
    private var capacity = 0
    /// Bytes written.
    private(set) var count = 0

    init(capacity: Int = 0) {
        if capacity > 0 {
            let s = ByteStorage(capacity: capacity)
            storage = s
            base = s.pointer
            self.capacity = s.capacity
        }
    }

    /// `count` zero bytes.
    init(zeroed count: Int) {
        self.init(capacity: count)
        if count > 0 { start.initializeMemory(as: UInt8.self, repeating: 0, count: count) }
        self.count = count
    }

    var isEmpty: Bool { count == 0 }

    /// Makes room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if n > capacity &- count { grow(n) }
    }

    /// Expected final size: once the buffer outgrows 64 KiB it jumps straight to this
    /// (fresh memory is only paid for when touched), saving the doubling copies.
    var sizeHint = 0

    /// An empty buffer that will likely grow to about `sizeHint` bytes.
    init(sizeHint: Int) {
        self.init()
        self.sizeHint = sizeHint
    }

    @inline(never)
    private mutating func grow(_ n: Int) {
        var newCapacity = Swift.max(capacity &* 2, count + n, 256)
        if newCapacity > 65536 && sizeHint > newCapacity { newCapacity = sizeHint }
        let s = ByteStorage(capacity: newCapacity)
        if let old = base, count > 0 { s.pointer.copyMemory(from: old, byteCount: count) }
        storage = s
        base = s.pointer
        capacity = s.capacity
    }

    /// Start of the memory (valid after a `reserve`).
    @inline(__always)
    private var start: UnsafeMutableRawPointer { base.unsafelyUnwrapped }

    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0, let src = bytes.baseAddress else { return }
        reserve(n)
        (start + count).copyMemory(from: src, byteCount: n)
        count &+= n
    }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    @inline(__always)
    mutating func append(_ other: ByteBuffer) {
        other.withUnsafeBytes { append($0) }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        (start + count).storeBytes(of: byte, as: UInt8.self)
        count &+= 1
    }

    @inline(__always)
    mutating func appendUInt32LE(_ v: UInt32) {
        reserve(4)
        (start + count).storeBytes(of: v.littleEndian, as: UInt32.self)
        count &+= 4
    }

    @inline(__always)
    mutating func appendUInt64LE(_ v: UInt64) {
        reserve(8)
        (start + count).storeBytes(of: v.littleEndian, as: UInt64.self)
        count &+= 8
    }

    /// PLAIN BYTE_ARRAY: 4-byte little-endian length, then the bytes.
    @inline(__always)
    mutating func appendLengthPrefixed(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        reserve(n &+ 4)
        let at = start + count
        at.storeBytes(of: UInt32(truncatingIfNeeded: n).littleEndian, as: UInt32.self)
        if n > 0, let src = bytes.baseAddress { (at + 4).copyMemory(from: src, byteCount: n) }
        count &+= 4 &+ n
    }

    /// The little-endian UInt32 at byte offset `offset` (`offset + 4 <= count`).
    @inline(__always)
    func loadUInt32LE(at offset: Int) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(start).loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// The little-endian UInt64 at byte offset `offset` (`offset + 8 <= count`).
    @inline(__always)
    func loadUInt64LE(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Pointer to byte `offset` (`offset < count`).
    @inline(__always)
    func pointer(at offset: Int) -> UnsafeRawPointer {
        UnsafeRawPointer(start + offset)
    }

    /// Calls `body` with the first free byte; the caller must have reserved what it writes
    /// and then call ``advanceUnchecked(by:)``.
    @inline(__always)
    func unsafeTail(_ body: (UnsafeMutableRawPointer) -> Void) {
        body(start + count)
    }

    /// Counts `n` bytes written through ``unsafeTail(_:)`` (within the reserved capacity).
    @inline(__always)
    mutating func advanceUnchecked(by n: Int) {
        count &+= n
    }

    /// Appends the low `bytes` (0...8) bytes of `v`, little-endian.
    @inline(__always)
    mutating func appendLow(_ v: UInt64, bytes: Int) {
        reserve(8)
        (start + count).storeBytes(of: v.littleEndian, as: UInt64.self)
        count &+= bytes
    }

    /// ULEB128 varint.
    @inline(__always)
    mutating func appendVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        append(UInt8(truncatingIfNeeded: v))
    }

    /// Appends `n` bytes of unspecified content (to be overwritten with ``write(_:at:)``).
    @inline(__always)
    mutating func appendUninitialized(_ n: Int) {
        reserve(n)
        count &+= n
    }

    /// Overwrites `bytes.count` bytes at an earlier position (`offset + bytes.count <= count`).
    mutating func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        precondition(offset >= 0 && offset + bytes.count <= count)
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        (start + offset).copyMemory(from: src, byteCount: bytes.count)
    }

    /// Calls `body` with the written bytes from `offset` on (`offset <= count`).
    @inline(__always)
    func withUnsafeBytes<R>(from offset: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        precondition(offset >= 0 && offset <= count)
        return try withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
    }

    /// Overwrites 4 bytes at an earlier position (`index + 4 <= count`).
    @inline(__always)
    mutating func setUInt32LE(_ index: Int, _ v: UInt32) {
        precondition(index >= 0 && index + 4 <= count)
        (start + index).storeBytes(of: v.littleEndian, as: UInt32.self)
    }

    /// Overwrites 8 bytes at an earlier position (`index + 8 <= count`; unchecked).
    @inline(__always)
    mutating func setUInt64LE(_ index: Int, _ v: UInt64) {
        (start + index).storeBytes(of: v.littleEndian, as: UInt64.self)
    }

    /// Writes a byte at an earlier position (`index < count`).
    @inline(__always)
    mutating func set(_ index: Int, _ byte: UInt8) {
        precondition(index >= 0 && index < count)
        (start + index).storeBytes(of: byte, as: UInt8.self)
    }

    /// Calls `body` with the `count` written bytes.
    @inline(__always)
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) {
            try body(UnsafeRawBufferPointer(start: base, count: count))
        }
    }

    /// Lets `body` write up to `capacity` bytes at the end; it returns how many it wrote.
    @inline(__always)
    mutating func appendWith(capacity n: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> Int) rethrows {
        reserve(Swift.max(n, 1))
        let written = try body(UnsafeMutableRawBufferPointer(start: start + count, count: n))
        precondition(written >= 0 && written <= n)
        count &+= written
    }

    /// A copy of the written bytes.
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Forgets the contents, keeping the capacity.
    @inline(__always)
    mutating func removeAll() { count = 0 }

    /// Keeps the first `n` bytes (`n <= count`).
    @inline(__always)
    mutating func truncate(to n: Int) {
        precondition(n >= 0 && n <= count)
        count = n
    }

    /// The byte at `offset` (`offset < count`; unchecked).
    @inline(__always)
    func loadByte(at offset: Int) -> UInt8 {
        UnsafeRawPointer(start).load(fromByteOffset: offset, as: UInt8.self)
    }

    /// Start of the memory, for pointers into written bytes (only after a `reserve`).
    @inline(__always)
    var rawStart: UnsafeRawPointer { UnsafeRawPointer(start) }
}

/// The finished pages of a column chunk: a list of buffers, so growing never re-copies
/// what is already there.
struct PageList {
    /// The buffers, in file order.
    private(set) var segments: [ByteBuffer] = []
    /// Total bytes.
    private(set) var count = 0

    /// Takes `buffer` (which must not be appended to elsewhere afterwards).
    mutating func append(_ buffer: ByteBuffer) {
        if buffer.isEmpty { return }
        count += buffer.count
        segments.append(buffer)
    }
}
