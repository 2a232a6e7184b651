import Foundation

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

    static func hasWildcard(_ s: String) -> Bool {
        s.contains("*") || s.contains("?") || s.contains("[")
    }

    /// Matching regular files as (absolute path, path relative to `base`), sorted by the
    /// relative path.
    public func matches() -> [(path: String, relative: String)] {
        var results: [(path: String, relative: String)] = []
        forEachMatch { results.append(($0, $1)) }
        return results.sorted { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
    }

    /// Calls `body` with (absolute path, path relative to `base`) for each matching regular
    /// file, folder by folder in name order, without collecting them.
    public func forEachMatch(_ body: (String, String) -> Void) {
        if components.count == 1 && !Self.hasWildcard(components[0]) {
            let path = base + "/" + components[0]
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                body(path, components[0])
            }
            return
        }
        walk(folder: base, relative: [], body)
    }

    private func walk(folder: String, relative: [String], _ body: (String, String) -> Void) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() {
            let path = folder + "/" + name
            let rel = relative + [name]
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                if Self.canDescend(components[...], into: rel) {
                    walk(folder: path, relative: rel, body)
                }
            } else if Self.match(components[...], rel[...]) {
                body(path, rel.joined(separator: "/"))
            }
        }
    }

    /// Whether some path below the folder `rel` could still match.
    static func canDescend(_ pattern: ArraySlice<String>, into rel: [String]) -> Bool {
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

    static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
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
    static func matchComponent(_ pattern: String, _ name: String) -> Bool {
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
