/// What `glean stages` prints and what the validator checks, for one stage kind.
public struct StageSpec: Sendable {
    public var kind: String
    public var role: StageRole
    public var doc: String
    public var options: [OptionSpec]

    public init(kind: String, role: StageRole, doc: String, options: [OptionSpec]) {
        self.kind = kind
        self.role = role
        self.doc = doc
        self.options = options
    }

    public func option(_ name: String) -> OptionSpec? { options.first { $0.name == name } }
}
