/// Cells encode as a one-key object naming their type (`{"s": "text"}`, `{"i": 3}`,
/// `{"d": 94.72}`, `{"b": true}`, `{"D": 19000}`, `{"T": 1700000000000000}`, `{"l": ["a"]}`)
/// or as null, so a decoded cell has exactly the type it was written with.
extension Cell: Codable {
    private enum Key: String, CodingKey {
        case s, i, d, b, D, T, l
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), single.decodeNil() {
            self = .null
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        guard let key = c.allKeys.first, c.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a cell is an object with exactly one type key"))
        }
        switch key {
        case .s: self = .string(try c.decode(String.self, forKey: .s))
        case .i: self = .int(try c.decode(Int64.self, forKey: .i))
        case .d: self = .double(try c.decode(Double.self, forKey: .d))
        case .b: self = .bool(try c.decode(Bool.self, forKey: .b))
        case .D: self = .date(try c.decode(Int32.self, forKey: .D))
        case .T: self = .timestamp(try c.decode(Int64.self, forKey: .T))
        case .l: self = .list(try c.decode([String].self, forKey: .l))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if case .null = self {
            var single = encoder.singleValueContainer()
            try single.encodeNil()
            return
        }
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .null: break
        case .string(let v): try c.encode(v, forKey: .s)
        case .int(let v): try c.encode(v, forKey: .i)
        case .double(let v): try c.encode(v, forKey: .d)
        case .bool(let v): try c.encode(v, forKey: .b)
        case .date(let v): try c.encode(v, forKey: .D)
        case .timestamp(let v): try c.encode(v, forKey: .T)
        case .list(let v): try c.encode(v, forKey: .l)
        }
    }
}
