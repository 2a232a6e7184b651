/// Parquet physical types (Thrift `Type`).
enum PhysicalType: Int32 {
    case boolean = 0, int32 = 1, int64 = 2, double = 5, byteArray = 6
}

extension ParquetType {
    var physicalType: PhysicalType {
        switch self {
        case .string, .stringList: .byteArray
        case .int32, .date: .int32
        case .int64, .timestampMicros: .int64
        case .double: .double
        case .boolean: .boolean
        }
    }
}

/// Thrift `Encoding` values we write.
enum EncodingID {
    static let plain: Int32 = 0
    static let rle: Int32 = 3
    static let rleDictionary: Int32 = 8
}

/// What a finished column chunk reports for the footer.
struct ChunkMetadata {
    var physicalType: PhysicalType
    var encodings: [Int32]
    var path: [String]
    var codec: Int32
    var numValues: Int64
    var totalUncompressedSize: Int64
    var totalCompressedSize: Int64
    var dataPageOffset: Int64
    var dictionaryPageOffset: Int64?
    var statistics: ChunkStatistics
}

/// Column chunk statistics, ready for the footer.
struct ChunkStatistics {
    var nullCount: Int64
    var minValue: [UInt8]?
    var maxValue: [UInt8]?
    var minExact = true
    var maxExact = true
    var nanCount: Int64?
    /// Write the deprecated signed `min`/`max` too (signed numeric types only).
    var writeLegacy = false
}

/// Buffers, encodes and compresses one column chunk of the current row group.
/// Memory: the finished (compressed) pages of this chunk plus one page being built.
final class ColumnChunkWriter {
    let column: ParquetColumn
    let physical: PhysicalType
    let maxDef: Int
    let maxRep: Int
    /// Definition level of a present list element (lists only).
    private let listValueDef: UInt8
    private let listBaseDef: UInt8
    private let options: ParquetWriterOptions
    private let compressor: PageCompressor

    // Page being built.
    private var defLevels: [UInt8] = []
    private var repLevels: [UInt8] = []
    private var pageNumValues = 0
    private var indices: [UInt32] = []
    private var plainValues: [UInt8] = []
    private var boolValues: [Bool] = []

    // Chunk state.
    private var dictionary: ByteDictionary
    private var useDictionary: Bool
    private var dictionaryPagesWritten = 0
    private var plainPagesWritten = 0
    private(set) var pages: [UInt8] = []
    private var pagesUncompressedSize = 0
    private var numValues: Int64 = 0
    /// Level entries below maxDef: null values, null lists, empty lists, null elements.
    private var nullCount: Int64 = 0

    // Statistics.
    private var hasMinMax = false
    private var minInt: Int64 = 0
    private var maxInt: Int64 = 0
    private var minDouble: Double = 0
    private var maxDouble: Double = 0
    private var nanCount: Int64 = 0
    private var minBytes: [UInt8] = []
    private var maxBytes: [UInt8] = []

    init(column: ParquetColumn, options: ParquetWriterOptions, compressor: PageCompressor) {
        self.column = column
        self.physical = column.type.physicalType
        self.options = options
        self.compressor = compressor
        let base: UInt8 = column.nullable ? 1 : 0
        if column.type == .stringList {
            maxDef = Int(base) + 2
            maxRep = 1
        } else {
            maxDef = Int(base)
            maxRep = 0
        }
        listBaseDef = base
        listValueDef = base + 2
        useDictionary = options.dictionary && physical != .boolean
        dictionary = ByteDictionary(lengthPrefixed: physical == .byteArray)
    }

    /// Schema path below the root.
    var path: [String] {
        column.type == .stringList ? [column.name, "list", "element"] : [column.name]
    }

    /// Estimated uncompressed bytes buffered for this chunk (pages, dictionary, current page).
    var estimatedBytes: Int {
        pagesUncompressedSize + dictionary.plain.count + currentPageEstimate
    }

    /// Index bit width for the current dictionary size (kept up to date on insertion).
    private var indexWidth = 1

    /// Estimated encoded size of the page being built, in bits: 2 per level entry, the index
    /// width per dictionary index, 8 per PLAIN byte, 1 per boolean.
    private var pageEstimateBits = 0

    private var currentPageEstimate: Int { pageEstimateBits >> 3 }

    // MARK: appending one row's value

