import CXLSXWriter

/// Writes one table to a sheet of an ``XLSXWorkbook``, streaming: a bold, frozen, filtered header
/// row from the schema; numbers as numbers, booleans as booleans, dates and timestamps as date
/// cells shown in ISO form, lists joined with " | " as in CSV, and every string written as a
/// string (never a formula). Past Excel's row limit the table continues on `name (2)`.
public final class XLSXSheetWriter: TableWriter {
    /// Rows whose widths size the columns.
    static let sampledRows = 1000
    /// Excel's serial day of 1970-01-01.
    static let epochSerial = 25_569.0
    /// Excel's first serial day that is a real date (1900-03-01; earlier serials carry Excel's
    /// 1900 leap-year bug), as days since 1970-01-01.
    static let firstSafeDay = -25_508
    /// Integers beyond 15 digits lose digits as Excel numbers and are written as text.
    static let maxExactInteger: Int64 = 999_999_999_999_999

    public let schema: TableSchema
    private let workbook: XLSXWorkbook
    private var sheet: UnsafeMutablePointer<lxw_worksheet>
    private var part = 1
    private var row: UInt32 = 0
    private var widths: [Int]
    private var sampled = 0
    private var closed = false

    init(workbook: XLSXWorkbook, schema: TableSchema) throws {
        self.workbook = workbook
        self.schema = schema
        self.widths = schema.columns.map { column in
            // Room for the name and the filter button; dates and timestamps in full.
            max(column.name.count + 3, column.type == .timestamp ? 19 : column.type == .date ? 10 : 0)
        }
        sheet = try workbook.addWorksheet(base: schema.name, part: 1)
        try startSheet()
    }

    public func write(_ cells: Row) throws {
        guard cells.count == schema.columns.count else {
            throw TableWriteError(table: schema.name, path: workbook.path, message: "row has \(cells.count) cells, the schema \(schema.columns.count) columns")
        }
        if Int(row) + 1 >= workbook.rowLimit {
            finishSheet()
            part += 1
            sheet = try workbook.addWorksheet(base: schema.name, part: part)
            try startSheet()
        }
        row += 1
        let measure = sampled < Self.sampledRows
        for (i, cell) in cells.enumerated() {
            let shown = try write(cell, column: UInt16(i))
            if measure, let shown { widths[i] = max(widths[i], shown) }
        }
        if measure { sampled += 1 }
    }

    public func close() throws {
        guard !closed else { return }
        closed = true
        finishSheet()
        try workbook.sheetClosed()
    }

    private func startSheet() throws {
        row = 0
        for (i, column) in schema.columns.enumerated() {
            try check(worksheet_write_string(sheet, 0, UInt16(i), column.name, workbook.header))
        }
        worksheet_freeze_panes(sheet, 1, 0)
    }

    /// Sizes the columns (from the first rows written) and puts the filter on the header.
    private func finishSheet() {
        for (i, width) in widths.enumerated() {
            worksheet_set_column(sheet, UInt16(i), UInt16(i), Double(min(width, 60)) + 1, nil)
        }
        if !schema.columns.isEmpty {
            worksheet_autofilter(sheet, 0, 0, row, UInt16(schema.columns.count - 1))
        }
    }

    /// Writes one cell; returns its width in characters, or nil for an empty cell.
    private func write(_ cell: Cell, column: UInt16) throws -> Int? {
        switch cell {
        case .null:
            return nil
        case .string(let s):
            return try writeText(s, column: column)
        case .list(let items):
            return try writeText(items.joined(separator: " | "), column: column)
        case .int(let v):
            guard abs(v) <= Self.maxExactInteger else { return try writeText(String(v), column: column) }
            try check(worksheet_write_number(sheet, row, column, Double(v), nil))
            return String(v).count
        case .double(let v):
            guard v.isFinite else { return nil }
            try check(worksheet_write_number(sheet, row, column, v, nil))
            return min(ValueFormatting.plain(v)?.count ?? 0, 16)
        case .bool(let v):
            try check(worksheet_write_boolean(sheet, row, column, v ? 1 : 0, nil))
            return 5
        case .date(let days):
            guard Int(days) >= Self.firstSafeDay else { return try writeText(ValueFormatting.isoDate(days: days), column: column) }
            try check(worksheet_write_number(sheet, row, column, Double(days) + Self.epochSerial, workbook.dateFormat))
            return 10
        case .timestamp(let micros):
            guard micros / 86_400_000_000 >= Int64(Self.firstSafeDay) else {
                return try writeText(ValueFormatting.isoTimestamp(micros: micros), column: column)
            }
            try check(worksheet_write_number(sheet, row, column, Double(micros) / 86_400_000_000 + Self.epochSerial, workbook.timestampFormat))
            return 19
        }
    }

    private func writeText(_ s: String, column: UInt16) throws -> Int {
        let (text, cut) = XLSXText.cell(s)
        if cut { workbook.cutCells += 1 }
        try check(worksheet_write_string(sheet, row, column, text, nil))
        return text.count
    }

    private func check(_ status: lxw_error) throws {
        guard status != LXW_NO_ERROR else { return }
        throw TableWriteError(table: schema.name, path: workbook.path, message: "row \(row): \(String(cString: lxw_strerror(status)))")
    }
}
