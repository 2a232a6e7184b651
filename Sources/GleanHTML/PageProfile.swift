internal import Foundation

/// How much of a page is its main content.
///
/// An article is one block of running text: the best-scoring node (``ContentSelector/chooseRoots()``) is it,
/// and the rest of the page (teasers, comments, link lists) is chrome. Forums, listings, collections,
/// product, service and documentation pages spread their content over many sibling blocks (posts, cards,
/// sections, tabs): one best node keeps one of them. Their profile reads the whole body with only the
/// chrome taken out (navigation, header, footer, aside, hidden and unlikely-named blocks).
public enum ExtractionProfile: String, Sendable, Equatable, CaseIterable {
    /// The best node and its qualifying siblings, conditionally cleaned (readability's way).
    case article
    /// The whole body minus chrome.
    case spread
}

/// Numbers that tell an article page from a page whose content is spread over many blocks, read from the
/// walk's aggregates. The order is the model's (``PageProfileModel``); Tools/train/train_profile.py reads
/// the same names from `GLEAN_PROFILE_FEATURES` dumps.
struct PageFeatures {
    static let names = [
        "ln_body_text", "ln_article_text", "article_share", "body_link_density", "article_link_density",
        "ln_body_articles", "ln_body_li", "ln_body_p", "ln_article_p", "ln_body_img", "ln_body_pre",
        "ln_body_headings", "ln_article_headings", "ld_product", "ld_article", "ld_forum", "ld_list",
        "has_published", "ln_roots", "kept_share", "ln_body_inputs", "body_comma_rate", "ln_body_td",
        "ln_body_dt", "p_text_share", "extra_link_density", "ln_extra_text", "extra_p_share", "article_p_share",
        "ln_article_commas",
    ]

    var values: [Float]

    init(values: [Float]) { self.values = values }

    private static let ldProduct = names.firstIndex(of: "ld_product")!
    private static let ldArticle = names.firstIndex(of: "ld_article")!
    private static let articleShareIndex = names.firstIndex(of: "article_share")!
    /// The page declares a product (`ld_product`: JSON-LD type or og:type).
    var declaresProduct: Bool { values[Self.ldProduct] > 0.5 }
    /// The page declares an article (`ld_article`).
    var declaresArticle: Bool { values[Self.ldArticle] > 0.5 }
    /// The share of the page's kept text its best node holds (`article_share`).
    var articleShare: Float { values[Self.articleShareIndex] }

    /// Features of a page whose best-node roots are `roots`, from a selector that has run `chooseRoots`.
    init(selector sel: ContentSelector, roots: [Int], meta: RawMeta?) {
        let elems = sel.elems
        let body = elems.firstIndex(where: { $0.tag == .body }) ?? 0
        var v = [Float](repeating: 0, count: Self.names.count)
        @inline(__always) func ln(_ x: Int32) -> Float { log1p(Float(max(0, x))) }
        let bodyText = sel.text.isEmpty ? 0 : sel.text[body]
        var artText: Int32 = 0
        var artLink: Int32 = 0
        var artP: Int32 = 0
        for r in roots where r < sel.text.count {
            artText += sel.text[r]
            artLink += sel.link[r]
            artP += sel.pCount[r]
        }
        // Element counts over the kept (not stripped) part of the body, and inside the roots.
        var pre: Int32 = 0
        var headings: Int32 = 0
        var artHeadings: Int32 = 0
        var td: Int32 = 0
        var dt: Int32 = 0
        var pText: Int32 = 0
        var artPText: Int32 = 0
        var artCommas: Int32 = 0
        var i = body
        let end = elems.isEmpty ? 0 : Int(elems[body].end)
        var rootEnd = -1
        var k = 0
        let sortedRoots = roots.sorted()
        while i < end {
            if i != body && sel.isStripped(i) {
                i = Int(elems[i].end)
                continue
            }
            while k < sortedRoots.count && sortedRoots[k] <= i {
                rootEnd = max(rootEnd, Int(elems[sortedRoots[k]].end))
                k += 1
            }
            let inRoot = i < rootEnd
            switch elems[i].tag {
            case .pre: pre += 1
            case .h2, .h3, .h4, .h5, .h6:
                headings += 1
                if inRoot { artHeadings += 1 }
            case .td: td += 1
            case .dt: dt += 1
            case .p:
                pText += elems[i].blockOwn
                if inRoot { artPText += elems[i].blockOwn }
            default: break
            }
            if inRoot { artCommas += elems[i].localCommas }
            i += 1
        }
        v[0] = ln(bodyText)
        v[1] = ln(artText)
        v[2] = bodyText > 0 ? min(1, Float(artText) / Float(bodyText)) : 0
        v[3] = sel.text.isEmpty ? 0 : sel.linkDensity(body)
        v[4] = artText > 0 ? Float(artLink) / Float(artText) : 0
        if !sel.text.isEmpty {
            v[5] = ln(sel.articleCount[body])
            v[6] = ln(sel.liCount[body])
            v[7] = ln(sel.pCount[body])
            v[9] = ln(sel.imgCount[body])
            v[20] = ln(sel.inputCount[body])
            v[21] = bodyText > 0 ? min(1, 20 * Float(sel.commas[body]) / Float(bodyText)) : 0
        }
        v[8] = ln(artP)
        v[10] = ln(pre)
        v[11] = ln(headings)
        v[12] = ln(artHeadings)
        if let meta {
            let kinds = Self.declaredKinds(meta)
            v[13] = kinds.product ? 1 : 0
            v[14] = kinds.article ? 1 : 0
            v[15] = kinds.forum ? 1 : 0
            v[16] = kinds.list ? 1 : 0
            v[17] = kinds.published ? 1 : 0
        }
        v[18] = ln(Int32(roots.count))
        v[19] = sel.rawTotal > 0 ? min(1, Float(bodyText) / Float(sel.rawTotal)) : 0
        v[22] = ln(td)
        v[23] = ln(dt)
        v[24] = bodyText > 0 ? min(1, Float(pText) / Float(bodyText)) : 0
        let extraText = bodyText - artText
        if extraText > 0 && !sel.text.isEmpty {
            v[25] = min(1, Float(max(0, sel.link[body] - artLink)) / Float(extraText))
            v[26] = ln(extraText)
            v[27] = min(1, Float(max(0, pText - artPText)) / Float(extraText))
        }
        v[28] = artText > 0 ? min(1, Float(artPText) / Float(artText)) : 0
        v[29] = ln(artCommas)
        values = v
    }

