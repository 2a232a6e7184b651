import GleanTables
import GleanText
import Testing

@Suite struct ValueFormattingTests {
    @Test(arguments: [
        (9.399e12, "9399000000000"), (94.72, "94.72"), (32.1, "32.1"), (16000.0, "16000"), (0.0001, "0.0001"),
        (1e-7, "0.0000001"), (-5.0, "-5"), (1.5e20, "150000000000000000000"), (-2.5e-5, "-0.000025"), (0.0, "0"),
        (123456789.125, "123456789.125"),
    ])
    func plainDecimal(value: Double, expected: String) {
        #expect(ValueFormatting.plain(value) == expected)
    }

    @Test func nonFiniteHasNoPlainForm() {
        #expect(ValueFormatting.plain(.nan) == nil)
        #expect(ValueFormatting.plain(.infinity) == nil)
    }

    @Test(arguments: [(Int32(0), "1970-01-01"), (Int32(19888), "2024-06-14"), (Int32(-25508), "1900-03-01")])
    func isoDates(days: Int32, expected: String) {
        #expect(ValueFormatting.isoDate(days: days) == expected)
        #expect(CivilDate.days(year: Int(expected.prefix(4))!, month: Int(expected.dropFirst(5).prefix(2))!,
                              day: Int(expected.suffix(2))!) == Int(days))
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"), (Int64(1_718_378_880_000_000), "2024-06-14T15:28:00Z"),
        (Int64(1_500_000), "1970-01-01T00:00:01.500000Z"), (Int64(-1), "1969-12-31T23:59:59.999999Z"),
    ])
    func isoTimestamps(micros: Int64, expected: String) {
        #expect(ValueFormatting.isoTimestamp(micros: micros) == expected)
    }
}
