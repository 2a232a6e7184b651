/// The parts of Thrift `FileMetaData` the reader uses, decoded from the footer.
struct FileMetadata {
    struct SchemaElement {
        var type: Int32?
        var repetition: Int32?
        var name = ""
        var numChildren: Int32?
        var convertedType: Int32?
        /// LogicalType union field id (1 STRING, 3 LIST, 6 DATE, 8 TIMESTAMP, 10 INTEGER, …).
        var logicalType: Int16?
        /// TIMESTAMP unit: 1 MILLIS, 2 MICROS, 3 NANOS.
        var timeUnit: Int16?
    }

    struct ColumnChunk {
        var filePath: String?
        var physicalType: Int32 = -1
        var codec: Int32 = 0
        var numValues: Int64 = 0
        var totalCompressedSize: Int64 = 0
        var dataPageOffset: Int64 = -1
        var dictionaryPageOffset: Int64?
        var path: [String] = []
        var hasMetadata = false
    }

    struct RowGroup {
        var columns: [ColumnChunk] = []
        var numRows: Int64 = 0
    }

    var schema: [SchemaElement] = []
    var numRows: Int64 = 0
    var rowGroups: [RowGroup] = []
    var keyValue: [ParquetKeyValue] = []
    var createdBy: String?

    /// Decodes FileMetaData from the footer bytes.
    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> FileMetadata {
        var r = ThriftReader(bytes)
        var m = FileMetadata()
        var sawSchema = false, sawRows = false, sawGroups = false
        try r.readStruct { r, id, type in
            switch (id, type) {
            case (2, .list):
                sawSchema = true
                try r.readList { r, t in
                    guard t == .struct else { throw ThriftDecodeError("schema element is not a struct") }
                    m.schema.append(try schemaElement(&r))
                }
            case (3, _):
                sawRows = true
                m.numRows = try r.expectI64(type, "num_rows")
            case (4, .list):
                sawGroups = true
                try r.readList { r, t in
                    guard t == .struct else { throw ThriftDecodeError("row group is not a struct") }
                    m.rowGroups.append(try rowGroup(&r))
                }
            case (5, .list):
                try r.readList { r, t in
                    guard t == .struct else { throw ThriftDecodeError("key/value is not a struct") }
                    var kv = ParquetKeyValue(key: "", value: "")
                    try r.readStruct { r, id, type in
                        switch id {
                        case 1: kv.key = try r.expectString(type, "key")
                        case 2: kv.value = try r.expectString(type, "value")
                        default: try r.skip(type)
                        }
                    }
                    m.keyValue.append(kv)
                }
            case (6, _): m.createdBy = try r.expectString(type, "created_by")
            default: try r.skip(type)
            }
        }
        guard sawSchema, sawRows, sawGroups else {
            throw ThriftDecodeError("FileMetaData lacks its \(!sawSchema ? "schema" : !sawRows ? "num_rows" : "row_groups")")
        }
        return m
    }

    private static func schemaElement(_ r: inout ThriftReader) throws -> SchemaElement {
        var e = SchemaElement()
        try r.readStruct { r, id, type in
            switch id {
            case 1: e.type = try r.expectI32(type, "type")
            case 3: e.repetition = try r.expectI32(type, "repetition_type")
            case 4: e.name = try r.expectString(type, "name")
            case 5: e.numChildren = try r.expectI32(type, "num_children")
            case 6: e.convertedType = try r.expectI32(type, "converted_type")
            case 10 where type == .struct:
                // LogicalType is a union: one field set.
                try r.readStruct { r, kind, kindType in
                    e.logicalType = kind
                    if kind == 8 && kindType == .struct {
                        try r.readStruct { r, field, fieldType in
                            if field == 2 && fieldType == .struct {
                                try r.readStruct { r, unit, unitType in
                                    e.timeUnit = unit
                                    try r.skip(unitType)
                                }
                            } else {
                                try r.skip(fieldType)
                            }
                        }
                    } else {
                        try r.skip(kindType)
                    }
                }
            default: try r.skip(type)
            }
        }
        return e
    }

    private static func rowGroup(_ r: inout ThriftReader) throws -> RowGroup {
        var g = RowGroup()
        try r.readStruct { r, id, type in
            switch (id, type) {
            case (1, .list):
                try r.readList { r, t in
                    guard t == .struct else { throw ThriftDecodeError("column chunk is not a struct") }
                    g.columns.append(try columnChunk(&r))
                }
            case (3, _): g.numRows = try r.expectI64(type, "num_rows")
            default: try r.skip(type)
            }
        }
        return g
    }

