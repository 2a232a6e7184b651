/// The column types the writer supports, as an analyst sees them.
public enum ParquetType: Sendable, Equatable, CustomStringConvertible {
    /// UTF-8 text: BYTE_ARRAY annotated STRING / UTF8.
    case string
    /// 32-bit signed integer.
    case int32
    /// 64-bit signed integer.
    case int64
    /// IEEE 754 double.
    case double
    /// Boolean.
    case boolean
    /// Calendar date as days since 1970-01-01 (INT32, DATE).
    case date
    /// Instant as microseconds since the Unix epoch, UTC (INT64, TIMESTAMP(MICROS, isAdjustedToUTC=true)).
    case timestampMicros
    /// A list of strings (3-level LIST of optional STRING elements). Rows take
    /// ``ParquetValue/stringList(_:)`` or, for null elements, ``ParquetValue/stringListWithNulls(_:)``;
    /// the list itself may be null when the column is nullable.
    case stringList

    /// A short name used in error messages.
    public var description: String {
        switch self {
        case .string: "string"
        case .int32: "int32"
        case .int64: "int64"
        case .double: "double"
        case .boolean: "boolean"
        case .date: "date"
        case .timestampMicros: "timestampMicros"
        case .stringList: "stringList"
        }
    }
}

/// One top-level column of a table.
public struct ParquetColumn: Sendable, Equatable {
    /// Column name (recommended: `[a-z0-9_]`).
    public var name: String
    /// The column's type.
    public var type: ParquetType
    /// Whether nulls are allowed (OPTIONAL) or not (REQUIRED).
    public var nullable: Bool

    /// Creates a column description.
    public init(name: String, type: ParquetType, nullable: Bool = true) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}

/// The ordered columns of a table.
public struct ParquetSchema: Sendable, Equatable {
    /// Columns in file order.
    public var columns: [ParquetColumn]

    /// Creates a schema from columns in order.
    public init(columns: [ParquetColumn]) {
        self.columns = columns
    }

    /// Throws when the schema cannot be written (no columns, empty or duplicate names).
    func validate() throws {
        if columns.isEmpty { throw ParquetError("schema has no columns") }
        var seen = Set<String>()
        for column in columns {
            if column.name.isEmpty { throw ParquetError("schema has a column with an empty name") }
            if column.name.utf8.count > 4096 { throw ParquetError("column name is too long: \(column.name.prefix(40))…") }
            if !seen.insert(column.name).inserted {
                throw ParquetError("duplicate column name '\(column.name)'")
            }
        }
    }
}

/// One cell value. `.null` is allowed only in nullable columns.
public enum ParquetValue: Sendable, Equatable {
    /// A missing value.
    case null
    /// A UTF-8 string.
    case string(String)
    /// A 32-bit integer.
    case int32(Int32)
    /// A 64-bit integer.
    case int64(Int64)
    /// A double.
    case double(Double)
    /// A boolean.
    case boolean(Bool)
    /// Days since 1970-01-01.
    case date(Int32)
    /// Microseconds since the Unix epoch (UTC).
    case timestampMicros(Int64)
    /// A list of strings; `[]` is an empty (not null) list.
    case stringList([String])
    /// A list of strings whose elements may be null (for `.stringList` columns).
    case stringListWithNulls([String?])

    /// Whether this value may be stored in a column of `type`.
    @inline(__always)
    func matches(_ type: ParquetType) -> Bool {
        switch self {
        case .null: true
        case .string: type == .string
        case .int32: type == .int32
        case .int64: type == .int64
        case .double: type == .double
        case .boolean: type == .boolean
        case .date: type == .date
        case .timestampMicros: type == .timestampMicros
        case .stringList, .stringListWithNulls: type == .stringList
        }
    }

    /// A short type name for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .string: "string"
        case .int32: "int32"
        case .int64: "int64"
        case .double: "double"
        case .boolean: "boolean"
        case .date: "date"
        case .timestampMicros: "timestampMicros"
        case .stringList: "stringList"
        case .stringListWithNulls: "stringListWithNulls"
        }
    }
}

/// An error from the Parquet writer; `description` says what went wrong and, for bad
/// values, which column.
public struct ParquetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Human-readable message.
    public var message: String
    /// The column involved, when the error concerns one.
    public var column: String?

    /// Creates an error with a message and an optional column name.
    public init(_ message: String, column: String? = nil) {
        self.message = message
        self.column = column
    }

    /// The message, prefixed with the column name when known.
    public var description: String {
        if let column { return "parquet: column '\(column)': \(message)" }
        return "parquet: \(message)"
    }
}
