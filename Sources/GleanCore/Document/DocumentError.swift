import GleanTables

/// Thrown by a stage for one document it cannot handle; the run goes on.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
