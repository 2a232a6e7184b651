import GleanCore
import GleanTables
import GleanText

/// Reads a run folder into `ReportData`, streaming every table once or twice (its Parquet
/// files when the run wrote some, else its CSV files): memory holds the counts, the browser's
/// sample and one Parquet row group, never a whole table.
public struct ReportCollector: Sendable {
    /// Documents the browser holds at most.
    public var maxDocuments = 200
    /// A document's text in the browser is cut after this many Unicode scalars.
    public var maxTextScalars = 20_000
    /// The browser's documents stop when their text and marks would pass this many bytes
    /// (what keeps a report of 10,000 documents under 10 MB).
    public var budgetBytes = 6_000_000

    public init() {}

    /// Columns that place a row rather than say something about it: not shown on hover.
    static let placing: Set<String> = ["doc_id", "language", "offset", "length", "first_offset", "text", "sentence"]

    public func collect(_ folder: RunFolder) throws -> ReportData {
        let runs = try folder.runReports()
        var notes: [String] = []
        let tables = folder.tables
        if tables.isEmpty {
            notes.append("No tables in \(folder.path)/parquet or \(folder.path)/csv: the tables, facts and documents sections read them. Add an export.parquet or export.csv stage to the pipeline.")
        }
        var summaries: [TableSummary] = []
        var documents: [String: DocumentView] = [:]
        var documentsTotal = 0
        var sample: Set<String> = []
        /// The shown text of each browser document, as Unicode scalars (what offsets count).
        var shownScalars: [String: [Unicode.Scalar]] = [:]

        if let docs = tables.first(where: { $0.name == BuiltInTables.documents.name }) {
            // Pass 1: counts, and which documents the browser shows (the smallest hashes).
            var chooser = SampleChooser(limit: maxDocuments)
            let summary = try Self.scan(docs.name, docs.files) { row in
                if let id = row["doc_id"] ?? nil { chooser.offer(id) }
            }
            documentsTotal = summary.rows
            summaries.append(summary)
            sample = chooser.chosen
            // Pass 2: the chosen documents' texts.
            for file in docs.files {
                try file.read(columns: ["doc_id", "text", "title", "language"], header: { _ in }) { row in
                    guard let id = row["doc_id"] ?? nil, sample.contains(id) else { return }
                    let scalars = Array(((row["text"] ?? nil) ?? "").unicodeScalars)
                    let shown = scalars.count > maxTextScalars ? Array(scalars[..<maxTextScalars]) : scalars
                    var text = ""
                    text.unicodeScalars.append(contentsOf: shown)
                    shownScalars[id] = shown
                    documents[id] = DocumentView(docId: id, title: row["title"] ?? nil, language: row["language"] ?? nil,
                                                 text: text, fullLength: scalars.count, marks: [], factRows: 0)
                }
            }
        } else if !tables.isEmpty {
            notes.append("No documents table among the tables: the document browser needs it (export.parquet or export.csv with tables: [] writes every table).")
        }

        var counts: [String: [String: Int]] = [:]
        for table in tables where table.name != BuiltInTables.documents.name {
            var placed: (offset: String, length: String?)?
            let summary = try Self.scan(table.name, table.files) { row in
                if placed == nil { placed = Self.spanColumns(Set(row.keys)) }
                guard let columns = placed, let id = row["doc_id"] ?? nil else { return }
                counts[(row["language"] ?? nil) ?? "unknown", default: [:]][table.name, default: 0] += 1
                guard let scalars = shownScalars[id] else { return }
                documents[id]!.factRows += 1
                guard let start = ((row[columns.offset] ?? nil)).flatMap({ Int($0) }), start >= 0,
                      start < scalars.count || (start == 0 && documents[id]!.fullLength == 0) else { return }
                let length: Int
                if let lengthColumn = columns.length {
                    length = ((row[lengthColumn] ?? nil)).flatMap { Int($0) } ?? 0
                } else {
                    length = Self.mentionLength(of: (row["name"] ?? nil) ?? "", at: start, in: scalars)
                }
                documents[id]!.marks.append(FactMark(kind: table.name, start: start, length: max(0, length), label: Self.label(row)))
            }
            summaries.append(summary)
        }

        let factCounts = counts.keys.sorted().flatMap { language in
            counts[language]!.keys.sorted().map { FactCount(language: language, kind: $0, rows: counts[language]![$0]!) }
        }
        return ReportData(runs: runs, tables: summaries, factCounts: factCounts,
                          documents: withinBudget(Array(documents.values)), documentsTotal: documentsTotal, notes: notes)
    }

