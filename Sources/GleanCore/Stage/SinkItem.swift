import GleanTables

/// What a sink receives, in doc_id order.
public enum SinkItem: Sendable {
    case document(Document)
    case rejected(Reject)
}
