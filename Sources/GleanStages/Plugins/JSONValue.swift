import Foundation
import GleanCore
import GleanTables

/// A JSON value as a plugin writes it.
package enum JSONValue: Decodable, Sendable {
    case null, bool(Bool), int(Int64), double(Double), string(String), other

    package init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else { self = .other }
    }

    package var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .other: return "a list or an object"
        }
    }

    package func cell(as type: ColumnType) -> Cell? {
        switch (self, type) {
        case (.null, _): return .null
        case (.string(let s), .string): return .string(s)
        case (.int(let i), .int64): return .int(i)
        case (.int(let i), .double): return .double(Double(i))
        case (.double(let d), .double): return .double(d)
        case (.bool(let b), .boolean): return .bool(b)
        default: return nil
        }
    }
}
