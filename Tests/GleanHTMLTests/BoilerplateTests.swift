import Testing
@testable import GleanHTML

struct BoilerplateCase: Sendable, CustomStringConvertible {
    let name: String
    let html: String
    let paragraphs: [String]
    /// The profile to force; nil lets the page-profile model choose.
    var profile: ExtractionProfile? = nil
    var description: String { name }
}

private let p1 = "The council met on Tuesday to discuss the new budget, which includes funds for schools, roads and parks."
private let p2 = "Members debated for three hours, and in the end the proposal passed with a clear majority of the votes."
private let p3 = "The mayor said the money would be spent over the next two years, starting with the repairs of old bridges."

/// p1 with a link over a few of its words (link density about 0.12 in a paragraph with p3).
private let linkedP1 = p1.replacingOccurrences(of: "to discuss the new budget", with: "<a href=\"/b\">to discuss the new budget</a>")
private func teaser(_ k: Int) -> String { "A short excerpt of other story \(k), which the reader can open from here to read more." }
private func item(_ k: Int) -> String { "Item \(k) is a good choice for most people who want a simple tool at home" }

@Suite struct BoilerplateTests {
    static let cases: [BoilerplateCase] = [
        BoilerplateCase(
            name: "nav, header, footer, sidebar dropped",
            html: """
                <html><body><header><a href="/">Home</a> <a href="/news">News</a></header>
                <nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Sports</a></li></ul></nav>
                <div id="main"><article><h1>Budget passes</h1><p>\(p1)</p><p>\(p2)</p><p>\(p3)</p></article>
                <aside class="sidebar"><h3>Popular</h3><ul><li><a href="/x">Other story one is here</a></li></ul></aside></div>
                <footer><p>Copyright 2024 Example News, all rights reserved, and more footer text here.</p></footer></body></html>
                """,
            paragraphs: [p1, p2, p3]),
        BoilerplateCase(
            name: "scripts, styles, share and cookie bars, comments dropped",
            html: """
                <html><head><style>p{color:red}</style></head><body><div class="content">
                <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
                <p>\(p1)</p><script>var x = "not text, not text, not text";</script><p>\(p2)</p>
                <div id="cookie-consent"><p>We use cookies to improve your experience, please accept them all now.</p></div>
                <p>\(p3)</p>
                <div id="comments"><h3>Comments</h3><p>Great article, thanks for writing it, I agree with everything in it.</p></div>
                </div></body></html>
                """,
            paragraphs: [p1, p2, p3]),
        BoilerplateCase(
            name: "headings, lists, quotes and tables kept in order",
            html: """
                <html><body><div class="post-body"><p>\(p1)</p><h2>What it pays for</h2>
                <ul><li>New roofs for four schools in the district</li><li>Resurfacing of the main road</li></ul>
                <blockquote>We kept our promise, said the mayor, to the people of this city.</blockquote>
                <table><tr><td>Schools and libraries</td><td>4 million dollars</td></tr></table><p>\(p2)</p></div>
                <div class="related"><h3>Related</h3><ul><li><a href="/1">Another budget story from last year</a></li></ul></div>
                </body></html>
                """,
            paragraphs: [p1, "What it pays for", "New roofs for four schools in the district", "Resurfacing of the main road",
                "We kept our promise, said the mayor, to the people of this city.", "Schools and libraries", "4 million dollars", p2]),
        BoilerplateCase(
            name: "a button left open by broken markup does not swallow the article",
            html: "<html><body><header><button class=\"toggle\"><div class=\"icon\"><div class=\"bar\"></button></div><ul>"
                + (0..<20).map { "<li><a href=\"/s\($0)\">Section \($0)</a></li>" }.joined()
                + "</ul></header><article><h1>Budget passes</h1><p>\(p1)</p><p>\(p2)</p><p>\(p3)</p></article></body></html>",
            paragraphs: [p1, p2, p3]),
        BoilerplateCase(
            name: "prose in a block whose class only mentions a header is kept",
            html: "<html><body><article>" + (1...8).map { "<p>\(p1) Part \($0).</p>" }.joined()
                + "<div class=\"accordion pane-header-left\">" + (1...5).map { "<p>\(p2) Step \($0).</p>" }.joined()
                + "</div></article><div class=\"site-header\"><p>Subscribe now</p></div></body></html>",
            paragraphs: (1...8).map { "\(p1) Part \($0)." } + (1...5).map { "\(p2) Step \($0)." }),
        BoilerplateCase(
            name: "an introduction with inline links grows over the list sections that follow it",
            html: "<html><body><main><section class=\"list\"><div class=\"hero\"><div id=\"intro\">"
                + (1...3).map { "<p>\(linkedP1) \(p3) Part \($0).</p>" }.joined()
                + "</div></div>"
                + (1...4).map { "<div class=\"zone\"><h2>Item \($0)</h2><p>\(item($0))</p></div>" }.joined()
                + "</section></main></body></html>",
            paragraphs: (1...3).map { "\(p1) \(p3) Part \($0)." } + (1...4).flatMap { ["Item \($0)", item($0)] }),
        BoilerplateCase(
            name: "collapsed accordion panels (ARIA regions labelled by their heading) are kept, other hidden blocks are not",
            html: """
                <html><body><article><p>\(p1)</p><h2>Questions</h2>
                <h3 id="q1">What does it pay for?</h3>
                <div id="a1" role="region" aria-labelledby="q1" style="display:none"><p>\(p2)</p></div>
                <h3 id="q2">When will it start?</h3>
                <div id="a2" role="region" aria-labelledby="q2" hidden><p>\(p3)</p></div>
                <div style="display:none"><p>Sign up now to read this story and many more like it every day.</p></div>
                </article></body></html>
                """,
            paragraphs: [p1, "Questions", "What does it pay for?", p2, "When will it start?", p3]),
        BoilerplateCase(
            name: "a grid of post teasers after the article is dropped",
            html: "<html><body><div class=\"post\"><h1>Budget passes</h1><p>\(p1)</p><p>\(p2)</p><p>\(p3)</p>"
                + "<div class=\"grid\">" + (1...3).map { "<article><h2><a href=\"/p\($0)\">Other story \($0)</a></h2><p>\(teaser($0))</p></article>" }.joined()
                + "</div></div></body></html>",
            // So small a page is as much a listing as an article: the model's choice is not what this case checks.
            paragraphs: [p1, p2, p3], profile: .article),
        BoilerplateCase(
            name: "articles with full reviews inside the content are kept",
            html: "<html><body><div class=\"post\"><h1>Budget passes</h1><p>\(p1)</p>"
                + "<div class=\"grid\">" + (1...3).map { "<article><h2>Pick \($0)</h2><p>\(p2) \(p3) \(p2) \(p3) Pick \($0).</p></article>" }.joined()
                + "</div></div></body></html>",
            paragraphs: [p1] + (1...3).flatMap { ["Pick \($0)", "\(p2) \(p3) \(p2) \(p3) Pick \($0)."] }),
        BoilerplateCase(
            name: "text directly in a div, whitespace collapsed",
            html: "<html><body><div id=\"story\">  \(p1)\n\n   <br>\(p2)  </div><div class=\"menu\"><a href=\"/\">Home</a></div></body></html>",
            paragraphs: [p1, p2]),
    ]

