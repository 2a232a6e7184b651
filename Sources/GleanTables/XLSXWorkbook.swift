import CXLSXWriter
import Foundation

/// One `.xlsx` workbook written through libxlsxwriter in its constant-memory mode: each sheet
/// streams its rows to a temporary file, so memory stays flat however many rows are written.
/// A sheet per table (``sheet(for:)``); the file is complete once every sheet is closed.
public final class XLSXWorkbook {
    /// Rows of one sheet, the header included (Excel's limit).
    public static let maxRows = Int(LXW_ROW_MAX)
    /// The creation time every workbook states: 1980-01-01T00:00:00Z, the date of its zip entries.
    static let created: time_t = 315_532_800

    public let path: String
    /// Rows a sheet holds before its table continues on the next (``maxRows``; less in tests).
    let rowLimit: Int
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    let header: UnsafeMutablePointer<lxw_format>
    let dateFormat: UnsafeMutablePointer<lxw_format>
    let timestampFormat: UnsafeMutablePointer<lxw_format>
    private var sheetNames: Set<String> = []
    private var openSheets = 0
    /// Text cells cut to Excel's 32,767-character limit, over every sheet.
    public internal(set) var cutCells = 0

    /// Creates the workbook at `path`; its temporary files go to `path`'s folder.
    public convenience init(path: String) throws {
        try self.init(path: path, rowLimit: Self.maxRows)
    }

    init(path: String, rowLimit: Int) throws {
        self.path = path
        self.rowLimit = rowLimit
        let folder = (path as NSString).deletingLastPathComponent
        let made: UnsafeMutablePointer<lxw_workbook>? = folder.withCString { tmp in
            var options = lxw_workbook_options(constant_memory: UInt8(LXW_TRUE.rawValue), tmpdir: UnsafeMutablePointer(mutating: tmp), use_zip64: UInt8(LXW_TRUE.rawValue))
            return workbook_new_opt(path, &options)
        }
        guard let made else {
            throw TableWriteError(table: "(workbook)", path: path, message: "cannot create the workbook; check that its folder exists and is writable")
        }
        workbook = made
        // Output depends on inputs only: a fixed creation time (libxlsxwriter's default is now;
        // the zip entries are already dated 1980-01-01).
        var properties = lxw_doc_properties()
        properties.created = Self.created
        let status = "Glean".withCString { author in
            properties.author = UnsafeMutablePointer(mutating: author)
            return workbook_set_properties(made, &properties)
        }
        guard status == LXW_NO_ERROR else {
            _ = workbook_close(made)
            throw TableWriteError(table: "(workbook)", path: path, message: "cannot set the workbook's properties: \(String(cString: lxw_strerror(status)))")
        }
        header = workbook_add_format(made)
        format_set_bold(header)
        dateFormat = workbook_add_format(made)
        format_set_num_format(dateFormat, "yyyy-mm-dd")
        timestampFormat = workbook_add_format(made)
        format_set_num_format(timestampFormat, "yyyy-mm-dd hh:mm:ss")
    }

    deinit {
        // A workbook left open by a failed run: free libxlsxwriter's memory and temporary files
        // (the unfinished run's folder is discarded with the file).
        if let workbook { _ = workbook_close(workbook) }
    }

    /// A writer for `schema`'s rows on a sheet named after the table.
    public func sheet(for schema: TableSchema) throws -> XLSXSheetWriter {
        openSheets += 1
        return try XLSXSheetWriter(workbook: self, schema: schema)
    }

    /// Adds a worksheet named `base` (made valid and unique for Excel), or `base (n)` for the n-th
    /// continuation of a table past Excel's row limit.
    func addWorksheet(base: String, part: Int) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let workbook else { throw TableWriteError(table: base, path: path, message: "the workbook is already closed") }
        let name = uniqueName(base: base, part: part)
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw TableWriteError(table: base, path: path, message: "cannot add the sheet '\(name)'")
        }
        return sheet
    }

    /// A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not starting or
    /// ending with an apostrophe, unique regardless of case.
    func uniqueName(base: String, part: Int) -> String {
        var stem = String(base.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while stem.hasPrefix("'") { stem.removeFirst() }
        while stem.hasSuffix("'") { stem.removeLast() }
        if stem.isEmpty { stem = "table" }
        var n = part
        while true {
            let suffix = n > 1 ? " (\(n))" : ""
            let name = String(stem.prefix(31 - suffix.count)) + suffix
            if sheetNames.insert(name.lowercased()).inserted { return name }
            n += 1
        }
    }

    /// Called by each sheet when it closes; the last one writes the file.
    func sheetClosed() throws {
        openSheets -= 1
        guard openSheets == 0, let workbook else { return }
        self.workbook = nil
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw TableWriteError(table: "(workbook)", path: path, message: "cannot write the workbook: \(String(cString: lxw_strerror(status)))")
        }
    }
}
