/// One option a stage kind accepts: its name, type, default and a one-line doc.
public struct OptionSpec: Sendable {
    public var name: String
    public var type: OptionType
    /// nil when the option is required or has no default (absent means "not set").
    public var defaultValue: OptionValue?
    public var required: Bool
    public var doc: String

    public init(_ name: String, _ type: OptionType, default defaultValue: OptionValue? = nil, required: Bool = false, doc: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.required = required
        self.doc = doc
    }
}