    /// JSON-LD type names (quoted) and keys, with the kind each says (bits: product, article, forum, list, published).
    private static let kindAutomaton: HintAutomaton = {
        let kinds: [(String, UInt16)] = [
            ("\"Product\"", 1), ("\"ProductGroup\"", 1), ("\"Offer\"", 1),
            ("\"NewsArticle\"", 2), ("\"BlogPosting\"", 2), ("\"Article\"", 2), ("\"ReportageNewsArticle\"", 2),
            ("\"TechArticle\"", 2),
            ("\"DiscussionForumPosting\"", 4), ("\"QAPage\"", 4), ("\"Question\"", 4),
            ("\"ItemList\"", 8), ("\"CollectionPage\"", 8), ("\"SearchResultsPage\"", 8),
            ("\"datePublished\"", 16),
        ]
        return HintAutomaton(kinds.map { (Array($0.0.utf8), Hints(rawValue: $0.1)) })
    }()

    /// The page says it is a discussion (a forum thread, a question and its answers): a JSON-LD or microdata
    /// type DiscussionForumPosting or QAPage. Its posts are its content.
    static func declaresDiscussion(_ meta: RawMeta) -> Bool {
        meta.declaresDiscussion
            || meta.jsonLD.contains { $0.contains("\"DiscussionForumPosting\"") || $0.contains("\"QAPage\"") }
    }

    /// What the page says it is, in JSON-LD types, og:type and publication-date metadata.
    static func declaredKinds(_ meta: RawMeta) -> (product: Bool, article: Bool, forum: Bool, list: Bool, published: Bool) {
        var product = false
        var article = false
        var forum = false
        var list = false
        var published = false
        for j in meta.jsonLD {
            // One pass of an Aho-Corasick automaton over each JSON-LD block, whatever its size.
            let found = j.utf8.withContiguousStorageIfAvailable { kindAutomaton.match($0) }
                ?? Array(j.utf8).withUnsafeBufferPointer { kindAutomaton.match($0) }
            let r = found.rawValue
            if r & 1 != 0 { product = true }
            if r & 2 != 0 { article = true }
            if r & 4 != 0 { forum = true }
            if r & 8 != 0 { list = true }
            if r & 16 != 0 { published = true }
        }
        for (k, value) in meta.metas {
            switch k {
            case "og:type":
                let t = value.lowercased()
                if t.hasPrefix("article") { article = true }
                if t.hasPrefix("product") || t.hasPrefix("og:product") { product = true }
            case "article:published_time", "itemprop:datepublished": published = true
            default: break
            }
        }
        return (product, article, forum, list, published)
    }
}

/// A logistic model over standardised ``PageFeatures``: a positive margin means the spread profile.
/// Trained offline by Tools/train/train_profile.py on the dev share of wcxb-devsplit; its weights
/// are in PageProfileWeights.swift.
enum PageProfileModel {
    static func margin(_ f: PageFeatures) -> Float {
        var m = PageProfileWeights.bias
        for k in 0..<min(f.values.count, PageProfileWeights.weights.count) {
            let sd = PageProfileWeights.scales[k]
            m += PageProfileWeights.weights[k] * (f.values[k] - PageProfileWeights.means[k]) / (sd > 0 ? sd : 1)
        }
        return m
    }

    /// A page that declares itself an article (JSON-LD type or og:type) and whose best node holds
    /// at least this share of its kept text is an article whatever the model says.
    static let declaredArticleShare: Float = 0.8

    static func profile(_ f: PageFeatures) -> ExtractionProfile {
        if f.declaresArticle && f.articleShare >= declaredArticleShare { return .article }
        return margin(f) > 0 ? .spread : .article
    }
}

/// Training hooks, read once per process: `GLEAN_PROFILE=article|spread` forces a profile;
/// `GLEAN_PROFILE_FEATURES=1` writes each page's features to stderr (one line per page, keyed by
/// ``key(_:)``). Neither changes output unless set.
enum ProfileHooks {
    static let forced: ExtractionProfile? = {
        switch ProcessInfo.processInfo.environment["GLEAN_PROFILE"] {
        case "article": return .article
        case "spread": return .spread
        default: return nil
        }
    }()
    static let dumpFeatures: Bool = ProcessInfo.processInfo.environment["GLEAN_PROFILE_FEATURES"] == "1"

    /// A page's key in the dump: FNV-1a of its first 4,096 bytes and its length.
    static func key(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        String(fnv(raw.prefix(4096)), radix: 16) + "-" + String(raw.count)
    }

    static func dump(key: String, _ f: PageFeatures) {
        let line = "GLEANFEAT\t" + key + "\t" + f.values.map { String($0) }.joined(separator: ",") + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
