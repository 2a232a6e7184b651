import Testing
@testable import GleanHTML

private let para = "<p>The council met on Tuesday to discuss the new budget, which includes funds for schools, roads and parks in the city.</p>"

private func doc(head: String = "", body: String) -> [UInt8] {
    Array("<html><head><title>Budget passes</title>\(head)</head><body>\(body)</body></html>".utf8)
}

struct DateRuleCase: Sendable, CustomStringConvertible {
    let name: String
    let bytes: [UInt8]
    let published: String?
    var description: String { name }
}

/// One case per date rule: which source wins when a page offers several.
@Suite struct DateRuleTests {
    static let cases: [DateRuleCase] = [
        DateRuleCase(
            name: "meta name with 'published' in an unlisted form",
            bytes: doc(head: "<meta name=\"x-published-date\" content=\"2025-05-27T06:03:43Z\">", body: "<article>\(para)</article>"),
            published: "2025-05-27T06:03:43Z"),
        DateRuleCase(
            name: "meta 'published' written in words",
            bytes: doc(head: "<meta name=\"published\" content=\"July 17, 2025\">", body: "<article>\(para)</article>"),
            published: "2025-07-17"),
        DateRuleCase(
            name: "meta whose name says modified is not a publication date",
            bytes: doc(head: "<meta name=\"last-published-modified\" content=\"2025-07-17\">", body: "<article>\(para)</article>"),
            published: nil),
        DateRuleCase(
            name: "bibliographic year-month-day order",
            bytes: doc(head: "<meta name=\"citation_publication_date\" content=\"2023 Jan 7\">", body: "<article>\(para)</article>"),
            published: "2023-01-07"),
        DateRuleCase(
            name: "ISO date-time shown as text",
            bytes: doc(body: "<h1>Budget passes</h1><span class=\"publicationTime\">2022-11-23T08:10+02:00</span><article>\(para)</article>"),
            published: "2022-11-23"),
        DateRuleCase(
            name: "URL day wins over a structured instant one day off (time zone)",
            bytes: doc(
                head: "<link rel=\"canonical\" href=\"https://example.org/2025/12/18/budget-passes\"><meta property=\"article:published_time\" content=\"2025-12-19T03:05:00+00:00\">",
                body: "<article>\(para)</article>"),
            published: "2025-12-18"),
        DateRuleCase(
            name: "URL day far from the structured date is ignored",
            bytes: doc(
                head: "<link rel=\"canonical\" href=\"https://example.org/2025/12/10/budget-passes\"><meta property=\"article:published_time\" content=\"2025-12-19T03:05:00+00:00\">",
                body: "<article>\(para)</article>"),
            published: "2025-12-19T03:05:00Z"),
        DateRuleCase(
            name: "many itemprop dates are a list, not the article's date",
            bytes: doc(body: "<h1>Budget passes</h1><p class=\"byline\">Published May 25, 2025</p><article>\(para)</article><ul class=\"posts\"><li><span itemprop=\"datePublished\" content=\"2022-07-11\">a</span></li><li><span itemprop=\"datePublished\" content=\"2022-06-18\">b</span></li><li><span itemprop=\"datePublished\" content=\"2022-03-04\">c</span></li></ul>"),
            published: "2025-05-25"),
        DateRuleCase(
            name: "a date line just before the headline",
            bytes: doc(body: "<div class=\"hero\"><h5 class=\"kicker\">January 23, 2025</h5><h1>Budget passes</h1></div><article>\(para)</article>"),
            published: "2025-01-23"),
        DateRuleCase(
            name: "a date in a related list loses to the byline",
            bytes: doc(body: "<div class=\"related-posts\"><span class=\"date\">March 1, 2024</span></div><h1>Budget passes</h1><p>By Ann Lee</p><p>April 17, 2024</p><article>\(para)</article>"),
            published: "2024-04-17"),
        DateRuleCase(
            name: "a labelled update comes after an unlabelled date",
            bytes: doc(body: "<h1>Budget passes</h1><p class=\"meta\">Updated March 2, 2025</p><article>\(para)</article><p class=\"date\">January 5, 2025</p>"),
            published: "2025-01-05"),
        DateRuleCase(
            name: "a date labelled Published wins over a nearer plain date",
            bytes: doc(body: "<h1>Budget passes</h1><p class=\"date\">March 3, 2025</p><article>\(para)</article><div><p>Published</p><p class=\"date\">February 2, 2023</p></div>"),
            published: "2023-02-02"),
        DateRuleCase(
            name: "the date next to the headline that matches the title, not a site-name h1",
            bytes: doc(
                head: "<meta property=\"og:title\" content=\"Budget passes\">",
                body: "<header><h1>City Letters</h1></header><div><h1 class=\"post-title\">Budget passes</h1><div class=\"post-date\">Mar 06, 2025</div></div><article>\(para)<p>10 April 2025</p></article>"),
            published: "2025-03-06"),
        DateRuleCase(
            name: "a line that is only a month and a year keeps month precision",
            bytes: doc(body: "<h1>Budget passes</h1><article><p>November 2015</p>\(para)</article>"),
            published: "2015-11"),
        DateRuleCase(
            name: "a month and a year inside a sentence is not a date",
            bytes: doc(body: "<h1>Budget passes</h1><article><p>Back in November 2015 the city tried.</p>\(para)</article>"),
            published: nil),
        DateRuleCase(
            name: "percent-encoded og:url still gives its path date",
            bytes: doc(head: "<meta property=\"og:url\" content=\"https://example.org%2Farticles%2F2025-12-15%2BBudget\">", body: "<article>\(para)</article>"),
            published: "2025-12-15"),
        DateRuleCase(
            name: "itemprop times of a post list are not the article's date",
            bytes: doc(body: "<h1>Budget passes</h1><p class=\"byline\">Posted May 25, 2025</p><article>\(para)</article><ul><li><time itemprop=\"datePublished\" datetime=\"2022-07-11\">a</time></li><li><time itemprop=\"datePublished\" datetime=\"2022-06-18\">b</time></li><li><time itemprop=\"datePublished\" datetime=\"2022-03-04\">c</time></li></ul>"),
            published: "2025-05-25"),
        DateRuleCase(
            name: "an update label alone is still used when nothing else is shown",
            bytes: doc(body: "<h1>Budget passes</h1><p class=\"meta\">Last updated: August 19, 2025</p><article>\(para)</article>"),
            published: "2025-08-19"),
        DateRuleCase(
            name: "a dateline next to the headline beats a structured timestamp that no modification explains",
            bytes: doc(
                head: "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"datePublished\":\"2025-11-20T16:02:46Z\",\"dateModified\":\"2025-11-20T16:02:46Z\"}</script>",
                body: "<h1>Budget passes</h1><div class=\"post-date\">May 14, 2025</div><article>\(para)</article>"),
            published: "2025-05-14"),
        DateRuleCase(
            name: "a dateline labelled as an update does not replace the publication",
            bytes: doc(
                head: "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":\"2024-03-06T02:16:49Z\",\"dateModified\":\"2025-11-19T12:47:12Z\"}</script>",
                body: "<h1>Budget passes</h1><p>Last updated on November 19, 2025</p><article>\(para)</article>"),
            published: "2024-03-06T02:16:49Z"),
        DateRuleCase(
            name: "meta tags that name the revision first, and a dateline that shows it: the revision",
            bytes: doc(
                head: "<meta name=\"publisher\" content=\"City News\"><meta property=\"article:modified_time\" content=\"2025-02-22T22:13:14+00:00\"><meta property=\"article:published_time\" content=\"2021-08-12T19:35:44+00:00\">",
                body: "<h1>Budget passes</h1><p>Last Updated: 2025-02-22</p><article>\(para)</article>"),
            published: "2025-02-22T22:13:14Z"),
        DateRuleCase(
            name: "meta tags that name the publication first keep it, though the dateline shows the revision",
            bytes: doc(
                head: "<meta property=\"article:published_time\" content=\"2021-08-12T19:35:44+00:00\"><meta property=\"article:modified_time\" content=\"2025-02-22T22:13:14+00:00\">",
                body: "<h1>Budget passes</h1><p>Last Updated: 2025-02-22</p><article>\(para)</article>"),
            published: "2021-08-12T19:35:44Z"),
        DateRuleCase(
            name: "JSON-LD key order says nothing (serializers sort dateModified first)",
            bytes: doc(
                head: "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"dateModified\":\"2025-12-04\",\"datePublished\":\"2024-02-27\"}</script>",
                body: "<h1>Budget passes</h1><p>Updated: December 04, 2025</p><article>\(para)</article>"),
            published: "2024-02-27"),
        DateRuleCase(
            name: "the structured publication day shown near the headline keeps it",
            bytes: doc(
                head: "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":\"2019-06-25\"}</script>",
                body: "<h1>Budget passes</h1><p class=\"date\">April 4, 2019</p><p class=\"date\">June 25, 2019</p><article>\(para)</article>"),
            published: "2019-06-25"),
        DateRuleCase(
            name: "an unlabelled dateline a day from the modification is the modification, not the publication",
            bytes: doc(
                head: "<meta property=\"article:published_time\" content=\"2022-02-16T10:00:00+00:00\"><meta property=\"article:modified_time\" content=\"2023-09-28T00:49:54+00:00\">",
                body: "<h1>Budget passes</h1><p class=\"meta\">27 September 2023</p><article>\(para)</article>"),
            published: "2022-02-16T10:00:00Z"),
        DateRuleCase(
            name: "a modification on the publication day does not block the dateline's calendar day",
            bytes: doc(
                head: "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"datePublished\":\"2025-12-19T22:02:58Z\",\"dateModified\":\"2025-12-19T22:02:45Z\"}</script>",
                body: "<h1>Budget passes</h1><div>Dec 18, 2025</div><article>\(para)</article>"),
            published: "2025-12-18"),
        DateRuleCase(
            name: "a date far below the headline is no dateline",
            bytes: doc(
                head: "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"datePublished\":\"2025-11-20T16:02:46Z\",\"dateModified\":\"2025-11-20T16:02:46Z\"}</script>",
                body: "<h1>Budget passes</h1><article>" + String(repeating: para, count: 35) + "<p class=\"date\">May 14, 2025</p></article>"),
            published: "2025-11-20T16:02:46Z"),
        DateRuleCase(
            name: "a longer line that mentions a date is prose, not a dateline",
            bytes: doc(body: "<h1>Budget passes</h1><p>The end of the tax season for most people in the country is April 15, 2025, so file your return early.</p><article>\(para)</article><p><time datetime=\"2025-01-17\">Jan. 17, 2025</time></p>"),
            published: "2025-01-17"),
        DateRuleCase(
            name: "a line labelled Published just after a long article's text",
            bytes: doc(body: "<h1>Budget passes</h1><article>" + String(repeating: para, count: 160)
                + "</article><div><div><strong>(Re)Published:</strong> May 25, 2025</div><div><strong>Last edit:</strong> November 18, 2025</div></div>"
                + "<div class=\"comments\"><p>Ann wrote on <time datetime=\"2022-07-11T18:56:58+00:00\">July 11, 2022</time></p></div>"),
            published: "2025-05-25"),
        DateRuleCase(
            name: "a question's Asked date, not a later edit or answer shown first",
            bytes: doc(body: "<h1>Budget passes</h1><div>Edited <time datetime=\"2018-05-21T20:37:55Z\">May 21, 2018</time></div>"
                + "<div>Asked <time datetime=\"2014-02-04T13:02:51Z\">12 years ago</time></div><article>\(para)</article>"),
            published: "2014-02-04T13:02:51Z"),
        DateRuleCase(
            name: "a poster's join date beside a forum post is not the post's date",
            bytes: doc(body: "<h1>Budget passes</h1><div><dd>Joined: 4. Jul 2012, 16:09</dd></div><article>\(para)<p><time datetime=\"2024-09-11T16:36:25+00:00\">Wed Sep 11, 2024</time></p></article>"),
            published: "2024-09-11T16:36:25Z"),
        DateRuleCase(
            name: "itemprop dates on three days are a list of answers: the Asked date wins",
            bytes: doc(body: "<h1>Budget passes</h1><div>Asked <time datetime=\"2014-02-04T13:02:51Z\">12 years ago</time></div><article>\(para)</article>"
                + "<div itemprop=\"datePublished\">2018-05-21 20:37:55</div><div itemprop=\"datePublished\">2016-03-17 13:23:29</div>"
                + "<div itemprop=\"datePublished\">2015-01-02 10:00:00</div>"),
            published: "2014-02-04T13:02:51Z"),
        DateRuleCase(
            name: "one shown itemprop datePublished is the page's",
            bytes: doc(body: "<h1>Budget passes</h1><div>Posted <time datetime=\"2014-02-04T13:02:51Z\">12 years ago</time></div><article>\(para)</article>"
                + "<div itemprop=\"datePublished\">2018-05-21 20:37:55</div>"),
            published: "2018-05-21T20:37:55"),
        DateRuleCase(
            name: "a month-first meta date read from the day the page shows in words",
            bytes: doc(head: "<meta property=\"article:published_time\" content=\"03-09-2026\">",
                       body: "<h1>Budget passes</h1>" + String(repeating: "<span>x</span>", count: 40) + "<div>Published March 9, 2026</div><article>\(para)</article>"),
            published: "2026-03-09"),
        DateRuleCase(
            name: "an ambiguous meta date stays day first when the page shows nothing else",
            bytes: doc(head: "<meta property=\"article:published_time\" content=\"03-09-2026\">", body: "<h1>Budget passes</h1><article>\(para)</article>"),
            published: "2026-09-03"),
        DateRuleCase(
            name: "an ISO meta date is never swapped by a shown numeric date",
            bytes: doc(head: "<meta property=\"article:published_time\" content=\"2026-03-09\">",
                       body: "<h1>Budget passes</h1><div>09/03/2026</div><article>\(para)</article>"),
            published: "2026-03-09"),
        DateRuleCase(
            name: "a numeric date that reads both ways, on a page in US English: month first",
            bytes: Array("<html lang=\"en-US\"><head><title>Budget passes</title></head><body><h1>Budget passes</h1><span class=\"time\">3/4/2025</span><article>\(para)</article></body></html>".utf8),
            published: "2025-03-04"),
        DateRuleCase(
            name: "a numeric date that reads both ways, og:locale en_US: month first",
            bytes: doc(head: "<meta property=\"og:locale\" content=\"en_US\">", body: "<h1>Budget passes</h1><span class=\"time\">3/4/2025</span><article>\(para)</article>"),
            published: "2025-03-04"),
        DateRuleCase(
            name: "a numeric date that reads both ways, on a page in British English: day first",
            bytes: Array("<html lang=\"en-GB\"><head><title>Budget passes</title></head><body><h1>Budget passes</h1><span class=\"time\">3/4/2025</span><article>\(para)</article></body></html>".utf8),
            published: "2025-04-03"),
        DateRuleCase(
            name: "a numeric date that reads only one way keeps it on a page in US English",
            bytes: Array("<html lang=\"en-US\"><head><title>Budget passes</title></head><body><h1>Budget passes</h1><span class=\"time\">25/4/2025</span><article>\(para)</article></body></html>".utf8),
            published: "2025-04-25"),
        DateRuleCase(
            name: "no publication date, a modification date in meta: the revision dates the page",
            bytes: doc(head: "<meta property=\"article:modified_time\" content=\"2023-06-12T10:39:42+00:00\">", body: "<article>\(para)</article>"),
            published: "2023-06-12T10:39:42Z"),
        DateRuleCase(
            name: "no publication date, JSON-LD dateModified: the revision dates the page",
            bytes: doc(head: "<script type=\"application/ld+json\">{\"@type\":\"WebPage\",\"dateModified\":\"2025-11-17\"}</script>", body: "<article>\(para)</article>"),
            published: "2025-11-17"),
        DateRuleCase(
            name: "a publication date beside a modification date wins",
            bytes: doc(head: "<meta property=\"article:published_time\" content=\"2022-05-10\"><meta property=\"article:modified_time\" content=\"2026-01-01\">", body: "<article>\(para)</article>"),
            published: "2022-05-10"),
        DateRuleCase(
            name: "a dateline shown by the headline wins over a modification date in meta",
            bytes: doc(head: "<meta property=\"article:modified_time\" content=\"2026-01-01\">", body: "<h1>Budget passes</h1><p>March 3, 2024</p><article>\(para)</article>"),
            published: "2024-03-03"),
    ]

