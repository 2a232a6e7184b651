import Testing
@testable import GleanHTML

struct ProfileCase: Sendable, CustomStringConvertible {
    let name: String
    let html: String
    let profile: ExtractionProfile
    let paragraphs: [String]
    var description: String { name }
}

private let chrome = """
    <header class="site-header"><a href="/">Home</a> <a href="/about">About us</a> <a href="/help">Help</a></header>
    <nav><ul><li><a href="/a">First section</a></li><li><a href="/b">Second section</a></li></ul></nav>
    """
private let footer = "<footer><p>Copyright 2025 Example Company, all rights reserved, terms and privacy.</p></footer>"

private let post1 = "My router drops the connection every evening around eight, and restarting it only helps for an hour."
private let post2 = "Check whether the firmware is current; the last update fixed a similar problem on my own model."
private let post3 = "Thanks, updating the firmware solved it, and the connection has been stable for three days now."

@Suite struct PageProfileTests {
    static let cases: [ProfileCase] = [
        ProfileCase(
            name: "forum: every post is content, not a comment to drop",
            html: """
                <html><head><title>Router drops connection</title></head><body>\(chrome)
                <div class="thread">
                <div class="message"><span class="user">alice</span><div class="message-body"><p>\(post1)</p></div></div>
                <div class="message"><span class="user">bob</span><div class="message-body"><p>\(post2)</p></div></div>
                <div class="message"><span class="user">alice</span><div class="message-body"><p>\(post3)</p></div></div>
                </div>\(footer)</body></html>
                """,
            profile: .spread,
            paragraphs: ["alice", post1, "bob", post2, "alice", post3]),
        ProfileCase(
            name: "listing: every card is content",
            html: """
                <html><body>\(chrome)<main><h2>Desks</h2><ul class="grid">
                <li class="card"><h3><a href="/d1">Oak desk</a></h3><p>Solid oak, 120 by 60 cm.</p><span>199 EUR</span></li>
                <li class="card"><h3><a href="/d2">Pine desk</a></h3><p>Light pine, 100 by 50 cm.</p><span>99 EUR</span></li>
                <li class="card"><h3><a href="/d3">Steel desk</a></h3><p>Grey steel, 140 by 70 cm.</p><span>249 EUR</span></li>
                </ul></main>\(footer)</body></html>
                """,
            profile: .spread,
            paragraphs: [
                "Desks", "Oak desk", "Solid oak, 120 by 60 cm.", "199 EUR", "Pine desk", "Light pine, 100 by 50 cm.", "99 EUR",
                "Steel desk", "Grey steel, 140 by 70 cm.", "249 EUR",
            ]),
        ProfileCase(
            name: "service: content spread over several sections",
            html: """
                <html><body>\(chrome)
                <section class="hero"><h2>Tax returns done for you</h2><p>We file your return in three days.</p></section>
                <section class="features"><h2>What we do</h2><ul><li>Collect your papers</li><li>Check every deduction</li></ul></section>
                <section class="pricing"><h2>Prices</h2><p>A simple return costs 80 EUR, a business return 200 EUR.</p></section>
                <aside class="sidebar"><a href="/x">Our blog</a></aside>\(footer)</body></html>
                """,
            profile: .spread,
            paragraphs: [
                "Tax returns done for you", "We file your return in three days.", "What we do", "Collect your papers",
                "Check every deduction", "Prices", "A simple return costs 80 EUR, a business return 200 EUR.",
            ]),
        ProfileCase(
            name: "documentation: code kept, sidebar and table of contents dropped",
            html: """
                <html><body>\(chrome)<div class="layout">
                <div class="sidebar"><ul><li><a href="/install">Install</a></li><li><a href="/usage">Usage</a></li></ul></div>
                <div class="doc"><h2>Usage</h2><p>Call the parser with a path.</p><pre><code>parse("a.txt")</code></pre>
                <p>It returns a list of records.</p></div>
                <nav class="toc"><a href="#usage">Usage</a></nav></div>\(footer)</body></html>
                """,
            profile: .spread,
            paragraphs: ["Usage", "Call the parser with a path.", "parse(\"a.txt\")", "It returns a list of records."]),
        ProfileCase(
            name: "spread: a block repeated by a carousel is read once, a short repeated word stays",
            html: """
                <html><body><div class="intro"><p>\(post1)</p><p>\(post2)</p><p>\(post3)</p><p>\(post1) \(post2)</p></div>
                <div class="slides"><div class="slide"><h2>Colorful design for you</h2><p>Four colors.</p></div>
                <div class="slide"><h2>Colorful design for you</h2><p>New</p></div>
                <div class="slide"><h2>Bright display</h2><p>New</p></div></div></body></html>
                """,
            profile: .spread,
            paragraphs: [post1, post2, post3, post1 + " " + post2, "Colorful design for you", "Four colors.", "New", "Bright display", "New"]),
        ProfileCase(
            name: "article profile keeps one best node",
            html: """
                <html><body>\(chrome)<div class="story"><p>\(post1)</p><p>\(post2)</p><p>\(post3)</p></div>
                <div class="more"><p><a href="/o1">Other story one</a></p><p><a href="/o2">Other story two</a></p></div>
                \(footer)</body></html>
                """,
            profile: .article,
            paragraphs: [post1, post2, post3]),
    ]

