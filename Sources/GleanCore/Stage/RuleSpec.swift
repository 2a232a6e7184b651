/// A user-defined extraction rule from a manifest: a regular expression with named groups,
/// whose matches go to a table named after the rule.
public struct RuleSpec: Sendable, Equatable {
    public var name: String
    public var pattern: String
    public var location: SourceLocation?
}
