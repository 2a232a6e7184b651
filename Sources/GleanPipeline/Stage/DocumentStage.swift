import GleanTables

/// A stage that turns one document into one document; the runner calls it from many threads.
public protocol DocumentStage: Sendable {
    func process(_ document: Document) throws -> Document
}
