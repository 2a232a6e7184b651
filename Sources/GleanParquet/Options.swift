/// Page compression codec.
public enum ParquetCompression: String, Sendable, CaseIterable {
    /// No compression.
    case none
    /// Snappy (libsnappy), one raw block per page.
    case snappy
    /// Gzip (zlib), one RFC 1952 member per page.
    case gzip
    /// Zstandard (libzstd), one frame per page.
    case zstd
}

/// One key/value pair of file metadata.
public struct ParquetKeyValue: Sendable, Equatable {
    /// The key, e.g. `glean.schema_note`.
    public var key: String
    /// The value.
    public var value: String

    /// Creates a pair.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Options for ``ParquetWriter`` and ``ParquetDatasetWriter``.
public struct ParquetWriterOptions: Sendable {
    /// Page codec (default zstd).
    public var compression: ParquetCompression
    /// Codec level; nil = the codec default: zstd 1 (as Arrow/pyarrow), gzip 6 (Arrow/pyarrow
    /// use 9). Ignored for none/snappy.
    public var compressionLevel: Int?
    /// Flush a row group when its estimated uncompressed size reaches this (default 24 MiB;
    /// checked every 64 rows).
    public var rowGroupBytes: Int
    /// Also flush a row group when the memory it holds (compressed pages, dictionaries with
    /// their hash tables, the page being built) reaches this (default 8 MiB). It bounds the
    /// memory of a table whose rows compress well or repeat, which would otherwise take a
    /// long time to reach `rowGroupBytes` while its dictionaries grow.
    public var maxBufferedBytes: Int
    /// Target uncompressed data page size (default 1 MiB), checked every ``pageCheckRows``
    /// rows: a page of long values can pass it by up to that many rows.
    public var pageBytes: Int
    /// Rows between checks of ``pageBytes`` and ``maxDictionaryBytes`` (default 1024, as
    /// Arrow's `write_batch_size`). Larger pages of long text compress better. Whatever
    /// this says, a page is cut once it reaches ``pageRows`` rows, 256 MiB or 131,072 level
    /// entries (checked after each row).
    public var pageCheckRows: Int
    /// Rows per data page at most (default 20,000, as Arrow's `max_rows_per_page`): bounds
    /// the page being built of each column (its dictionary indices and levels) and lets
    /// readers skip finer.
    public var pageRows: Int
    /// Dictionary-encode every non-boolean column (default true).
    public var dictionary: Bool
    /// Dictionary size limit per column chunk; past it (checked every ``pageCheckRows``
    /// rows) the chunk falls back to PLAIN (default 1 MiB).
    public var maxDictionaryBytes: Int
    /// Max bytes of a string min/max statistic; longer values are truncated (max marked inexact).
    public var statisticsTruncateBytes: Int
    /// Written to FileMetaData.created_by, e.g. `glean version 0.1.0`.
    public var createdBy: String
    /// Written to FileMetaData.key_value_metadata, in order.
    public var keyValueMetadata: [ParquetKeyValue]

    /// Creates options; every argument has a default.
    public init(
        compression: ParquetCompression = .zstd,
        compressionLevel: Int? = nil,
        rowGroupBytes: Int = 24 * 1024 * 1024,
        maxBufferedBytes: Int = 8 * 1024 * 1024,
        pageBytes: Int = 1024 * 1024,
        pageCheckRows: Int = 1024,
        pageRows: Int = 20_000,
        dictionary: Bool = true,
        maxDictionaryBytes: Int = 1024 * 1024,
        statisticsTruncateBytes: Int = 64,
        createdBy: String = "glean version 0.1.0",
        keyValueMetadata: [ParquetKeyValue] = []
    ) {
        self.compression = compression
        self.compressionLevel = compressionLevel
        self.rowGroupBytes = rowGroupBytes
        self.maxBufferedBytes = maxBufferedBytes
        self.pageBytes = pageBytes
        self.pageCheckRows = pageCheckRows
        self.pageRows = pageRows
        self.dictionary = dictionary
        self.maxDictionaryBytes = maxDictionaryBytes
        self.statisticsTruncateBytes = statisticsTruncateBytes
        self.createdBy = createdBy
        self.keyValueMetadata = keyValueMetadata
    }

    /// Throws for values that cannot work (non-positive sizes, levels out of range).
    func validate() throws {
        if rowGroupBytes < 1 { throw ParquetError("rowGroupBytes must be positive (got \(rowGroupBytes))") }
        if maxBufferedBytes < 1 { throw ParquetError("maxBufferedBytes must be positive (got \(maxBufferedBytes))") }
        if pageBytes < 1 { throw ParquetError("pageBytes must be positive (got \(pageBytes))") }
        if pageCheckRows < 1 { throw ParquetError("pageCheckRows must be positive (got \(pageCheckRows))") }
        if pageRows < 1 { throw ParquetError("pageRows must be positive (got \(pageRows))") }
        if maxDictionaryBytes < 0 { throw ParquetError("maxDictionaryBytes must not be negative") }
        if statisticsTruncateBytes < 4 { throw ParquetError("statisticsTruncateBytes must be at least 4") }
        if let level = compressionLevel {
            switch compression {
            case .gzip where !(0...9).contains(level):
                throw ParquetError("gzip compressionLevel must be 0...9 (got \(level))")
            case .zstd where !(-7...22).contains(level):
                throw ParquetError("zstd compressionLevel must be -7...22 (got \(level))")
            default: break
            }
        }
    }
}
