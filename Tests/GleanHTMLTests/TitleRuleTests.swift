import Testing
@testable import GleanHTML

private let text = "<p>Our electricians install panels, rewire old homes and repair faults across the whole region every day of the week.</p>"

private func page(head: String, top: String) -> [UInt8] {
    Array("<html><head>\(head)</head><body>\(top)<article>\(text)</article></body></html>".utf8)
}

struct TitleCase: Sendable, CustomStringConvertible {
    let name: String
    let bytes: [UInt8]
    let title: String?
    var description: String { name }
}

/// Which title wins when the h1, og:title, JSON-LD and <title> disagree.
@Suite struct TitleRuleTests {
    static let cases: [TitleCase] = [
        TitleCase(
            name: "undated page: <title> named the same by og:title beats a lone h1",
            bytes: page(head: "<title>Electrical Pricing Guide near Springfield | Bright Sparks</title><meta property=\"og:title\" content=\"Electrical Pricing Guide near Springfield\">",
                        top: "<h1>Pricing for Electrical Services</h1>"),
            title: "Electrical Pricing Guide near Springfield"),
        TitleCase(
            name: "undated page: og:title equal to the whole <title>, its first run of words",
            bytes: page(head: "<title>Panel Upgrades - Bright Sparks</title><meta property=\"og:title\" content=\"Panel Upgrades - Bright Sparks\">",
                        top: "<h1>Safer homes start here</h1>"),
            title: "Panel Upgrades"),
        TitleCase(
            name: "undated page: the site name first in <title> is skipped",
            bytes: page(head: "<title>Bright Sparks | Panel Upgrades</title><meta property=\"og:title\" content=\"Bright Sparks | Panel Upgrades\"><meta property=\"og:site_name\" content=\"Bright Sparks\">",
                        top: "<h1>Safer homes start here</h1>"),
            title: "Panel Upgrades"),
        TitleCase(
            name: "dated article (og:type article): the h1 stays the headline",
            bytes: page(head: "<title>Electrical Pricing Guide near Springfield | Bright Sparks</title><meta property=\"og:title\" content=\"Electrical Pricing Guide near Springfield\"><meta property=\"og:type\" content=\"article\"><meta property=\"article:published_time\" content=\"2024-03-05\">",
                        top: "<h1>Pricing for Electrical Services</h1>"),
            title: "Pricing for Electrical Services"),
        TitleCase(
            name: "dated article (JSON-LD BlogPosting): the h1 stays the headline",
            bytes: page(head: "<title>Electrical Pricing Guide near Springfield | Bright Sparks</title><meta property=\"og:title\" content=\"Electrical Pricing Guide near Springfield\"><script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"datePublished\":\"2024-03-05\"}</script>",
                        top: "<h1>Pricing for Electrical Services</h1>"),
            title: "Pricing for Electrical Services"),
        TitleCase(
            name: "dated page that is no article (og:type website): <title> named the same by og:title beats a lone h1",
            bytes: page(head: "<title>Electrical Pricing Guide near Springfield | Bright Sparks</title><meta property=\"og:title\" content=\"Electrical Pricing Guide near Springfield\"><meta property=\"og:type\" content=\"website\"><meta property=\"article:published_time\" content=\"2024-03-05\">",
                        top: "<h1>Pricing for Electrical Services</h1>"),
            title: "Electrical Pricing Guide near Springfield"),
        TitleCase(
            name: "undated page: og:title that differs from <title> confirms nothing, the h1 stays",
            bytes: page(head: "<title>Electrical Pricing Guide | Bright Sparks</title><meta property=\"og:title\" content=\"Our prices\">",
                        top: "<h1>Pricing for Electrical Services</h1>"),
            title: "Pricing for Electrical Services"),
        TitleCase(
            name: "undated page: an h1 that og:title confirms stays",
            bytes: page(head: "<title>Electrical Pricing Guide | Bright Sparks</title><meta property=\"og:title\" content=\"Pricing for Electrical Services\">",
                        top: "<h1>Pricing for Electrical Services</h1>"),
            title: "Pricing for Electrical Services"),
        TitleCase(
            name: "undated page without og:title: the h1 stays",
            bytes: page(head: "<title>Electrical Pricing Guide | Bright Sparks</title>", top: "<h1>Pricing for Electrical Services</h1>"),
            title: "Pricing for Electrical Services"),
        TitleCase(
            name: "no h1, og:title or headline: the first run of words of <title>",
            bytes: page(head: "<title>Breaker keeps tripping - Repairs - Bright Sparks Forum</title>", top: ""),
            title: "Breaker keeps tripping"),
        TitleCase(
            name: "no h1: a <title> without separators is whole",
            bytes: page(head: "<title>Breaker keeps tripping: what to check first</title>", top: ""),
            title: "Breaker keeps tripping: what to check first"),
        TitleCase(
            name: "no h1 or headline: og:title's first run of words",
            bytes: page(head: "<title>Repairs</title><meta property=\"og:title\" content=\"Breaker keeps tripping - Repairs - Bright Sparks Forum\">", top: ""),
            title: "Breaker keeps tripping"),
        TitleCase(
            name: "an h1 with a tagline after a separator where <title> breaks: the headline part",
            bytes: page(head: "<title>Best Electricians in Springfield 2025 | Top 9 Firms | Bright Sparks</title>",
                        top: "<h1>Best Electricians in Springfield 2025 | Top 9 Firms</h1>"),
            title: "Best Electricians in Springfield 2025"),
        TitleCase(
            name: "an h1 with a separator that no metadata title breaks at stays whole",
            bytes: page(head: "<title>Springfield electricians ranked</title>",
                        top: "<h1>Best Electricians in Springfield 2025 - Top 9 Firms</h1>"),
            title: "Best Electricians in Springfield 2025 - Top 9 Firms"),
        TitleCase(
            name: "an h1 linking to the home page is the site's name, not the headline",
            bytes: page(head: "<title>Wiring a garden shed | Bright Sparks</title><link rel=\"canonical\" href=\"https://sparks.example/blog/shed\">",
                        top: "<h1 class=\"logo\"><a href=\"https://sparks.example/\">Bright Sparks</a></h1>"),
            title: "Wiring a garden shed"),
        TitleCase(
            name: "an h1 linking to an article is still a headline",
            bytes: page(head: "<title>Wiring a garden shed | Bright Sparks</title>", top: "<h1><a href=\"/blog/shed\">Wiring a garden shed</a></h1>"),
            title: "Wiring a garden shed"),
        TitleCase(
            name: "an h1 confirmed by og:title up to typographic quotes is spelled as og:title spells it",
            bytes: page(head: "<title>Here's why breakers trip | Bright Sparks</title><meta property=\"og:title\" content=\"Here's why breakers trip\">",
                        top: "<h1>Here’s why breakers trip</h1>"),
            title: "Here's why breakers trip"),
        TitleCase(
            name: "an h1 confirmed by og:title in other letter case keeps its own spelling",
            bytes: page(head: "<title>Here’s Why Breakers Trip | Bright Sparks</title><meta property=\"og:title\" content=\"Here’s Why Breakers Trip\">",
                        top: "<h1>Here’s why breakers trip</h1>"),
            title: "Here’s why breakers trip"),
        TitleCase(
            name: "a JSON-LD headline cut short gives way to the og:title it begins",
            bytes: page(head: "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Why breakers trip (and the one check that\"}</script>"
                        + "<meta property=\"og:title\" content=\"Why breakers trip (and the one check that fixes most of them) - Bright Sparks\"><meta property=\"og:site_name\" content=\"Bright Sparks\">", top: ""),
            title: "Why breakers trip (and the one check that fixes most of them)"),
        TitleCase(
            name: "a heading's permalink mark is not part of the title",
            bytes: page(head: "<title>Installing the meter — Spark Docs</title>", top: "<h1>Installing the meter<a class=\"headerlink\" href=\"#install\">¶</a></h1>"),
            title: "Installing the meter"),
        TitleCase(
            name: "a product named after the site is not the site's name",
            bytes: page(head: "<title>Sparks Panels | Safer wiring for homes</title><link rel=\"canonical\" href=\"https://www.sparks.example/panels\">", top: ""),
            title: "Sparks Panels"),
        TitleCase(
            name: "the host's name after a separator is the site's name",
            bytes: page(head: "<title>Safer wiring for homes | Sparks</title><link rel=\"canonical\" href=\"https://www.sparks.example/panels\">", top: ""),
            title: "Safer wiring for homes"),
        TitleCase(
            name: "an h1 that runs into its byline gives the og:title it begins",
            bytes: page(head: "<title>Why breakers trip - Bright Sparks</title><meta property=\"og:title\" content=\"Why breakers trip\">",
                        top: "<h1>Why breakers trip <small>Posted on July 1, 2024 by Ann</small></h1>"),
            title: "Why breakers trip"),
        TitleCase(
            name: "an h1 that goes on past og:title without a byline stays whole",
            bytes: page(head: "<title>Why breakers trip - Bright Sparks</title><meta property=\"og:title\" content=\"Why breakers trip\"><meta property=\"og:type\" content=\"article\"><meta property=\"article:published_time\" content=\"2024-07-01\">",
                        top: "<h1>Why breakers trip in old houses</h1>"),
            title: "Why breakers trip in old houses"),
        TitleCase(
            name: "markdown heading marks shown as text are not part of the title",
            bytes: page(head: "<title>Notes</title>", top: "<h1>## Why breakers trip</h1>"),
            title: "Why breakers trip"),
        TitleCase(
            name: "undated page without og:title: a JSON-LD headline that names the page as <title> does beats a lone h1",
            bytes: page(head: "<title>Electrical Pricing Guide near Springfield | Bright Sparks</title><script type=\"application/ld+json\">{\"@type\":\"WebPage\",\"headline\":\"Electrical Pricing Guide near Springfield\"}</script>",
                        top: "<h1>Pricing for Electrical Services</h1>"),
            title: "Electrical Pricing Guide near Springfield"),
        TitleCase(
            name: "an h1 whose first run of words is one word is not cut there",
            bytes: page(head: "<title>breakers — Trip curves and ratings — Spark Docs 3.1</title><meta property=\"og:title\" content=\"breakers — Trip curves and ratings\">",
                        top: "<h1>breakers — Trip curves and ratings</h1>"),
            title: "breakers — Trip curves and ratings"),
        TitleCase(
            name: "an h1 whose first run of words is several words is still cut where <title> breaks",
            bytes: page(head: "<title>Best Panel Brands in 2025 | Bright Sparks</title>",
                        top: "<h1>Best Panel Brands in 2025 | Top 9 Picks</h1>"),
            title: "Best Panel Brands in 2025"),
        TitleCase(
            name: "no h1: a one-word label before the <title>'s headline keeps the headline with it",
            bytes: page(head: "<title>Question - Which breaker for a heat pump? | Spark Forum</title><meta property=\"og:site_name\" content=\"Spark Forum\">",
                        top: "<p>Forum</p>"),
            title: "Question - Which breaker for a heat pump?"),
        TitleCase(
            name: "no h1: a first run of several words is the headline",
            bytes: page(head: "<title>Which breaker for a heat pump? - Wiring - Spark Forum</title>", top: "<p>Forum</p>"),
            title: "Which breaker for a heat pump?"),
        TitleCase(
            name: "an unconfirmed one-word h1 gives way to the <title> headline that holds it",
            bytes: page(head: "<title>Residential Electrician Coupons | Bright Sparks</title>", top: "<h1>Coupons</h1>"),
            title: "Residential Electrician Coupons"),
        TitleCase(
            name: "an unconfirmed one-word h1 the <title> headline does not hold stays",
            bytes: page(head: "<title>Residential Electrician Deals | Bright Sparks</title>", top: "<h1>Coupons</h1>"),
            title: "Coupons"),
        TitleCase(
            name: "an h1 with soft hyphens is the headline <title> names",
            bytes: page(head: "<title>Home Repair Assistance Program | Springfield</title>", top: "<h1>Home Repair Assis\u{AD}tance Program</h1>"),
            title: "Home Repair Assistance Program"),
        TitleCase(
            name: "no h1: a one-word label keeps the next run of words, not the site after it",
            bytes: page(head: "<title>Electrical - Overview | Safety Office of Springfield</title>", top: "<p>Forum</p>"),
            title: "Electrical - Overview"),
        TitleCase(
            name: "a page dated only by its modification date is no dated article: <title> named the same by og:title beats a lone h1",
            bytes: page(head: "<title>Electrical Pricing Guide near Springfield | Bright Sparks</title><meta property=\"og:title\" content=\"Electrical Pricing Guide near Springfield\"><meta property=\"og:type\" content=\"article\"><meta property=\"article:modified_time\" content=\"2024-03-05\">",
                        top: "<h1>Pricing for Electrical Services</h1>"),
            title: "Electrical Pricing Guide near Springfield"),
        TitleCase(
            name: "no h1: runs of a <title> split by spaced slashes (forum software), the first is the headline",
            bytes: page(head: "<title>Which breaker for a heat pump? / Wiring / Spark Forum</title>", top: "<p>Forum</p>"),
            title: "Which breaker for a heat pump?"),
        TitleCase(
            name: "no h1: an unspaced slash is part of a word, not a break",
            bytes: page(head: "<title>GNU/Linux wiring tools | Spark Forum</title>", top: "<p>Forum</p>"),
            title: "GNU/Linux wiring tools"),
        TitleCase(
            name: "two confirmed h1s: the one that is the <title>'s last run is the book's name, the other is the page's",
            bytes: page(head: "<title>Quick Start — Spark Handbook</title>", top: "<h1>Spark Handbook</h1><h1>Quick Start</h1>"),
            title: "Quick Start"),
        TitleCase(
            name: "one confirmed h1 that is the <title>'s last run stays",
            bytes: page(head: "<title>Spark News | Breaker recall widens</title>", top: "<h1>Breaker recall widens</h1>"),
            title: "Breaker recall widens"),
        TitleCase(
            name: "an h1 that spells the page's host is the site's logo, not the headline",
            bytes: page(head: "<link rel=\"canonical\" href=\"https://www.sparks.example/t/1\"><title>Which breaker for a heat pump?</title>", top: "<h1>sparks.example</h1>"),
            title: "Which breaker for a heat pump?"),
        TitleCase(
            name: "a one-word h1 that <title> confirms stays",
            bytes: page(head: "<title>Coupons | Residential Electrician Coupons</title>", top: "<h1>Coupons</h1>"),
            title: "Coupons"),
        TitleCase(
            name: "an h1 that puts a dateline before the og:title: the og:title",
            bytes: page(head: "<title>Panel upgrades this winter | Bright Sparks</title><meta property=\"og:title\" content=\"Panel upgrades this winter\">",
                        top: "<h1><span>Dec 18 2025</span> Panel upgrades this winter</h1>"),
            title: "Panel upgrades this winter"),
        TitleCase(
            name: "an h1 that puts a section label before the <title>'s headline: the headline",
            bytes: page(head: "<title>Panel upgrades this winter | Bright Sparks</title>", top: "<h1>Blog: Panel upgrades this winter</h1>"),
            title: "Panel upgrades this winter"),
        TitleCase(
            name: "an h1 whose words before the metadata title are neither a date nor a label stays",
            bytes: page(head: "<title>Panel upgrades this winter | Bright Sparks</title>", top: "<h1>Why we plan Panel upgrades this winter</h1>"),
            title: "Why we plan Panel upgrades this winter"),
        TitleCase(
            name: "Markdown heading marks in og:title are dropped when it confirms the h1",
            bytes: page(head: "<title>## Panel upgrades this winter - Bright Sparks</title><meta property=\"og:title\" content=\"## Panel upgrades this winter\">",
                        top: "<h1>Panel upgrades this winter</h1>"),
            title: "Panel upgrades this winter"),
    ]

