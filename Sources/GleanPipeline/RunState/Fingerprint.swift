import Foundation

/// Configuration hashes for incremental runs: a stage's hash covers what decides its output
/// for one document (its kind, its inputs, its validated options with defaults filled in, and
/// Glean's version), so a changed option reruns exactly the documents that stage touched.
enum Fingerprint {
    /// The hash of one stage's configuration. A source's `paths` are left out: which files
    /// are read decides which documents exist, not what a document holds. For `exec`, the
    /// content of every command argument that names a file in the manifest's folder counts
    /// too, so editing a plugin script reruns it.
    static func stage(_ decl: StageDecl, role: StageRole, manifestDirectory: String, version: String) -> String {
        var text = "glean \(version)\nuse \(decl.use)\nneeds \(decl.needs.joined(separator: ","))\n"
        for key in decl.options.values.keys.sorted() {
            if role == .source && key == "paths" { continue }
            guard let value = decl.options.values[key] else { continue }
            text += "option \(key)=\(canonical(value))\n"
        }
        if decl.use == ExecStage.spec.kind {
            for arg in decl.options.strings("command") {
                let path = arg.hasPrefix("/") ? arg : manifestDirectory + "/" + arg
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                   let data = FileManager.default.contents(atPath: path) {
                    text += "file \(arg)=\(ContentHash.hex(Array(data)))\n"
                }
            }
        }
        return ContentHash.hex(Array(text.utf8))
    }

    /// An unambiguous rendering of an option value (lengths prefix every string).
    static func canonical(_ value: OptionValue) -> String {
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
    static func combine(_ parts: [String]) -> String {
        ContentHash.hex(Array(parts.joined(separator: "\n").utf8))
    }
}
