import Testing
@testable import GleanHTML

struct CollapsedContentCase: Sendable, CustomStringConvertible {
    let name: String
    let profile: ExtractionProfile
    let html: String
    let paragraphs: [String]
    var description: String { name }
}

private let intro = """
    <p>Our clinic offers physiotherapy, massage and sports rehabilitation for adults and children, six days a week.</p>
    <p>Every first visit starts with an assessment of forty minutes, and a plan that we write down with you.</p>
    """
private let introText = [
    "Our clinic offers physiotherapy, massage and sports rehabilitation for adults and children, six days a week.",
    "Every first visit starts with an assessment of forty minutes, and a plan that we write down with you.",
]
private let productLD = """
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Oak desk"}</script>
    """
private let reviews = """
    <div class="product-reviews"><h2>What buyers say</h2><p>Sturdy and easy to build, five stars from me.</p></div>
    """

/// What is folded away on a page but is its content: a tab panel that is not the open tab, a collapsed
/// accordion panel (read when the page is read whole); and what is not: a popover, a banner, a shop's widgets.
@Suite struct CollapsedContentTests {
    static let cases: [CollapsedContentCase] = [
        CollapsedContentCase(
            name: "a hidden tab panel is read, as the open one",
            profile: .spread,
            html: """
                <html><body>\(intro)<div role="tablist"><button role="tab">Python</button> <button role="tab">Go</button></div>
                <div role="tabpanel"><pre>pip install flask</pre></div>
                <div role="tabpanel" hidden style="display:none"><pre>go get example.com/flask</pre></div></body></html>
                """,
            paragraphs: introText + ["pip install flask", "go get example.com/flask"]),
        CollapsedContentCase(
            name: "a hidden tab panel is read by the article profile too",
            profile: .article,
            html: """
                <html><body><div class="content">\(intro)
                <div role="tabpanel"><p>Installation takes about ten minutes on a recent laptop, with the defaults.</p></div>
                <div role="tabpanel" hidden><p>On a server, run the installer as root and answer yes to each question.</p></div>
                </div></body></html>
                """,
            paragraphs: introText + [
                "Installation takes about ten minutes on a recent laptop, with the defaults.",
                "On a server, run the installer as root and answer yes to each question.",
            ]),
        CollapsedContentCase(
            name: "a hidden element that is no tab panel stays out",
            profile: .spread,
            html: """
                <html><body>\(intro)<div hidden><p>Loading the next page of results, please wait.</p></div></body></html>
                """,
            paragraphs: introText),
        CollapsedContentCase(
            name: "a popover is not shown until script opens it",
            profile: .spread,
            html: """
                <html><body>\(intro)<div popover id="install"><p>Install our app on your home screen.</p></div></body></html>
                """,
            paragraphs: introText),
        CollapsedContentCase(
            name: "a collapsed accordion panel is read when the page is read whole",
            profile: .spread,
            html: """
                <html><body>\(intro)<div class="accordion"><h3>Do you take insurance?</h3>
                <div class="accordion__panel" hidden><p>Yes, most private insurers pay for our treatments.</p></div>
                <h3>Can I cancel?</h3><div class="accordion__panel" style="display: none"><p>Up to a day before.</p></div>
                </div></body></html>
                """,
            paragraphs: introText + [
                "Do you take insurance?", "Yes, most private insurers pay for our treatments.", "Can I cancel?", "Up to a day before.",
            ]),
        CollapsedContentCase(
            name: "a collapsed panel (Bootstrap's collapse) is read when the page is read whole",
            profile: .spread,
            html: """
                <html><body>\(intro)<h3><a href="#care">Care</a></h3>
                <div id="care" class="collapse" style="display:none"><p>Wash at 30 degrees, inside out.</p></div></body></html>
                """,
            paragraphs: introText + ["Care", "Wash at 30 degrees, inside out."]),
        CollapsedContentCase(
            name: "an article's best node does not read collapsed accordion panels",
            profile: .article,
            html: """
                <html><body><div class="content">\(intro)<div class="accordion"><div class="accordion-body" hidden>
                <p>Yes, most private insurers pay for our treatments, and we send them the bill.</p></div></div></div></body></html>
                """,
            paragraphs: introText),
        CollapsedContentCase(
            name: "an accordion that is also named a banner stays hidden",
            profile: .spread,
            html: """
                <html><body><section class="gov-banner"><div class="banner-content accordion-content" hidden>
                <p>Official websites use .gov, a .gov website belongs to an official government organization.</p></div></section>
                \(intro)</body></html>
                """,
            paragraphs: introText),
        CollapsedContentCase(
            name: "a product page's reviews, ratings, price, quantity picker and upsells are not its content",
            profile: .spread,
            html: """
                <html><head>\(productLD)</head><body><div class="product"><h2>Oak desk</h2>
                <div class="product-price">$420</div><div class="quantity-picker">Quantity 1</div>
                <p>Solid oak, 120 by 60 cm, with two drawers and a cable tray.</p></div>\(reviews)
                <div class="rating-summary">4.8 out of 5</div><div id="upsell"><p>Buyers also bought: oak chair</p></div></body></html>
                """,
            paragraphs: ["Oak desk", "Solid oak, 120 by 60 cm, with two drawers and a cable tray."]),
        CollapsedContentCase(
            name: "a product review (the page declares an article too) keeps its review",
            profile: .spread,
            html: """
                <html><head>\(productLD)<meta property="og:type" content="article"></head><body>
                <div class="intro"><p>The oak desk from Northwood costs 420 dollars and comes flat packed.</p></div>
                <div class="review-body"><p>We used the oak desk for a month, at home and in the office: it is solid, quiet, and
                easy to build, and its drawers run smoothly.</p></div></body></html>
                """,
            paragraphs: [
                "The oak desk from Northwood costs 420 dollars and comes flat packed.",
                "We used the oak desk for a month, at home and in the office: it is solid, quiet, and easy to build, and its drawers run smoothly.",
            ]),
        CollapsedContentCase(
            name: "on a page that declares no product, prices and reviews stay",
            profile: .spread,
            html: """
                <html><body><div class="product"><h2>Oak desk</h2><div class="product-price">$420</div>
                <p>Solid oak, 120 by 60 cm, with two drawers and a cable tray.</p></div>\(reviews)</body></html>
                """,
            paragraphs: [
                "Oak desk", "$420", "Solid oak, 120 by 60 cm, with two drawers and a cable tray.", "What buyers say",
                "Sturdy and easy to build, five stars from me.",
            ]),
    ]

    @Test(arguments: cases)
    func mainText(_ c: CollapsedContentCase) throws {
        var ex = try HTMLExtractor()
        ex.forcedProfile = c.profile
        #expect(try ex.extract(Array(c.html.utf8)).paragraphs == c.paragraphs)
    }
}
