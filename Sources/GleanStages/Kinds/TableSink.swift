import Foundation
import GleanCore
import GleanTables

/// Routes documents and rejects to one streaming writer per table. The exports share it and
/// differ only in the writer they open.
package final class TableSink: SinkStage {
    package typealias Opener = (_ folder: String, _ schema: TableSchema) throws -> any TableWriter

    package let stageId: String
    package let tables: [TableSchema]
    package let subfolder: String
    package let opener: Opener
    /// What the writers counted besides rows (see ``SinkStage/counts``).
    package let counter: () -> [String: Int]
    private var writers: [String: any TableWriter] = [:]

    package init(stageId: String, tables: [TableSchema], subfolder: String, counter: @escaping () -> [String: Int] = { [:] }, opener: @escaping Opener) {
        self.stageId = stageId
        self.tables = tables
        self.subfolder = subfolder
        self.counter = counter
        self.opener = opener
    }

    package var counts: [String: Int] { counter() }

    package func open(folder: String) throws {
        let dir = folder + "/" + subfolder
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for schema in tables {
            writers[schema.name] = try opener(dir, schema)
        }
    }

    package func consume(_ item: SinkItem) throws {
        switch item {
        case .document(let document):
            if let writer = writers[BuiltInTables.documents.name] {
                for row in document.documentsRows {
                    try writer.write(row)
                }
            }
            for schema in tables where schema.name != BuiltInTables.documents.name {
                guard let rows = document.rows[schema.name], let writer = writers[schema.name] else { continue }
                for row in rows { try writer.write(row) }
            }
        case .rejected(let reject):
            if let writer = writers[BuiltInTables.rejects.name] {
                try writer.write(BuiltInTables.rejectRow(reject))
            }
        }
    }

    package func close() throws {
        for schema in tables {
            try writers[schema.name]?.close()
        }
        writers = [:]
    }

    /// The `tables` option's check: every named table must reach the stage.
    package static func checkTables(_ wanted: [String], _ available: [TableSchema]) -> (option: String, message: String)? {
        let names = available.map(\.name)
        for table in wanted where !names.contains(table) {
            let near = suggestion(for: table, among: names).map { " (did you mean '\($0)'?)" } ?? ""
            return ("tables", "no table '\(table)' reaches this stage\(near); available: \(names.joined(separator: ", "))")
        }
        return nil
    }

    /// The tables the stage writes: those named, or every table that reaches it.
    package static func selected(_ wanted: [String], _ available: [TableSchema]) -> [TableSchema] {
        return wanted.isEmpty ? available : available.filter { wanted.contains($0.name) }
    }
}
