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
