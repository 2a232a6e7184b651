import GleanCore

/// The report as one self-contained HTML page: inline CSS, SVG and a small script; no network.
public enum ReportHTML {
    /// Languages written right to left, whose documents the browser shows with `dir="rtl"`.
    static let rightToLeft: Set<String> = ["ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv", "sd", "ug"]
    /// Rejects listed per reason before "and N more".
    static let documentsPerReason = 25
    /// Reruns of an incremental run listed before "and N more".
    static let rerunsListed = 50

    public static func render(_ data: ReportData) -> String {
        let run = RunTotals(data.runs)
        let kinds = factKinds(data)
        let title = "Glean run report: \(run.manifestName)"
        var h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        h += "<meta name=\"generator\" content=\"glean \(HTMLText.escape(run.gleanVersion))\">"
        h += "<title>\(HTMLText.escape(title))</title><style>\(ReportAssets.css(kinds: kinds))</style></head><body>"
        h += "<a class=\"skip\" href=\"#main\">Skip to the report</a>"
        h += "<header><h1>\(HTMLText.escape(title))</h1>"
        h += "<p class=\"meta\">Manifest <code>\(HTMLText.escape(run.manifest))</code> · glean \(HTMLText.escape(run.gleanVersion)) · started \(HTMLText.escape(run.startedAt)) · finished \(HTMLText.escape(run.finishedAt)) · \(exitText(run.exitCode))"
        if !run.shards.isEmpty, let count = run.shards.first?.count {
            h += " · \(run.shards.count) of \(count) shards finished (\(run.shards.map { String($0.index) }.joined(separator: ", ")))"
        }
        h += "</p><nav aria-label=\"Sections\"><ul>"
        for (id, name) in [("summary", "Summary"), ("stages", "Stages"), ("reuse", "Reuse"), ("rejects", "Rejects"), ("tables", "Tables"), ("facts", "Facts"), ("browser", "Documents")] {
            h += "<li><a href=\"#\(id)\">\(name)</a></li>"
        }
        h += "</ul></nav></header><main id=\"main\">"
        for note in data.notes { h += "<p class=\"note\" role=\"note\">\(HTMLText.escape(note))</p>" }
        h += summary(run)
        h += stages(run)
        h += reuse(run)
        h += rejects(run)
        h += tables(data)
        h += facts(data, kinds: kinds)
        h += browser(data, kinds: kinds)
        h += "</main><script>\(ReportAssets.script)</script></body></html>\n"
        return h
    }

    static func exitText(_ code: Int32) -> String {
        switch code {
        case 0: return "exit 0 (every document went through)"
        case 3: return "<span class=\"bad\">exit 3 (some documents were rejected, or a glob matched nothing)</span>"
        default: return "<span class=\"bad\">exit \(code)</span>"
        }
    }

    /// The fact kinds of the run: fact tables in the counts, then any kind only the browser has.
    static func factKinds(_ data: ReportData) -> [String] {
        var kinds: [String] = []
        for count in data.factCounts where !kinds.contains(count.kind) { kinds.append(count.kind) }
        for view in data.documents { for mark in view.marks where !kinds.contains(mark.kind) { kinds.append(mark.kind) } }
        let known = ReportAssets.kindColours.map(\.kind)
        return kinds.sorted { (known.firstIndex(of: $0) ?? known.count, $0) < (known.firstIndex(of: $1) ?? known.count, $1) }
    }

    // MARK: - Sections

    static func summary(_ run: RunTotals) -> String {
        var h = "<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2><dl class=\"summary\">"
        let rate = run.wallSeconds > 0 ? Double(run.inputs) / run.wallSeconds : 0
        let items: [(String, String)] = [
            ("Documents listed", HTMLText.count(run.inputs)),
            ("Went through", HTMLText.count(run.documentsOK)),
            ("Rejected", HTMLText.count(run.documentsRejected)),
            ("Wall time", HTMLText.seconds(run.wallSeconds)),
            ("CPU time", HTMLText.seconds(run.cpuSeconds)),
            ("Throughput", HTMLText.fixed(rate, rate >= 100 ? 0 : 1) + " docs/s"),
            ("Jobs", String(run.jobs)),
        ]
        for (name, value) in items { h += "<div><dt>\(name)</dt><dd>\(value)</dd></div>" }
        h += "</dl>"
        if !run.warnings.isEmpty {
            h += "<h3>Warnings</h3><ul>" + run.warnings.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
        }
        return h + "</section>"
    }