    @Test(arguments: cases)
    func publishedDate(_ c: DateRuleCase) throws {
        #expect(try HTMLExtractor().extract(c.bytes).metadata.published == c.published)
    }

    @Test(arguments: [
        ("https://example.org/2024/06/14/story", "2024-06-14"),
        ("https://example.org/articles/2025-12-15+Rust+backend", "2025-12-15"),
        ("https://example.org/blog/2025-12-15-rust", "2025-12-15"),
        ("https://example.org/p/2025-12-150", nil),
        ("https://example.org/story?d=2025-12-15", nil),
        ("https://example.org/2024/13/40/story", nil),
    ] as [(String, String?)])
    func urlPathDates(_ url: String, _ want: String?) {
        let b = MetadataBuilder(raw: RawMeta(), elems: [], contentRoots: [], paragraphs: [])
        #expect(b.urlDate(url)?.iso == want)
    }

    @Test(arguments: [
        ("November 2015", "2015-11"), ("Date: Nov. 2003", "2003-11"), ("Sept 2024", "2024-09"),
        ("November 2015 and more", nil), ("November 15", nil), ("2015", nil),
    ] as [(String, String?)])
    func monthYearLines(_ text: String, _ want: String?) {
        #expect(DateRules.unbounded.monthYearAlone(text)?.iso == want)
    }

