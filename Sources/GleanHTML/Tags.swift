import GleanText
// MARK: - Element kinds and class/id hints

enum Tag: UInt8 {
    case other, a, p, div, section, article, main, header, footer, nav, aside
    case h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, table, tr, td, th, tbody, caption
    case blockquote, pre, figure, figcaption, form, fieldset, address, hr, br, details, summary, center
    case body, html, head, title, meta, link, script, style, noscript, template, svg, iframe, select
    case button, input, textarea, object, embed, canvas, video, audio, map, img, time, label, option, math, dialog

    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .header, .footer, .nav, .aside, .h1, .h2, .h3, .h4, .h5, .h6,
            .ul, .ol, .li, .dl, .dt, .dd, .table, .tr, .tbody, .caption, .blockquote, .pre, .figure, .figcaption,
            .form, .fieldset, .address, .hr, .details, .summary, .center, .body, .html, .td, .th, .dialog:
            return true
        default: return false
        }
    }

    /// Never text: skipped without descending.
    var isPruned: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .iframe, .select, .button, .input, .textarea, .object,
            .embed, .canvas, .video, .audio, .map, .option, .math, .title, .meta, .link, .dialog:
            return true
        default: return false
        }
    }

    var isHeading: Bool { self.rawValue >= Tag.h1.rawValue && self.rawValue <= Tag.h6.rawValue }

    static let byHash: [UInt64: Tag] = {
        let names: [(String, Tag)] = [
            ("a", .a), ("p", .p), ("div", .div), ("section", .section), ("article", .article), ("main", .main),
            ("header", .header), ("footer", .footer), ("nav", .nav), ("aside", .aside), ("h1", .h1), ("h2", .h2),
            ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6), ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl),
            ("dt", .dt), ("dd", .dd), ("table", .table), ("tr", .tr), ("td", .td), ("th", .th), ("tbody", .tbody),
            ("thead", .tbody), ("tfoot", .tbody), ("caption", .caption), ("blockquote", .blockquote), ("pre", .pre),
            ("figure", .figure), ("figcaption", .figcaption), ("form", .form), ("fieldset", .fieldset),
            ("address", .address), ("hr", .hr), ("br", .br), ("details", .details), ("summary", .summary),
            ("center", .center), ("body", .body), ("html", .html), ("head", .head), ("title", .title),
            ("meta", .meta), ("link", .link), ("script", .script), ("style", .style), ("noscript", .noscript),
            ("template", .template), ("svg", .svg), ("iframe", .iframe), ("select", .select), ("button", .button),
            ("input", .input), ("textarea", .textarea), ("object", .object), ("embed", .embed), ("canvas", .canvas),
            ("video", .video), ("audio", .audio), ("map", .map), ("img", .img), ("time", .time), ("label", .label),
            ("option", .option), ("math", .math), ("dialog", .dialog), ("main", .main),
        ]
        var d = [UInt64: Tag]()
        for (n, t) in names { d[fnv(Array(n.utf8))] = t }
        return d
    }()
}

@inline(__always)
func fnv<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 { FNV1a.hash(bytes) }

/// FNV-1a of a NUL-terminated C string.
@inline(__always)
func fnvC(_ p: UnsafePointer<UInt8>) -> UInt64 {
    var h = FNV1a.offsetBasis
    var q = p
    while q.pointee != 0 {
        h = (h ^ UInt64(q.pointee)) &* FNV1a.prime
        q += 1
    }
    return h
}

enum AttrName {
    static let `class` = fnv(Array("class".utf8))
    static let id = fnv(Array("id".utf8))
    static let style = fnv(Array("style".utf8))
    static let hidden = fnv(Array("hidden".utf8))
    static let ariaHidden = fnv(Array("aria-hidden".utf8))
    static let role = fnv(Array("role".utf8))
    static let lang = fnv(Array("lang".utf8))
    static let itemprop = fnv(Array("itemprop".utf8))
    static let datetime = fnv(Array("datetime".utf8))
    static let content = fnv(Array("content".utf8))
    static let property = fnv(Array("property".utf8))
    static let name = fnv(Array("name".utf8))
    static let httpEquiv = fnv(Array("http-equiv".utf8))
    static let rel = fnv(Array("rel".utf8))
    static let href = fnv(Array("href".utf8))
    static let type = fnv(Array("type".utf8))
    static let pubdate = fnv(Array("pubdate".utf8))
    static let itemtype = fnv(Array("itemtype".utf8))
    static let ariaLabelledBy = fnv(Array("aria-labelledby".utf8))
    static let popover = fnv(Array("popover".utf8))
}

/// Class/id/role hints, matched as lower-case substrings (the readability way).
struct Hints: OptionSet {
    let rawValue: UInt16
    static let unlikely = Hints(rawValue: 1)
    static let maybe = Hints(rawValue: 2)
    static let negative = Hints(rawValue: 4)
    static let positive = Hints(rawValue: 8)
    static let dateish = Hints(rawValue: 16)
    static let authorish = Hints(rawValue: 32)
    static let strongNegative = Hints(rawValue: 64)
    /// A shop's purchase chrome: customer reviews and ratings, prices, quantity pickers, cart buttons, upsells.
    static let review = Hints(rawValue: 128)
    /// An accordion or a collapsible panel (Bootstrap's "collapse"): panels the reader unfolds.
    static let accordion = Hints(rawValue: 256)
    /// Comments and replies: chrome under an article, but the posts themselves on a discussion page
    /// (``ContentSelector/keepsDiscussion``).
    static let discussion = Hints(rawValue: 512)
}

