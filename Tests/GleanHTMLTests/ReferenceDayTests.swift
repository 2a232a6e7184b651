import Testing
@testable import GleanHTML

/// The reference day that rules out "future" publication dates comes from the caller (a
/// manifest's as_of, a file's modification day), never from the clock.
@Suite struct ReferenceDayTests {
    @Test(arguments: [
        ("2024-06-14", 19888), ("1970-01-01", 0), ("2000-02-29", 11016), ("1969-12-31", -1),
    ] as [(String, Int)])
    func readsISODays(_ iso: String, _ days: Int) throws {
        let day = try #require(ReferenceDay(iso: iso))
        #expect(day.daysSinceEpoch == days)
        #expect(day.description == iso)
    }

    @Test(arguments: ["2024-6-14", "2024-06-31", "2023-02-29", "14/06/2024", "2024-06-14T10:00", "", "yesterday"])
    func rejectsOtherText(_ text: String) {
        #expect(ReferenceDay(iso: text) == nil)
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01"), (86399, "1970-01-01"), (86400, "1970-01-02"), (-1, "1969-12-31"),
        (1_718_409_599, "2024-06-14"), (1_718_409_600, "2024-06-15"),
    ] as [(Int64, String)])
    func fileTimesGiveTheirUTCDay(_ seconds: Int64, _ iso: String) {
        #expect(ReferenceDay(unixSeconds: seconds).description == iso)
    }

    static func page(head: String = "", byline: String = "") -> [UInt8] {
        Array("""
            <html><head><title>Harbour reopens</title>\(head)</head><body><h1>Harbour reopens</h1>\(byline)
            <article><p>The harbour reopened to fishing boats after three weeks of repairs to the sea wall and the old pier.</p></article>
            </body></html>
            """.utf8)
    }

    /// A page whose only date is 2024-06-20, given in metadata or shown in a byline.
    static let sources: [(String, [UInt8])] = [
        ("meta", page(head: "<meta property=\"article:published_time\" content=\"2024-06-20\">")),
        ("json-ld", page(head: "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-06-20\"}</script>")),
        ("time", page(byline: "<p>By Ann Lee, <time datetime=\"2024-06-20\">June 20, 2024</time></p>")),
        ("byline text", page(byline: "<p class=\"byline\">By Ann Lee | June 20, 2024</p>")),
    ]

    /// The date is kept up to the day after the reference day (a publisher's zone runs ahead of UTC).
    @Test(arguments: [
        ("2024-06-10", nil), ("2024-06-18", nil), ("2024-06-19", "2024-06-20"), ("2024-06-20", "2024-06-20"),
        ("2024-06-30", "2024-06-20"),
    ] as [(String, String?)])
    func aDateAfterTheReferenceDayIsNotThePublication(_ asOf: String, _ want: String?) throws {
        let day = try #require(ReferenceDay(iso: asOf))
        for (name, bytes) in Self.sources {
            let got = try HTMLExtractor().extract(bytes, asOf: day).metadata.published
            #expect(got?.prefix(10) == want.map { Substring($0) }, "\(name)")
        }
    }

    @Test func withoutAReferenceDayNoDateIsTooLate() throws {
        let bytes = Self.page(head: "<meta property=\"article:published_time\" content=\"2999-06-20\">")
        #expect(try HTMLExtractor().extract(bytes).metadata.published == "2999-06-20")
        #expect(try HTMLExtractor().extract(bytes, asOf: ReferenceDay(iso: "2024-06-14")).metadata.published == nil)
    }

    /// A later date on the page loses to the publication date only because of the reference day.
    @Test(arguments: [("2024-06-14", "2024-05-02"), ("2024-07-01", "2024-06-20")] as [(String, String)])
    func anExpiryAfterTheReferenceDayGivesWayToAnEarlierDate(_ asOf: String, _ want: String) throws {
        let bytes = Self.page(head: "<meta property=\"article:published_time\" content=\"2024-06-20\">"
                              + "<link rel=\"canonical\" href=\"https://example.org/2024/05/02/harbour-reopens\">")
        #expect(try HTMLExtractor().extract(bytes, asOf: ReferenceDay(iso: asOf)).metadata.published == want)
    }

    @Test(arguments: [("2024-06-10", nil), ("2024-06-19", "2024-06-20"), ("2024-07-01", "2024-06-20")] as [(String, String?)])
    func plainTextDatelines(_ asOf: String, _ want: String?) throws {
        let text = "Harbour reopens\n\nJune 20, 2024\n\nThe harbour reopened to fishing boats after repairs."
        #expect(TextMetadata.extract(text, asOf: ReferenceDay(iso: asOf)).published == want)
    }

    @Test(arguments: [("2024-05-30", nil), ("2024-05-31", "2024-06"), ("2024-06-30", "2024-06")] as [(String, String?)])
    func monthOnlyLines(_ asOf: String, _ want: String?) throws {
        let day: ReferenceDay = try #require(ReferenceDay(iso: asOf))
        let rules = DateRules(asOf: day)
        #expect(rules.monthYearAlone("June 2024")?.iso == want)
    }
}
