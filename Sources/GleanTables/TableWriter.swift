/// A streaming writer of one table. Rows arrive in their final order; the writer never holds
/// the whole table.
public protocol TableWriter: AnyObject {
    /// Appends one row (one cell per schema column).
    func write(_ row: Row) throws
    /// Finishes the file. After this the file is complete on disk.
    func close() throws
}

/// A failure to write a table, with the table and file it concerns.
public struct TableWriteError: Error, CustomStringConvertible, Equatable {
    public var table: String
    public var path: String
    public var message: String

    public init(table: String, path: String, message: String) {
        self.table = table
        self.path = path
        self.message = message
    }

    public var description: String { "table \(table) (\(path)): \(message)" }
}
