import GleanTables

extension TableSchema {
    /// A row of this table with each cell placed by its column's name, so a stage never
    /// depends on the column order; a column not named is null.
    /// - Precondition: every name is a column of the table (a mistake in Glean's code).
    public func row(_ cells: KeyValuePairs<String, Cell>) -> Row {
        var row = Row(repeating: .null, count: columns.count)
        for (name, cell) in cells {
            guard let index = index(of: name) else { preconditionFailure("table '\(self.name)' has no column '\(name)'") }
            row[index] = cell
        }
        return row
    }
}
