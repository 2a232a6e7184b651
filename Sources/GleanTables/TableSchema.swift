/// The type of a table column, as analysts see it in CSV and Parquet.
public enum ColumnType: String, Sendable, Equatable, CaseIterable {
    case string, int32, int64, double, boolean
    /// A calendar date (days since 1970-01-01).
    case date
    /// An instant, microseconds since 1970-01-01T00:00:00Z.
    case timestamp
    /// A list of strings; joined with " | " in CSV.
    case stringList = "list<string>"
}

/// What a column holds, which decides how the CSV writer may treat it.
public enum ColumnRole: String, Sendable, Equatable {
    /// Text written by people (titles, names, sentences): neutralised against spreadsheet
    /// formula injection.
    case freeText = "text"
    /// Identifiers, enumerations, ISO dates and numbers: never altered.
    case value
}

/// One declared column of a table.
public struct Column: Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    public var nullable: Bool
    public var role: ColumnRole
    /// One line saying what the column means (printed by `glean schema`).
    public var doc: String

    public init(_ name: String, _ type: ColumnType, nullable: Bool = true, role: ColumnRole = .value, doc: String) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.role = role
        self.doc = doc
    }
}

/// A table's declared schema: the CSV header and the Parquet schema both come from it, never
/// from the first row.
public struct TableSchema: Sendable, Equatable {
    public var name: String
    public var doc: String
    public var columns: [Column]

    public init(name: String, doc: String, columns: [Column]) {
        self.name = name
        self.doc = doc
        self.columns = columns
    }

    /// The index of the column named `name`, if any.
    public func index(of name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}

/// One cell of a row.
public enum Cell: Sendable, Equatable, Hashable {
    case null
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    /// Days since 1970-01-01.
    case date(Int32)
    /// Microseconds since the epoch, UTC.
    case timestamp(Int64)
    case list([String])

    /// `value` as a string cell, or null when absent.
    public static func text(_ value: String?) -> Cell {
        value.map(Cell.string) ?? .null
    }

    /// `value` as an integer cell, or null when absent.
    public static func integer(_ value: Int?) -> Cell {
        value.map { .int(Int64($0)) } ?? .null
    }

    /// `value` as a double cell, or null when absent.
    public static func number(_ value: Double?) -> Cell {
        value.map(Cell.double) ?? .null
    }
}

/// A row: one cell per declared column, in schema order.
public typealias Row = [Cell]
