internal import CDeflate
internal import CZlib
import Foundation
import GleanCore
import GleanText

/// `fetch.files`: lists files by glob and reads each as a document (plain or gzip-compressed).
package struct FetchFilesStage: SourceStage {
    /// The options, typed.
    package struct Config: StageConfig {
        package static let defaultFormat = "auto"
        package static let defaultMaxBytes = 64 << 20
        package static let defaultAllowEmpty = true
        package var paths: [String]
        package var format: String
        package var maxBytes: Int
        package var allowEmpty: Bool

        package init(_ options: StageOptions) {
            paths = options.strings("paths")
            format = options.string("format") ?? Self.defaultFormat
            maxBytes = options.int("max_bytes") ?? Self.defaultMaxBytes
            allowEmpty = options.bool("allow_empty") ?? Self.defaultAllowEmpty
        }
    }

    package static let spec = StageSpec(kind: "fetch.files", role: .source, doc: "Reads files matching globs (relative to the manifest's folder) as documents; .gz is decompressed.", options: [
        OptionSpec("paths", .stringList, required: true, doc: "Globs of input files; '**' matches zero or more folders."),
        OptionSpec("format", .choice(["auto", "text", "html"]), default: .string(Config.defaultFormat), doc: "Document format: auto decides by suffix (.html/.htm: html, .txt: text), then by content."),
        OptionSpec("max_bytes", .int, default: .int(Config.defaultMaxBytes), doc: "Largest document accepted, after decompression; a larger one (or a compressed bomb) is rejected."),
        OptionSpec("allow_empty", .bool, default: .bool(Config.defaultAllowEmpty), doc: "false: a glob that matches no file makes the run exit 3 and is listed in _run.json (unmatched_globs), for cron jobs that must notice missing input."),
    ])

    package static let kind = StageKind(spec: spec, config: Config.self, check: { config, _, _ in
        if config.maxBytes <= 0 { return ("max_bytes", "max_bytes must be positive") }
        for path in config.paths where path.isEmpty { return ("paths", "a glob is empty") }
        return nil
    }, build: { config, decl, context in
        .source(FetchFilesStage(id: decl.id, root: context.manifest.directory, patterns: config.paths, format: config.format,
                                maxBytes: config.maxBytes, allowEmpty: config.allowEmpty))
    })

    package let id: String
    package let root: String
    package let patterns: [String]
    package let format: String
    package let maxBytes: Int
    package let allowEmpty: Bool

    package func listInputs(_ context: ListingContext) throws -> SourceListing {
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
                warnings.append("stage '\(id)': not following the symbolic link \(RelativePath.of(link, from: root)): its folder was listed already (a loop, or a second way to it)")
            }
            if inputs.count == before {
                warnings.append("stage '\(id)': glob '\(pattern)' matched no file (looked in \(glob.base))")
                if !allowEmpty { unmatched.append(.init(stage: id, glob: pattern, folder: glob.base)) }
            }
        }
        if patterns.count > 1 { inputs.removeDuplicatePaths() }
        return SourceListing(inputs: inputs, warnings: warnings, unmatched: unmatched)
    }

    package func read(_ input: InputRef, context: StageContext) throws -> Document {
        if let problem = input.problem { throw DocumentError(problem.reason) }
        let file = try InputFile.read(input.path, maxBytes: maxBytes)
        let bytes = file.isGzip ? try Gzip.decompress(file.bytes, limit: maxBytes) : file.bytes
        let kind = try detectFormat(path: input.path, bytes: bytes)
        var document = Document(docId: input.docId, source: input.source, format: kind, bytes: bytes)
        document.modified = file.modified
        if kind == .text {
            document.text = try TextDecoding.decodeText(bytes)
            // Decoded: no stage reads the raw bytes of a text document again, so they are not
            // carried through the run (a 20 MB input would otherwise hold them to the end).
            document.bytes = []
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
    package static func docId(_ relative: String) -> String {
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
}
