/// Physical types the reader decodes.
enum LeafPhysical: Equatable {
    case boolean, int32, int64, float, double, byteArray

    init?(thrift: Int32) {
        switch thrift {
        case 0: self = .boolean
        case 1: self = .int32
        case 2: self = .int64
        case 4: self = .float
        case 5: self = .double
        case 6: self = .byteArray
        default: return nil
        }
    }
}

/// One top-level column as the reader decodes it: a flat leaf, or a list of strings.
struct LeafColumn {
    var name: String
    var type: ParquetType
    var nullable: Bool
    var physical: LeafPhysical
    var maxDef: Int
    var maxRep: Int
    /// Lists: the definition level of a present but empty list (a lower one is a null list).
    var listDef = 0
    /// Lists: whether elements may be null (then level `maxDef - 1` is a null element).
    var elementNullable = false
    /// Timestamps: multiply (positive) or divide (negative) by this to get microseconds.
    var microsScale: Int64 = 1
    /// UINT_32 columns read as int64.
    var unsigned32 = false

    @inline(__always)
    func value(int32 v: Int32) -> ParquetValue {
        switch type {
        case .date: return .date(v)
        case .int64: return .int64(unsigned32 ? Int64(UInt32(bitPattern: v)) : Int64(v))
        default: return .int32(v)
        }
    }

    @inline(__always)
    func value(int64 v: Int64) -> ParquetValue {
        guard type == .timestampMicros else { return .int64(v) }
        if microsScale == 1 { return .timestampMicros(v) }
        if microsScale > 0 {
            let (r, overflow) = v.multipliedReportingOverflow(by: microsScale)
            return .timestampMicros(overflow ? (v < 0 ? .min : .max) : r)
        }
        // Floor division, so an instant before 1970 keeps its earlier microsecond.
        let d = -microsScale
        var q = v / d
        if v % d != 0 && v < 0 { q -= 1 }
        return .timestampMicros(q)
    }
}

extension FileMetadata {
    /// The top-level columns, each with its leaf, from the flattened schema tree. Throws for
    /// shapes the reader does not support (structs, maps, lists of non-strings, INT96, …).
    func leafColumns() throws -> [LeafColumn] {
        guard let root = schema.first else { throw ThriftDecodeError("the schema is empty") }
        let rootChildren = Int(root.numChildren ?? 0)
        guard rootChildren > 0 else { throw ThriftDecodeError("the schema has no columns") }
        var index = 1
        var leaves: [LeafColumn] = []
        for _ in 0..<rootChildren {
            guard index < schema.count else { throw ThriftDecodeError("the schema lists fewer elements than its root's children") }
            let element = schema[index]
            index += 1
            let repetition = element.repetition ?? 0
            let outerDef = repetition == 1 ? 1 : 0
            guard let children = element.numChildren, children > 0 else {
                guard repetition != 2 else {
                    throw ThriftDecodeError("column '\(element.name)' is a repeated field (a legacy list): not supported")
                }
                leaves.append(try leaf(element, name: element.name, nullable: repetition == 1, maxDef: outerDef, maxRep: 0))
                continue
            }
            let isList = element.convertedType == 3 || element.logicalType == 3
            guard isList, children == 1, index < schema.count else {
                throw ThriftDecodeError("column '\(element.name)' is a struct or map: only flat columns and lists of strings are read")
            }
            let repeated = schema[index]
            index += 1
            guard repeated.repetition == 2 else {
                throw ThriftDecodeError("list column '\(element.name)' has no repeated field")
            }
            var item = repeated
            var elementNullable = false
            if let grand = repeated.numChildren, grand > 0 {
                guard grand == 1, index < schema.count, (schema[index].numChildren ?? 0) == 0 else {
                    throw ThriftDecodeError("list column '\(element.name)' holds structs: only lists of strings are read")
                }
                item = schema[index]
                index += 1
                guard item.repetition != 2 else { throw ThriftDecodeError("list column '\(element.name)' has a repeated element") }
                elementNullable = item.repetition == 1
            }
            guard item.type == 6 else {
                throw ThriftDecodeError("list column '\(element.name)' holds non-strings: only lists of strings are read")
            }
            var column = try leaf(item, name: element.name, nullable: repetition == 1,
                                  maxDef: outerDef + 1 + (elementNullable ? 1 : 0), maxRep: 1)
            column.type = .stringList
            column.listDef = outerDef
            column.elementNullable = elementNullable
            leaves.append(column)
        }
        guard index == schema.count else { throw ThriftDecodeError("the schema has \(schema.count - index) elements past its root's children") }
        return leaves
    }

    private func leaf(_ e: SchemaElement, name: String, nullable: Bool, maxDef: Int, maxRep: Int) throws -> LeafColumn {
        guard let thrift = e.type else { throw ThriftDecodeError("column '\(name)' has no physical type") }
        guard let physical = LeafPhysical(thrift: thrift) else {
            let names: [Int32: String] = [3: "INT96", 7: "FIXED_LEN_BYTE_ARRAY"]
            throw ThriftDecodeError("column '\(name)' has physical type \(names[thrift] ?? String(thrift)): not supported")
        }
        var column = LeafColumn(name: name, type: .string, nullable: nullable, physical: physical, maxDef: maxDef, maxRep: maxRep)
        switch physical {
        case .boolean: column.type = .boolean
        case .float, .double: column.type = .double
        case .byteArray: column.type = .string
        case .int32:
            if e.logicalType == 6 || e.convertedType == 6 {
                column.type = .date
            } else if e.convertedType == 13 {
                column.type = .int64
                column.unsigned32 = true
            } else {
                column.type = .int32
            }
        case .int64:
            let unit: Int16? = e.logicalType == 8 ? e.timeUnit : e.convertedType == 9 ? 1 : e.convertedType == 10 ? 2 : nil
            switch unit {
            case 1?: column.type = .timestampMicros; column.microsScale = 1000
            case 2?: column.type = .timestampMicros
            case 3?: column.type = .timestampMicros; column.microsScale = -1000
            default: column.type = .int64
            }
        }
        return column
    }
}
