import Testing
@testable import GleanHTML

private let body = "<article><p>The council met on Tuesday to discuss the new budget, which includes funds for schools, roads and parks in the city.</p></article>"

private func page(head: String = "", lang: String? = nil, top: String = "") -> [UInt8] {
    let l = lang.map { " lang=\"\($0)\"" } ?? ""
    return Array("<html\(l)><head>\(head)</head><body>\(top)\(body)</body></html>".utf8)
}

struct MetaCase: Sendable, CustomStringConvertible {
    let name: String
    let bytes: [UInt8]
    let title: String?
    let published: String?
    let publishedUTC: Int64?
    var description: String { name }
}

@Suite struct MetadataTests {
    static let cases: [MetaCase] = [
        MetaCase(name: "site name stripped from <title>", bytes: page(head: "<title>Budget passes | City News</title><meta property=\"og:site_name\" content=\"City News\">"), title: "Budget passes", published: nil, publishedUTC: nil),
        MetaCase(name: "h1 that agrees with og:title", bytes: page(head: "<meta property=\"og:title\" content=\"Budget passes - City News\"><meta property=\"og:site_name\" content=\"City News\">", top: "<h1>Budget passes</h1>"), title: "Budget passes", published: nil, publishedUTC: nil),
        MetaCase(name: "JSON-LD headline and datePublished with offset", bytes: page(head: "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Council backs plan\",\"datePublished\":\"2024-06-14T15:28:00+07:00\"}</script><title>Home</title>"), title: "Council backs plan", published: "2024-06-14T15:28:00+07:00", publishedUTC: 1_718_353_680_000_000),
        MetaCase(name: "article:published_time date only stays a date", bytes: page(head: "<meta property=\"article:published_time\" content=\"2023-03-05\"><title>A</title>"), title: "A", published: "2023-03-05", publishedUTC: nil),
        MetaCase(name: "time datetime in UTC", bytes: page(head: "<title>B</title>", top: "<time datetime=\"2022-01-02T03:04:05Z\">Jan 2</time>"), title: "B", published: "2022-01-02T03:04:05Z", publishedUTC: 1_641_092_645_000_000),
        MetaCase(name: "English dateline", bytes: page(head: "<title>C</title>", top: "<div class=\"date\">Published September 4, 2025 at 10:30 AM</div>"), title: "C", published: "2025-09-04T10:30", publishedUTC: nil),
        MetaCase(name: "French dateline", bytes: page(head: "<title>D</title>", top: "<span class=\"date\">le 1er mars 2024</span>"), title: "D", published: "2024-03-01", publishedUTC: nil),
        MetaCase(name: "Arabic dateline with Arabic-Indic digits", bytes: page(head: "<title>E</title>", top: "<span class=\"date\">١٤ يونيو ٢٠٢٤</span>"), title: "E", published: "2024-06-14", publishedUTC: nil),
        MetaCase(name: "numeric dateline day first", bytes: page(head: "<title>F</title>", top: "<p class=\"posted\">15:28 - 14/06/2024</p>"), title: "F", published: "2024-06-14T15:28", publishedUTC: nil),
        MetaCase(name: "never a reference number", bytes: page(head: "<title>G</title>", top: "<p class=\"meta\">Decision No. 12/05/2024/QD-UBND</p>"), title: "G", published: nil, publishedUTC: nil),
        MetaCase(name: "never a phone number", bytes: page(head: "<title>H</title>", top: "<p class=\"meta\">Hotline: 0214.3820.2024 or 12.05.2024-17</p>"), title: "H", published: nil, publishedUTC: nil),
        MetaCase(name: "never a script's expiry date", bytes: page(head: "<title>I</title><script>document.cookie='a=1; expires=Thu, 01 Jan 2099 00:00:00 GMT';</script>", top: "<span class=\"date\">expires 01/01/2099</span>"), title: "I", published: nil, publishedUTC: nil),
    ]

    @Test(arguments: cases)
    func titleAndDate(_ c: MetaCase) throws {
        let m = try HTMLExtractor().extract(c.bytes).metadata
        #expect(m.title == c.title)
        #expect(m.published == c.published)
        #expect(m.publishedUTC == c.publishedUTC)
    }

    @Test(arguments: [
        ("en-US", "en"), ("fr", "fr"), ("pt-BR", "pt"), ("AR", "ar"),
    ])
    func languageFromHTMLLang(_ lang: String, _ code: String) throws {
        #expect(try HTMLExtractor().extract(page(lang: lang)).metadata.language == code)
    }

    @Test func authorSiteURL() throws {
        let head = """
            <link rel="canonical" href="https://news.example/a/1"><meta name="author" content="Jane Roe">
            <meta property="og:site_name" content="Example News">
            """
        let m = try HTMLExtractor().extract(page(head: head)).metadata
        #expect(m.author == "Jane Roe")
        #expect(m.site == "Example News")
        #expect(m.url == "https://news.example/a/1")
    }
}
