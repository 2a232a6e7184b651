/// Decodes one column chunk (its pages, in memory) into one value per row: dictionary pages,
/// data pages v1 and v2; PLAIN, RLE_DICTIONARY / PLAIN_DICTIONARY and (booleans) RLE values;
/// RLE levels. Every length is checked against the bytes there.
struct ColumnChunkReader {
    let leaf: LeafColumn
    let codec: Int32
    let decompressor: PageDecompressor

    /// Level entries a page may claim at most (Arrow and our writer stay far below).
    static let maxPageValues = 1 << 24

    /// The chunk's rows; `levelCount` is the chunk's `num_values`, `rows` its row group's rows.
    func decode(_ chunk: UnsafeRawBufferPointer, levelCount: Int64, rows: Int) throws -> [ParquetValue] {
        // Every row has at least one level entry.
        guard Int64(rows) <= levelCount else {
            throw DecodeError("the chunk holds \(levelCount) values for its row group's \(rows) rows")
        }
        var out: [ParquetValue] = []
        out.reserveCapacity(min(rows, 1 << 16))
        var dictionary: [ParquetValue]?
        var position = 0
        var levelsRead: Int64 = 0
        var list = ListAssembler(leaf: leaf)
        var pageNumber = 0
        while levelsRead < levelCount {
            guard position < chunk.count else {
                throw DecodeError("the column chunk ends after \(levelsRead) of its \(levelCount) values")
            }
            let header: PageHeader
            let bodyStart: Int
            do {
                (header, bodyStart) = try PageHeader.decode(chunk, at: position)
            } catch let error as ThriftDecodeError {
                throw DecodeError("page \(pageNumber): unreadable page header (\(error.message))")
            }
            guard header.compressedSize >= 0, header.uncompressedSize >= 0 else {
                throw DecodeError("page \(pageNumber): negative or missing page size")
            }
            let bodyEnd = bodyStart + Int(header.compressedSize)
            guard bodyEnd <= chunk.count else {
                throw DecodeError("page \(pageNumber): its \(header.compressedSize) bytes pass the end of the column chunk")
            }
            let body = UnsafeRawBufferPointer(rebasing: chunk[bodyStart..<bodyEnd])
            position = bodyEnd
            do {
                switch PageHeader.Kind(rawValue: header.type) {
                case .dictionary?:
                    guard dictionary == nil else { throw DecodeError("a second dictionary page") }
                    dictionary = try readDictionary(header, body)
                case .data?, .dataV2?:
                    guard header.numValues >= 0, Int(header.numValues) <= Self.maxPageValues else {
                        throw DecodeError("data page claims \(header.numValues) values")
                    }
                    guard Int64(header.numValues) <= levelCount - levelsRead else {
                        throw DecodeError("data page of \(header.numValues) values passes the chunk's \(levelCount)")
                    }
                    try readDataPage(header, body, dictionary: dictionary, list: &list, into: &out)
                    levelsRead += Int64(header.numValues)
                    guard out.count + list.pendingRows <= rows else {
                        throw DecodeError("the chunk holds more rows than its row group's \(rows)")
                    }
                case .index?:
                    break
                case nil:
                    throw DecodeError("unknown page type \(header.type)")
                }
            } catch let error as DecodeError {
                throw DecodeError(error.message.hasPrefix("page ") ? error.message : "page \(pageNumber): \(error.message)")
            }
            pageNumber += 1
        }
        list.finish(into: &out)
        guard out.count == rows else {
            throw DecodeError("the chunk holds \(out.count) rows, its row group \(rows)")
        }
        return out
    }

    private func readDictionary(_ header: PageHeader, _ body: UnsafeRawBufferPointer) throws -> [ParquetValue] {
        guard header.encoding == 0 || header.encoding == 2 else {
            throw DecodeError("dictionary page encoding \(encodingName(header.encoding)) is not supported")
        }
        guard header.numValues >= 0, Int(header.numValues) <= Self.maxPageValues else {
            throw DecodeError("dictionary page claims \(header.numValues) values")
        }
        let bytes = try decompressor.decompress(body, codec: codec, size: Int(header.uncompressedSize))
        var values: [ParquetValue] = []
        var flat = leaf
        if flat.type == .stringList { flat.type = .string }
        try bytes.withUnsafeBytes { raw in
            var decoder = PlainDecoder(raw)
            try decoder.decode(Int(header.numValues), flat, into: &values)
        }
        return values
    }

