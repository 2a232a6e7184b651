import Foundation
import Yams

/// A validated pipeline manifest.
public struct Manifest: Sendable {
    /// The path as the user gave it.
    public var path: String
    /// The absolute folder holding the manifest: input paths resolve against it.
    public var directory: String
    public var version: Int
    public var name: String
    public var stages: [StageDecl]
    /// SHA-256 of the manifest's bytes, hex.
    public var sha256: String

    public func stage(_ id: String) -> StageDecl? { stages.first { $0.id == id } }
}

/// The manifest versions this Glean reads.
public let supportedManifestVersions = [1]

/// The nearest of `candidates` to `word` by edit distance, when it is near enough to be a typo.
public func suggestion(for word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
    let limit = max(2, best.0.count / 3)
    return best.1 <= limit ? best.0 : nil
}

/// Levenshtein distance between two strings.
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