    @Test(arguments: [
        ("article:modified_time", true), ("og:updated_time", true), ("dateModified", true), ("article:published_time", false),
        ("datePublished", false), ("dc.date.issued", false), ("description", nil), ("date", nil),
    ] as [(String, Bool?)])
    func metaDateKeyKinds(_ key: String, _ revision: Bool?) {
        #expect(RawMeta.dateKeyKind(key) == revision)
    }

    @Test(arguments: [("en-US", true), ("en_us", true), (" EN-US ", true), ("en", false), ("en-GB", false), ("fr-FR", false)] as [(String, Bool)])
    func monthFirstLanguages(_ tag: String, _ want: Bool) {
        #expect(MetadataBuilder.monthFirst(tag) == want)
    }

    @Test(arguments: [
        ("Last updated: May 2, 2025", true, false),
        ("Published May 1, 2025 · Updated May 2, 2025", false, true),
        ("Posted on 1 May 2025", false, true),
        ("May 1, 2025", false, false),
        ("Mis à jour le 2 mai 2025", true, false),
        ("Joined: 4. Jul 2012, 16:09", true, false),
        ("Member since 12 March 2019", true, false),
        ("Asked 12 years, 1 month ago", false, true),
        ("Posted 3 May 2025 · Joined 4 Jul 2012", false, true),
    ])
    func dateLabels(_ text: String, _ update: Bool, _ publish: Bool) {
        #expect(MetadataBuilder.isUpdateLabel(text) == update)
        #expect(MetadataBuilder.isPublishLabel(text) == publish)
    }
}
