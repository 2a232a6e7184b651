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
/// Holds ``ByteBuffer``s: never copy a writer that is still used.
/// Memory: the finished (compressed) pages of this chunk plus one page being built.
/// A value type so the per-value path has no class-property exclusivity checks; the writer
/// keeps its columns in one array and mutates them in place.
struct ColumnChunkWriter {
    let column: ParquetColumn
    let physical: PhysicalType
    let maxDef: Int
    let maxRep: Int
    /// Definition level of a present list element (lists only).
    private let listValueDef: UInt8
    private let listBaseDef: UInt8
    private let pageBytes: Int
    private let maxDictionaryBytes: Int
    private let statisticsTruncateBytes: Int
    private let compressor: PageCompressor

    // Page being built.
    private var defLevels = LevelRuns()
    private var repLevels = LevelRuns()
    private var pageNumValues = 0
    /// Dictionary indices of the page, UInt32 little-endian.
    private var indices = ByteBuffer()
    private var plainValues = ByteBuffer()
    private var boolValues: [Bool] = []

    // Chunk state.
    private var dictionary: ByteDictionary
    private var useDictionary: Bool
    private var dictionaryPagesWritten = 0
    private var plainPagesWritten = 0
    private(set) var pages = PageList()
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
    /// ``prefixKey(_:)`` of `minBytes` / `maxBytes`.
    private var minKey: UInt64 = 0
    private var maxKey: UInt64 = 0

    init(column: ParquetColumn, options: ParquetWriterOptions, compressor: PageCompressor, hints: SizeHints = SizeHints()) {
        self.column = column
        self.physical = column.type.physicalType
        self.pageBytes = options.pageBytes
        self.pageCheckRows = options.pageCheckRows
        self.maxPageRows = options.pageRows
        self.maxDictionaryBytes = options.maxDictionaryBytes
        self.statisticsTruncateBytes = options.statisticsTruncateBytes
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
        levelGap = options.compression != .none && maxDef > 0 && physical != .boolean ? Self.levelGapBytes : 0
        // Buffers jump to their expected size once past 64 KiB (fresh memory costs nothing
        // until touched): what the previous row group's chunk of this column reached, else
        // the limits.
        dictionary = ByteDictionary(
            lengthPrefixed: physical == .byteArray,
            sizeHint: max(min(options.maxDictionaryBytes, 1 << 24) + 64, min(hints.dictionaryBytes, 1 << 28) * 9 / 8))
        // Pages hold at most maxPageValues level entries and about pageBytes of values.
        let valueHint = column.type == .stringList ? maxPageValues : min(maxPageValues, options.pageRows)
        indices.sizeHint = valueHint * 4
        plainValues.sizeHint = max(min(options.pageBytes, 1 << 26) + 256, min(hints.plainBytes, 1 << 28) * 9 / 8) + levelGap
    }

    /// Buffer sizes one chunk reached, to size the next row group's buffers.
    struct SizeHints {
        /// Largest PLAIN values buffer of a page.
        var plainBytes = 0
        /// Final dictionary page body.
        var dictionaryBytes = 0
    }

    /// This chunk's sizes so far.
    var sizeHints: SizeHints {
        SizeHints(plainBytes: max(largestPlainBytes, plainValues.count), dictionaryBytes: max(dictionary.plainCount, sealedDictionaryBytes))
    }

    private var largestPlainBytes = 0

    /// Bytes left free at the start of `plainValues` (written lazily, before the first PLAIN
    /// value of a page) for compressed pages with levels: the page's levels are put there,
    /// right before the values, so the body is compressed in place instead of being copied.
    /// Bounds the levels of a full page: two RLE streams of at most 2^17 entries of 2 bits
    /// (runs of 8 cost at most 2 bytes per 8 entries), with their headers and length prefixes.
    private let levelGap: Int
    static let levelGapBytes = 80 * 1024

