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