    static func stages(_ run: RunTotals) -> String {
        var h = "<section aria-labelledby=\"stages\"><h2 id=\"stages\">Stages</h2>"
        h += "<p>Each box is a stage with the documents it took in, passed on and rejected, and the time spent in it (summed over documents and threads).</p>"
        h += "<div class=\"scroll\">" + StageGraphSVG.render(run.stages) + "</div>"
        h += "<div class=\"scroll\"><table><caption class=\"meta\">Stages in manifest order</caption><thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Kind</th><th scope=\"col\">Needs</th><th scope=\"col\" class=\"num\">In</th><th scope=\"col\" class=\"num\">Out</th><th scope=\"col\" class=\"num\">Rejected</th><th scope=\"col\" class=\"num\">Reused</th><th scope=\"col\" class=\"num\">Time</th><th scope=\"col\" class=\"num\">CPU</th><th scope=\"col\">Other counts</th></tr></thead><tbody>"
        for s in run.stages {
            let other = ((s.skipped ?? [:]).map { ("skipped: " + $0.key, $0.value) } + (s.counts ?? [:]).map { ($0.key, $0.value) })
                .sorted { $0.0 < $1.0 }.map { "\(HTMLText.escape($0.0)) \(HTMLText.count($0.1))" }.joined(separator: ", ")
            h += "<tr><th scope=\"row\">\(HTMLText.escape(s.id))</th><td>\(HTMLText.escape(s.use))</td><td>\(HTMLText.escape((s.needs ?? []).joined(separator: ", ")))</td>"
            h += "<td class=\"num\">\(HTMLText.count(s.documentsIn))</td><td class=\"num\">\(HTMLText.count(s.documentsOut))</td><td class=\"num\">\(HTMLText.count(s.rejected))</td><td class=\"num\">\(HTMLText.count(s.reused))</td>"
            h += "<td class=\"num\">\(HTMLText.seconds(s.wallSeconds))</td><td class=\"num\">\(HTMLText.seconds(s.cpuSeconds))</td><td>\(other)</td></tr>"
        }
        h += "</tbody></table></div>"
        let bars = run.stages.map { BarChartSVG.Bar(label: $0.id, value: $0.wallSeconds, text: HTMLText.seconds($0.wallSeconds), style: "time") }
        h += "<h3>Time per stage</h3>" + BarChartSVG.render(id: "time-chart", title: "Time per stage, in seconds", groups: [.init(label: "", bars: bars)])
        return h + "</section>"
    }