    /// Schema path below the root.
    var path: [String] {
        column.type == .stringList ? [column.name, "list", "element"] : [column.name]
    }

    /// Estimated uncompressed bytes buffered for this chunk (pages, dictionary, current page).
    var estimatedBytes: Int {
        pagesUncompressedSize &+ dictionary.plainCount &+ (pageEstimateBits >> 3)
    }

    /// Bytes this chunk has accumulated in memory: its finished (compressed) pages and its
    /// dictionary with the dictionary's index. (The page being built is bounded by the page
    /// size rules and is not counted.)
    var heldBytes: Int {
        pages.count &+ dictionary.memoryBytes &+ (sealedDictionary?.page.count ?? 0)
    }

    /// Index bit width for the current dictionary size (kept up to date on insertion).
    private var indexWidth = 1

    /// Dictionary index of the last value looked up (-1 before the first), and its bits
    /// for fixed-width columns.
    private var lastIndex = -1
    private var lastBits: UInt64 = 0

    /// Estimated encoded size of the page being built, in bits: 2 per level entry, the index
    /// width per dictionary index, 8 per PLAIN byte, 1 per boolean.
    private var pageEstimateBits = 0

    // MARK: appending a batch's values

    /// Appends rows `from ..< from + count` of `values` (this column's values in a
    /// ``ParquetRowBatch``, already checked against the column), in order.
    mutating func appendColumn(_ values: borrowing ColumnValues, from: Int, count: Int) throws {
        let end = from &+ count
        switch values.type {
        case .string:
            // A string can add any number of bytes: caps after each row. A full dictionary
            // falls back at once: long values would otherwise pile up `pageCheckRows` rows of
            // text in the dictionary (and in memory) past its limit.
            for r in from..<end {
                if values.isPresent(r) {
                    presentValue()
                    appendBytes(values.string(r))
                } else {
                    appendNullLevel()
                }
                try endByteArrayRow()
            }
        case .stringList:
            for r in from..<end {
                if !values.isPresent(r) {
                    appendNullLevel()
                } else {
                    let items = values.listItems(r)
                    if items.isEmpty { appendEmptyList() }
                    for i in items {
                        repLevels.append(UInt8(i == items.lowerBound ? 0 : 1))
                        pageNumValues &+= 1
                        pageEstimateBits &+= 4
                        if values.isItemPresent(i) {
                            defLevels.append(listValueDef)
                            appendBytes(values.string(i))
                        } else {
                            defLevels.append(listValueDef - 1)
                            nullCount &+= 1
                        }
                    }
                }
                try endByteArrayRow()
            }
        case .boolean:
            for r in from..<end {
                if values.isPresent(r) {
                    presentValue()
                    appendBool(values.fixedBits(r) != 0)
                } else {
                    appendNullLevel()
                }
                try endFixedRow()
            }
        case .double:
            prefetch(values, from: from, end: end)
            for r in from..<end {
                if values.isPresent(r) {
                    presentValue()
                    appendDouble(Double(bitPattern: values.fixedBits(r)))
                } else {
                    appendNullLevel()
                }
                try endFixedRow()
            }
        case .int32, .date:
            prefetch(values, from: from, end: end)
            for r in from..<end {
                if values.isPresent(r) {
                    presentValue()
                    appendInt32(Int32(truncatingIfNeeded: values.fixedBits(r)))
                } else {
                    appendNullLevel()
                }
                try endFixedRow()
            }
        case .int64, .timestampMicros:
            prefetch(values, from: from, end: end)
            for r in from..<end {
                if values.isPresent(r) {
                    presentValue()
                    appendInt64(Int64(bitPattern: values.fixedBits(r)))
                } else {
                    appendNullLevel()
                }
                try endFixedRow()
            }
        }
    }

