import Testing
@testable import GleanHTML

struct SkipLinkCase: Sendable, CustomStringConvertible {
    let name: String
    let html: String
    let paragraphs: [String]
    var description: String { name }
}

private let menu = """
    <ul class="top"><li><a href="/shop">Shop</a></li><li><a href="/deals">Deals</a></li><li><a href="/help">Help</a></li></ul>
    """
private let cards = """
    <h2>Desks</h2><ul class="grid">
    <li class="card"><h3><a href="/d1">Oak desk</a></h3><p>Solid oak, 120 by 60 cm, with two drawers.</p></li>
    <li class="card"><h3><a href="/d2">Pine desk</a></h3><p>Light pine, 100 by 50 cm, with one drawer.</p></li>
    <li class="card"><h3><a href="/d3">Steel desk</a></h3><p>Grey steel, 140 by 70 cm, with a cable tray.</p></li>
    </ul>
    """
private let cardText = [
    "Desks", "Oak desk", "Solid oak, 120 by 60 cm, with two drawers.", "Pine desk", "Light pine, 100 by 50 cm, with one drawer.",
    "Steel desk", "Grey steel, 140 by 70 cm, with a cable tray.",
]
private let menuText = ["Shop", "Deals", "Help"]

/// The spread profile drops what lies before a skip link's target (a site's header and menus).
@Suite struct SkipLinkTests {
    static let cases: [SkipLinkCase] = [
        SkipLinkCase(
            name: "a skip link's target starts the content: the menu before it is dropped",
            html: """
                <html><body><div class="site"><a href="#main">Skip to main content</a>\(menu)</div>
                <div id="main">\(cards)</div></body></html>
                """,
            paragraphs: cardText),
        SkipLinkCase(
            name: "an empty anchor can be the target",
            html: """
                <html><body><a href="#content">Skip</a>\(menu)<a id="content"></a><div>\(cards)</div></body></html>
                """,
            paragraphs: cardText),
        SkipLinkCase(
            name: "no skip link: the menu stays",
            html: "<html><body><div class=\"site\">\(menu)</div><div id=\"main\">\(cards)</div></body></html>",
            paragraphs: menuText + cardText),
        SkipLinkCase(
            name: "a link to an id that is not on the page changes nothing",
            html: "<html><body><a href=\"#nowhere\">Skip</a>\(menu)<div id=\"main\">\(cards)</div></body></html>",
            paragraphs: ["Skip"] + menuText + cardText),
        SkipLinkCase(
            name: "a jump link after the page's first five links is not a skip link",
            html: """
                <html><body>\(menu)<a href="/a">A</a> <a href="/b">B</a> <a href="#main">Skip</a>
                <div id="main">\(cards)</div></body></html>
                """,
            paragraphs: menuText + ["A B Skip"] + cardText),
        SkipLinkCase(
            name: "a target that leaves less than a quarter of the text after it is no content start",
            html: """
                <html><body><a href="#contact">Contact</a>\(menu)<div>\(cards)</div><p id="contact">Write to us.</p></body></html>
                """,
            paragraphs: ["Contact"] + menuText + cardText + ["Write to us."]),
        SkipLinkCase(
            name: "a target before the link is not a content start",
            html: """
                <html><body><div id="top"></div><a href="#top">Top</a>\(menu)<div>\(cards)</div></body></html>
                """,
            paragraphs: ["Top"] + menuText + cardText),
    ]

    @Test(arguments: cases)
    func spreadText(_ c: SkipLinkCase) throws {
        var ex = try HTMLExtractor()
        ex.forcedProfile = .spread
        #expect(try ex.extract(Array(c.html.utf8)).paragraphs == c.paragraphs)
    }

    /// The article profile reads its best node only: a skip link changes nothing there.
    @Test func articleProfileUnchanged() throws {
        let html = """
            <html><body><a href="#main">Skip</a>\(menu)<div id="main"><div class="story">
            <p>The council approved the new budget on Monday after a long debate about school funding.</p>
            <p>Spending on roads rises by four percent, while the parks budget stays the same as last year.</p>
            <p>The mayor said the plan keeps taxes flat for a third year in a row, and the opposition agreed.</p></div></div></body></html>
            """
        var ex = try HTMLExtractor()
        ex.forcedProfile = .article
        #expect(try ex.extract(Array(html.utf8)).paragraphs == [
            "The council approved the new budget on Monday after a long debate about school funding.",
            "Spending on roads rises by four percent, while the parks budget stays the same as last year.",
            "The mayor said the plan keeps taxes flat for a third year in a row, and the opposition agreed.",
        ])
    }
}
