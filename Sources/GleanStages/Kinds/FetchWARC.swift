import Foundation
import GleanCore
import GleanText
import GleanWARC

/// `fetch.warc`: lists the records of WARC files and reads each HTML or text page (a `response`
/// record with HTTP status 200) as a document.
///
/// Listing reads every record's header and HTTP head once (a gzip file is inflated once), and
/// keeps each document record's place in its file; reading a document reads that record alone
/// (a record inside one gzip stream is found by inflating the stream up to it). The runner then
/// sorts and shards records like files, so `--shard i/n` splits one big WARC.
package struct FetchWARCStage: SourceStage {
    /// The options, typed.
    package struct Config: StageConfig {
        package static let defaultMaxBytes = 64 << 20
        package static let defaultAllowEmpty = true
        package var paths: [String]
        package var maxBytes: Int
        package var allowEmpty: Bool

        package init(_ options: StageOptions) {
            paths = options.strings("paths")
            maxBytes = options.int("max_bytes") ?? Self.defaultMaxBytes
            allowEmpty = options.bool("allow_empty") ?? Self.defaultAllowEmpty
        }
    }

    package static let spec = StageSpec(kind: "fetch.warc", role: .source, doc: "Reads web archives (WARC 1.0/1.1, plain, gzip per record or one gzip stream) matching globs (relative to the manifest's folder): each response record with HTTP status 200 and an HTML, XHTML or text body is a document.", options: [
        OptionSpec("paths", .stringList, required: true, doc: "Globs of WARC files; '**' matches zero or more folders."),
        OptionSpec("max_bytes", .int, default: .int(Config.defaultMaxBytes), doc: "Largest record block accepted, and largest page after its content coding is undone; a larger one is rejected (named by file and offset)."),
        OptionSpec("allow_empty", .bool, default: .bool(Config.defaultAllowEmpty), doc: "false: a glob that matches no file makes the run exit 3 and is listed in _run.json (unmatched_globs)."),
    ])

    package static let kind = StageKind(spec: spec, config: Config.self, check: { config, _, _ in
        if config.maxBytes <= 0 { return ("max_bytes", "max_bytes must be positive") }
        for path in config.paths where path.isEmpty { return ("paths", "a glob is empty") }
        return nil
    }, build: { config, decl, context in
        .source(FetchWARCStage(id: decl.id, root: context.manifest.directory, patterns: config.paths, maxBytes: config.maxBytes,
                               allowEmpty: config.allowEmpty, shard: context.shard))
    })

    /// The media types that become documents (text/plain as text, the others as HTML).
    package static let documentTypes: Set<String> = ["text/html", "application/xhtml+xml", "text/plain"]
    /// How much of each block listing keeps: enough for any HTTP head.
    package static let headPrefix = 1 << 16

    package let id: String
    package let root: String
    package let patterns: [String]
    package let maxBytes: Int
    package let allowEmpty: Bool
    /// The run's shard: skipped records are counted in the shard their place falls to, so the
    /// shards' counts add up to the archive's.
    package let shard: ShardSpec?

    package func listInputs(_ context: ListingContext) throws -> SourceListing {
        // The files, as fetch.files finds them (globs, links, unmatched globs).
        let files = FetchFilesStage(id: id, root: root, patterns: patterns, format: "auto", maxBytes: maxBytes, allowEmpty: allowEmpty)
        let found = try files.listInputs(context)
        var inputs = InputList()
        var skipped: [String: Int] = [:]
        var seen: Set<String> = []
        let origin = inputs.addOrigin(.init(base: root, root: root, stage: id))
        let sorted = found.inputs.sorted { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }
        for file in sorted {
            if context.isCancelled() { break }
            if let problem = file.problem {
                inputs.append(record: InputRecord(offset: 0, length: 0, isFileRange: true, problem: problem.reason),
                              docId: Self.unique(Self.placeId(file.source, 0), &seen), relative: file.source, origin: origin)
                continue
            }
            listRecords(of: file, origin: origin, into: &inputs, skipped: &skipped, seen: &seen, context: context)
        }
        return SourceListing(inputs: inputs, warnings: found.warnings, unmatched: found.unmatched, skipped: skipped)
    }

    /// Lists one WARC file's records: documents and bad records as inputs, the rest counted.
    private func listRecords(of file: InputRef, origin: Int, into inputs: inout InputList, skipped: inout [String: Int], seen: inout Set<String>,
                             context: ListingContext) {
        let reader: WARCReader
        do {
            reader = try WARCReader(path: file.path, name: file.source, maxBytes: maxBytes, blockPrefix: Self.headPrefix)
        } catch {
            inputs.append(record: InputRecord(offset: 0, length: 0, isFileRange: true, problem: error.description),
                          docId: Self.unique(Self.placeId(file.source, 0), &seen), relative: file.source, origin: origin)
            return
        }
        while let item = reader.next() {
            // A big archive takes a while to list: an interrupted run stops between records.
            if context.isCancelled() { return }
            switch item {
            case .failure(let error):
                inputs.append(record: InputRecord(offset: error.offset, length: 0, isFileRange: !error.inflated, problem: error.description),
                              docId: Self.unique(Self.placeId(file.source, error.offset), &seen), relative: file.source, origin: origin)
            case .success(let record):
                let place = InputRecord(offset: record.offset, length: record.length, isFileRange: record.layout != .gzipStream,
                                        tag: record.layout.rawValue)
                if let reason = Self.skipReason(record) {
                    if countsHere(file.source, record.offset) { skipped[reason, default: 0] += 1 }
                    continue
                }
                var problem: String?
                if record.contentLength > Int64(maxBytes) {
                    problem = WARCError(file: file.source, offset: record.offset, inflated: record.layout == .gzipStream,
                                        message: "the record's block is \(record.contentLength) bytes, over max_bytes \(maxBytes)").description
                }
                guard let uri = record.targetURI, !uri.isEmpty else {
                    let error = WARCError(file: file.source, offset: record.offset, inflated: record.layout == .gzipStream,
                                          message: "the response record has no WARC-Target-URI")
                    inputs.append(record: InputRecord(offset: record.offset, length: record.length, isFileRange: place.isFileRange, problem: error.description),
                                  docId: Self.unique(Self.placeId(file.source, record.offset), &seen), relative: file.source, origin: origin)
                    continue
                }
                // The URI names the document; a URI seen before (a page crawled twice) adds the record's id.
                var docId = uri
                if !seen.insert(docId).inserted {
                    docId = Self.unique(uri + " " + (record.recordID.map { WARCRecord.unbracketed($0) } ?? "@\(record.offset)"), &seen)
                }
                var entry = place
                entry.problem = problem
                inputs.append(record: entry, docId: docId, relative: file.source, origin: origin)
            }
        }
    }

    /// Why a record is not a document, or nil when it is one.
    package static func skipReason(_ record: WARCRecord) -> String? {
        let type = record.type?.lowercased() ?? "none"
        guard type == "response" else { return "record type \(type)" }
        guard let head = try? HTTPResponse.head(record.block) else { return "response not HTTP" }
        guard head.status == 200 else { return "HTTP status \(head.status)" }
        let media = head.mediaType ?? "none"
        guard documentTypes.contains(media) else { return "content type \(media)" }
        return nil
    }

    /// `id`, or `id#2`, `id#3`, ... when taken (a record id written twice): doc_ids are unique.
    private static func unique(_ id: String, _ seen: inout Set<String>) -> String {
        var candidate = id
        var n = 2
        while !seen.insert(candidate).inserted {
            candidate = "\(id)#\(n)"
            n += 1
        }
        return candidate
    }

    /// The doc_id of a bad record or file: where it is.
    package static func placeId(_ source: String, _ offset: Int64) -> String { "\(source)@\(offset)" }

    /// True when a skipped record at `offset` of `source` counts in this run's shard.
    private func countsHere(_ source: String, _ offset: Int64) -> Bool {
        guard let shard, shard.count > 1 else { return true }
        return Int(FNV1a.hash(Self.placeId(source, offset).utf8) % UInt64(shard.count)) == shard.index
    }

    package func read(_ input: InputRef, context: StageContext) throws -> Document {
        if let problem = input.problem { throw DocumentError(problem.reason) }
        guard let place = input.record else { throw DocumentError("not a WARC record") }
        if let problem = place.problem { throw DocumentError(problem) }
        let layout = WARCLayout(rawValue: place.tag) ?? .plain
        let record: WARCRecord
        switch WARCReader.record(path: input.path, name: input.source, layout: layout, offset: place.offset, length: place.length, maxBytes: maxBytes) {
        case .success(let r): record = r
        case .failure(let error): throw DocumentError(error.description)
        }
        let at = WARCError(file: input.source, offset: place.offset, inflated: layout == .gzipStream, message: "")
        let body: [UInt8]
        let head: HTTPResponse
        do {
            head = try HTTPResponse.head(record.block)
            body = try head.body(record.block, limit: maxBytes)
        } catch {
            throw DocumentError(WARCError(file: at.file, offset: at.offset, inflated: at.inflated, message: error.message).description)
        }
        let format: DocumentFormat = head.mediaType == "text/plain" ? .text : .html
        var document = Document(docId: input.docId, source: input.source, format: format, bytes: body)
        let fetchedAt = record.dateMicroseconds
        // WARC-Date is the page's reference day: no publication date after it.
        document.modified = fetchedAt.map { $0 >= 0 ? $0 / 1_000_000 : -((-$0 + 999_999) / 1_000_000) }
        document.archive = ArchiveRecord(url: record.targetURI ?? "", fetchedAt: fetchedAt, file: input.source,
                                         offset: place.offset, length: place.length)
        document.charsetHint = head.charset
        if format == .text {
            document.text = try TextDecoding.decodeText(body)
            document.bytes = []
        }
        return document
    }
}
