import GleanCore

/// Everything a report shows, gathered from one run folder.
public struct ReportData: Sendable {
    /// The run report, or each finished shard's.
    public var runs: [RunReport]
    /// Every published table (Parquet, else CSV) with its row count and null counts.
    public var tables: [TableSummary]
    /// Fact rows per language and kind (fact tables are those with spans in documents.text).
    public var factCounts: [FactCount]
    /// The documents the browser shows: all of them, or a sample chosen by a hash of the doc_id
    /// when there are more than the report holds.
    public var documents: [DocumentView]
    /// Documents in the documents table.
    public var documentsTotal: Int
    /// What the report could not show, in words a user can act on.
    public var notes: [String]
}

/// One table: its rows and, per column, how many cells are null.
public struct TableSummary: Sendable, Equatable {
    public var name: String
    public var rows: Int
    public var columns: [ColumnSummary]
}

public struct ColumnSummary: Sendable, Equatable {
    public var name: String
    /// Null cells (in a CSV written in plain mode, and read from CSV, empty text counts as null too).
    public var nulls: Int
}

/// How many fact rows of one kind (the table's name) a language has.
public struct FactCount: Sendable, Equatable {
    public var language: String
    public var kind: String
    public var rows: Int
}

/// A document of the browser: its text and each fact row's span in it.
public struct DocumentView: Sendable, Equatable {
    public var docId: String
    public var title: String?
    public var language: String?
    /// The text shown (cut at the report's limit).
    public var text: String
    /// The whole text's length in Unicode scalars (more than `text`'s when it was cut).
    public var fullLength: Int
    /// One mark per fact row of the document whose span starts in the text shown.
    public var marks: [FactMark]
    /// Fact rows of the document, shown or not.
    public var factRows: Int
}

/// A fact row's span in its document's text, in Unicode scalars.
public struct FactMark: Sendable, Equatable {
    /// The table the row is in (people, metrics, ...).
    public var kind: String
    public var start: Int
    public var length: Int
    /// The row's values, shown on hover.
    public var label: String

    public init(kind: String, start: Int, length: Int, label: String) {
        self.kind = kind
        self.start = start
        self.length = length
        self.label = label
    }
}
