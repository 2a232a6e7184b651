import Foundation
import Testing

@testable import GleanParquet

/// The fast paths added for speed must give exactly the bytes of the simple paths.
@Suite("Fast paths match the simple encoders")
struct FastPathTests {
    /// Deterministic index streams: random, short runs, long runs, and mixes at group edges.
    static func indexStream(seed: UInt64, count: Int, maxValue: UInt32, runChance: UInt64) -> [UInt32] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        var out: [UInt32] = []
        while out.count < count {
            let v = UInt32(next() % UInt64(maxValue + 1))
            let run = next() % 100 < runChance ? Int(next() % 20) + 1 : 1
            out.append(contentsOf: repeatElement(v, count: min(run, count - out.count)))
        }
        return out
    }

    struct StreamCase: Sendable, CustomTestStringConvertible {
        var seed: UInt64
        var count: Int
        var maxValue: UInt32
        var runChance: UInt64
        var testDescription: String { "seed \(seed) n \(count) max \(maxValue) runs \(runChance)%" }
    }

    static let streams: [StreamCase] = [
        StreamCase(seed: 1, count: 1, maxValue: 3, runChance: 0),
        StreamCase(seed: 2, count: 7, maxValue: 1, runChance: 0),
        StreamCase(seed: 3, count: 8, maxValue: 5, runChance: 0),
        StreamCase(seed: 4, count: 9, maxValue: 5, runChance: 50),
        StreamCase(seed: 5, count: 1000, maxValue: 1, runChance: 0),
        StreamCase(seed: 6, count: 1000, maxValue: 2, runChance: 30),
        StreamCase(seed: 7, count: 5000, maxValue: 255, runChance: 10),
        StreamCase(seed: 8, count: 5000, maxValue: 70_000, runChance: 5),
        StreamCase(seed: 9, count: 3000, maxValue: 9, runChance: 90),
        StreamCase(seed: 10, count: 600, maxValue: (1 << 31) - 1, runChance: 20),
    ]

    /// encodeDictionaryIndices (bit-packed groups of 8 taken whole) against one put per value.
    @Test(arguments: streams)
    func dictionaryIndicesMatchValueByValueEncoding(_ c: StreamCase) {
        let indices = Self.indexStream(seed: c.seed, count: c.count, maxValue: c.maxValue, runChance: c.runChance)
        let size = Int(c.maxValue) + 1
        var simple = RleHybridEncoder(bitWidth: max(1, bitWidth(UInt64(size - 1))))
        for v in indices { simple.put(v) }
        let expected = [UInt8(max(1, bitWidth(UInt64(size - 1))))] + simple.finish()
        #expect(encodeDictionaryIndices(indices, dictionarySize: size) == expected)
    }

    /// Levels kept as runs encode like one put per level.
    @Test(arguments: streams.filter { $0.maxValue <= 3 })
    func levelRunsMatchValueByValueEncoding(_ c: StreamCase) {
        let levels = Self.indexStream(seed: c.seed, count: c.count, maxValue: c.maxValue, runChance: c.runChance).map { UInt8($0) }
        var simple = RleHybridEncoder(bitWidth: bitWidth(UInt64(c.maxValue)))
        for v in levels { simple.put(UInt32(v)) }
        let body = simple.finish()
        var expected: [UInt8] = []
        appendUInt32LE(UInt32(body.count), to: &expected)
        expected += body
        #expect(encodeLevelsV1(levels, maxLevel: Int(c.maxValue)) == expected)
    }

    /// Byte-string order by prefix key then bytes equals plain lexicographic order.
    @Test(arguments: [
        ("", "a", true), ("a", "", false), ("a", "a\u{0}", true), ("a\u{0}", "a", false),
        ("abcdefgh", "abcdefgh", false), ("abcdefgh", "abcdefghi", true), ("abcdefgz", "abcdefgha", false),
        ("é", "z", false), ("zz", "é", true), ("doc-10", "doc-9", true),
    ])
    func prefixKeysOrderLikeBytes(a: String, b: String, less: Bool) {
        let x = Array(a.utf8), y = Array(b.utf8)
        let (ka, kb) = x.withUnsafeBytes { xa in y.withUnsafeBytes { yb in (prefixKey(xa), prefixKey(yb)) } }
        let viaKeys = ka != kb ? ka < kb : x.withUnsafeBytes { xa in y.withUnsafeBytes { yb in bytesLess(xa, yb) } }
        #expect(viaKeys == less)
        #expect(x.lexicographicallyPrecedes(y) == less)
    }

    /// Fixed-width look-ups keep their first index as the table grows (re-hashed from the body).
    @Test(arguments: [4, 8])
    func fixedIndicesAreStable(size: Int) {
        var dictionary = ByteDictionary(lengthPrefixed: false)
        let values = (0..<5000).map { i -> UInt64 in
            let v = UInt64(i) &* 0x9E37_79B9 ^ (UInt64(i) << 29)
            return size == 8 ? v : v & 0xFFFF_FFFF
        }
        for round in 0..<2 {
            for (i, v) in values.enumerated() {
                let (index, inserted) = dictionary.index(ofFixed: v, size: size)
                #expect(Int(index) == i && inserted == (round == 0))
            }
        }
        #expect(dictionary.count == 5000)
        #expect(dictionary.memoryBytes == 5000 * size + 16_384 * 8)
    }

    /// Dictionary look-ups: the same key always gets its first index, across table growth.
    @Test(arguments: [0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 100])
    func dictionaryIndicesAreStable(keyLength: Int) {
        var dictionary = ByteDictionary(lengthPrefixed: true)
        let keys = (0..<3000).map { i -> [UInt8] in
            var k = Array(repeating: UInt8(ascii: "k"), count: keyLength)
            var v = i
            for p in 0..<min(keyLength, 4) {
                k[keyLength - 1 - p] = UInt8(v & 0xFF)
                v >>= 8
            }
            return k
        }
        let distinct = keyLength == 0 ? 1 : min(3000, 1 << (8 * min(keyLength, 4)))
        var firstIndex: [[UInt8]: UInt32] = [:]
        for round in 0..<2 {
            for key in keys {
                let (index, inserted) = key.withUnsafeBytes { dictionary.index(of: $0) }
                if let known = firstIndex[key] {
                    #expect(index == known && !inserted)
                } else {
                    #expect(round == 0 && inserted && Int(index) == firstIndex.count)
                    firstIndex[key] = index
                }
            }
        }
        #expect(dictionary.count == distinct)
    }
}