    private func readDataPage(
        _ header: PageHeader, _ body: UnsafeRawBufferPointer, dictionary: [ParquetValue]?,
        list: inout ListAssembler, into out: inout [ParquetValue]
    ) throws {
        let count = Int(header.numValues)
        var repLevels: [UInt32] = []
        var defLevels: [UInt32] = []
        let page: [UInt8]
        var valuesStart = 0
        if header.type == PageHeader.Kind.data.rawValue {
            page = try decompressor.decompress(body, codec: codec, size: Int(header.uncompressedSize))
            try page.withUnsafeBytes { raw in
                var at = 0
                if leaf.maxRep > 0 {
                    guard header.repetitionLevelEncoding == 3 else { throw DecodeError("repetition levels are not RLE-encoded") }
                    at = try levelsV1(raw, from: at, maxLevel: leaf.maxRep, count: count, into: &repLevels)
                }
                if leaf.maxDef > 0 {
                    guard header.definitionLevelEncoding == 3 else { throw DecodeError("definition levels are not RLE-encoded") }
                    at = try levelsV1(raw, from: at, maxLevel: leaf.maxDef, count: count, into: &defLevels)
                }
                valuesStart = at
            }
        } else {
            let repLength = Int(header.repetitionLevelsByteLength)
            let defLength = Int(header.definitionLevelsByteLength)
            guard repLength >= 0, defLength >= 0, repLength + defLength <= body.count,
                  repLength + defLength <= Int(header.uncompressedSize) else {
                throw DecodeError("level lengths (\(repLength) + \(defLength) bytes) pass the page")
            }
            if leaf.maxRep > 0 {
                var d = try RleHybridDecoder(UnsafeRawBufferPointer(rebasing: body[0..<repLength]), bitWidth: bitWidth(UInt64(leaf.maxRep)))
                try d.decode(count, into: &repLevels, max: UInt32(leaf.maxRep))
            }
            if leaf.maxDef > 0 {
                var d = try RleHybridDecoder(UnsafeRawBufferPointer(rebasing: body[repLength..<(repLength + defLength)]), bitWidth: bitWidth(UInt64(leaf.maxDef)))
                try d.decode(count, into: &defLevels, max: UInt32(leaf.maxDef))
            }
            let values = UnsafeRawBufferPointer(rebasing: body[(repLength + defLength)...])
            let size = Int(header.uncompressedSize) - repLength - defLength
            if header.isCompressed && codec != 0 {
                page = try decompressor.decompress(values, codec: codec, size: size)
            } else {
                guard values.count == size else { throw DecodeError("uncompressed values of \(values.count) bytes say they have \(size)") }
                page = Array(values)
            }
        }
        // The values present: entries at the maximum definition level.
        let maxDef = UInt32(leaf.maxDef)
        let present = leaf.maxDef == 0 ? count : defLevels.reduce(0) { $0 + ($1 == maxDef ? 1 : 0) }
        var values: [ParquetValue] = []
        try page.withUnsafeBytes { raw in
            let section = UnsafeRawBufferPointer(rebasing: raw[valuesStart...])
            try decodeValues(section, encoding: header.encoding, count: present, dictionary: dictionary, into: &values)
        }
        if leaf.maxRep > 0 {
            try list.add(rep: repLevels, def: defLevels, values: values, into: &out)
        } else if leaf.maxDef == 0 {
            out.append(contentsOf: values)
        } else {
            var k = 0
            for level in defLevels {
                if level == maxDef {
                    out.append(values[k])
                    k += 1
                } else {
                    out.append(.null)
                }
            }
        }
    }

