/// Row group metadata kept until the footer is written.
struct RowGroupMetadata {
    var chunks: [ChunkMetadata]
    var numRows: Int64
    var fileOffset: Int64
    var totalByteSize: Int64
    var totalCompressedSize: Int64
}

/// Serialises FileMetaData (Thrift compact).
enum Footer {
    static func encode(
        schema: ParquetSchema, rowGroups: [RowGroupMetadata], numRows: Int64, options: ParquetWriterOptions
    ) -> [UInt8] {
        var w = ThriftWriter()
        w.i32(1, 1)  // version
        let elements = schemaElementCount(schema)
        w.listHeader(2, elementType: .struct, count: elements)
        // Root.
        w.pushStruct()
        w.string(4, "schema")
        w.i32(5, Int32(schema.columns.count))
        w.endStruct()
        for column in schema.columns { writeSchemaElements(column, into: &w) }
        w.i64(3, numRows)
        w.structList(4, Array(rowGroups.enumerated())) { w, item in
            let (ordinal, group) = item
            w.structList(1, group.chunks) { w, chunk in
                w.i64(2, 0)  // file_offset (deprecated)
                w.beginStruct(3)
                writeColumnMetaData(chunk, into: &w)
                w.endStruct()
            }
            w.i64(2, group.totalByteSize)
            w.i64(3, group.numRows)
            w.i64(5, group.fileOffset)
            w.i64(6, group.totalCompressedSize)
            w.i16(7, Int16(truncatingIfNeeded: ordinal))
        }
        if !options.keyValueMetadata.isEmpty {
            w.structList(5, options.keyValueMetadata) { w, kv in
                w.string(1, kv.key)
                w.string(2, kv.value)
            }
        }
        w.string(6, options.createdBy)
        // column_orders: TYPE_ORDER for every leaf.
        w.listHeader(7, elementType: .struct, count: schema.columns.count)
        for _ in schema.columns {
            w.pushStruct()
            w.beginStruct(1)
            w.endStruct()
            w.endStruct()
        }
        w.endStruct()
        return w.bytes
    }

    static func schemaElementCount(_ schema: ParquetSchema) -> Int {
        1 + schema.columns.reduce(0) { $0 + ($1.type == .stringList ? 3 : 1) }
    }

    private static func writeSchemaElements(_ column: ParquetColumn, into w: inout ThriftWriter) {
        let repetition: Int32 = column.nullable ? 1 : 0
        if column.type == .stringList {
            w.pushStruct()
            w.i32(3, repetition)
            w.string(4, column.name)
            w.i32(5, 1)
            w.i32(6, 3)  // ConvertedType LIST
            w.beginStruct(10)
            w.beginStruct(3)  // LogicalType.LIST
            w.endStruct()
            w.endStruct()
            w.endStruct()

            w.pushStruct()
            w.i32(3, 2)  // REPEATED
            w.string(4, "list")
            w.i32(5, 1)
            w.endStruct()

            w.pushStruct()
            w.i32(1, PhysicalType.byteArray.rawValue)
            w.i32(3, 1)  // OPTIONAL element
            w.string(4, "element")
            w.i32(6, 0)  // UTF8
            w.beginStruct(10)
            w.beginStruct(1)  // STRING
            w.endStruct()
            w.endStruct()
            w.endStruct()
            return
        }
        w.pushStruct()
        w.i32(1, column.type.physicalType.rawValue)
        w.i32(3, repetition)
        w.string(4, column.name)
        switch column.type {
        case .string:
            w.i32(6, 0)  // UTF8
            w.beginStruct(10)
            w.beginStruct(1)  // STRING
            w.endStruct()
            w.endStruct()
        case .date:
            w.i32(6, 6)  // DATE
            w.beginStruct(10)
            w.beginStruct(6)  // DATE
            w.endStruct()
            w.endStruct()
        case .timestampMicros:
            w.i32(6, 10)  // TIMESTAMP_MICROS
            w.beginStruct(10)
            w.beginStruct(8)  // TIMESTAMP
            w.bool(1, true)  // isAdjustedToUTC
            w.beginStruct(2)  // unit
            w.beginStruct(2)  // MICROS
            w.endStruct()
            w.endStruct()
            w.endStruct()
            w.endStruct()
        case .int32, .int64, .double, .boolean, .stringList:
            break
        }
        w.endStruct()
    }

    private static func writeColumnMetaData(_ c: ChunkMetadata, into w: inout ThriftWriter) {
        w.i32(1, c.physicalType.rawValue)
        w.i32List(2, c.encodings)
        w.stringList(3, c.path)
        w.i32(4, c.codec)
        w.i64(5, c.numValues)
        w.i64(6, c.totalUncompressedSize)
        w.i64(7, c.totalCompressedSize)
        w.i64(9, c.dataPageOffset)
        if let offset = c.dictionaryPageOffset { w.i64(11, offset) }
        w.beginStruct(12)
        let s = c.statistics
        if s.writeLegacy, let max = s.maxValue, let min = s.minValue {
            w.binary(1, max)
            w.binary(2, min)
        }
        w.i64(3, s.nullCount)
        if let max = s.maxValue, let min = s.minValue {
            w.binary(5, max)
            w.binary(6, min)
            w.bool(7, s.maxExact)
            w.bool(8, s.minExact)
        }
        if let nan = s.nanCount { w.i64(9, nan) }
        w.endStruct()
    }
}
