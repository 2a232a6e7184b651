import Foundation
import GleanFacts

/// The sample articles shipped in /work/main/Samples, located from this file.
enum Samples {
    static var directory: URL {
        // Tests/GleanFactsTests/<file> -> repository root; symlinked dev packages resolve to the real checkout
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
    }

    static func text(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static let all = ["000", "001", "002", "003", "004"]
}

/// Unicode scalar slice, the way offsets are defined.
func scalarSlice(_ s: String, _ offset: Int, _ length: Int) -> String? {
    let sc = Array(s.unicodeScalars)
    guard offset >= 0, length >= 0, offset + length <= sc.count else { return nil }
    return String(String.UnicodeScalarView(sc[offset..<(offset + length)]))
}

/// A comparable summary of a metric.
struct M: Equatable, Hashable, CustomStringConvertible {
    var kind: String
    var value: Double
    var den: Double?
    init(_ kind: String, _ value: Double, _ den: Double? = nil) { self.kind = kind; self.value = value; self.den = den }
    init(_ m: Metric) { kind = m.kind.rawValue; value = m.value; den = m.denominator }
    var description: String { "\(kind) \(value)" + (den.map { "/\($0)" } ?? "") }
}