    @Test(arguments: cases)
    func extractsMainText(_ c: BoilerplateCase) throws {
        var ex = try HTMLExtractor()
        ex.forcedProfile = c.profile
        let page = try ex.extract(Array(c.html.utf8))
        #expect(page.paragraphs == c.paragraphs)
        #expect(page.text == c.paragraphs.joined(separator: "\n\n"))
    }

    @Test func contentAndExcludeXPath() throws {
        let html = "<html><body><div id='a'><p>\(p1)</p><p class='ad'>\(p2)</p></div><div id='b'><p>\(p3)</p></div></body></html>"
        let ex = try HTMLExtractor(options: HTMLOptions(contentXPath: "//div[@id='a']", excludeXPath: "//p[@class='ad']"))
        #expect(try ex.extract(Array(html.utf8)).paragraphs == [p1])
    }

    @Test(arguments: [
        ("//div[", "invalid expression at offset 6"), ("//p[@class=]", "invalid expression at offset 11"),
    ])
    func invalidXPathIsReported(_ expr: String, _ message: String) throws {
        #expect(HTMLExtractor.validateXPath(expr) == message)
        #expect(throws: HTMLError.self) { try HTMLExtractor(options: HTMLOptions(contentXPath: expr)) }
    }

    @Test func validXPath() {
        #expect(HTMLExtractor.validateXPath("//article//p") == nil)
    }
}
