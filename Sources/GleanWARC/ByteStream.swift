internal import CDeflate
internal import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a WARC file as the record parser sees them: plain, or inflated gzip member after
/// gzip member. It holds one window of bytes (`buffer[start...]`), never the whole file.
///
/// gzip: each member is inflated on its own, and where one starts and ends is remembered (in
/// the file and in the inflated bytes), so a record that is one member is located by its member.
/// A member that does not inflate is *damage*: the stream stops producing bytes there until the
/// parser has reported it (``recover()``), then goes on at the next gzip header in the file.
final class ByteStream {
    /// Where one gzip member lies, in the file and in the inflated bytes.
    struct Member {
        var fileStart: Int64
        var start: Int64
        var fileEnd: Int64?
        var end: Int64?
    }

    /// A place where bytes are missing: the inflated position and what went wrong.
    struct Damage {
        var position: Int64
        /// The inflated position where the damaged member started.
        var memberStart: Int64
        /// The damaged member's offset in the file (or where the bytes that are no member start).
        var fileOffset: Int64
        var message: String
    }

    private let file: UnsafeMutablePointer<FILE>
    let isGzip: Bool
    /// Read at most this many bytes of the file (from where the stream started), or no limit.
    private var rawLeft: Int64?

    private var raw: [UInt8]
    private var rawCount = 0
    private var rawIndex = 0
    /// The file offset of `raw[0]`.
    private var rawFileOffset: Int64
    private var fileEnded = false

    /// The window: `buffer[start...]` are bytes not yet consumed; `buffer[0]` is at `bufferPosition`.
    private(set) var buffer: [UInt8] = []
    private(set) var start = 0
    private var bufferPosition: Int64 = 0

    /// Where inflate writes before the bytes join the window.
    private let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
    private var z = z_stream()
    /// libdeflate, for a member that lies whole in the read buffer (most records): about twice
    /// zlib's speed. A member that does not fit, or does not inflate, goes through zlib.
    private let deflater = libdeflate_alloc_decompressor()
    private var whole = [UInt8](repeating: 0, count: 1 << 18)
    private var inMember = false
    private(set) var members: [Member] = []
    private(set) var damage: Damage?

    /// Opens `path` at `offset`, reading at most `limit` bytes of it. Nil when it cannot be opened.
    init?(path: String, offset: Int64 = 0, limit: Int64? = nil, chunk: Int = 1 << 20) {
        guard let f = fopen(path, "rb") else { return nil }
        if offset > 0, fseeko(f, off_t(offset), SEEK_SET) != 0 {
            fclose(f)
            return nil
        }
        file = f
        rawLeft = limit
        // The read buffer: `chunk`, or less for a small file or range (no 1 MiB for a 2 KB archive).
        var info = stat()
        let size = fstat(fileno(f), &info) == 0 ? max(0, Int64(info.st_size) - offset) : Int64(chunk)
        raw = [UInt8](repeating: 0, count: Int(max(4096, min(Int64(chunk), limit.map { min($0, size) } ?? size))))
        rawFileOffset = offset
        // gzip or not: the first two bytes decide.
        var first = [UInt8](repeating: 0, count: 2)
        let n = fread(&first, 1, 2, f)
        isGzip = n == 2 && first[0] == 0x1F && first[1] == 0x8B
        fseeko(f, off_t(offset), SEEK_SET)
    }

    deinit {
        scratch.deallocate()
        if let deflater { libdeflate_free_decompressor(deflater) }
        if inMember { inflateEnd(&z) }
        fclose(file)
    }

    /// The inflated position of the next byte not consumed.
    var position: Int64 { bufferPosition + Int64(start) }
    /// Bytes in the window.
    var available: Int { buffer.count - start }
    /// The inflated position just after the last byte produced.
    var produced: Int64 { bufferPosition + Int64(buffer.count) }

    @inline(__always) func byte(_ i: Int) -> UInt8 { buffer[start + i] }

