import Testing
@testable import GleanHTML

struct DiscussionCase: Sendable, CustomStringConvertible {
    let name: String
    let html: String
    let paragraphs: [String]
    var description: String { name }
}

private let question = "My router drops the connection every evening around eight, and restarting it only helps for an hour."
private let answer1 = "Check whether the firmware is current; the last update fixed a similar problem on my own model here."
private let answer2 = "Thanks, updating the firmware solved it, and the connection has been stable for three days now, really."
private let article1 = "The city council voted on Tuesday to extend the tram line by four kilometres towards the new hospital."
private let article2 = "Construction is to begin next spring, and the council expects the first trams to run within three years."

/// The thread's posts sit in comment-named blocks, as many forum and question-and-answer engines write them.
private func thread(_ head: String, itemtype: String = "") -> String {
    """
    <html><head>\(head)</head><body><nav><a href="/">Home</a> <a href="/new">New topics</a></nav>
    <div class="topic"\(itemtype)><div class="post-body"><p>\(question)</p></div>
    <div class="comments"><div class="comment"><p>\(answer1)</p></div><div class="comment"><p>\(answer2)</p></div></div>
    </div><footer><p>Copyright 2025 Example Forum, all rights reserved, terms and privacy.</p></footer></body></html>
    """
}

/// A page that declares itself a discussion (JSON-LD or microdata DiscussionForumPosting, QAPage) keeps its
/// comment- and reply-named posts; an article's comments stay out.
@Suite struct DiscussionTests {
    static let cases: [DiscussionCase] = [
        DiscussionCase(
            name: "JSON-LD DiscussionForumPosting: the replies are posts",
            html: thread(#"<script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Router"}</script>"#),
            paragraphs: [question, answer1, answer2]),
        DiscussionCase(
            name: "microdata QAPage: the answers are posts",
            html: thread("", itemtype: #" itemscope itemtype="https://schema.org/QAPage""#),
            paragraphs: [question, answer1, answer2]),
        DiscussionCase(
            name: "an article's comments stay out",
            html: """
                <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Tram"}</script></head><body>
                <article><p>\(article1)</p><p>\(article2)</p></article>
                <div class="comments"><div class="comment"><p>\(answer1)</p></div></div></body></html>
                """,
            paragraphs: [article1, article2]),
    ]

    @Test(arguments: cases)
    func mainText(_ c: DiscussionCase) throws {
        let ex = try HTMLExtractor()
        #expect(try ex.extract(Array(c.html.utf8)).paragraphs == c.paragraphs)
    }

    @Test func microdataDeclares() {
        var meta = RawMeta()
        #expect(!PageFeatures.declaresDiscussion(meta))
        meta.jsonLD = [#"{"@type":"QAPage"}"#]
        #expect(PageFeatures.declaresDiscussion(meta))
    }
}
