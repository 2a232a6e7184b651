import GleanText
import Testing

@Suite struct CivilDateTests {
    /// (year, month, day, days since 1970-01-01, ISO).
    @Test(arguments: [
        (1970, 1, 1, 0, "1970-01-01"), (1969, 12, 31, -1, "1969-12-31"), (2000, 2, 29, 11016, "2000-02-29"),
        (2024, 6, 14, 19888, "2024-06-14"), (1900, 3, 1, -25508, "1900-03-01"), (1, 1, 1, -719162, "0001-01-01"),
        (0, 1, 1, -719528, "0000-01-01"), (-1, 12, 31, -719529, "-0001-12-31"), (9999, 12, 31, 2932896, "9999-12-31"),
    ] as [(Int, Int, Int, Int, String)])
    func daysAndBack(year: Int, month: Int, day: Int, days: Int, iso: String) {
        #expect(CivilDate.days(year: year, month: month, day: day) == days)
        #expect(CivilDate.civil(days: days) == (year, month, day))
        #expect(CivilDate.iso(days: days) == iso)
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        let start = CivilDate.days(year: 1800, month: 1, day: 1)
        for days in start..<(start + 146_097) {
            let (y, m, d) = CivilDate.civil(days: days)
            #expect(CivilDate.days(year: y, month: m, day: d) == days)
        }
    }
}

@Suite struct Windows1252Tests {
    @Test(arguments: [(0x41, 0x41), (0x80, 0x20AC), (0x81, 0xFFFD), (0x93, 0x201C), (0x9F, 0x0178), (0xA0, 0xA0), (0xE9, 0xE9), (0xFF, 0xFF)]
          as [(UInt8, UInt32)])
    func bytes(byte: UInt8, codePoint: UInt32) {
        #expect(Windows1252.scalar(byte).value == codePoint)
    }
}
