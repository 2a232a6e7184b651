import Testing

@testable import GleanParquet

private func hex(_ bytes: [UInt8]) -> String {
    bytes.map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
}

@Suite("Exact bytes: varint, zigzag, Thrift compact, RLE hybrid, PLAIN")
struct EncodingTests {
    @Test(arguments: [
        (Int64(0), UInt64(0)), (-1, 1), (1, 2), (-2, 3), (2_147_483_647, 4_294_967_294),
        (-2_147_483_648, 4_294_967_295), (Int64.min, UInt64.max),
    ])
    func zigzagMapping(input: Int64, expected: UInt64) {
        #expect(zigzag(input) == expected)
    }

    @Test(arguments: [
        (UInt64(0), "00"), (127, "7f"), (128, "8001"), (300, "ac02"), (16384, "808001"),
        (UInt64(UInt32.max), "ffffffff0f"),
    ])
    func varint(input: UInt64, expected: String) {
        var out: [UInt8] = []
        appendVarint(input, to: &out)
        #expect(hex(out) == expected)
    }

    /// The brief's pyarrow footer prefix: `15 04` version=2, `19 cc` list of 12 structs,
    /// `35 00 18 06 "schema" 15 12 00` = root with 9 children.
    @Test func thriftFooterPrefixMatchesPyarrow() {
        var w = ThriftWriter()
        w.i32(1, 2)
        w.listHeader(2, elementType: .struct, count: 12)
        w.pushStruct()
        w.i32(3, 0)
        w.string(4, "schema")
        w.i32(5, 9)
        w.endStruct()
        #expect(hex(w.bytes) == "1504" + "19cc" + "3500" + "1806" + "736368656d61" + "1512" + "00")
    }

    @Test func thriftLongDeltaBoolsAndNestedStructs() {
        var w = ThriftWriter()
        w.bool(1, true)  // 0x11
        w.bool(2, false)  // 0x12
        w.i32(20, 1)  // delta 18 > 15: type byte, zigzag id, value
        w.beginStruct(21)  // delta 1
        w.i32(1, 1)  // ids restart inside the struct
        w.endStruct()
        w.i64(22, -3)  // back to the outer lastId (21)
        w.endStruct()
        #expect(hex(w.bytes) == "11" + "12" + "052802" + "1c" + "1502" + "00" + "1605" + "00")
    }

    @Test func thriftLongListUsesVarintCount() {
        var w = ThriftWriter()
        w.i32List(1, Array(repeating: 0, count: 15))
        w.stringList(2, ["ab"])
        #expect(hex(w.bytes) == "19f50f" + String(repeating: "00", count: 15) + "1918" + "026162")
    }

    struct LevelCase: Sendable, CustomTestStringConvertible {
        var levels: [UInt8]
        var maxLevel: Int
        var expected: String
        var testDescription: String { expected }
    }

    static let zeros8: [UInt8] = Array(repeating: 0, count: 8)
    static let ones3: [UInt8] = [1, 1, 1]
    static let alternating: [UInt8] = (0..<70).map { $0 % 2 == 0 ? 1 : 0 }
    static let mixed: [UInt8] = {
        var v: [UInt8] = Array(repeating: 1, count: 10)
        v += [0, 1, 1, 1]
        v += Array(repeating: 0, count: 9)
        v += [1, 1]
        return v
    }()

    /// Levels with the v1 4-byte length prefix; expected hex taken from pyarrow 26 files
    /// (the brief's cases plus ones read out of pyarrow-written pages).
    static let levelCases: [LevelCase] = [
        LevelCase(levels: [1, 0, 1], maxLevel: 1, expected: "020000000305"),
        LevelCase(levels: Array(repeating: 1, count: 20), maxLevel: 1, expected: "020000002801"),
        LevelCase(levels: [0, 1, 0, 0], maxLevel: 1, expected: "020000000302"),
        LevelCase(levels: [3, 3, 1, 0], maxLevel: 3, expected: "03000000031f00"),
        LevelCase(levels: zeros8 + ones3, maxLevel: 1, expected: "0400000010000601"),
        LevelCase(levels: ones3 + zeros8, maxLevel: 1, expected: "03000000050700"),
        LevelCase(levels: alternating, maxLevel: 1, expected: "0a00000013555555555555555515"),
        LevelCase(levels: mixed, maxLevel: 1, expected: "050000001401050e60"),
    ]

    @Test(arguments: levelCases)
    func levelsV1(_ c: LevelCase) {
        #expect(hex(encodeLevelsV1(c.levels, maxLevel: c.maxLevel)) == c.expected)
    }

    /// Dictionary indices: bit-width byte + hybrid stream, no length prefix (pyarrow 26 bytes).
    @Test(arguments: [
        ([0, 1, 2] as [UInt32], 3, "02" + "032400"),
        ([0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 3, "02" + "0524000001"),
        ([0, 0, 0, 0, 0], 1, "01" + "0a00"),  // one-entry dictionary still uses width 1
    ])
    func dictionaryIndices(indices: [UInt32], size: Int, expected: String) {
        #expect(hex(encodeDictionaryIndices(indices, dictionarySize: size)) == expected)
    }

    @Test func rleRunValueUsesWholeBytes() {
        var e = RleHybridEncoder(bitWidth: 9)
        e.put(300, count: 10)
        #expect(hex(e.finish()) == "14" + "2c01")
    }

    @Test func longLiteralRunsSplitAt63Groups() {
        // 64 groups of alternating bits: 63 groups in the first run, 1 in the second.
        var e = RleHybridEncoder(bitWidth: 1)
        for i in 0..<(64 * 8) { e.put(UInt32(i % 2)) }
        let bytes = e.finish()
        #expect(bytes.count == 1 + 63 + 1 + 1)
        #expect(bytes[0] == 0x7f)
        #expect(bytes[64] == 0x03)
        #expect(bytes[1...63].allSatisfy { $0 == 0xaa })
    }

    @Test func plainEncodings() {
        #expect(hex(Plain.int32(-2)) == "feffffff")
        #expect(hex(Plain.int64(1)) == "0100000000000000")
        #expect(hex(Plain.double(1.5)) == "000000000000f83f")
        #expect(hex(Plain.byteArray(Array("hé".utf8))) == "03000000" + "68c3a9")
        #expect(hex(Plain.booleans([true, false, true, true, false, false, false, false, true])) == "0d01")
    }

    @Test(arguments: [
        ("abc", 64, "abc", true, "abc", true),
        (String(repeating: "a", count: 70), 64, String(repeating: "a", count: 64), false,
         String(repeating: "a", count: 63) + "b", false),
        // A 2-byte character straddling the limit is cut before it, the max increments "é" to "ê".
        (String(repeating: "a", count: 63) + "éé", 64, String(repeating: "a", count: 63), false,
         String(repeating: "a", count: 62) + "b", false),
        ("zz" + String(repeating: "é", count: 40), 6, "zzéé", false, "zzéê", false),
    ])
    func statisticsTruncation(
        value: String, limit: Int, min: String, minExact: Bool, max: String, maxExact: Bool
    ) {
        let lo = truncatedMin(Array(value.utf8), limit: limit)
        let hi = truncatedMax(Array(value.utf8), limit: limit)
        #expect(String(decoding: lo.bytes, as: UTF8.self) == min)
        #expect(lo.exact == minExact)
        #expect(String(decoding: hi.bytes, as: UTF8.self) == max)
        #expect(hi.exact == maxExact)
    }
}
