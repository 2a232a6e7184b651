/// Horizontal bar charts as SVG: groups of labelled bars, each bar's value written beside it.
enum BarChartSVG {
    struct Bar {
        var label: String
        var value: Double
        var text: String
        /// A CSS class giving the bar its colour (the fact kind's).
        var style: String
    }

    struct Group {
        var label: String
        var bars: [Bar]
    }

    static let labelWidth = 150, barSpace = 360, valueWidth = 90, barHeight = 18, gap = 4, groupGap = 12

    static func render(id: String, title: String, groups: [Group]) -> String {
        let maxValue = groups.flatMap(\.bars).map(\.value).max() ?? 0
        let showGroupLabels = groups.count > 1 || groups.first.map { !$0.label.isEmpty } == true
        var y = 4
        var body = ""
        for group in groups {
            if showGroupLabels {
                y += 14
                body += "<text x=\"0\" y=\"\(y)\" class=\"group\">\(HTMLText.escape(group.label))</text>"
                y += 6
            }
            for bar in group.bars {
                let width = maxValue > 0 ? max(1, Int((bar.value / maxValue * Double(barSpace)).rounded())) : 1
                body += "<text x=\"\(labelWidth - 6)\" y=\"\(y + barHeight - 5)\" text-anchor=\"end\">\(HTMLText.escape(bar.label))</text>"
                body += "<rect class=\"bar \(bar.style)\" x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"\(barHeight)\"><title>\(HTMLText.escape(group.label.isEmpty ? bar.label : group.label + ", " + bar.label)): \(HTMLText.escape(bar.text))</title></rect>"
                body += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + barHeight - 5)\">\(HTMLText.escape(bar.text))</text>"
                y += barHeight + gap
            }
            y += groupGap
        }
        let width = labelWidth + barSpace + valueWidth
        return "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(y)\" width=\"\(width)\" height=\"\(y)\" role=\"img\" aria-labelledby=\"\(id)\"><title id=\"\(id)\">\(HTMLText.escape(title))</title>" + body + "</svg>"
    }
}
