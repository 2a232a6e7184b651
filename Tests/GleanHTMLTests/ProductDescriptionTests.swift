import Testing
@testable import GleanHTML

private let desc = "This standing desk has a solid oak top, two quiet motors and a memory keypad with four heights, "
    + "so you can move from sitting to standing in seconds and keep your back straight through a long working day."

@Suite struct ProductDescriptionTests {
    @Test(arguments: [
        ("only in JSON-LD: added", #"{"@type":"Product","name":"Desk","description":"\#(desc)"}"#, ["Oak desk, 499 EUR"], desc),
        ("already in the text: not added", #"{"@type":"Product","description":"\#(desc)"}"#, ["Oak desk", desc], nil),
        ("a tagline is not a description", #"{"@type":"Product","description":"A desk for small rooms."}"#, ["Oak desk"], nil),
        ("markup and entities taken out", #"{"@type":"Product","description":"<p>\#(desc)</p><p>Tools &amp; screws included.</p>"}"#,
            ["Oak desk"], desc + " Tools & screws included."),
        ("nested in a graph", #"{"@graph":[{"@type":"WebPage"},{"@type":["Product"],"description":"\#(desc)"}]}"#, ["Oak desk"], desc),
        ("not a product", #"{"@type":"Organization","description":"\#(desc)"}"#, ["Oak desk"], nil),
    ] as [(String, String, [String], String?)])
    func missingDescription(_ name: String, _ json: String, _ paragraphs: [String], _ expected: String?) {
        #expect(ProductDescription.missing(jsonLD: [json], paragraphs: paragraphs) == expected, "\(name)")
    }

    @Test func productPageGetsItsDescription() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type":"Product","name":"Oak desk","description":"\(desc)"}</script>
            </head><body><div class="product"><p>Oak desk with motors, 499 EUR, delivered in five days to your door.</p>
            <div class="tabs"><button>Description</button></div></div></body></html>
            """
        var ex = try HTMLExtractor()
        ex.forcedProfile = .article
        #expect(try ex.extract(Array(html.utf8)).paragraphs == ["Oak desk with motors, 499 EUR, delivered in five days to your door.", desc])
    }
}