    static func reuse(_ run: RunTotals) -> String {
        var h = "<section aria-labelledby=\"reuse\"><h2 id=\"reuse\">Incremental reuse</h2>"
        guard let inc = run.incremental else {
            return h + "<p>This was a full run (not <code>--incremental</code>): every document ran through every stage.</p></section>"
        }
        h += "<dl class=\"summary\"><div><dt>Reused</dt><dd>\(HTMLText.count(inc.reused))</dd></div><div><dt>Ran again</dt><dd>\(HTMLText.count(inc.processed))</dd></div><div><dt>Removed</dt><dd>\(HTMLText.count(inc.removed))</dd></div></dl>"
        if inc.tablesReused { h += "<p>Nothing changed: the tables of the run before were kept as they were.</p>" }
        if let rebuilt = inc.stateRebuilt { h += "<p class=\"note\">The state store was rebuilt: \(HTMLText.escape(rebuilt))</p>" }
        if !inc.reasons.isEmpty {
            h += "<table><caption class=\"meta\">Why documents ran again</caption><thead><tr><th scope=\"col\">Reason</th><th scope=\"col\" class=\"num\">Documents</th></tr></thead><tbody>"
            for (reason, n) in inc.reasons.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                h += "<tr><td>\(HTMLText.escape(reason))</td><td class=\"num\">\(HTMLText.count(n))</td></tr>"
            }
            h += "</tbody></table>"
        }
        if !inc.reruns.isEmpty {
            h += "<details><summary>Documents that ran again (\(HTMLText.count(inc.reruns.count)))</summary><ul>"
            for r in inc.reruns.prefix(rerunsListed) { h += "<li><code>\(HTMLText.escape(r.docId))</code>: \(HTMLText.escape(r.reason))</li>" }
            if inc.reruns.count > rerunsListed { h += "<li>and \(HTMLText.count(inc.reruns.count - rerunsListed)) more</li>" }
            h += "</ul></details>"
        }
        return h + "</section>"
    }

    static func rejects(_ run: RunTotals) -> String {
        var h = "<section aria-labelledby=\"rejects\"><h2 id=\"rejects\">Rejects</h2>"
        guard !run.rejects.isEmpty else { return h + "<p>No document was rejected.</p></section>" }
        var byStage: [(stage: String, reasons: [(reason: String, docs: [String])])] = []
        for r in run.rejects {
            if byStage.last?.stage != r.stage { byStage.append((r.stage, [])) }
            if byStage[byStage.count - 1].reasons.last?.reason != r.reason { byStage[byStage.count - 1].reasons.append((r.reason, [])) }
            let k = byStage[byStage.count - 1].reasons.count - 1
            byStage[byStage.count - 1].reasons[k].docs.append(r.docId)
        }
        for group in byStage {
            let total = group.reasons.reduce(0) { $0 + $1.docs.count }
            h += "<h3>Stage <code>\(HTMLText.escape(group.stage))</code>: \(HTMLText.count(total)) rejected</h3><ul>"
            for reason in group.reasons.sorted(by: { ($1.docs.count, $0.reason) < ($0.docs.count, $1.reason) }) {
                h += "<li><details><summary>\(HTMLText.escape(reason.reason)) (\(HTMLText.count(reason.docs.count)))</summary><ul>"
                for doc in reason.docs.prefix(documentsPerReason) { h += "<li><code>\(HTMLText.escape(doc))</code></li>" }
                if reason.docs.count > documentsPerReason { h += "<li>and \(HTMLText.count(reason.docs.count - documentsPerReason)) more (the rejects table lists them all)</li>" }
                h += "</ul></details></li>"
            }
            h += "</ul>"
        }
        return h + "</section>"
    }

    static func tables(_ data: ReportData) -> String {
        var h = "<section aria-labelledby=\"tables\"><h2 id=\"tables\">Tables</h2>"
        guard !data.tables.isEmpty else { return h + "<p>No tables to read.</p></section>" }
        h += "<table><thead><tr><th scope=\"col\">Table</th><th scope=\"col\" class=\"num\">Rows</th><th scope=\"col\" class=\"num\">Columns</th></tr></thead><tbody>"
        for t in data.tables {
            h += "<tr><th scope=\"row\"><a href=\"#table-\(HTMLText.escape(t.name))\">\(HTMLText.escape(t.name))</a></th><td class=\"num\">\(HTMLText.count(t.rows))</td><td class=\"num\">\(t.columns.count)</td></tr>"
        }
        h += "</tbody></table>"
        for t in data.tables {
            h += "<details id=\"table-\(HTMLText.escape(t.name))\"><summary>\(HTMLText.escape(t.name)): \(HTMLText.count(t.rows)) rows, null share of each column</summary>"
            h += "<table><thead><tr><th scope=\"col\">Column</th><th scope=\"col\">Null share</th><th scope=\"col\" class=\"num\">Null cells</th></tr></thead><tbody>"
            for c in t.columns {
                let share = t.rows == 0 ? 0 : Double(c.nulls) / Double(t.rows)
                h += "<tr><td><code>\(HTMLText.escape(c.name))</code></td><td><span class=\"share\" aria-hidden=\"true\"><span style=\"width:\(HTMLText.fixed(share * 100, 1))%\"></span></span>\(HTMLText.percent(c.nulls, of: t.rows))</td><td class=\"num\">\(HTMLText.count(c.nulls))</td></tr>"
            }
            h += "</tbody></table></details>"
        }
        return h + "</section>"
    }

    static func facts(_ data: ReportData, kinds: [String]) -> String {
        var h = "<section aria-labelledby=\"facts\"><h2 id=\"facts\">Facts by language and kind</h2>"
        guard !data.factCounts.isEmpty else { return h + "<p>No fact rows.</p></section>" }
        let languages = Array(Set(data.factCounts.map(\.language))).sorted()
        var count: [String: [String: Int]] = [:]
        for c in data.factCounts { count[c.language, default: [:]][c.kind] = c.rows }
        let groups = languages.map { language in
            BarChartSVG.Group(label: language, bars: kinds.compactMap { kind in
                count[language]?[kind].map { BarChartSVG.Bar(label: kind, value: Double($0), text: HTMLText.count($0), style: "f-" + ReportAssets.cssName(kind)) }
            })
        }
        h += BarChartSVG.render(id: "facts-chart", title: "Fact rows per language (groups) and kind (bars)", groups: groups)
        h += "<div class=\"scroll\"><table><caption class=\"meta\">Fact rows per kind (rows) and language (columns)</caption><thead><tr><th scope=\"col\">Kind</th>"
        for language in languages { h += "<th scope=\"col\" class=\"num\">\(HTMLText.escape(language))</th>" }
        h += "<th scope=\"col\" class=\"num\">All</th></tr></thead><tbody>"
        for kind in kinds {
            let row = languages.map { count[$0]?[kind] ?? 0 }
            h += "<tr><th scope=\"row\"><span class=\"swatch f-\(ReportAssets.cssName(kind))\" aria-hidden=\"true\"></span>\(HTMLText.escape(kind))</th>"
            for n in row { h += "<td class=\"num\">\(HTMLText.count(n))</td>" }
            h += "<td class=\"num\">\(HTMLText.count(row.reduce(0, +)))</td></tr>"
        }
        return h + "</tbody></table></div></section>"
    }

    static func browser(_ data: ReportData, kinds: [String]) -> String {
        var h = "<section id=\"browser\" aria-labelledby=\"browser-heading\"><h2 id=\"browser-heading\">Documents</h2>"
        guard !data.documents.isEmpty else { return h + "<p>No documents to show.</p></section>" }
        if data.documents.count < data.documentsTotal {
            h += "<p>A sample of \(HTMLText.count(data.documents.count)) documents of \(HTMLText.count(data.documentsTotal)), chosen by a hash of the doc_id (the same run gives the same sample). The counts above are over all documents.</p>"
        }
        h += "<p>Every fact is highlighted at its span in the document's text; hover over it or focus it (Tab) to see its values.</p>"
        h += "<noscript><p class=\"note\">The document list needs JavaScript; only the first document is shown.</p></noscript>"
        h += "<div class=\"controls\"><label for=\"doc-filter\">Find</label><input id=\"doc-filter\" type=\"search\" placeholder=\"doc_id or title\">"
        h += "<label for=\"doc-select\">Document</label><select id=\"doc-select\">"
        for view in data.documents {
            var label = view.docId
            if let t = view.title, !t.isEmpty { label += " · " + t }
            label += " (\(view.language ?? "?"), \(view.factRows) facts)"
            h += "<option>\(HTMLText.escape(label))</option>"
        }
        h += "</select><button type=\"button\" id=\"doc-prev\">Previous</button><button type=\"button\" id=\"doc-next\">Next</button>"
        h += "<fieldset><legend>Highlight</legend>"
        for kind in kinds {
            let c = ReportAssets.cssName(kind)
            h += "<label><input type=\"checkbox\" checked data-kind=\"\(c)\"> <span class=\"swatch f-\(c)\" aria-hidden=\"true\"></span>\(HTMLText.escape(kind))</label>"
        }
        h += "</fieldset></div>"
        for (i, view) in data.documents.enumerated() {
            let rtl = view.language.map { rightToLeft.contains($0) } ?? false
            h += "<article class=\"doc\" id=\"doc-\(i)\" data-doc-id=\"\(HTMLText.escape(view.docId))\" data-fact-rows=\"\(view.factRows)\""
            if let language = view.language, !language.isEmpty { h += " lang=\"\(HTMLText.escape(language))\"" }
            h += " dir=\"\(rtl ? "rtl" : "ltr")\"\(i == 0 ? "" : " hidden")>"
            h += "<h3 dir=\"auto\">\(HTMLText.escape(view.title ?? view.docId))</h3>"
            h += "<p class=\"meta\" dir=\"ltr\"><code>\(HTMLText.escape(view.docId))</code> · \(HTMLText.escape(view.language ?? "language unknown")) · \(HTMLText.count(view.factRows)) facts"
            if view.fullLength > view.text.unicodeScalars.count {
                let hidden = view.factRows - view.marks.count
                h += " · text cut at \(HTMLText.count(view.text.unicodeScalars.count)) of \(HTMLText.count(view.fullLength)) characters; \(HTMLText.count(hidden)) facts after the cut are not shown"
            }
            h += "</p>" + MarkedText.render(view.text, marks: view.marks) + "</article>"
        }
        return h + "</section>"
    }
}