    func consume(_ n: Int) {
        start += n
        if start > (1 << 20) && start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            bufferPosition += Int64(start)
            start = 0
        }
    }

    /// Consumes `n` bytes, producing them as needed. False when the stream ended first (damage or end).
    func skip(_ n: Int64) -> Bool {
        var left = n
        while left > 0 {
            if available == 0 && !more() { return false }
            let k = Int(min(Int64(available), left))
            consume(k)
            left -= Int64(k)
        }
        return true
    }

    /// Produces more bytes into the window. False when none can be produced: the end of the
    /// file, or damage not yet reported.
    func more() -> Bool {
        if damage != nil { return false }
        if start > 0 && start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
            bufferPosition += Int64(start)
            start = 0
        }
        let before = buffer.count
        while buffer.count == before {
            if !isGzip {
                guard fillRaw() else { return false }
                buffer.append(contentsOf: raw[rawIndex..<rawCount])
                rawIndex = rawCount
            } else {
                guard inflateSome() else { return buffer.count > before }
            }
        }
        return true
    }

    /// Drops the window and clears damage: the next bytes are those of the next gzip member.
    func recover() {
        bufferPosition = produced
        buffer.removeAll(keepingCapacity: true)
        start = 0
        damage = nil
    }

    /// Forgets members that end before `position`.
    func forgetMembers(before position: Int64) {
        if let i = members.firstIndex(where: { $0.end == nil || $0.end! > position }), i > 0 {
            members.removeFirst(i)
        }
    }

    /// The file offset of the byte at inflated `position` (plain: the same; gzip: unknown, nil).
    func member(startingAt position: Int64) -> Member? {
        members.first { $0.start == position }
    }

    /// Inflates until the member containing the last produced byte has its end known, when that
    /// end is exactly `position` (the record ended with its member). Cheap: at most one more call.
    func memberEnd(at position: Int64) -> Member? {
        if let m = members.last(where: { $0.start < position }), m.end == nil, produced == position, damage == nil {
            _ = inflateSome(stopAtMemberEnd: true)
        }
        return members.first { $0.end == position }
    }

    // MARK: - Reading the file

    private func fillRaw() -> Bool {
        if rawIndex < rawCount { return true }
        if fileEnded { return false }
        rawFileOffset += Int64(rawCount)
        var want = raw.count
        if let left = rawLeft { want = Int(min(Int64(want), left)) }
        let n = want > 0 ? raw.withUnsafeMutableBytes { fread($0.baseAddress, 1, want, file) } : 0
        rawCount = n
        rawIndex = 0
        if let left = rawLeft { rawLeft = left - Int64(n) }
        if n == 0 { fileEnded = true; return false }
        return true
    }

    private var rawPosition: Int64 { rawFileOffset + Int64(rawIndex) }

    /// Runs inflate once over the input at hand (starting a member when none is open). False
    /// when nothing more can come: the end of the file, or damage.
    @discardableResult
    private func inflateSome(stopAtMemberEnd: Bool = false) -> Bool {
        if !inMember {
            if stopAtMemberEnd { return false }
            guard fillRaw() else { return false }
            // A member starts with 1f 8b 08; anything else between members is damage.
            if !startsMember() {
                let at = rawPosition
                scanToNextMember()
                damage = Damage(position: produced, memberStart: produced, fileOffset: at, message: "bytes at offset \(at) are not a gzip member")
                return false
            }
            if inflateWholeMember() { return true }
            z = z_stream()
            guard inflateInit2_(&z, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return false }
            inMember = true
            members.append(Member(fileStart: rawPosition, start: produced))
        }
        let chunk = 1 << 16
        var status: Int32 = Z_OK
        var wrote = 0
        repeat {
            if rawIndex >= rawCount {
                guard fillRaw() else {
                    // The file ends inside the member.
                    let m = members[members.count - 1]
                    inflateEnd(&z)
                    inMember = false
                    members.removeLast()
                    damage = Damage(position: produced, memberStart: m.start, fileOffset: m.fileStart,
                                    message: "the gzip member at offset \(m.fileStart) is truncated (the file ends inside it)")
                    return false
                }
            }
            let before = rawIndex
            status = raw.withUnsafeMutableBufferPointer { input in
                z.next_in = input.baseAddress! + rawIndex
                z.avail_in = UInt32(rawCount - rawIndex)
                z.next_out = scratch
                z.avail_out = UInt32(chunk)
                return inflate(&z, Z_NO_FLUSH)
            }
            let made = chunk - Int(z.avail_out)
            rawIndex = rawCount - Int(z.avail_in)
            buffer.append(contentsOf: UnsafeBufferPointer(start: scratch, count: made))
            wrote += made
            if status == Z_BUF_ERROR && rawIndex == before && made == 0 { status = Z_OK }
            if status != Z_OK && status != Z_STREAM_END { break }
        } while status == Z_OK && wrote == 0
        if status == Z_STREAM_END {
            inflateEnd(&z)
            inMember = false
            members[members.count - 1].end = produced
            members[members.count - 1].fileEnd = rawPosition
            return true
        }
        if status != Z_OK {
            let m = members[members.count - 1]
            inflateEnd(&z)
            inMember = false
            members.removeLast()
            let why = z.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            rawFileOffsetSeek(m.fileStart + 1)
            scanToNextMember()
            damage = Damage(position: produced, memberStart: m.start, fileOffset: m.fileStart,
                            message: "the gzip member at offset \(m.fileStart) does not inflate (\(why))")
            return wrote > 0
        }
        return true
    }

    /// Inflates the member starting at `rawIndex` in one call when it lies whole in the read
    /// buffer (refilled first so that at least half a buffer is at hand). False, with nothing
    /// consumed, when it does not fit or does not inflate: zlib then streams it (and reports damage).
    private func inflateWholeMember() -> Bool {
        guard let deflater else { return false }
        if rawCount - rawIndex < raw.count / 2 && !fileEnded { compactRaw() }
        let available = rawCount - rawIndex
        while true {
            var consumed = 0
            var made = 0
            let result = raw.withUnsafeBufferPointer { input in
                whole.withUnsafeMutableBufferPointer { output in
                    libdeflate_gzip_decompress_ex(deflater, input.baseAddress! + rawIndex, available, output.baseAddress!, output.count, &consumed, &made)
                }
            }
            if result == LIBDEFLATE_INSUFFICIENT_SPACE && whole.count < (1 << 24) {
                whole = [UInt8](repeating: 0, count: whole.count * 4)
                continue
            }
            guard result == LIBDEFLATE_SUCCESS else { return false }
            let fileStart = rawPosition
            let start = produced
            buffer.append(contentsOf: whole[0..<made])
            rawIndex += consumed
            members.append(Member(fileStart: fileStart, start: start, fileEnd: rawPosition, end: produced))
            return true
        }
    }

    /// Moves the unread raw bytes to the front of the read buffer and fills the rest.
    private func compactRaw() {
        let have = rawCount - rawIndex
        rawFileOffset = rawPosition
        if have > 0 { raw.withUnsafeMutableBufferPointer { p in _ = memmove(p.baseAddress!, p.baseAddress! + rawIndex, have) } }
        rawIndex = 0
        rawCount = have
        var want = raw.count - have
        if let left = rawLeft { want = Int(min(Int64(want), left)) }
        let n = want > 0 ? raw.withUnsafeMutableBytes { fread($0.baseAddress! + have, 1, want, file) } : 0
        if let left = rawLeft { rawLeft = left - Int64(n) }
        rawCount = have + n
        if n == 0 { fileEnded = true }
    }

    private func startsMember() -> Bool {
        // Need three bytes; they may straddle two reads.
        while rawCount - rawIndex < 3 {
            let have = Array(raw[rawIndex..<rawCount])
            let at = rawPosition
            rawFileOffset = at
            rawCount = 0
            rawIndex = 0
            if fileEnded { raw.replaceSubrange(0..<have.count, with: have); rawCount = have.count; return false }
            var want = raw.count - have.count
            if let left = rawLeft { want = Int(min(Int64(want), left)) }
            raw.replaceSubrange(0..<have.count, with: have)
            let n = want > 0 ? raw.withUnsafeMutableBytes { fread($0.baseAddress! + have.count, 1, want, file) } : 0
            if let left = rawLeft { rawLeft = left - Int64(n) }
            rawCount = have.count + n
            if n == 0 { fileEnded = true }
        }
        return raw[rawIndex] == 0x1F && raw[rawIndex + 1] == 0x8B && raw[rawIndex + 2] == 0x08
    }

    /// Moves the raw input to file offset `offset` (already read or not).
    private func rawFileOffsetSeek(_ offset: Int64) {
        if offset >= rawFileOffset && offset <= rawFileOffset + Int64(rawCount) {
            rawIndex = Int(offset - rawFileOffset)
            return
        }
        let consumedSinceStart = rawFileOffset + Int64(rawCount)
        if let left = rawLeft { rawLeft = left + (consumedSinceStart - offset) }
        fseeko(file, off_t(offset), SEEK_SET)
        rawFileOffset = offset
        rawCount = 0
        rawIndex = 0
        fileEnded = false
    }

    /// Moves the raw input to the next 1f 8b 08 (or the end of the file).
    private func scanToNextMember() {
        while true {
            while rawIndex + 2 < rawCount {
                if raw[rawIndex] == 0x1F && raw[rawIndex + 1] == 0x8B && raw[rawIndex + 2] == 0x08 { return }
                rawIndex += 1
            }
            if !startsMember() {
                if rawCount - rawIndex < 3 {
                    rawIndex = rawCount
                    return
                }
            } else {
                return
            }
            if fileEnded && rawCount - rawIndex < 3 { rawIndex = rawCount; return }
        }
    }
}