    private static func columnChunk(_ r: inout ThriftReader) throws -> ColumnChunk {
        var c = ColumnChunk()
        try r.readStruct { r, id, type in
            switch (id, type) {
            case (1, _): c.filePath = try r.expectString(type, "file_path")
            case (3, .struct):
                c.hasMetadata = true
                try r.readStruct { r, id, type in
                    switch id {
                    case 1: c.physicalType = try r.expectI32(type, "type")
                    case 3:
                        guard type == .list else { throw ThriftDecodeError("path_in_schema is not a list") }
                        try r.readList { r, t in
                            guard t == .binary else { throw ThriftDecodeError("path_in_schema holds a non-string") }
                            c.path.append(try r.string())
                        }
                    case 4: c.codec = try r.expectI32(type, "codec")
                    case 5: c.numValues = try r.expectI64(type, "num_values")
                    case 7: c.totalCompressedSize = try r.expectI64(type, "total_compressed_size")
                    case 9: c.dataPageOffset = try r.expectI64(type, "data_page_offset")
                    case 11: c.dictionaryPageOffset = try r.expectI64(type, "dictionary_page_offset")
                    default: try r.skip(type)
                    }
                }
            default: try r.skip(type)
            }
        }
        return c
    }
}

/// A decoded Thrift `PageHeader`.
struct PageHeader {
    enum Kind: Int32 { case data = 0, index = 1, dictionary = 2, dataV2 = 3 }
    var type: Int32 = -1
    var uncompressedSize: Int32 = -1
    var compressedSize: Int32 = -1
    var numValues: Int32 = -1
    var encoding: Int32 = -1
    var definitionLevelEncoding: Int32 = 3
    var repetitionLevelEncoding: Int32 = 3
    // Data page v2.
    var numNulls: Int32 = 0
    var numRows: Int32 = -1
    var definitionLevelsByteLength: Int32 = 0
    var repetitionLevelsByteLength: Int32 = 0
    var isCompressed = true

    /// Decodes a page header starting at `position`; returns it and where its body starts.
    static func decode(_ bytes: UnsafeRawBufferPointer, at position: Int) throws -> (PageHeader, Int) {
        var r = ThriftReader(bytes, from: position)
        var h = PageHeader()
        try r.readStruct { r, id, type in
            switch (id, type) {
            case (1, _): h.type = try r.expectI32(type, "page type")
            case (2, _): h.uncompressedSize = try r.expectI32(type, "uncompressed_page_size")
            case (3, _): h.compressedSize = try r.expectI32(type, "compressed_page_size")
            case (5, .struct):
                try r.readStruct { r, id, type in
                    switch id {
                    case 1: h.numValues = try r.expectI32(type, "num_values")
                    case 2: h.encoding = try r.expectI32(type, "encoding")
                    case 3: h.definitionLevelEncoding = try r.expectI32(type, "definition_level_encoding")
                    case 4: h.repetitionLevelEncoding = try r.expectI32(type, "repetition_level_encoding")
                    default: try r.skip(type)
                    }
                }
            case (7, .struct):
                try r.readStruct { r, id, type in
                    switch id {
                    case 1: h.numValues = try r.expectI32(type, "num_values")
                    case 2: h.encoding = try r.expectI32(type, "encoding")
                    default: try r.skip(type)
                    }
                }
            case (8, .struct):
                try r.readStruct { r, id, type in
                    switch id {
                    case 1: h.numValues = try r.expectI32(type, "num_values")
                    case 2: h.numNulls = try r.expectI32(type, "num_nulls")
                    case 3: h.numRows = try r.expectI32(type, "num_rows")
                    case 4: h.encoding = try r.expectI32(type, "encoding")
                    case 5: h.definitionLevelsByteLength = try r.expectI32(type, "definition_levels_byte_length")
                    case 6: h.repetitionLevelsByteLength = try r.expectI32(type, "repetition_levels_byte_length")
                    case 7: h.isCompressed = try r.expectBool(type, "is_compressed")
                    default: try r.skip(type)
                    }
                }
            default: try r.skip(type)
            }
        }
        return (h, r.position)
    }
}
