import Foundation
import Testing

@testable import GleanParquet

/// `maxBufferedBytes`: a row group is cut when the memory it holds (pages, dictionaries and
/// their hash tables) reaches the cap, long before `rowGroupBytes` of uncompressed data, so a
/// table whose values repeat or compress well cannot hold growing dictionaries all run long.
@Suite(.enabled(if: PythonCheck.available, "needs the project venv (make venv)"))
struct MemoryCapTests {
    static let schema = ParquetSchema(columns: [
        ParquetColumn(name: "id", type: .string), ParquetColumn(name: "n", type: .int64),
        ParquetColumn(name: "kind", type: .string),
    ])

    /// Unique ids and numbers (their dictionaries only grow), a repeated kind.
    static let rows: [[ParquetValue]] = (0..<6_400).map {
        [.string("document-\($0)-" + String(repeating: "x", count: $0 % 17)), .int64(Int64($0) * 7_919),
         .string(["a", "b", "c"][$0 % 3])]
    }

    @Test(arguments: [
        (64 * 1024, 10),
        (256 * 1024, 3),
        (4 * 1024 * 1024, 1),
    ])
    func memoryCapCutsRowGroups(cap: Int, rowGroups: Int) throws {
        let dir = try makeTempDirectory("memcap")
        defer { removeTempDirectory(dir) }
        let path = dir + "/memcap.parquet"
        try writeTable(path, Self.schema, Self.rows, ParquetWriterOptions(maxBufferedBytes: cap))
        try PythonCheck.expectFile(
            path, spec: #"{"rows": 6400, "row_groups": \#(rowGroups), \#(JSONText.columns(Self.schema, Self.rows))}"#)
    }

    @Test func heldBytesCountsTheDictionaryIndex() throws {
        var writer = ColumnChunkWriter(
            column: ParquetColumn(name: "id", type: .string), options: ParquetWriterOptions(),
            compressor: PageCompressor(codec: .none, level: nil))
        let empty = writer.heldBytes
        var values = ColumnValues(column: ParquetColumn(name: "id", type: .string))
        for i in 0..<1_000 { Array("value-\(i)".utf8).withUnsafeBytes { values.appendBytes($0) } }
        try writer.appendColumn(values, from: 0, count: 1_000)
        // 1,000 entries: body (4-byte length + 7-9 bytes each), an 8-byte start each, and a
        // slot table grown to 2,048 slots of 8 bytes; no page is finished yet.
        #expect(empty == 1_024 * 8)
        #expect(writer.heldBytes == (4 * 1_000 + 9 * 900 + 8 * 90 + 7 * 10) + 1_000 * 8 + 2_048 * 8)
    }

    /// A chunk whose dictionary filled falls back to PLAIN and keeps its dictionary only as
    /// the finished, compressed page: nothing else of the dictionary stays held.
    @Test func aFallenBackDictionaryIsHeldAsItsCompressedPage() throws {
        var writer = ColumnChunkWriter(
            column: ParquetColumn(name: "id", type: .string), options: ParquetWriterOptions(maxDictionaryBytes: 64 * 1024),
            compressor: PageCompressor(codec: .zstd, level: nil))
        var values = ColumnValues(column: ParquetColumn(name: "id", type: .string))
        for i in 0..<20_000 { Array("document-\(i)".utf8).withUnsafeBytes { values.appendBytes($0) } }
        try writer.appendColumn(values, from: 0, count: 20_000)
        let held = writer.heldBytes
        let pages = writer.pages.count
        let (dictionaryPage, metadata) = try writer.finish(fileOffset: 4)
        #expect(metadata.encodings == [EncodingID.plain, EncodingID.rle, EncodingID.rleDictionary])
        #expect(held == pages + dictionaryPage.count)
        // About 4,700 entries, 64 KiB as PLAIN.
        #expect(dictionaryPage.count < 64 * 1024 / 4)
    }

    @Test func aDictionaryLeftForPlainKeepsOnlyItsEntries() {
        var dictionary = ByteDictionary(lengthPrefixed: true)
        for i in 0..<1_000 {
            let key = Array("value-\(i)".utf8)
            _ = key.withUnsafeBytes { dictionary.index(of: $0) }
        }
        let body = 4 * 1_000 + 9 * 900 + 8 * 90 + 7 * 10
        #expect(dictionary.memoryBytes == body + 1_000 * 8 + 2_048 * 8)
        dictionary.dropIndex()
        #expect(dictionary.memoryBytes == body)
        #expect(dictionary.plainCount == body)
        #expect(dictionary.count == 1_000)
    }
}
