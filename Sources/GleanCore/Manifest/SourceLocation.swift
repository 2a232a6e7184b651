/// Where something went wrong: a manifest position, a stage, a document. Any part may be absent.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

extension SourceLocation {
    /// The line of `text` this location points at, indented, with a caret under the column,
    /// compiler style; nil when the line is not in `text`.
    public func snippet(in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        return "    " + lines[line - 1] + "\n    " + String(repeating: " ", count: max(0, column - 1)) + "^"
    }
}
