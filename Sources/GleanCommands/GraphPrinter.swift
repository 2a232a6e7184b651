import Foundation
import GleanCore
import GleanPipeline
import GleanRunState
import GleanStages
import GleanTables

/// Text renderings for `glean graph`, `glean stages` and `glean schema`.
public enum GraphPrinter {
    public enum Format { case text, dot }

    public static func render(_ plan: Plan, format: Format) -> String {
        let m = plan.manifest
        let ordered = plan.order.compactMap { m.stage($0) }
        switch format {
        case .text:
            var s = "pipeline \(m.name) (\(ordered.count) stages)\n"
            let width = ordered.map(\.id.count).max() ?? 0
            let useWidth = ordered.map(\.use.count).max() ?? 0
            for stage in ordered {
                let id = stage.id.padding(toLength: width, withPad: " ", startingAt: 0)
                var line = "  \(id)  \(stage.use)"
                if !stage.needs.isEmpty {
                    line = line.padding(toLength: 2 + width + 2 + useWidth, withPad: " ", startingAt: 0)
                    line += "  <- " + stage.needs.joined(separator: ", ")
                }
                s += line + "\n"
            }
            return s
        case .dot:
            var s = "digraph \(quote(m.name)) {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n"
            for stage in ordered {
                s += "  \(quote(stage.id)) [label=\(quote(stage.id + "\\n" + stage.use))];\n"
            }
            for stage in ordered {
                for need in stage.needs { s += "  \(quote(need)) -> \(quote(stage.id));\n" }
            }
            return s + "}\n"
        }
    }

    public static func stages(_ registry: StageRegistry) -> String {
        var s = ""
        for spec in registry.specs {
            s += "\(spec.kind)  (\(spec.role.rawValue))\n  \(spec.doc)\n"
            for option in spec.options {
                var line = "    \(option.name): \(option.type)"
                if option.required { line += ", required" } else if let d = option.defaultValue { line += ", default \(d)" } else { line += ", optional" }
                s += line + "\n        \(option.doc)\n"
            }
            if spec.options.isEmpty { s += "    (no options)\n" }
            s += "\n"
        }
        return s
    }

    public static func schema(_ tables: [TableSchema], markdown: Bool) -> String {
        var s = ""
        for table in tables {
            if markdown {
                s += "### \(table.name)\n\n\(table.doc)\n\n| column | type | null | meaning |\n|---|---|---|---|\n"
                for c in table.columns {
                    s += "| \(c.name) | \(c.type.rawValue) | \(c.nullable ? "yes" : "no") | \(c.doc) |\n"
                }
                s += "\n"
            } else {
                s += "\(table.name): \(table.doc)\n"
                let width = table.columns.map(\.name.count).max() ?? 0
                for c in table.columns {
                    let type = c.type.rawValue + (c.nullable ? "" : " not null")
                    s += "  \(c.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(type.padding(toLength: 22, withPad: " ", startingAt: 0))  \(c.doc)\n"
                }
                s += "\n"
            }
        }
        return s
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\\\\n", with: "\\n") + "\""
    }
}
