/// Thrift compact protocol encoder (just what the Parquet footer and page headers need).
struct ThriftWriter {
    enum FieldType: UInt8 {
        case boolTrue = 1, boolFalse = 2, i8 = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8, list = 9
        case set = 10, map = 11, `struct` = 12
    }

    var bytes: [UInt8] = []
    private var lastId: Int16 = 0
    private var idStack: [Int16] = []

    init() {}

    // MARK: primitives

    mutating func writeVarint(_ value: UInt64) {
        appendVarint(value, to: &bytes)
    }

    mutating func writeZigzag(_ value: Int64) {
        appendVarint(zigzag(value), to: &bytes)
    }

    private mutating func fieldHeader(_ id: Int16, _ type: FieldType) {
        let delta = Int(id) - Int(lastId)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeZigzag(Int64(id))
        }
        lastId = id
    }

    // MARK: fields

    mutating func i32(_ id: Int16, _ value: Int32) {
        fieldHeader(id, .i32)
        writeZigzag(Int64(value))
    }

    mutating func i16(_ id: Int16, _ value: Int16) {
        fieldHeader(id, .i16)
        writeZigzag(Int64(value))
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
        fieldHeader(id, .i64)
        writeZigzag(value)
    }

    mutating func bool(_ id: Int16, _ value: Bool) {
        fieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    mutating func binary(_ id: Int16, _ value: [UInt8]) {
        fieldHeader(id, .binary)
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func string(_ id: Int16, _ value: String) {
        binary(id, Array(value.utf8))
    }

    /// Begins a struct-typed field; pair with ``endStruct()``.
    mutating func beginStruct(_ id: Int16) {
        fieldHeader(id, .struct)
        pushStruct()
    }

    /// Begins a struct that is a list element (no field header).
    mutating func pushStruct() {
        idStack.append(lastId)
        lastId = 0
    }

    /// Ends the current struct with a stop byte.
    mutating func endStruct() {
        bytes.append(0)
        lastId = idStack.popLast() ?? 0
    }

    /// Writes a list field header; the caller then writes `count` elements.
    mutating func listHeader(_ id: Int16, elementType: FieldType, count: Int) {
        fieldHeader(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    /// A list<i32> field.
    mutating func i32List(_ id: Int16, _ values: [Int32]) {
        listHeader(id, elementType: .i32, count: values.count)
        for v in values { writeZigzag(Int64(v)) }
    }

    /// A list<binary> field of strings.
    mutating func stringList(_ id: Int16, _ values: [String]) {
        listHeader(id, elementType: .binary, count: values.count)
        for v in values {
            let utf8 = Array(v.utf8)
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A list<struct> field; `body` writes each element's fields (the stop byte is added).
    mutating func structList<T>(_ id: Int16, _ values: [T], _ body: (inout ThriftWriter, T) -> Void) {
        listHeader(id, elementType: .struct, count: values.count)
        for v in values {
            pushStruct()
            body(&self, v)
            endStruct()
        }
    }
}

/// Zigzag-maps a signed integer to unsigned (0,-1,1,-2 → 0,1,2,3).
@inline(__always)
func zigzag(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value << 1) ^ (value >> 63))
}

/// Appends an unsigned LEB128 varint.
@inline(__always)
func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
    var v = value
    while v >= 0x80 {
        out.append(UInt8(truncatingIfNeeded: v) | 0x80)
        v >>= 7
    }
    out.append(UInt8(v))
}
