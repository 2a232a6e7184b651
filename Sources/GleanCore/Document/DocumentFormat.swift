import GleanTables

/// What a document is, as read.
public enum DocumentFormat: String, Sendable, Equatable {
    case text, html
}