@Suite("Batches and buffer reuse", .enabled(if: PythonCheck.available, "needs GLEAN_PYTHON or .venv with pyarrow, duckdb, polars"))
struct BatchBoundaryTests {
    /// Row counts around the internal batch size, read back exactly.
    @Test(arguments: [1, ParquetWriter.batchRows - 1, ParquetWriter.batchRows, ParquetWriter.batchRows + 1, 3 * ParquetWriter.batchRows + 5])
    func rowCountsAroundBatches(_ count: Int) throws {
        let dir = try makeTempDirectory("batch-\(count)")
        defer { removeTempDirectory(dir) }
        let path = dir + "/batch.parquet"
        let rows = allTypesRows(count)
        try writeTable(path, allTypesSchema, rows, ParquetWriterOptions(compression: .none))
        try PythonCheck.expectFile(path, spec: #"{"rows": \#(count), \#(JSONText.columns(allTypesSchema, rows))}"#)
    }

    /// Files written one after another (reusing pooled buffers) equal files written alone.
    @Test func reusedBuffersGiveTheSameBytes() throws {
        let dir = try makeTempDirectory("reuse")
        defer { removeTempDirectory(dir) }
        let big = allTypesRows(3000)
        let small = Array(allTypesRows(500).reversed())
        let options = ParquetWriterOptions(compression: .snappy, rowGroupBytes: 60_000, pageBytes: 70_000)
        let first = try writeTable(dir + "/a.parquet", allTypesSchema, small, options)
        _ = try writeTable(dir + "/b.parquet", allTypesSchema, big, options)
        let again = try writeTable(dir + "/c.parquet", allTypesSchema, small, options)
        #expect(first == again)
        try PythonCheck.expectFile(dir + "/c.parquet", spec: #"{"rows": 500, \#(JSONText.columns(allTypesSchema, small))}"#)
    }
}

@Suite("Page limits, repeated values and in-place compression", .enabled(if: PythonCheck.available, "needs GLEAN_PYTHON or .venv with pyarrow, duckdb, polars"))
struct PageLimitTests {
    /// 600 unique 2,000-byte strings, PLAIN: a page is cut at the first check (every
    /// `pageCheckRows` rows) where it holds at least 10,000 bytes (5 rows).
    @Test(arguments: [(1, 120), (64, 10), (100, 6), (1024, 1)])
    func pagesAreCheckedEveryPageCheckRows(checkRows: Int, pages: Int) throws {
        let schema = ParquetSchema(columns: [ParquetColumn(name: "text", type: .string)])
        let rows: [[ParquetValue]] = (0..<600).map { i in
            [.string(String(format: "%06d", i) + String(repeating: "abcdefghij", count: 199) + "0123")]
        }
        let dir = try makeTempDirectory("pages-\(checkRows)")
        defer { removeTempDirectory(dir) }
        let path = dir + "/pages.parquet"
        let options = ParquetWriterOptions(pageBytes: 10_000, pageCheckRows: checkRows, dictionary: false)
        let writer = try ParquetWriter(path: path, schema: schema, options: options)
        for row in rows { try writer.write(row: row) }
        try writer.close()
        #expect(writer.dataPagesPerGroup == [[pages]])
        try PythonCheck.expectFile(path, spec: #"{"rows": 600, "row_groups": 1, \#(JSONText.columns(schema, rows))}"#)
    }

    /// Runs of equal values (the last-index shortcut), nulls between them, a dictionary that
    /// falls back to PLAIN in the middle of a run, across batch edges: read back exactly.
    @Test(arguments: [ParquetCompression.none, .snappy, .gzip, .zstd])
    func repeatedValuesAndNullsRoundTrip(_ codec: ParquetCompression) throws {
        let schema = ParquetSchema(columns: [
            ParquetColumn(name: "s", type: .string), ParquetColumn(name: "n", type: .int64),
            ParquetColumn(name: "d", type: .double), ParquetColumn(name: "t", type: .stringList),
        ])
        let rows: [[ParquetValue]] = (0..<2500).map { i in
            let run = i / 37
            return [
                i % 11 == 5 ? .null : .string("sentence number \(run) " + String(repeating: "x", count: run % 40)),
                i % 13 == 0 ? .null : .int64(Int64(run * 1_000_003)),
                .double(Double(run) / 4),
                .stringList(i % 5 == 0 ? [] : ["a\(run)", "a\(run)", "b"]),
            ]
        }
        let dir = try makeTempDirectory("repeats-\(codec)")
        defer { removeTempDirectory(dir) }
        let path = dir + "/repeats.parquet"
        let options = ParquetWriterOptions(compression: codec, pageBytes: 3_000, pageCheckRows: 50, maxDictionaryBytes: 1_500)
        let writer = try ParquetWriter(path: path, schema: schema, options: options)
        for row in rows { try writer.write(row: row) }
        try writer.close()
        #expect(writer.dataPagesPerGroup.count == 1)
        // s (PLAIN after the fallback) and t (3 entries a row) span several pages.
        #expect(writer.dataPagesPerGroup.first.map { $0[0] > 1 && $0[3] > 1 } == true)
        try PythonCheck.expectFile(
            path,
            spec: """
                {"rows": 2500, \(JSONText.columns(schema, rows)),
                 "encodings": {"s": ["PLAIN", "RLE", "RLE_DICTIONARY"], "n": ["PLAIN", "RLE", "RLE_DICTIONARY"]}}
                """)
    }

    /// A list whose levels (400,000 entries, nulls every other one) do not fit the room kept
    /// before the PLAIN values: the page body is then copied; both paths read back exactly.
    @Test(arguments: [ParquetCompression.snappy, .zstd])
    func levelsLargerThanTheGapRoundTrip(_ codec: ParquetCompression) throws {
        let schema = ParquetSchema(columns: [ParquetColumn(name: "t", type: .stringList)])
        let big: [String?] = (0..<400_000).map { $0 % 2 == 0 ? nil : "v" }
        let rows: [[ParquetValue]] = [[.stringListWithNulls(big)], [.stringList(["small"])], [.null]]
        let dir = try makeTempDirectory("gap-\(codec)")
        defer { removeTempDirectory(dir) }
        let path = dir + "/gap.parquet"
        let options = ParquetWriterOptions(compression: codec, dictionary: false)
        let writer = try ParquetWriter(path: path, schema: schema, options: options)
        for row in rows { try writer.write(row: row) }
        try writer.close()
        #expect(writer.dataPagesPerGroup == [[2]])
        try PythonCheck.expectFile(path, spec: #"{"rows": 3, \#(JSONText.columns(schema, rows))}"#)
    }
}