    /// Appends one (already type-checked) value and cuts a page when it is full.
    func append(_ value: ParquetValue) throws {
        switch value {
        case .null:
            pageEstimateBits &+= 2
            // Type checks guarantee the column is nullable.
            if maxRep > 0 { repLevels.append(0) }
            defLevels.append(0)
            pageNumValues += 1
            nullCount += 1
        case .stringList(let list):
            if list.isEmpty {
                repLevels.append(0)
                defLevels.append(listBaseDef)
                pageNumValues += 1
                pageEstimateBits &+= 4
                nullCount += 1  // null_count counts levels below maxDef, as pyarrow does
            } else {
                for (i, element) in list.enumerated() {
                    repLevels.append(i == 0 ? 0 : 1)
                    defLevels.append(listValueDef)
                    pageNumValues += 1
                    pageEstimateBits &+= 4
                    appendString(element)
                }
            }
        case .stringListWithNulls(let list):
            if list.isEmpty {
                repLevels.append(0)
                defLevels.append(listBaseDef)
                pageNumValues += 1
                pageEstimateBits &+= 4
                nullCount += 1  // null_count counts levels below maxDef, as pyarrow does
            } else {
                for (i, element) in list.enumerated() {
                    repLevels.append(i == 0 ? 0 : 1)
                    pageNumValues += 1
                    pageEstimateBits &+= 4
                    if let element {
                        defLevels.append(listValueDef)
                        appendString(element)
                    } else {
                        defLevels.append(listValueDef - 1)
                        nullCount += 1
                    }
                }
            }
        default:
            if maxDef > 0 {
                defLevels.append(1)
                pageEstimateBits &+= 2
            }
            pageNumValues += 1
            switch value {
            case .string(let s): appendString(s)
            case .int32(let v), .date(let v): appendInt32(v)
            case .int64(let v), .timestampMicros(let v): appendInt64(v)
            case .double(let v): appendDouble(v)
            case .boolean(let b): appendBool(b)
            default: throw ParquetError("internal: unexpected value kind \(value.kindName)", column: column.name)
            }
        }
        // Pages end at row boundaries: append is called once per row.
        if fallbackPending {
            fallbackPending = false
            try flushPage()
            useDictionary = false
        } else if currentPageEstimate >= options.pageBytes || pageNumValues >= maxPageValues {
            try flushPage()
        }
    }

    private func appendString(_ string: String) {
        var s = string
        s.withUTF8 { buf in appendBytes(UnsafeRawBufferPointer(buf)) }
    }

    private func appendBytes(_ bytes: UnsafeRawBufferPointer) {
        if useDictionary {
            let (index, inserted) = dictionary.index(of: bytes)
            indices.append(index)
            pageEstimateBits &+= indexWidth
            if inserted {
                updateByteStats(bytes)
                checkDictionarySize()
            }
        } else {
            appendUInt32LE(UInt32(truncatingIfNeeded: bytes.count), to: &plainValues)
            plainValues.append(contentsOf: bytes)
            pageEstimateBits &+= (bytes.count &+ 4) &* 8
            updateByteStats(bytes)
        }
    }

    private func updateByteStats(_ bytes: UnsafeRawBufferPointer) {
        if !hasMinMax {
            minBytes = Array(bytes)
            maxBytes = minBytes
            hasMinMax = true
            return
        }
        let isLess = minBytes.withUnsafeBytes { bytesLess(bytes, $0) }
        if isLess {
            minBytes = Array(bytes)
            return
        }
        let isGreater = maxBytes.withUnsafeBytes { bytesLess($0, bytes) }
        if isGreater { maxBytes = Array(bytes) }
    }

    private func appendInt32(_ v: Int32) {
        updateIntStats(Int64(v))
        var le = v.littleEndian
        withUnsafeBytes(of: &le) { appendFixed($0) }
    }

    private func appendInt64(_ v: Int64) {
        updateIntStats(v)
        var le = v.littleEndian
        withUnsafeBytes(of: &le) { appendFixed($0) }
    }

    private func appendDouble(_ v: Double) {
        if v.isNaN {
            nanCount += 1
        } else if !hasMinMax {
            minDouble = v
            maxDouble = v
            hasMinMax = true
        } else {
            if v < minDouble || (v == minDouble && v.sign == .minus) { minDouble = v }
            if v > maxDouble || (v == maxDouble && v.sign == .plus) { maxDouble = v }
        }
        var le = v.bitPattern.littleEndian
        withUnsafeBytes(of: &le) { appendFixed($0) }
    }

