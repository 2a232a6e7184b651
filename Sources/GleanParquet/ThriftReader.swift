/// Thrift compact protocol decoder over a byte range, for the footer and page headers.
/// Every length, count and nesting depth is checked against the bytes left: a corrupt or
/// hostile input throws ``ThriftDecodeError``, never reads out of bounds.
struct ThriftReader {
    typealias FieldType = ThriftWriter.FieldType

    private let bytes: UnsafeRawBufferPointer
    /// Next byte to read, relative to `bytes`.
    private(set) var position: Int
    private var lastId: Int16 = 0
    private var idStack: [Int16] = []
    /// Nesting deeper than this is refused (Parquet metadata nests a few levels).
    static let maxDepth = 64

    init(_ bytes: UnsafeRawBufferPointer, from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }

    // MARK: primitives

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw ThriftDecodeError("ends in the middle of a value") }
        let b = bytes[position]
        position += 1
        return b
    }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            if shift == 63 && b > 1 { throw ThriftDecodeError("varint overflows 64 bits") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw ThriftDecodeError("varint longer than 10 bytes") }
        }
    }

    mutating func zigzag64() throws -> Int64 {
        let v = try varint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    mutating func i32() throws -> Int32 {
        let v = try zigzag64()
        guard let r = Int32(exactly: v) else { throw ThriftDecodeError("i32 value out of range (\(v))") }
        return r
    }

    mutating func i16() throws -> Int16 {
        let v = try zigzag64()
        guard let r = Int16(exactly: v) else { throw ThriftDecodeError("i16 value out of range (\(v))") }
        return r
    }

    mutating func binary() throws -> [UInt8] {
        let n = try varint()
        guard n <= UInt64(remaining) else {
            throw ThriftDecodeError("a \(n)-byte string passes the end (\(remaining) bytes left)")
        }
        let start = position
        position += Int(n)
        return Array(bytes[start..<position])
    }

    mutating func string() throws -> String {
        String(decoding: try binary(), as: UTF8.self)
    }

    // MARK: structs

    /// Starts reading a struct's fields.
    mutating func beginStruct() throws {
        guard idStack.count < Self.maxDepth else { throw ThriftDecodeError("structs nested more than \(Self.maxDepth) deep") }
        idStack.append(lastId)
        lastId = 0
    }

    mutating func endStruct() {
        lastId = idStack.popLast() ?? 0
    }

    /// The next field's id and type, or nil at the struct's stop byte. Boolean fields carry
    /// their value in the type (`boolTrue` / `boolFalse`).
    mutating func fieldHeader() throws -> (id: Int16, type: FieldType)? {
        let b = try byte()
        if b == 0 { return nil }
        guard let type = FieldType(rawValue: b & 0x0F) else { throw ThriftDecodeError("unknown field type \(b & 0x0F)") }
        let delta = Int16(b >> 4)
        let id: Int16
        if delta == 0 { id = try i16() } else { id = lastId &+ delta }
        lastId = id
        return (id, type)
    }

    /// A list header: element type and count (checked against the bytes left; every element
    /// takes at least one byte).
    mutating func listHeader() throws -> (type: FieldType, count: Int) {
        let b = try byte()
        guard let type = FieldType(rawValue: b & 0x0F) else { throw ThriftDecodeError("unknown list element type \(b & 0x0F)") }
        var count = UInt64(b >> 4)
        if count == 15 { count = try varint() }
        guard count <= UInt64(remaining) else {
            throw ThriftDecodeError("a list of \(count) elements cannot fit in the \(remaining) bytes left")
        }
        return (type, Int(count))
    }

    /// Reads a whole struct, calling `field` for each field; the callback must read (or
    /// ``skip(_:)``) the field's value.
    mutating func readStruct(_ field: (inout ThriftReader, Int16, FieldType) throws -> Void) throws {
        try beginStruct()
        while let (id, type) = try fieldHeader() {
            try field(&self, id, type)
        }
        endStruct()
    }

    /// Reads a list of structs, calling `element` for each (which reads it with ``readStruct(_:)``).
    mutating func readList(_ element: (inout ThriftReader, FieldType) throws -> Void) throws {
        let (type, count) = try listHeader()
        for _ in 0..<count { try element(&self, type) }
    }

    /// Skips a value of `type` (nested values included).
    mutating func skip(_ type: FieldType, depth: Int = 0) throws {
        guard depth < Self.maxDepth else { throw ThriftDecodeError("values nested more than \(Self.maxDepth) deep") }
        switch type {
        case .boolTrue, .boolFalse: return
        case .i8: _ = try byte()
        case .i16, .i32, .i64: _ = try varint()
        case .double:
            guard remaining >= 8 else { throw ThriftDecodeError("ends in the middle of a double") }
            position += 8
        case .binary:
            let n = try varint()
            guard n <= UInt64(remaining) else { throw ThriftDecodeError("a \(n)-byte value passes the end") }
            position += Int(n)
        case .list, .set:
            let (elementType, count) = try listHeader()
            for _ in 0..<count {
                if elementType == .boolTrue || elementType == .boolFalse { _ = try byte() } else { try skip(elementType, depth: depth + 1) }
            }
        case .map:
            let n = try varint()
            guard n <= UInt64(remaining) else { throw ThriftDecodeError("a map of \(n) entries cannot fit") }
            if n == 0 { return }
            let kinds = try byte()
            guard let keyType = FieldType(rawValue: kinds >> 4), let valueType = FieldType(rawValue: kinds & 0x0F) else {
                throw ThriftDecodeError("unknown map key or value type")
            }
            for _ in 0..<n {
                try skip(keyType, depth: depth + 1)
                try skip(valueType, depth: depth + 1)
            }
        case .struct:
            try beginStruct()
            while let (_, fieldType) = try fieldHeader() { try skip(fieldType, depth: depth + 1) }
            endStruct()
        }
    }

    /// A field's value as an i32, checking its declared type.
    mutating func expectI32(_ type: FieldType, _ name: String) throws -> Int32 {
        guard type == .i32 else { throw ThriftDecodeError("\(name) is not an i32") }
        return try i32()
    }

    /// A field's value as an i64 (i32 accepted), checking its declared type.
    mutating func expectI64(_ type: FieldType, _ name: String) throws -> Int64 {
        guard type == .i64 || type == .i32 else { throw ThriftDecodeError("\(name) is not an i64") }
        return try zigzag64()
    }

    mutating func expectString(_ type: FieldType, _ name: String) throws -> String {
        guard type == .binary else { throw ThriftDecodeError("\(name) is not a string") }
        return try string()
    }

    mutating func expectBool(_ type: FieldType, _ name: String) throws -> Bool {
        switch type {
        case .boolTrue: return true
        case .boolFalse: return false
        default: throw ThriftDecodeError("\(name) is not a boolean")
        }
    }
}

/// What is wrong with Thrift-encoded metadata (wrapped into a ``ParquetReadError``).
struct ThriftDecodeError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