    /// After each row of a string or list column: the page caps, and the limits every
    /// `pageCheckRows` rows or at once when the dictionary just filled.
    @inline(__always)
    private mutating func endByteArrayRow() throws {
        try endRow()
        rowsSinceCheck &+= 1
        if rowsSinceCheck >= pageCheckRows || fallbackPending { try checkLimits() }
    }

    /// After each row of a fixed-width column (one entry of at most 8 bytes, so a full
    /// dictionary waits for the next check).
    @inline(__always)
    private mutating func endFixedRow() throws {
        try endRow()
        rowsSinceCheck &+= 1
        if rowsSinceCheck >= pageCheckRows { try checkLimits() }
    }

    /// Where ``touchSlots(_:from:end:)`` leaves its result, so its loads are not optimised away.
    private var prefetchSink: UInt64 = 0

    @inline(__always)
    private mutating func prefetch(_ values: borrowing ColumnValues, from: Int, end: Int) {
        if useDictionary && dictionary.isLarge { prefetchSink = touchSlots(values, from: from, end: end) }
    }

    /// Loads the dictionary slot of each fixed-width value of the rows in a tight loop, so
    /// the cache misses of a large dictionary overlap instead of stalling one value at a time
    /// (a software prefetch: the result is only a checksum; the table may still grow).
    @inline(never)
    private func touchSlots(_ values: borrowing ColumnValues, from: Int, end: Int) -> UInt64 {
        var acc: UInt64 = 0
        let size = values.width
        for r in from..<end { acc &+= dictionary.slotHint(fixed: values.fixedBits(r), size: size) }
        return acc
    }

    /// Levels of a null value (the column is nullable: the batch checked it).
    @inline(__always)
    private mutating func appendNullLevel() {
        pageEstimateBits &+= 2
        if maxRep > 0 { repLevels.append(UInt8(0)) }
        defLevels.append(UInt8(0))
        pageNumValues &+= 1
        nullCount &+= 1
    }

    /// Pages end at row boundaries: called after each row. The page and dictionary limits
    /// are checked every `pageCheckRows` rows (``checkLimits()``); here only the caps that
    /// bound a page's buffers (rows, level entries, bytes).
    @inline(__always)
    private mutating func endRow() throws {
        pageRowCount &+= 1
        if pageRowCount >= maxPageRows || pageNumValues >= maxPageValues || (pageEstimateBits >> 3) >= hardPageBytes {
            try endPage()
        }
    }

    /// Called every `pageCheckRows` rows: falls back to PLAIN when the dictionary passed its
    /// limit, else cuts the page when it reached `pageBytes`. Like Arrow's writer (which
    /// checks after each `write_batch_size` values), a page of short values ends near
    /// `pageBytes`, and a page of long text holds `pageCheckRows` rows, which compresses
    /// better than many small pages.
    private mutating func checkLimits() throws {
        rowsSinceCheck = 0
        if fallbackPending || (pageEstimateBits >> 3) >= pageBytes { try endPage() }
    }

    /// Data pages written so far in this chunk.
    var dataPages: Int { dictionaryPagesWritten + plainPagesWritten }

    /// Cuts the page being built, switching to PLAIN first when the dictionary is full.
    private mutating func endPage() throws {
        try flushPage()
        if fallbackPending {
            fallbackPending = false
            useDictionary = false
            // Only the entries remain to be written: as one compressed page, now.
            if dictionaryPagesWritten > 0 { try sealDictionary() } else { dictionary.dropIndex() }
        }
    }

    /// Level bookkeeping for a present non-list value.
    @inline(__always)
    private mutating func presentValue() {
        if maxDef > 0 {
            defLevels.append(UInt8(1))
            pageEstimateBits &+= 2
        }
        pageNumValues &+= 1
    }

    private mutating func appendEmptyList() {
        repLevels.append(UInt8(0))
        defLevels.append(listBaseDef)
        pageNumValues &+= 1
        pageEstimateBits &+= 4
        nullCount &+= 1  // null_count counts levels below maxDef, as pyarrow does
    }