    @Test(arguments: cases)
    func title(_ c: TitleCase) throws {
        #expect(try HTMLExtractor().extract(c.bytes).metadata.title == c.title)
    }

    @Test(arguments: [
        ("/", nil, true), ("./", nil, true), ("https://sparks.example/", "sparks.example", true), ("http://www.sparks.example", "sparks.example", true),
        ("https://sparks.example/blog", "sparks.example", false), ("https://other.example/", "sparks.example", false),
        ("https://sparks.example/?p=1", "sparks.example", false), ("/about", nil, false), ("mailto:a@sparks.example", nil, false),
    ] as [(String, String?, Bool)])
    func homeLinks(_ href: String, _ host: String?, _ home: Bool) {
        #expect(MetadataBuilder.isHomeLink(href, host: host) == home)
    }

    @Test(arguments: [
        ("A | B | C", ["A", "A | B", "A | B | C"]), ("Only words", ["Only words"]), ("A: B - C", ["A: B", "A: B - C"]),
    ] as [(String, [String])])
    func separatorPrefixes(_ t: String, _ want: [String]) {
        let b = MetadataBuilder(raw: RawMeta(), elems: [], contentRoots: [], paragraphs: [])
        #expect(b.separatorPrefixes(t) == want)
    }

    @Test(arguments: [
        ("json", "json — JSON encoder and decoder", "json — JSON encoder and decoder"), ("Best panels", "Best panels | Top 9", "Best panels"),
        ("Home", "Home", "Home"), ("Info", "Info - GPU guide", "Info - GPU guide"),
        ("Info", "Info - GPU guide | Spark Forum", "Info - GPU guide"),
    ] as [(String, String, String)])
    func headRun(_ first: String, _ whole: String, _ want: String) {
        let b = MetadataBuilder(raw: RawMeta(), elems: [], contentRoots: [], paragraphs: [])
        #expect(b.headRun(first: first, whole: whole) == want)
    }

    @Test(arguments: [
        ("blog:", true), ("case study:", true), ("news", false), ("a very long label:", false), ("2025:", false), ("", false),
    ] as [(String, Bool)])
    func labels(_ s: String, _ label: Bool) {
        #expect(MetadataBuilder.isLabel(s) == label)
    }
}
