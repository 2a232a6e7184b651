import GleanTables

extension Document {
    /// The document with its documents-table row added (when it has none yet). The runner
    /// calls it once per document on a worker thread, so the exports on the output thread
    /// only write it.
    public func withDocumentsRow() -> Document {
        guard rows[BuiltInTables.documents.name] == nil else { return self }
        var document = self
        document.rows[BuiltInTables.documents.name] = [BuiltInTables.documentRow(self)]
        return document
    }

    /// The document's documents-table rows: the one the runner added, else built now.
    package var documentsRows: [Row] {
        rows[BuiltInTables.documents.name] ?? [BuiltInTables.documentRow(self)]
    }
}
