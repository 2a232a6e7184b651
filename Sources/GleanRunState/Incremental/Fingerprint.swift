import Foundation
import GleanCore

/// Configuration hashes for incremental runs: a stage's hash covers what decides its output
/// for one document (its kind, its inputs, its validated options with defaults filled in, and
/// Glean's version), so a changed option reruns exactly the documents that stage touched.
package enum Fingerprint {
    /// The hash of one stage's configuration. A source's `paths` are left out: which files
    /// are read decides which documents exist, not what a document holds. The content of every
    /// side input the stage kind declares (an exec plugin's script, extract.facts' language
    /// files) counts too, so editing one reruns the stage.
    package static func stage(_ decl: StageDecl, kind: StageKind, manifestDirectory: String, version: String, asOfDay: Int? = nil) -> String {
        var text = "glean \(version)\nuse \(decl.use)\nneeds \(decl.needs.joined(separator: ","))\n"
        if let asOfDay { text += "run as_of \(asOfDay)\n" }
        for key in decl.options.values.keys.sorted() {
            if kind.role == .source && key == "paths" { continue }
            guard let value = decl.options.values[key] else { continue }
            text += "option \(key)=\(canonical(value))\n"
        }
        for input in kind.sideInputs(decl.options) {
            text += input.fingerprintLines(manifestDirectory: manifestDirectory)
        }
        return ContentHash.hex(Array(text.utf8))
    }

    /// An unambiguous rendering of an option value (lengths prefix every string).
    package static func canonical(_ value: OptionValue) -> String {
        func s(_ x: String) -> String { "\(x.utf8.count):\(x)" }
        switch value {
        case .string(let x): return "s" + s(x)
        case .int(let x): return "i\(x)"
        case .bool(let x): return x ? "b1" : "b0"
        case .stringList(let l): return "l\(l.count)[" + l.map(s).joined(separator: ",") + "]"
        case .rules(let r): return "r\(r.count)[" + r.map { s($0.name) + "=" + s($0.pattern) }.joined(separator: ",") + "]"
        }
    }

    /// One hash over several, in order.
    package static func combine(_ parts: [String]) -> String {
        ContentHash.hex(Array(parts.joined(separator: "\n").utf8))
    }
}
