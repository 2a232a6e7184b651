import GleanCore
import GleanPipeline

/// The text `glean run --dry-run` prints.
enum DryRunText {
    static func render(_ dry: DryRunReport, pipeline: String, out: String) -> String {
        var lines: [String] = []
        var head = "dry run of pipeline '\(pipeline)' into \(out): \(dry.inputs) document(s) listed"
        if let s = dry.shard { head += " (shard \(s.index)/\(s.count) of \(s.inputsTotal))" }
        lines.append(head + "; nothing was written")
        for glob in dry.unmatchedGlobs {
            lines.append("stage '\(glob.stage)': glob '\(glob.glob)' matches no file (looked in \(glob.folder)); a run would exit 3")
        }
        if dry.incremental {
            if let problem = dry.stateProblem {
                lines.append("incremental: \(problem)")
            } else {
                lines.append("incremental: \(dry.reused) reused, \(dry.planned.count) to process, \(dry.removed) removed")
            }
        }
        if !dry.planned.isEmpty {
            let counts = dry.reasons.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")
            lines.append("would process \(dry.planned.count) document(s)" + (dry.incremental ? " (\(counts)):" : ":"))
            let width = dry.planned.map(\.docId.count).max() ?? 0
            for p in dry.planned {
                let pad = String(repeating: " ", count: width - p.docId.count)
                lines.append(dry.incremental ? "  \(p.docId)\(pad)  \(p.reason)" : "  \(p.docId)\(pad)  \(p.source)")
            }
        } else {
            lines.append("would process no document")
        }
        if dry.tables.isEmpty {
            lines.append("tables: every table kept as it is (nothing changed)")
        } else {
            var folders: [(String, [String])] = []
            for table in dry.tables {
                let parts = table.split(separator: "/", maxSplits: 1).map(String.init)
                let folder = parts.count == 2 ? parts[0] : ""
                let name = parts.last ?? table
                if let i = folders.firstIndex(where: { $0.0 == folder }) { folders[i].1.append(name) } else { folders.append((folder, [name])) }
            }
            lines.append("tables rewritten:")
            for (folder, names) in folders { lines.append("  \(folder.isEmpty ? "" : folder + ": ")\(names.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
