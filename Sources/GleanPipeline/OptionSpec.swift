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

/// A user-defined extraction rule from a manifest: a regular expression with named groups,
/// whose matches go to a table named after the rule.
public struct RuleSpec: Sendable, Equatable {
    public var name: String
    public var pattern: String
    public var location: SourceLocation?
}

/// A typed option value from a manifest (or a default).
public enum OptionValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case bool(Bool)
    case stringList([String])
    case rules([RuleSpec])

    public var description: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .stringList(let l): return "[" + l.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .rules(let r): return "[" + r.map(\.name).joined(separator: ", ") + "]"
        }
    }
}

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

/// How the runner drives a stage kind.
public enum StageRole: String, Sendable {
    /// Lists the inputs of the run (and reads each one as a document).
    case source
    /// Turns one document into one document; safe to run in parallel.
    case perDocument = "per-document"
    /// Receives every document in order and writes tables: a barrier.
    case sink
}

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

/// Validated options of one stage: every declared option has a value or is known to be absent.
public struct StageOptions: Sendable {
    public var values: [String: OptionValue]

    public init(values: [String: OptionValue]) { self.values = values }

    public func string(_ name: String) -> String? {
        if case .string(let s)? = values[name] { return s }
        return nil
    }

    public func int(_ name: String) -> Int? {
        if case .int(let i)? = values[name] { return i }
        return nil
    }

    public func bool(_ name: String) -> Bool? {
        if case .bool(let b)? = values[name] { return b }
        return nil
    }

    public func strings(_ name: String) -> [String] {
        if case .stringList(let l)? = values[name] { return l }
        return []
    }

    public func rules(_ name: String) -> [RuleSpec] {
        if case .rules(let r)? = values[name] { return r }
        return []
    }
}