    private func appendBool(_ b: Bool) {
        let i: Int64 = b ? 1 : 0
        updateIntStats(i)
        boolValues.append(b)
        pageEstimateBits &+= 1
    }

    @inline(__always)
    private func updateIntStats(_ v: Int64) {
        if !hasMinMax {
            minInt = v
            maxInt = v
            hasMinMax = true
        } else {
            if v < minInt { minInt = v }
            if v > maxInt { maxInt = v }
        }
    }

    @inline(__always)
    private func appendFixed(_ bytes: UnsafeRawBufferPointer) {
        if useDictionary {
            let (index, inserted) = dictionary.index(of: bytes)
            indices.append(index)
            pageEstimateBits &+= indexWidth
            if inserted { checkDictionarySize() }
        } else {
            plainValues.append(contentsOf: bytes)
            pageEstimateBits &+= bytes.count &* 8
        }
    }

    /// Falls back to PLAIN for the rest of the chunk once the dictionary is too big.
    private func checkDictionarySize() {
        indexWidth = max(1, bitWidth(UInt64(dictionary.count)))
        if dictionary.plain.count > options.maxDictionaryBytes { fallbackPending = true }
    }

    /// Level entries per page cap: bounds the page buffers (4-byte indices, 1-byte levels)
    /// when values encode to very few bits, and keeps Int32 header fields far from overflow.
    private let maxPageValues = 1 << 17

    /// Set when the dictionary passed its limit; acted on at the end of the row.
    private var fallbackPending = false

    // MARK: pages

    /// Encodes, compresses and stores the page being built (no-op when empty).
    func flushPage() throws {
        if pageNumValues == 0 { return }
        var body: [UInt8] = []
        if maxRep > 0 { body.append(contentsOf: encodeLevelsV1(repLevels, maxLevel: maxRep)) }
        if maxDef > 0 { body.append(contentsOf: encodeLevelsV1(defLevels, maxLevel: maxDef)) }
        let encoding: Int32
        if useDictionary, dictionary.count > 0 {
            body.append(contentsOf: encodeDictionaryIndices(indices, dictionarySize: dictionary.count))
            encoding = EncodingID.rleDictionary
            dictionaryPagesWritten += 1
        } else {
            if physical == .boolean {
                body.append(contentsOf: Plain.booleans(boolValues))
            } else {
                body.append(contentsOf: plainValues)
            }
            encoding = EncodingID.plain
            plainPagesWritten += 1
        }
        guard body.count <= Int(Int32.max) else {
            throw ParquetError("page larger than 2 GiB; lower pageBytes", column: column.name)
        }
        let compressed = try compressor.compress(body)
        var header = ThriftWriter()
        header.i32(1, 0)  // DATA_PAGE
        header.i32(2, Int32(body.count))
        header.i32(3, Int32(compressed.count))
        header.beginStruct(5)
        header.i32(1, Int32(pageNumValues))
        header.i32(2, encoding)
        header.i32(3, EncodingID.rle)
        header.i32(4, EncodingID.rle)
        header.endStruct()
        header.endStruct()
        pages.append(contentsOf: header.bytes)
        pages.append(contentsOf: compressed)
        pagesUncompressedSize += header.bytes.count + body.count
        numValues += Int64(pageNumValues)
        pageNumValues = 0
        pageEstimateBits = 0
        defLevels.removeAll(keepingCapacity: true)
        repLevels.removeAll(keepingCapacity: true)
        indices.removeAll(keepingCapacity: true)
        plainValues.removeAll(keepingCapacity: true)
        boolValues.removeAll(keepingCapacity: true)
    }