    /// Reads v1 levels (4-byte length, then the hybrid stream); returns the offset after them.
    private func levelsV1(_ raw: UnsafeRawBufferPointer, from at: Int, maxLevel: Int, count: Int, into out: inout [UInt32]) throws -> Int {
        guard raw.count - at >= 4 else { throw DecodeError("levels lack their length") }
        let length = Int(raw.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian)
        guard length <= raw.count - at - 4 else { throw DecodeError("levels of \(length) bytes pass the end of the page") }
        var d = try RleHybridDecoder(UnsafeRawBufferPointer(rebasing: raw[(at + 4)..<(at + 4 + length)]), bitWidth: bitWidth(UInt64(maxLevel)))
        try d.decode(count, into: &out, max: UInt32(maxLevel))
        return at + 4 + length
    }

    private func decodeValues(
        _ section: UnsafeRawBufferPointer, encoding: Int32, count: Int, dictionary: [ParquetValue]?,
        into values: inout [ParquetValue]
    ) throws {
        var flat = leaf
        if flat.type == .stringList { flat.type = .string }
        switch encoding {
        case 0:
            var decoder = PlainDecoder(section)
            try decoder.decode(count, flat, into: &values)
        case 2, 8:
            guard let dictionary else { throw DecodeError("dictionary-encoded page without a dictionary page") }
            if count == 0 { return }
            guard !dictionary.isEmpty else { throw DecodeError("dictionary-encoded values with an empty dictionary") }
            guard let width = section.first else { throw DecodeError("dictionary indices lack their bit width") }
            var d = try RleHybridDecoder(UnsafeRawBufferPointer(rebasing: section[1...]), bitWidth: Int(width))
            var indices: [UInt32] = []
            try d.decode(count, into: &indices, max: UInt32(dictionary.count - 1))
            for i in indices { values.append(dictionary[Int(i)]) }
        case 3 where leaf.physical == .boolean:
            try decodeRleBooleans(section, count: count, into: &values)
        default:
            throw DecodeError("value encoding \(encodingName(encoding)) is not supported (only PLAIN, RLE_DICTIONARY and RLE booleans)")
        }
    }

    private func encodingName(_ e: Int32) -> String {
        let names: [Int32: String] = [
            0: "PLAIN", 2: "PLAIN_DICTIONARY", 3: "RLE", 4: "BIT_PACKED", 5: "DELTA_BINARY_PACKED",
            6: "DELTA_LENGTH_BYTE_ARRAY", 7: "DELTA_BYTE_ARRAY", 8: "RLE_DICTIONARY", 9: "BYTE_STREAM_SPLIT",
        ]
        return names[e] ?? "\(e)"
    }
}

/// Builds list rows from repetition and definition levels, across pages.
struct ListAssembler {
    let leaf: LeafColumn
    private var open = false
    private var isNull = false
    private var items: [String?] = []
    private var hasNullItem = false

    init(leaf: LeafColumn) {
        self.leaf = leaf
    }

    /// Rows started but not yet emitted (0 or 1).
    var pendingRows: Int { open ? 1 : 0 }

    mutating func add(rep: [UInt32], def: [UInt32], values: [ParquetValue], into out: inout [ParquetValue]) throws {
        let listDef = UInt32(leaf.listDef)
        let maxDef = UInt32(leaf.maxDef)
        var k = 0
        for i in 0..<rep.count {
            let d = def.isEmpty ? maxDef : def[i]
            if rep[i] == 0 {
                finish(into: &out)
                open = true
            } else if !open {
                throw DecodeError("a list continues a row that never started")
            }
            if d < listDef {
                isNull = true
            } else if d == listDef {
                // An empty list: nothing to add.
            } else if d < maxDef {
                guard leaf.elementNullable else { throw DecodeError("definition level \(d) does not fit the list") }
                items.append(nil)
                hasNullItem = true
            } else {
                guard k < values.count, case .string(let s) = values[k] else {
                    throw DecodeError("fewer list values than levels")
                }
                items.append(s)
                k += 1
            }
        }
    }

    /// Emits the row being built, if any.
    mutating func finish(into out: inout [ParquetValue]) {
        guard open else { return }
        if isNull {
            out.append(.null)
        } else if hasNullItem {
            out.append(.stringListWithNulls(items))
        } else {
            out.append(.stringList(items.map { $0 ?? "" }))
        }
        open = false
        isNull = false
        items.removeAll(keepingCapacity: true)
        hasNullItem = false
    }
}
