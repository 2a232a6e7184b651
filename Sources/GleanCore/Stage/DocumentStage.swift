import GleanTables

/// A stage that turns one document into one document; the runner calls it from many threads.
public protocol DocumentStage: Sendable {
    /// The document after this stage. Throws `DocumentError` to reject it (the run goes on).
    func process(_ document: Document, context: StageContext) throws -> Document
}
