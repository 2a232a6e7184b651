import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GleanCore

/// A file glob: `*` and `?` within one path component, `[abc]` sets, and `**` for zero or more
/// folders. Relative patterns resolve against a folder. Hidden files match only a pattern
/// component that starts with a dot.
public struct Glob: Sendable {
    /// The folder the walk starts from: the pattern's leading components with no wildcard.
    public let base: String
    /// The remaining components to match below `base`.
    public let components: [String]

    public init(pattern: String, relativeTo root: String) {
        let absolute = pattern.hasPrefix("/") ? pattern : root + "/" + pattern
        var parts = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var baseParts: [String] = []
        while let first = parts.first, !Self.hasWildcard(first), parts.count > 1 {
            baseParts.append(first)
            parts.removeFirst()
        }
        base = URL(fileURLWithPath: "/" + baseParts.joined(separator: "/")).standardizedFileURL.path
        components = parts
    }

    package static func hasWildcard(_ s: String) -> Bool {
        s.contains("*") || s.contains("?") || s.contains("[")
    }

    /// One file the walk found.
    public struct Match: Sendable, Equatable {
        /// Absolute path.
        public var path: String
        /// Path relative to `base`, '/' separators.
        public var relative: String
        /// False when a component of the name is not valid UTF-8: `path` and `relative` then show
        /// each invalid byte as `\xFF`, and the file cannot be opened by that path. The caller
        /// accounts for it (fetch.files makes it a reject), never drops it.
        public var nameIsUTF8: Bool = true
        /// What the name is: only a regular file is read; the others are listed so that they are
        /// accounted for.
        public var kind: Kind = .regular

        public enum Kind: UInt8, Sendable {
            case regular
            /// A FIFO, socket or device.
            case special
            /// A symbolic link whose target does not exist.
            case brokenLink
        }
    }

    /// What a walk skips on purpose, and what it noticed.
    public struct Walk {
        /// Folders never listed, matched by device and inode (so any path to them counts): the
        /// run's own output folder.
        public var excluded: [String] = []
        /// Checked between folders; a walk that sees it true stops and reports `cancelled`.
        public var isCancelled: @Sendable () -> Bool = { false }
        /// Symbolic links to folders that were not followed, because the walk had already listed
        /// their target (a loop or a second way to the same folder).
        public var skippedLinks: [String] = []
        /// Whether the walk stopped early.
        public var cancelled = false
        /// Folder listings already read, shared by the walks of one source's globs: a thousand
        /// globs over one folder read it once.
        public var folders = FolderCache()

        public init(excluded: [String] = [], isCancelled: @escaping @Sendable () -> Bool = { false }) {
            self.excluded = excluded
            self.isCancelled = isCancelled
        }
    }

    /// Matching regular files, sorted by the relative path's bytes.
    public func matches() -> [Match] {
        var walk = Walk()
        return matches(&walk)
    }