    @Test(arguments: cases)
    func profileText(_ c: ProfileCase) throws {
        var ex = try HTMLExtractor()
        ex.forcedProfile = c.profile
        let got = try ex.extract(Array(c.html.utf8)).paragraphs
        #expect(got == c.paragraphs)
    }

    /// A <noscript> holding the whole page is read when the page has nothing else; a short one never is.
    @Test(arguments: [
        (40, [String](repeating: "Reply text", count: 40)),
        (3, []),
    ] as [(Int, [String])])
    func noscriptPage(_ items: Int, _ expected: [String]) throws {
        let lis = String(repeating: "<li>Reply text</li>", count: items)
        let html = "<html><body><div id=\"app\"></div><noscript><ul>\(lis)</ul></noscript></body></html>"
        #expect(try HTMLExtractor().extract(Array(html.utf8)).paragraphs == expected)
    }

    /// A <noscript> copy beside the same text rendered normally stays out.
    @Test func noscriptCopyIgnored() throws {
        let lis = String(repeating: "<li>Reply</li>", count: 40)
        let html = "<html><body><div><p>\(post1)</p><p>\(post2)</p><p>\(post3)</p></div><noscript><ul>\(lis)</ul></noscript></body></html>"
        #expect(try HTMLExtractor().extract(Array(html.utf8)).paragraphs == [post1, post2, post3])
    }

    @Test(arguments: [
        (#"{"@type":"Product","name":"Desk","description":"Oak"}"#, "product"),
        (#"{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-01-02"}"#, "article published"),
        (#"{"@type":"DiscussionForumPosting","headline":"Help"}"#, "forum"),
        (#"{"@type":"ItemList","itemListElement":[]}"#, "list"),
        (#"{"@type":"Organization","name":"Example"}"#, ""),
    ] as [(String, String)])
    func declaredKinds(_ json: String, _ expected: String) {
        var meta = RawMeta()
        meta.jsonLD = [json]
        let k = PageFeatures.declaredKinds(meta)
        var words: [String] = []
        if k.product { words.append("product") }
        if k.article { words.append("article") }
        if k.forum { words.append("forum") }
        if k.list { words.append("list") }
        if k.published { words.append("published") }
        #expect(words.joined(separator: " ") == expected)
    }

    /// A page that says it is an article, and whose best node holds most of its text, keeps the article profile.
    @Test func declaredArticleKeepsArticleProfile() throws {
        var v = [Float](repeating: 0, count: PageFeatures.names.count)
        v[2] = 0.9
        v[14] = 1
        v[4] = 0.9
        v[0] = 12
        #expect(PageProfileModel.profile(PageFeatures(values: v)) == .article)
        v[14] = 0
        #expect(PageProfileModel.profile(PageFeatures(values: v)) == .spread)
    }

    @Test func featureNamesMatchWeights() {
        #expect(PageProfileWeights.weights.count == PageFeatures.names.count)
        #expect(PageProfileWeights.means.count == PageFeatures.names.count)
        #expect(PageProfileWeights.scales.count == PageFeatures.names.count)
    }
}
