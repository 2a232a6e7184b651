import GleanTables

/// A document's failure in one stage: it becomes a row of the rejects table.
public struct Reject: Sendable, Equatable {
    public var docId: String
    public var source: String
    public var stage: String
    public var reason: String

    public init(docId: String, source: String, stage: String, reason: String) {
        self.docId = docId
        self.source = source
        self.stage = stage
        self.reason = reason
    }
}