    /// The browser's documents in doc_id order, dropping those of the largest hashes while the
    /// whole passes the byte budget.
    func withinBudget(_ views: [DocumentView]) -> [DocumentView] {
        var kept: [DocumentView] = []
        var bytes = 0
        for (_, view) in views.map({ (SampleChooser.hash($0.docId), $0) }).sorted(by: { ($0.0, $0.1.docId) < ($1.0, $1.1.docId) }) {
            let size = view.text.utf8.count + 200 * view.marks.count + 200
            if bytes + size > budgetBytes && !kept.isEmpty { continue }
            bytes += size
            kept.append(view)
        }
        return kept.sorted { $0.docId < $1.docId }
    }

    /// Reads every row of a table's files, counting rows and null cells, and hands each row on.
    static func scan(_ name: String, _ files: [TableFile], _ body: ([String: String?]) throws -> Void) throws -> TableSummary {
        var header: [String] = []
        var nulls: [String: Int] = [:]
        var rows = 0
        for file in files {
            try file.read(header: { if header.isEmpty { header = $0 } }) { row in
                rows += 1
                for (column, value) in row where value == nil { nulls[column, default: 0] += 1 }
                try body(row)
            }
        }
        return TableSummary(name: name, rows: rows, columns: header.map { ColumnSummary(name: $0, nulls: nulls[$0] ?? 0) })
    }

    /// The columns holding a fact's span: `offset` and `length`, or a merged entity's
    /// `first_offset` (its length is then its name's, as far as the text there matches it).
    static func spanColumns(_ columns: Set<String>) -> (offset: String, length: String?)? {
        guard columns.contains("doc_id") else { return nil }
        if columns.contains("offset") && columns.contains("length") { return ("offset", "length") }
        if columns.contains("first_offset") { return ("first_offset", nil) }
        return nil
    }

    /// How much of `name` the text spells out at `start` (a first mention may be a shorter
    /// variant of the fullest name): the common prefix, or the word there when none.
    static func mentionLength(of name: String, at start: Int, in scalars: [Unicode.Scalar]) -> Int {
        guard start < scalars.count else { return 0 }
        let name = Array(name.unicodeScalars)
        var prefix = 0
        while prefix < name.count, start + prefix < scalars.count, scalars[start + prefix] == name[prefix] { prefix += 1 }
        if prefix == name.count { return prefix }
        func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil }
        var word = 0
        while start + word < scalars.count, isWordScalar(scalars[start + word]) { word += 1 }
        if prefix <= word { return max(word, 1) }
        // Whole words of the name only: no trailing space or half word.
        while prefix > word, !(isWordScalar(scalars[start + prefix - 1]) && (start + prefix == scalars.count || !isWordScalar(scalars[start + prefix]))) { prefix -= 1 }
        return prefix
    }

    /// A row's values, for the hover: `column: value` for every column that says something.
    static func label(_ row: [String: String?]) -> String {
        row.keys.sorted().compactMap { column -> String? in
            guard !placing.contains(column), let value = row[column] ?? nil, !value.isEmpty else { return nil }
            return "\(column): \(value)"
        }.joined(separator: " · ")
    }
}

/// Picks the `limit` doc_ids of the smallest hash, whatever order they come in, so the sample
/// is the same for the same run and spreads over shards and folders.
struct SampleChooser {
    let limit: Int
    private var heap: [(UInt64, String)] = []

    init(limit: Int) {
        self.limit = limit
    }

    mutating func offer(_ id: String) {
        heap.append((Self.hash(id), id))
        if heap.count >= 2 * limit + 64 { trim() }
    }

    var chosen: Set<String> {
        var copy = self
        copy.trim()
        return Set(copy.heap.map(\.1))
    }

    private mutating func trim() {
        heap.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        if heap.count > limit { heap.removeLast(heap.count - limit) }
    }

    /// FNV-1a of the UTF-8 bytes: the same sample on every machine.
    static func hash(_ s: String) -> UInt64 { FNV1a.hash(s.utf8) }
}