    @inline(__always)
    private mutating func appendDictionaryBytes(_ bytes: UnsafeRawBufferPointer) {
        // A value equal to the previous one (ids and sentences repeat row after row)
        // compares against that entry, still in cache, instead of hashing and probing.
        if lastIndex >= 0 && dictionary.entry(lastIndex, equals: bytes) {
            indices.appendUInt32LE(UInt32(truncatingIfNeeded: lastIndex))
            pageEstimateBits &+= indexWidth
            return
        }
        let (index, inserted) = dictionary.index(of: bytes)
        lastIndex = Int(index)
        indices.appendUInt32LE(index)
        pageEstimateBits &+= indexWidth
        if inserted {
            updateByteStats(bytes)
            checkDictionarySize()
        }
    }

    @inline(__always)
    private mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) {
        if useDictionary {
            appendDictionaryBytes(bytes)
        } else {
            if plainValues.isEmpty { plainValues.appendUninitialized(levelGap) }
            plainValues.appendLengthPrefixed(bytes)
            pageEstimateBits &+= (bytes.count &+ 4) &* 8
            updateByteStats(bytes)
        }
    }

    private mutating func updateByteStats(_ bytes: UnsafeRawBufferPointer) {
        // The first 8 bytes as a big-endian number order most values without a memcmp.
        let key = prefixKey(bytes)
        if !hasMinMax {
            minBytes = Array(bytes)
            maxBytes = minBytes
            minKey = key
            maxKey = key
            hasMinMax = true
            return
        }
        if key < minKey || (key == minKey && minBytes.withUnsafeBytes { bytesLess(bytes, $0) }) {
            minBytes = Array(bytes)
            minKey = key
            return
        }
        if key > maxKey || (key == maxKey && maxBytes.withUnsafeBytes { bytesLess($0, bytes) }) {
            maxBytes = Array(bytes)
            maxKey = key
        }
    }

    @inline(__always)
    private mutating func appendInt32(_ v: Int32) {
        updateIntStats(Int64(v))
        appendFixed(UInt64(UInt32(bitPattern: v)), size: 4)
    }

    @inline(__always)
    private mutating func appendInt64(_ v: Int64) {
        updateIntStats(v)
        appendFixed(UInt64(bitPattern: v), size: 8)
    }

    @inline(__always)
    private mutating func appendDouble(_ v: Double) {
        if v.isNaN {
            nanCount &+= 1
        } else if !hasMinMax {
            minDouble = v
            maxDouble = v
            hasMinMax = true
        } else {
            if v < minDouble || (v == minDouble && v.sign == .minus) { minDouble = v }
            if v > maxDouble || (v == maxDouble && v.sign == .plus) { maxDouble = v }
        }
        appendFixed(v.bitPattern, size: 8)
    }

    private mutating func appendBool(_ b: Bool) {
        let i: Int64 = b ? 1 : 0
        updateIntStats(i)
        boolValues.append(b)
        pageEstimateBits &+= 1
    }

    @inline(__always)
    private mutating func updateIntStats(_ v: Int64) {
        if !hasMinMax {
            minInt = v
            maxInt = v
            hasMinMax = true
        } else {
            if v < minInt { minInt = v }
            if v > maxInt { maxInt = v }
        }
    }

    /// Appends a 4- or 8-byte little-endian value (in the low `size` bytes of `bits`).
    @inline(__always)
    private mutating func appendFixed(_ bits: UInt64, size: Int) {
        if useDictionary {
            if lastIndex >= 0 && bits == lastBits {
                indices.appendUInt32LE(UInt32(truncatingIfNeeded: lastIndex))
                pageEstimateBits &+= indexWidth
                return
            }
            let (index, inserted) = dictionary.index(ofFixed: bits, size: size)
            lastIndex = Int(index)
            lastBits = bits
            indices.appendUInt32LE(index)
            pageEstimateBits &+= indexWidth
            if inserted { checkDictionarySize() }
        } else {
            if plainValues.isEmpty { plainValues.appendUninitialized(levelGap) }
            if size == 8 {
                plainValues.appendUInt64LE(bits)
            } else {
                plainValues.appendUInt32LE(UInt32(truncatingIfNeeded: bits))
            }
            pageEstimateBits &+= size &* 8
        }
    }

    /// Falls back to PLAIN for the rest of the chunk once the dictionary is too big.
    private mutating func checkDictionarySize() {
        indexWidth = max(1, bitWidth(UInt64(dictionary.count)))
        if dictionary.plainCount > maxDictionaryBytes { fallbackPending = true }
    }

    /// Level entries per page cap: bounds the page buffers (4-byte indices, 1-byte levels)
    /// when values encode to very few bits, and keeps Int32 header fields far from overflow.
    private let maxPageValues = 1 << 17

    /// A page is cut after any row that brings it to this size (whatever `pageCheckRows`
    /// says), far below the 2 GiB a page header can describe.
    private let hardPageBytes = 1 << 28

    /// Rows per page at most (`options.pageRows`), and rows in the page being built.
    private let maxPageRows: Int
    private var pageRowCount = 0

    /// Rows between checks of the page and dictionary limits.
    private let pageCheckRows: Int
    private var rowsSinceCheck = 0

    /// Set when the dictionary passed its limit; acted on at the end of the row.
    private var fallbackPending = false

    // MARK: pages

    /// Encodes, compresses and stores the page being built (no-op when empty).
    mutating func flushPage() throws {
        if pageNumValues == 0 { return }
        let c = compressor
        c.body.removeAll()
        if maxRep > 0 { appendLevelsV1(repLevels, maxLevel: maxRep, to: &c.body) }
        if maxDef > 0 { appendLevelsV1(defLevels, maxLevel: maxDef, to: &c.body) }
        let encoding: Int32
        // Uncompressed PLAIN pages keep their values buffer as is (no copy into the body).
        var detachedValues: ByteBuffer? = nil
        // Compressed PLAIN pages with levels: the body starts at this offset of plainValues.
        var inPlaceFrom = -1
        if useDictionary, dictionary.count > 0 {
            appendDictionaryIndices(indices, dictionarySize: dictionary.count, to: &c.body)
            encoding = EncodingID.rleDictionary
            dictionaryPagesWritten += 1
        } else {
            if physical == .boolean {
                c.body.append(Plain.booleans(boolValues))
            } else if c.codec == .none {
                detachedValues = plainValues
                var fresh = ByteBuffer(capacity: plainValues.count)
                fresh.sizeHint = plainValues.sizeHint
                plainValues = fresh
            } else if levelGap > 0 && !plainValues.isEmpty {
                if c.body.count <= levelGap {
                    inPlaceFrom = levelGap &- c.body.count
                    c.body.withUnsafeBytes { plainValues.write($0, at: inPlaceFrom) }
                } else {
                    plainValues.withUnsafeBytes(from: levelGap) { c.body.append($0) }
                }
            } else {
                c.body.append(plainValues)
            }
            largestPlainBytes = max(largestPlainBytes, plainValues.count)
            encoding = EncodingID.plain
            plainPagesWritten += 1
        }
        let bodyCount = inPlaceFrom >= 0 ? plainValues.count &- inPlaceFrom : c.body.count + (detachedValues?.count ?? 0)
        guard bodyCount <= Int(Int32.max) else {
            throw ParquetError("page larger than 2 GiB; lower pageBytes", column: column.name)
        }
        let compressedCount: Int
        if inPlaceFrom >= 0 {
            compressedCount = try plainValues.withUnsafeBytes(from: inPlaceFrom) { try c.compress($0) }
        } else {
            compressedCount = detachedValues == nil ? try c.compressBody() : bodyCount
        }
        var header = ThriftWriter()
        header.i32(1, 0)  // DATA_PAGE
        header.i32(2, Int32(bodyCount))
        header.i32(3, Int32(compressedCount))
        header.beginStruct(5)
        header.i32(1, Int32(pageNumValues))
        header.i32(2, encoding)
        header.i32(3, EncodingID.rle)
        header.i32(4, EncodingID.rle)
        header.endStruct()
        header.endStruct()
        if let detachedValues {
            var head = ByteBuffer(capacity: header.bytes.count + c.body.count)
            head.append(header.bytes)
            head.append(c.body)
            pages.append(head)
            pages.append(detachedValues)
        } else {
            c.movePage(header: header.bytes, to: &pages)
        }
        pagesUncompressedSize += header.bytes.count + bodyCount
        numValues += Int64(pageNumValues)
        pageNumValues = 0
        pageRowCount = 0
        pageEstimateBits = 0
        defLevels.removeAll()
        repLevels.removeAll()
        indices.removeAll()
        plainValues.removeAll()
        boolValues.removeAll(keepingCapacity: true)
    }

    /// The dictionary page, built once the dictionary can no longer change (at fallback or
    /// at the end of the chunk), and its uncompressed size with the header.
    private var sealedDictionary: (page: PageList, uncompressedSize: Int)?
    /// PLAIN bytes of the sealed dictionary (to size the next row group's).
    private var sealedDictionaryBytes = 0

    /// Encodes and compresses the dictionary page, then lets go of the dictionary: a chunk
    /// that fell back to PLAIN keeps only the compressed page (a dictionary of ids is 1 MiB
    /// of entries and some kilobytes compressed).
    private mutating func sealDictionary() throws {
        let c = compressor
        let bodyCount = dictionary.plainCount
        guard bodyCount <= Int(Int32.max) else {
            throw ParquetError("dictionary page larger than 2 GiB", column: column.name)
        }
        // Compressed straight from the dictionary's buffer; uncompressed, that buffer is
        // the page body itself (no copy).
        let compressedCount = c.codec == .none ? bodyCount : try dictionary.plain.withUnsafeBytes { try c.compress($0) }
        var header = ThriftWriter()
        header.i32(1, 2)  // DICTIONARY_PAGE
        header.i32(2, Int32(bodyCount))
        header.i32(3, Int32(compressedCount))
        header.beginStruct(7)
        header.i32(1, Int32(dictionary.count))
        header.i32(2, EncodingID.plain)
        header.endStruct()
        header.endStruct()
        var page = PageList()
        if c.codec == .none {
            var head = ByteBuffer(capacity: header.bytes.count)
            head.append(header.bytes)
            page.append(head)
            page.append(dictionary.plain)  // the dictionary is released below
        } else {
            var body = ByteBuffer(capacity: header.bytes.count + compressedCount)
            body.append(header.bytes)
            c.appendCompressedBody(to: &body)
            page.append(body)
        }
        sealedDictionary = (page, header.bytes.count + bodyCount)
        sealedDictionaryBytes = bodyCount
        dictionary = ByteDictionary(lengthPrefixed: physical == .byteArray, empty: ())
    }

    /// Finishes the chunk: returns the dictionary page (header + body, empty when none), the
    /// data pages, and the footer metadata given the file offset where the chunk will start.
    mutating func finish(fileOffset: Int64) throws -> (dictionaryPage: PageList, metadata: ChunkMetadata) {
        try flushPage()
        if dictionaryPagesWritten > 0 && sealedDictionary == nil { try sealDictionary() }
        let dictionaryPage = sealedDictionary?.page ?? PageList()
        let dictionaryUncompressed = sealedDictionary?.uncompressedSize ?? 0
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
            dictionaryPageOffset: dictionaryPage.count == 0 ? nil : fileOffset,
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
                let limit = statisticsTruncateBytes
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
