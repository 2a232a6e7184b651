import Foundation
import GleanText
internal import CDeflate
internal import CZlib

/// `fetch.files`: lists files by glob and reads each as a document (plain or gzip-compressed).
struct FetchFilesStage: SourceStage {
    static let spec = StageSpec(kind: "fetch.files", role: .source, doc: "Reads files matching globs (relative to the manifest's folder) as documents; .gz is decompressed.", options: [
        OptionSpec("paths", .stringList, required: true, doc: "Globs of input files; '**' matches zero or more folders."),
        OptionSpec("format", .choice(["auto", "text", "html"]), default: .string("auto"), doc: "Document format: auto decides by suffix (.html/.htm: html, .txt: text), then by content."),
        OptionSpec("max_bytes", .int, default: .int(64 << 20), doc: "Largest document accepted, after decompression; a larger one (or a compressed bomb) is rejected."),
        OptionSpec("allow_empty", .bool, default: .bool(true), doc: "false: a glob that matches no file makes the run exit 3 and is listed in _run.json (unmatched_globs), for cron jobs that must notice missing input."),
    ])

    static let kind = StageKind(spec: spec, check: { decl, _ in
        if let max = decl.options.int("max_bytes"), max <= 0 { return ("max_bytes", "max_bytes must be positive") }
        for path in decl.options.strings("paths") where path.isEmpty { return ("paths", "a glob is empty") }
        return nil
    }, build: { decl, context in
        .source(FetchFilesStage(id: decl.id, root: context.manifest.directory, patterns: decl.options.strings("paths"),
                                format: decl.options.string("format") ?? "auto", maxBytes: decl.options.int("max_bytes") ?? (64 << 20),
                                allowEmpty: decl.options.bool("allow_empty") ?? true))
    })

    let id: String
    let root: String
    let patterns: [String]
    let format: String
    let maxBytes: Int
    let allowEmpty: Bool

    func listInputs(_ context: ListingContext) throws -> SourceListing {
        var inputs = InputList()
        var warnings: [String] = []
        var unmatched: [RunReport.UnmatchedGlob] = []
        let folders = Glob.FolderCache()
        for pattern in patterns {
            if context.isCancelled() { break }
            let glob = Glob(pattern: pattern, relativeTo: root)
            let before = inputs.count
            let origin = inputs.addOrigin(.init(base: glob.base, root: root, stage: id))
            var walk = Glob.Walk(excluded: context.excluded, isCancelled: context.isCancelled)
            walk.folders = folders
            glob.forEachMatch(&walk) { match in
                // docId(_:) only removes suffixes: the doc_id is a prefix of the relative path.
                let problem: InputProblem? = !match.nameIsUTF8 ? .nameNotUTF8
                    : match.kind == .special ? .notRegularFile : match.kind == .brokenLink ? .brokenLink : nil
                inputs.append(relative: match.relative, docIdCount: Self.docId(match.relative).utf8.count, origin: origin, problem: problem)
            }
            if walk.cancelled { break }  // the runner sees the signal and ends the run
            for link in walk.skippedLinks {
                warnings.append("stage '\(id)': not following the symbolic link \(Self.relativePath(link, from: root)): its folder was listed already (a loop, or a second way to it)")
            }
            if inputs.count == before {
                warnings.append("stage '\(id)': glob '\(pattern)' matched no file (looked in \(glob.base))")
                if !allowEmpty { unmatched.append(.init(stage: id, glob: pattern, folder: glob.base)) }
            }
        }
        if patterns.count > 1 { inputs.removeDuplicatePaths() }
        return SourceListing(inputs: inputs, warnings: warnings, unmatched: unmatched)
    }

    func read(_ input: InputRef) throws -> Document {
        if let problem = input.problem { throw DocumentError(problem.reason) }
        let file = try InputFile.read(input.path, maxBytes: maxBytes)
        let bytes = file.isGzip ? try Gzip.decompress(file.bytes, limit: maxBytes) : file.bytes
        let kind = try detectFormat(path: input.path, bytes: bytes)
        var document = Document(docId: input.docId, source: input.source, format: kind, bytes: bytes)
        document.modified = file.modified
        if kind == .text {
            document.text = try TextDecoding.decodeText(bytes)
        }
        return document
    }

    private func detectFormat(path: String, bytes: [UInt8]) throws -> DocumentFormat {
        switch format {
        case "text": return .text
        case "html": return .html
        default:
            var name = path.lowercased()
            if name.hasSuffix(".gz") { name.removeLast(3) }
            if name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".xhtml") { return .html }
            if name.hasSuffix(".txt") { return .text }
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let first = bytes[start...].first { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }
            return first == UInt8(ascii: "<") ? .html : .text
        }
    }


    /// The doc_id for a path relative to the glob's fixed prefix: every known suffix removed.
    static func docId(_ relative: String) -> String {
        var id = relative
        let suffixes = [".gz", ".txt", ".html", ".htm"]
        var changed = true
        while changed {
            changed = false
            for suffix in suffixes where id.lowercased().hasSuffix(suffix) && id.count > suffix.count {
                id.removeLast(suffix.count)
                changed = true
            }
        }
        return id
    }

    /// `path` relative to folder `base`, with `..` where needed; never absolute.
    static func relativePath(_ path: String, from base: String) -> String {
        let p = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let b = URL(fileURLWithPath: base).standardizedFileURL.pathComponents
        var common = 0
        while common < min(p.count, b.count) && p[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        return (ups + p[common...]).joined(separator: "/")
    }
}