    /// Finishes the chunk: returns the dictionary page (header + body, empty when none), the
    /// data pages, and the footer metadata given the file offset where the chunk will start.
    func finish(fileOffset: Int64) throws -> (dictionaryPage: [UInt8], metadata: ChunkMetadata) {
        try flushPage()
        var dictionaryPage: [UInt8] = []
        var dictionaryUncompressed = 0
        if dictionaryPagesWritten > 0 {
            let body = dictionary.plain
            guard body.count <= Int(Int32.max) else {
                throw ParquetError("dictionary page larger than 2 GiB", column: column.name)
            }
            let compressed = try compressor.compress(body)
            var header = ThriftWriter()
            header.i32(1, 2)  // DICTIONARY_PAGE
            header.i32(2, Int32(body.count))
            header.i32(3, Int32(compressed.count))
            header.beginStruct(7)
            header.i32(1, Int32(dictionary.count))
            header.i32(2, EncodingID.plain)
            header.endStruct()
            header.endStruct()
            dictionaryPage = header.bytes + compressed
            dictionaryUncompressed = header.bytes.count + body.count
        }
        var encodings: [Int32] = [EncodingID.plain, EncodingID.rle]
        if dictionaryPagesWritten > 0 { encodings.append(EncodingID.rleDictionary) }
        let metadata = ChunkMetadata(
            physicalType: physical,
            encodings: encodings,
            path: path,
            codec: compressor.thriftCodec,
            numValues: numValues,
            totalUncompressedSize: Int64(dictionaryUncompressed + pagesUncompressedSize),
            totalCompressedSize: Int64(dictionaryPage.count + pages.count),
            dataPageOffset: fileOffset + Int64(dictionaryPage.count),
            dictionaryPageOffset: dictionaryPage.isEmpty ? nil : fileOffset,
            statistics: statistics())
        return (dictionaryPage, metadata)
    }

    private func statistics() -> ChunkStatistics {
        var stats = ChunkStatistics(nullCount: nullCount)
        switch physical {
        case .double:
            stats.nanCount = nanCount
            stats.writeLegacy = true
            if hasMinMax {
                let lo = minDouble == 0 ? -0.0 : minDouble
                let hi = maxDouble == 0 ? 0.0 : maxDouble
                stats.minValue = Plain.double(lo)
                stats.maxValue = Plain.double(hi)
            }
        case .int32:
            stats.writeLegacy = true
            if hasMinMax {
                stats.minValue = Plain.int32(Int32(truncatingIfNeeded: minInt))
                stats.maxValue = Plain.int32(Int32(truncatingIfNeeded: maxInt))
            }
        case .int64:
            stats.writeLegacy = true
            if hasMinMax {
                stats.minValue = Plain.int64(minInt)
                stats.maxValue = Plain.int64(maxInt)
            }
        case .boolean:
            if hasMinMax {
                stats.minValue = [UInt8(truncatingIfNeeded: minInt)]
                stats.maxValue = [UInt8(truncatingIfNeeded: maxInt)]
            }
        case .byteArray:
            if hasMinMax {
                let limit = options.statisticsTruncateBytes
                let lo = truncatedMin(minBytes, limit: limit)
                let hi = truncatedMax(maxBytes, limit: limit)
                stats.minValue = lo.bytes
                stats.minExact = lo.exact
                stats.maxValue = hi.bytes
                stats.maxExact = hi.exact
            }
        }
        return stats
    }
}

/// Largest UTF-8 character boundary at or below `limit`.
private func utf8Boundary(_ bytes: [UInt8], limit: Int) -> Int {
    var cut = min(limit, bytes.count)
    while cut > 0 && cut < bytes.count && (bytes[cut] & 0xC0) == 0x80 { cut -= 1 }
    return cut
}

/// A lower bound of at most `limit` bytes: a prefix cut at a character boundary.
func truncatedMin(_ bytes: [UInt8], limit: Int) -> (bytes: [UInt8], exact: Bool) {
    if bytes.count <= limit { return (bytes, true) }
    return (Array(bytes[..<utf8Boundary(bytes, limit: limit)]), false)
}

/// An upper bound of about `limit` bytes: a prefix whose last character is incremented
/// (so it sorts above every string with that prefix), still valid UTF-8. When no character
/// can be incremented the full value is kept.
func truncatedMax(_ bytes: [UInt8], limit: Int) -> (bytes: [UInt8], exact: Bool) {
    if bytes.count <= limit { return (bytes, true) }
    let prefix = Array(bytes[..<utf8Boundary(bytes, limit: limit)])
    var scalars = Array(String(decoding: prefix, as: UTF8.self).unicodeScalars)
    while let last = scalars.popLast() {
        var next = last.value + 1
        if next >= 0xD800 && next <= 0xDFFF { next = 0xE000 }
        if let scalar = Unicode.Scalar(next) {
            scalars.append(scalar)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return (Array(String(view).utf8), false)
        }
    }
    return (bytes, true)
}