enum HintMatcher {
    private static let unlikely = [
        "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "cookie", "share", "sharing", "newsletter", "subscri", "navbar", "promo", "outbrain", "taboola",
        "recommend", "signup", "modal", "consent", "masthead", "topbar", "toolbar", "skip-link", "skiplink",
        "read-more", "readmore", "more-stories", "trending", "most-popular", "mostpopular", "sharedaddy", "jp-relatedposts",
    ]
    private static let strong = [
        "comment", "share", "sharing", "social", "related", "cookie", "consent", "newsletter", "breadcrumb", "navbar",
        "sidebar", "footer", "disqus", "outbrain", "taboola", "recommend", "gdpr", "subscri", "sharedaddy", "popup",
        "trending", "most-popular", "mostpopular", "more-stories", "jp-relatedposts",
    ]
    private static let maybe = ["article", "body", "column", "content", "main", "shadow"]
    private static let negative = [
        "banner", "combx", "comment", "com-", "contact", "foot", "footnote", "gdpr", "masthead", "media",
        "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "tool", "byline", "author", "caption",
    ]
    private static let positive = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story",
    ]
    private static let dateish = ["date", "time", "publish", "posted", "byline", "dateline", "meta"]
    private static let authorish = ["author", "byline", "writer"]
    private static let review = ["review", "rating", "price", "quantity", "add-to-cart", "addtocart", "upsell", "cross-sell"]
    private static let accordion = ["accordion", "collaps"]
    private static let discussion = ["comment", "replies"]

    /// Every pattern with the hints it gives (a pattern in several lists gives all of theirs).
    static let patterns: [(bytes: [UInt8], hints: Hints)] = {
        var list: [(bytes: [UInt8], hints: Hints)] = []
        func add(_ words: [String], _ h: Hints) {
            for w in words {
                let b = Array(w.utf8)
                if let i = list.firstIndex(where: { $0.bytes == b }) { list[i].hints.insert(h) } else { list.append((b, h)) }
            }
        }
        add(unlikely, .unlikely)
        add(strong, .strongNegative)
        add(maybe, .maybe)
        add(negative, .negative)
        add(positive, .positive)
        add(dateish, .dateish)
        add(authorish, .authorish)
        add(review, .review)
        add(accordion, .accordion)
        add(discussion, .discussion)
        return list
    }()

    private static let automaton = HintAutomaton(patterns)

    /// Hints found in lower-cased class + id bytes: the union of the hints of every pattern
    /// that occurs in `s` as a substring.
    static func match(_ s: UnsafeBufferPointer<UInt8>) -> Hints {
        automaton.match(s)
    }
}

/// Aho-Corasick automaton over the hint patterns, as a full transition table: one table
/// step per input byte, whatever the number of patterns (matching each pattern at each
/// position cost 5% of an HTML run). Bytes that occur in no pattern share one symbol.
struct HintAutomaton {
    /// Byte → symbol; 0 for a byte in no pattern.
    private let symbolOf: [UInt8]
    private let symbols: Int
    /// Next state, at `state * symbols + symbol`.
    private let next: [UInt16]
    /// Hints of every pattern that ends at this state, its own and its suffixes'.
    private let output: [UInt16]

    init(_ patterns: [(bytes: [UInt8], hints: Hints)]) {
        var symbolOf = [UInt8](repeating: 0, count: 256)
        var symbols = 1
        for p in patterns {
            for b in p.bytes where symbolOf[Int(b)] == 0 {
                symbolOf[Int(b)] = UInt8(symbols)
                symbols += 1
            }
        }
        // The trie: goto[state][symbol], -1 where there is no edge.
        var goto: [[Int]] = [[Int](repeating: -1, count: symbols)]
        var output: [UInt16] = [0]
        for p in patterns {
            var state = 0
            for b in p.bytes {
                let c = Int(symbolOf[Int(b)])
                if goto[state][c] < 0 {
                    goto[state][c] = goto.count
                    goto.append([Int](repeating: -1, count: symbols))
                    output.append(0)
                }
                state = goto[state][c]
            }
            output[state] |= p.hints.rawValue
        }
        precondition(goto.count <= Int(UInt16.max), "too many hint pattern states")
        // Breadth first: each state's failure link is a shallower state, already complete.
        var fail = [Int](repeating: 0, count: goto.count)
        var next = [UInt16](repeating: 0, count: goto.count * symbols)
        var queue: [Int] = []
        for c in 0..<symbols {
            let t = goto[0][c]
            if t > 0 {
                next[c] = UInt16(t)
                queue.append(t)
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            output[state] |= output[fail[state]]
            for c in 0..<symbols {
                let t = goto[state][c]
                if t > 0 {
                    fail[t] = Int(next[fail[state] * symbols + c])
                    next[state * symbols + c] = UInt16(t)
                    queue.append(t)
                } else {
                    next[state * symbols + c] = next[fail[state] * symbols + c]
                }
            }
        }
        self.symbolOf = symbolOf
        self.symbols = symbols
        self.next = next
        self.output = output
    }

    func match(_ s: UnsafeBufferPointer<UInt8>) -> Hints {
        var found: UInt16 = 0
        symbolOf.withUnsafeBufferPointer { sym in
            next.withUnsafeBufferPointer { nx in
                output.withUnsafeBufferPointer { out in
                    var state = 0
                    for b in s {
                        state = Int(nx[state &* symbols &+ Int(sym[Int(b)])])
                        found |= out[state]
                    }
                }
            }
        }
        return Hints(rawValue: found)
    }
}