/// Text decoding for plain-text inputs: UTF-8 (BOM stripped), UTF-16 with a BOM, otherwise
/// windows-1252 when the bytes are not UTF-8. NUL bytes mean a binary file.
enum TextDecoding {
    static func decodeText(_ bytes: [UInt8]) throws -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw DocumentError("binary file: NUL byte at offset \(nul); only text and HTML documents are read")
        }
        if let valid = String(validating: body, as: UTF8.self) { return valid }
        // Not UTF-8: read as windows-1252, the usual legacy encoding of such files.
        return String(body.map { Windows1252.scalar($0) }.map(Character.init))
    }
}

/// gzip decompression with a cap on the output size, so a compressed bomb is rejected, not expanded.
///
/// Valid gzip goes through libdeflate, whole buffer at a time (2.4 times zlib's speed on our
/// pages); anything it refuses is read again by zlib's streaming inflate, which tells a
/// truncated stream from a corrupt one and reads zlib-wrapped data too.
enum Gzip {
    static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        guard input.count >= 18, input[0] == 0x1F, input[1] == 0x8B, let d = libdeflate_alloc_decompressor() else {
            return try inflateStreaming(input, limit: limit)
        }
        defer { libdeflate_free_decompressor(d) }
        var capacity = initialCapacity(input, limit: limit)
        while true {
            var outcome = libdeflate_result(0)
            let output = input.withUnsafeBufferPointer { inBuf in
                [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                    // Concatenated gzip members, one after the other into the same buffer.
                    var used = 0
                    var produced = 0
                    while used < inBuf.count {
                        var inUsed = 0
                        var outUsed = 0
                        outcome = libdeflate_gzip_decompress_ex(
                            d, inBuf.baseAddress! + used, inBuf.count - used,
                            out.baseAddress.map { $0 + produced }, capacity - produced, &inUsed, &outUsed)
                        guard outcome == LIBDEFLATE_SUCCESS else { break }
                        used += inUsed
                        produced += outUsed
                    }
                    count = outcome == LIBDEFLATE_SUCCESS ? produced : 0
                }
            }
            switch outcome {
            case LIBDEFLATE_SUCCESS:
                return output
            case LIBDEFLATE_INSUFFICIENT_SPACE where capacity < limit:
                capacity = capacity > limit / 2 ? limit : capacity * 2
            case LIBDEFLATE_INSUFFICIENT_SPACE:
                throw tooLarge(limit)
            default:
                // Truncated, corrupt, or followed by bytes that are no gzip member: zlib says which.
                return try inflateStreaming(input, limit: limit)
            }
        }
    }

    /// The output size to start with: the trailer's ISIZE (size mod 2^32 of the last member)
    /// when it is plausible, so most pages decompress into one buffer (HTML expands 5 to 10
    /// times; guessing low means regrowing), at least 64 KiB, at most `limit`.
    static func initialCapacity(_ input: [UInt8], limit: Int) -> Int {
        let trailerSize = input.count >= 18 ? input[(input.count - 4)...].reversed().reduce(0) { $0 << 8 | Int($1) } : 0
        let expected = trailerSize >= input.count / 2 && trailerSize <= input.count * 1032 ? trailerSize : input.count * 4
        return min(limit, max(expected, 1 << 16))
    }

    static func tooLarge(_ limit: Int) -> DocumentError {
        DocumentError("gzip expands past max_bytes \(limit) (a compressed bomb or a very large document); raise max_bytes if it is genuine")
    }

    /// zlib's streaming inflate (gzip or zlib headers), `limit` bytes at most.
    static func inflateStreaming(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DocumentError("gzip: cannot initialise zlib")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(initialCapacity(input, limit: limit))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = UInt32(inBuf.count)
            while true {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                if output.count + produced > limit {
                    throw tooLarge(limit)
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END {
                    // Concatenated gzip members: go on with the next one.
                    if stream.avail_in > 0 && inflateReset(&stream) == Z_OK { continue }
                    break
                }
                if status == Z_BUF_ERROR && stream.avail_in == 0 {
                    throw DocumentError("gzip data is truncated")
                }
                guard status == Z_OK else {
                    throw DocumentError("gzip data is corrupt (zlib status \(status))")
                }
            }
        }
        return output
    }
}
