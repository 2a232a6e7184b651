import GleanCore

/// The stage graph as SVG: one box per stage (its id, kind, documents in, out and rejected, and
/// its time), columns by depth, an arrow for every `needs`.
enum StageGraphSVG {
    static let boxWidth = 190, boxHeight = 78, columnGap = 50, rowGap = 18, margin = 10

    /// Each stage's column: 0 for stages that need nothing, else one more than its deepest need.
    static func depths(_ stages: [StageReport]) -> [String: Int] {
        var depth: [String: Int] = [:]
        let byId = Dictionary(stages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func visit(_ id: String, _ path: Set<String>) -> Int {
            if let d = depth[id] { return d }
            guard let stage = byId[id], !path.contains(id) else { return 0 }
            let needs = (stage.needs ?? []).filter { byId[$0] != nil }
            let d = needs.isEmpty ? 0 : needs.map { visit($0, path.union([id])) + 1 }.max()!
            depth[id] = d
            return d
        }
        for stage in stages { _ = visit(stage.id, []) }
        return depth
    }

    static func render(_ stages: [StageReport]) -> String {
        let depth = depths(stages)
        var rowOf: [String: Int] = [:]
        var rowsInColumn: [Int: Int] = [:]
        for stage in stages {
            let column = depth[stage.id] ?? 0
            rowOf[stage.id] = rowsInColumn[column, default: 0]
            rowsInColumn[column, default: 0] += 1
        }
        let columns = (rowsInColumn.keys.max() ?? 0) + 1
        let rows = rowsInColumn.values.max() ?? 1
        let width = margin * 2 + columns * boxWidth + (columns - 1) * columnGap
        let height = margin * 2 + rows * boxHeight + (rows - 1) * rowGap
        func origin(_ id: String) -> (x: Int, y: Int) {
            (margin + (depth[id] ?? 0) * (boxWidth + columnGap), margin + (rowOf[id] ?? 0) * (boxHeight + rowGap))
        }
        var svg = "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"graph-title\">"
        svg += "<title id=\"graph-title\">Stage graph: \(stages.count) stages; arrows point from a stage to the stages that read its output</title>"
        svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>"
        for stage in stages {
            let to = origin(stage.id)
            for need in stage.needs ?? [] where depth[need] != nil {
                let from = origin(need)
                let x1 = from.x + boxWidth, y1 = from.y + boxHeight / 2, x2 = to.x, y2 = to.y + boxHeight / 2
                let mid = (x1 + x2) / 2
                svg += "<path class=\"edge\" d=\"M\(x1),\(y1) C\(mid),\(y1) \(mid),\(y2) \(x2),\(y2)\" marker-end=\"url(#arrow)\"/>"
            }
        }
        for stage in stages {
            let o = origin(stage.id)
            let rejectedClass = stage.rejected > 0 ? " has-rejects" : ""
            svg += "<g class=\"stage\(rejectedClass)\" transform=\"translate(\(o.x),\(o.y))\">"
            svg += "<title>\(HTMLText.escape(stage.id)) (\(HTMLText.escape(stage.use))): \(stage.documentsIn) in, \(stage.documentsOut) out, \(stage.rejected) rejected, \(stage.reused) reused, \(HTMLText.seconds(stage.wallSeconds))</title>"
            svg += "<rect width=\"\(boxWidth)\" height=\"\(boxHeight)\" rx=\"6\"/>"
            svg += "<text x=\"10\" y=\"20\" class=\"stage-id\">\(HTMLText.escape(stage.id))</text>"
            svg += "<text x=\"10\" y=\"37\" class=\"stage-use\">\(HTMLText.escape(stage.use))</text>"
            svg += "<text x=\"10\" y=\"54\">in \(HTMLText.count(stage.documentsIn)) · out \(HTMLText.count(stage.documentsOut)) · rej \(HTMLText.count(stage.rejected))</text>"
            var time = HTMLText.seconds(stage.wallSeconds)
            if stage.reused > 0 { time += " · reused \(HTMLText.count(stage.reused))" }
            svg += "<text x=\"10\" y=\"70\">\(time)</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
