/// The type of one stage option, as the validator checks it and `glean stages` prints it.
public enum OptionType: Sendable, Equatable, CustomStringConvertible {
    case string
    case int
    case bool
    case stringList
    /// One of a fixed set of strings.
    case choice([String])
    /// A list of `{name, pattern}` extraction rules.
    case rules

    public var description: String {
        switch self {
        case .string: return "string"
        case .int: return "int"
        case .bool: return "bool"
        case .stringList: return "[string]"
        case .choice(let options): return options.joined(separator: "|")
        case .rules: return "[{name, pattern}]"
        }
    }
}
