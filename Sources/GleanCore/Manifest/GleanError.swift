/// An error a user can act on: what went wrong, where, and what to do about it.
public struct GleanError: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: GleanErrorKind
    public var message: String
    public var location: SourceLocation?
    public var stage: String?
    public var document: String?
    /// What to do about it, when there is something to say.
    public var hint: String?
    /// The offending manifest line with a caret under the position, when known.
    public var snippet: String?
    /// Further mistakes found in the same pass (a manifest with several), in file order.
    public var others: [GleanError] = []

    public init(_ kind: GleanErrorKind, _ message: String, location: SourceLocation? = nil, stage: String? = nil,
                document: String? = nil, hint: String? = nil, snippet: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.stage = stage
        self.document = document
        self.hint = hint
        self.snippet = snippet
    }

    /// One line for logs: `file:line:col: error: [stage x] message (hint)`.
    public var description: String {
        var s = ""
        if let location { s += "\(location): " }
        s += "error: "
        if let stage { s += "stage '\(stage)': " }
        if let document { s += "document '\(document)': " }
        s += message
        if let hint { s += "; \(hint)" }
        return s
    }

    /// The one-line description, then the offending line with a caret, compiler style; then
    /// each further mistake the same way, and how many there were.
    public var detailed: String {
        func one(_ e: GleanError) -> String {
            guard let snippet = e.snippet, !snippet.isEmpty else { return e.description }
            return e.description + "\n" + snippet
        }
        guard !others.isEmpty else { return one(self) }
        return ([self] + others).map(one).joined(separator: "\nglean: ") + "\nglean: \(others.count + 1) mistakes"
    }

    /// One error holding `mistakes` (at least one): the first, with the rest as ``others``.
    public static func combined(_ mistakes: [GleanError]) -> GleanError {
        let flat = mistakes.flatMap { [$0.withoutOthers] + $0.others }
        var first = flat[0]
        first.others = Array(flat.dropFirst())
        return first
    }

    package var withoutOthers: GleanError {
        var e = self
        e.others = []
        return e
    }
}