    /// Matching regular files, sorted by the relative path's bytes, with what `walk` says to skip.
    public func matches(_ walk: inout Walk) -> [Match] {
        var results: [Match] = []
        forEachMatch(&walk) { results.append($0) }
        return results.sorted { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
    }

    /// Calls `body` for each matching regular file, folder by folder in byte order of the names,
    /// without collecting them.
    ///
    /// Folders are read with readdir, so a name that is not UTF-8 is seen (and reported), not
    /// lost. A folder is listed once, by device and inode: a symbolic link to a folder already
    /// listed (an ancestor, in a loop) is not followed again and is named in
    /// `walk.skippedLinks`. Folders named `.glean` (a run's state) and the files and folders of
    /// `walk.excluded` are never listed.
    public func forEachMatch(_ walk: inout Walk, _ body: (Match) -> Void) {
        let excluded = Excluded(walk.excluded)
        if base.split(separator: "/").contains(".glean") || !excluded.ids.isDisjoint(with: Self.ancestors(of: base)) {
            return  // the glob starts inside a run's own output
        }
        if components.count == 1 && !Self.hasWildcard(components[0]) {
            let path = base + "/" + components[0]
            if let st = Self.status(Array(path.utf8)), (st.st_mode & S_IFMT) != S_IFDIR, !excluded.contains(path, st) {
                body(Match(path: path, relative: components[0], kind: (st.st_mode & S_IFMT) == S_IFREG ? .regular : .special))
            }
            return
        }
        let raw = Array(base.utf8)
        guard let st = Self.status(raw) else { return }
        var visited: Set<FileID> = [FileID(st)]
        self.walk(folder: base, raw: raw, relative: [], utf8: true, excluded, &visited, &walk, body)
    }

    /// A file's identity: its device and inode.
    package struct FileID: Hashable {
        package var device: UInt64
        package var inode: UInt64
        package init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    /// What a walk never lists: by path (a link to nothing is still a name), and by device and
    /// inode (any other way to the same file or folder).
    package struct Excluded {
        package var paths: Set<String>
        package var ids: Set<FileID>
        package init(_ paths: [String]) {
            self.paths = Set(paths)
            ids = Set(paths.compactMap { Glob.status(Array($0.utf8)).map(FileID.init) })
        }
        package func contains(_ path: String, _ st: stat) -> Bool { paths.contains(path) || ids.contains(FileID(st)) }
    }

    /// The identities of `folder` and of every folder above it.
    package static func ancestors(of folder: String) -> Set<FileID> {
        var ids: Set<FileID> = []
        var parts = folder.split(separator: "/").map(String.init)
        while true {
            if let st = status(Array(("/" + parts.joined(separator: "/")).utf8)) { ids.insert(FileID(st)) }
            if parts.isEmpty { return ids }
            parts.removeLast()
        }
    }

    private func walk(folder: String, raw: [UInt8], relative: [String], utf8: Bool, _ excluded: Excluded,
                      _ visited: inout Set<FileID>, _ walk: inout Walk,
                      _ body: (Match) -> Void) {
        if walk.cancelled || walk.isCancelled() {
            walk.cancelled = true
            return
        }
        for entry in candidates(walk.folders.entries(in: raw), depth: relative.count) {
            let path = folder + "/" + entry.name
            let rawPath = raw + [0x2F] + entry.raw
            let rel = relative + [entry.name]
            if excluded.paths.contains(path) { continue }
            guard let st = Self.status(rawPath) else {
                // A link to nothing is accounted for; a file gone since the listing is not there.
                if let l = Self.linkStatus(rawPath), (l.st_mode & S_IFMT) == S_IFLNK, Self.match(components[...], rel[...]) {
                    body(Match(path: path, relative: rel.joined(separator: "/"), nameIsUTF8: utf8 && entry.isUTF8, kind: .brokenLink))
                }
                continue
            }
            if excluded.ids.contains(FileID(st)) { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                guard entry.name != ".glean", Self.canDescend(components[...], into: rel) else { continue }
                guard visited.insert(FileID(st)).inserted else {
                    if let l = Self.linkStatus(rawPath), (l.st_mode & S_IFMT) == S_IFLNK { walk.skippedLinks.append(path) }
                    continue
                }
                self.walk(folder: path, raw: rawPath, relative: rel, utf8: utf8 && entry.isUTF8, excluded, &visited, &walk, body)
                if walk.cancelled { return }
            default:
                // Regular files, and FIFOs, sockets or devices, which the reader turns into rejects:
                // everything the pattern names is accounted for.
                if Self.match(components[...], rel[...]) {
                    body(Match(path: path, relative: rel.joined(separator: "/"), nameIsUTF8: utf8 && entry.isUTF8,
                               kind: (st.st_mode & S_IFMT) == S_IFREG ? .regular : .special))
                }
            }
        }
    }

    /// The entries of a folder at `depth` that the pattern's component there could match: when
    /// no `**` comes before it, only the names that start with the component's literal prefix,
    /// found by binary search in the sorted listing, so many globs over one large folder stay
    /// near-linear.
    package func candidates(_ entries: [Entry], depth: Int) -> ArraySlice<Entry> {
        guard depth < components.count, !components[...depth].contains("**") else { return entries[...] }
        let prefix = Array(components[depth].utf8.prefix { $0 != 0x2A && $0 != 0x3F && $0 != 0x5B })
        guard !prefix.isEmpty else { return entries[...] }
        func firstIndex(notBefore key: [UInt8]) -> Int {
            var low = 0, high = entries.count
            while low < high {
                let mid = (low + high) / 2
                if entries[mid].raw.lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let start = firstIndex(notBefore: prefix)
        var end = start
        while end < entries.count, entries[end].raw.starts(with: prefix) { end += 1 }
        return entries[start..<end]
    }

    /// stat(2) of a path given as bytes (it follows symbolic links).
    package static func status(_ path: [UInt8]) -> stat? {
        var st = stat()
        let ok = (path + [0]).withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &st) == 0 }
        }
        return ok ? st : nil
    }

    /// lstat(2) of a path given as bytes (the link itself).
    package static func linkStatus(_ path: [UInt8]) -> stat? {
        var st = stat()
        let ok = (path + [0]).withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &st) == 0 }
        }
        return ok ? st : nil
    }

    /// Folder listings read once per source. A class: the walks of one source's globs share it.
    public final class FolderCache {
        private var listings: [[UInt8]: [Entry]] = [:]
        /// How many folders were read from disk.
        private(set) var reads = 0

        public init() {}

        package func entries(in path: [UInt8]) -> [Entry] {
            if let known = listings[path] { return known }
            reads += 1
            let read = Glob.entries(in: path)
            listings[path] = read
            return read
        }
    }

    /// One name in a folder: as read (bytes) and as shown (UTF-8, invalid bytes written `\\xFF`).
    package struct Entry {
        package var raw: [UInt8]
        package var name: String
        package var isUTF8: Bool
    }

    /// The entries of the folder at `path` but "." and "..", sorted by their bytes.
    package static func entries(in path: [UInt8]) -> [Entry] {
        let dir = (path + [0]).withUnsafeBufferPointer { p in p.withMemoryRebound(to: CChar.self) { opendir($0.baseAddress!) } }
        guard let dir else { return [] }
        defer { closedir(dir) }
        var raw: [[UInt8]] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                Array(buffer.prefix { $0 != 0 })
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            raw.append(bytes)
        }
        raw.sort { $0.lexicographicallyPrecedes($1) }
        return raw.map { bytes in
            if let name = String(validating: bytes, as: UTF8.self) { return Entry(raw: bytes, name: name, isUTF8: true) }
            return Entry(raw: bytes, name: escapedName(bytes), isUTF8: false)
        }
    }

    /// `bytes` as UTF-8, each byte that is not part of a valid sequence written `\xFF`.
    package static func escapedName(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            // The longest valid sequence starting here (1 to 4 bytes), else one escaped byte.
            var taken = 0
            for length in 1...4 where i + length <= bytes.count {
                if let s = String(validating: bytes[i..<(i + length)], as: UTF8.self) {
                    out += s
                    taken = length
                    break
                }
            }
            if taken == 0 {
                out += "\\x" + String(bytes[i], radix: 16, uppercase: true).leftPadded(to: 2)
                taken = 1
            }
            i += taken
        }
        return out
    }

    /// Whether some path below the folder `rel` could still match.
    package static func canDescend(_ pattern: ArraySlice<String>, into rel: [String]) -> Bool {
        prefixMatch(pattern, rel[...])
    }

    private static func prefixMatch(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let p = pattern.first else { return false }
        guard let name = path.first else { return true }
        if p == "**" {
            return prefixMatch(pattern.dropFirst(), path) || (!name.hasPrefix(".") && prefixMatch(pattern, path.dropFirst()))
        }
        return matchComponent(p, name) && prefixMatch(pattern.dropFirst(), path.dropFirst())
    }

    package static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let p = pattern.first else { return path.isEmpty }
        if p == "**" {
            if match(pattern.dropFirst(), path) { return true }
            guard let name = path.first, !name.hasPrefix("."), path.count > 1 else { return false }
            return match(pattern, path.dropFirst())
        }
        guard let name = path.first else { return false }
        return matchComponent(p, name) && match(pattern.dropFirst(), path.dropFirst())
    }

    /// fnmatch-style matching of one component.
    package static func matchComponent(_ pattern: String, _ name: String) -> Bool {
        if name.hasPrefix(".") && !pattern.hasPrefix(".") { return false }
        let p = Array(pattern.unicodeScalars), n = Array(name.unicodeScalars)
        func go(_ i: Int, _ j: Int) -> Bool {
            var i = i, j = j
            var starI = -1, starJ = -1
            while j < n.count {
                if i < p.count, p[i] == "*" {
                    starI = i; starJ = j; i += 1
                    continue
                }
                if i < p.count, p[i] == "?" || (p[i] != "[" && p[i] == n[j]) {
                    i += 1; j += 1
                    continue
                }
                if i < p.count, p[i] == "[", let (matched, next) = matchSet(p, i, n[j]) {
                    if matched { i = next; j += 1; continue }
                } else if i < p.count, p[i] == "[" {
                    if n[j] == "[" { i += 1; j += 1; continue }
                }
                if starI >= 0 {
                    i = starI + 1; starJ += 1; j = starJ
                    continue
                }
                return false
            }
            while i < p.count && p[i] == "*" { i += 1 }
            return i == p.count
        }
        return go(0, 0)
    }

    /// Matches `c` against the set starting at p[i] == "["; returns (matched, index after "]"),
    /// or nil when the set is not closed (then "[" is literal).
    private static func matchSet(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count, p[i] == "!" || p[i] == "^" { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < p.count, p[i] != "]" || first {
            first = false
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                if p[i].value <= c.value && c.value <= p[i + 2].value { matched = true }
                i += 3
            } else {
                if p[i] == c { matched = true }
                i += 1
            }
        }
        guard i < p.count else { return nil }
        return (matched != negate, i + 1)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
