import Foundation

/// Paths written relative to a folder, as reports and the `source` column show them.
package enum RelativePath {
    /// `path` relative to folder `base`, with `..` where needed; never absolute.
    package static func of(_ path: String, from base: String) -> String {
        let p = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let b = URL(fileURLWithPath: base).standardizedFileURL.pathComponents
        var common = 0
        while common < min(p.count, b.count) && p[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        return (ups + p[common...]).joined(separator: "/")
    }
}
