internal import CLibXML2
internal import Foundation
import GleanText

/// libxml2 is initialised once per process (Swift globals initialise thread-safely).
private let libxmlReady: Bool = {
    xmlInitParser()
    return true
}()

/// Extracts an HTML page's main text and metadata. Safe to use from several threads at once:
/// each call parses into its own document.
public struct HTMLExtractor: Sendable {
    /// The options this extractor was built with.
    public let options: HTMLOptions
    /// Forces a profile instead of the model's choice (tests).
    var forcedProfile: ExtractionProfile?

    /// Creates an extractor.
    /// - Throws: ``HTMLError`` when an XPath option does not compile or a limit is not positive.
    public init(options: HTMLOptions = .init()) throws {
        for (name, expr) in [
            ("content_xpath", options.contentXPath), ("exclude_xpath", options.excludeXPath),
            ("title_xpath", options.titleXPath), ("date_xpath", options.dateXPath),
        ] {
            if let expr, let err = Self.validateXPath(expr) {
                throw HTMLError(.invalidXPath, "\(name) \"\(expr)\" does not compile: \(err)")
            }
        }
        if options.maxBytes <= 0 { throw HTMLError(.tooLarge, "max_bytes must be positive, got \(options.maxBytes)") }
        if options.maxDepth <= 0 { throw HTMLError(.parseFailed, "max_depth must be positive, got \(options.maxDepth)") }
        self.options = options
    }

    /// Checks an XPath expression.
    /// - Returns: nil when `expr` compiles, else libxml2's error message.
    public static func validateXPath(_ expr: String) -> String? {
        _ = libxmlReady
        if expr.drop(while: { $0 == " " }).isEmpty { return "empty expression" }
        guard let ctx = glean_xpath_context(nil) else { return "out of memory" }
        defer { xmlXPathFreeContext(ctx) }
        let comp = expr.withCString { xmlXPathCtxtCompile(ctx, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        if let comp {
            xmlXPathFreeCompExpr(comp)
            return nil
        }
        return xpathMessage(ctx)
    }

    /// Extracts one page from its raw bytes.
    /// - Parameter asOf: the page's reference day (see ``ReferenceDay``): a date after the day that
    ///   follows it is not a publication date; nil: no upper bound.
    /// - Parameter charset: the encoding stated outside the page (an HTTP charset), used when the
    ///   page has no byte-order mark and declares none itself.
    /// - Throws: ``HTMLError`` for an empty, oversized or binary input, or a page libxml2 cannot read.
    public func extract(_ bytes: [UInt8], asOf: ReferenceDay? = nil, charset: String? = nil) throws -> ExtractedPage {
        _ = libxmlReady
        if bytes.isEmpty { throw HTMLError(.empty, "page is empty (0 bytes)") }
        if bytes.count > options.maxBytes {
            throw HTMLError(.tooLarge, "page is \(bytes.count) bytes, over max_bytes \(options.maxBytes)")
        }
        return try bytes.withUnsafeBufferPointer { raw in
            if let why = Self.binaryReason(raw) { throw HTMLError(.binary, why) }
            let decoded = EncodingSniffer.decode(raw, hint: charset) { name in name.withCString { glean_has_encoding($0) != 0 } }
            let doc: UnsafeMutablePointer<xmlDoc>?
            var opts = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue)
            opts |= Int32(HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
            if decoded.libxmlEncoding == nil { opts |= Int32(HTML_PARSE_IGNORE_ENC.rawValue) }
            let encName = decoded.libxmlEncoding ?? "UTF-8"
            if let utf8 = decoded.utf8 {
                if utf8.isEmpty { throw HTMLError(.empty, "page has no content after its byte-order mark") }
                doc = utf8.withUnsafeBufferPointer { b in
                    b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { p in
                        encName.withCString { glean_html_parse(p, Int32(b.count), $0, opts) }
                    }
                }
            } else {
                let body = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
                    ? UnsafeBufferPointer(rebasing: raw[3...]) : raw
                guard let base = body.baseAddress, body.count > 0 else {
                    throw HTMLError(.empty, "page has no content after its byte-order mark")
                }
                doc = base.withMemoryRebound(to: CChar.self, capacity: body.count) { p in
                    encName.withCString { glean_html_parse(p, Int32(body.count), $0, opts) }
                }
            }
            guard let doc else { throw HTMLError(.parseFailed, "libxml2 could not parse the page (\(bytes.count) bytes)") }
            defer { xmlFreeDoc(doc) }
            return try extract(doc: doc, encoding: decoded.name, asOf: asOf, pageKey: ProfileHooks.dumpFeatures ? ProfileHooks.key(raw) : nil)
        }
    }

    /// Why `b` is not a text document, or nil.
    static func binaryReason(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        if b.count >= 2 && b[0] == 0x1F && b[1] == 0x8B { return "input is gzip-compressed, not HTML; decompress it first" }
        if b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) { return nil }
        let n = min(b.count, 4096)
        var control = 0
        for i in 0..<n {
            let c = b[i]
            if c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B) { control += 1 }
        }
        if control * 10 > n { return "input looks binary (\(control) control bytes in the first \(n)), not HTML" }
        return nil
    }

    private func extract(doc: UnsafeMutablePointer<xmlDoc>, encoding: String, asOf: ReferenceDay?, pageKey: String?) throws -> ExtractedPage {
        var walker = DocumentWalker(maxDepth: options.maxDepth)
        walker.walk(doc)
        let elems = walker.elems
        var xpathRoots: [Int]?
        var excluded: [Bool]?
        var xpathTitle: String?
        var xpathDate: String?
        if options.contentXPath != nil || options.excludeXPath != nil || options.titleXPath != nil || options.dateXPath != nil {
            let x = XPathRunner(doc: doc, elems: elems)
            if let e = options.contentXPath { xpathRoots = try x.elements(e) }
            if let e = options.excludeXPath {
                var ex = [Bool](repeating: false, count: elems.count)
                for i in try x.elements(e) { for k in i..<Int(elems[i].end) { ex[k] = true } }
                excluded = ex
            }
            if let e = options.titleXPath { xpathTitle = try x.string(e) }
            if let e = options.dateXPath { xpathDate = try x.string(e) }
        }
        var content = MainContent.extract(
            elems: elems, roots: xpathRoots, excluded: excluded, meta: walker.meta, pageKey: pageKey,
            profile: forcedProfile ?? options.profile)
        if xpathRoots == nil, content.declaresProduct,
            let desc = ProductDescription.missing(jsonLD: walker.meta.jsonLD, paragraphs: content.paragraphs)
        {
            content.paragraphs.append(desc)
        }
        var meta = MetadataBuilder(raw: walker.meta, elems: elems, contentRoots: content.roots, paragraphs: content.paragraphs, asOf: asOf)
            .build(titleOverride: xpathTitle, dateOverride: xpathDate)
        if let t = meta.title {
            // The headline is metadata, not body text.
            let nt = normKey(t)
            while let first = content.paragraphs.first, normKey(first) == nt { content.paragraphs.removeFirst() }
        }
        if meta.language == nil { meta.language = LanguageDetector.detect(content.paragraphs.prefix(20).joined(separator: " ")) }
        return ExtractedPage(paragraphs: content.paragraphs, metadata: meta, encoding: encoding)
    }
}

/// Lower-cased, whitespace-collapsed key for comparing short texts.
func normKey(_ s: String) -> String {
    var out = ""
    var space = false
    for ch in s.lowercased() {
        if ch.isWhitespace {
            space = !out.isEmpty
        } else {
            if space { out.append(" ") }
            space = false
            out.append(ch)
        }
    }
    return out
}

/// Evaluates per-site XPath overrides.
struct XPathRunner {
    let doc: UnsafeMutablePointer<xmlDoc>
    let elems: [Elem]

    private func eval<T>(_ expr: String, _ body: (UnsafeMutablePointer<xmlXPathObject>) -> T) throws -> T {
        guard let ctx = glean_xpath_context(doc) else { throw HTMLError(.parseFailed, "out of memory") }
        defer { xmlXPathFreeContext(ctx) }
        let obj = expr.withCString { xmlXPathEvalExpression(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), ctx) }
        guard let obj else {
            let m = xpathMessage(ctx)
            throw HTMLError(.invalidXPath, "XPath \"\(expr)\" failed: \(m)")
        }
        defer { xmlXPathFreeObject(obj) }
        return body(obj)
    }

    /// Element indices selected by `expr`, outermost first, in document order.
    func elements(_ expr: String) throws -> [Int] {
        var index = [NodePtr: Int]()
        for (i, e) in elems.enumerated() { index[e.node] = i }
        let found: [Int] = try eval(expr) { obj in
            guard let set = obj.pointee.nodesetval, let tab = set.pointee.nodeTab else { return [] }
            var out: [Int] = []
            for k in 0..<Int(set.pointee.nodeNr) {
                if let n = tab[k], let i = index[n] { out.append(i) }
            }
            return out
        }
        var roots: [Int] = []
        for i in found.sorted() where !roots.contains(where: { $0 <= i && i < Int(elems[$0].end) }) { roots.append(i) }
        return roots
    }

    /// String value of `expr` (first node's text, or a string result).
    func string(_ expr: String) throws -> String? {
        try eval(expr) { obj in
            if obj.pointee.type == XPATH_STRING, let s = obj.pointee.stringval {
                return String(cString: UnsafePointer(s))
            }
            guard let set = obj.pointee.nodesetval, set.pointee.nodeNr > 0, let tab = set.pointee.nodeTab, let n = tab[0] else {
                return nil
            }
            guard let c = xmlNodeGetContent(n) else { return nil }
            defer { glean_xmlFree(c) }
            let s = normKey(String(cString: UnsafePointer(c))) == "" ? nil : String(cString: UnsafePointer(c))
            return s.map { TextGatherString.collapse($0) }
        }
    }
}

enum TextGatherString {
    /// Whitespace runs to one space, trimmed.
    static func collapse(_ s: String) -> String {
        var clean = true
        var prevSpace = true
        var prev1: UInt8 = 0
        var prev2: UInt8 = 0
        for b in s.utf8 {
            if b == 0x20 {
                if prevSpace { clean = false; break }
                prevSpace = true
            } else if b < 0x20 || (prev1 == 0xC2 && (b == 0xA0 || b == 0x85)) || (prev2 == 0xE2 && (prev1 == 0x80 || prev1 == 0x81))
                || (prev2 == 0xE3 && prev1 == 0x80 && b == 0x80)
            {
                // Control, NBSP, NEL, U+2000-U+205F (spaces, separators) or U+3000.
                clean = false
                break
            } else {
                prevSpace = false
            }
            prev2 = prev1
            prev1 = b
        }
        if clean && !prevSpace { return s }
        return s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// The main text and where it came from.
struct MainContent {
    var paragraphs: [String]
    /// The best node(s): where metadata looks for the headline and date, also when the spread profile reads the body.
    var roots: [Int]
    /// Whether the page's JSON-LD or og:type says it is a product.
    var declaresProduct = false

    static func extract(
        elems: [Elem], roots forced: [Int]?, excluded: [Bool]?, meta: RawMeta? = nil, pageKey: String? = nil,
        profile: ExtractionProfile? = nil
    ) -> MainContent {
        if elems.isEmpty { return MainContent(paragraphs: [], roots: []) }
        let attempts: [(Bool, Bool, Bool)] = [(true, true, true), (false, true, true), (false, false, true), (false, false, false)]
        var best = MainContent(paragraphs: [], roots: [])
        var bestLen = -1
        var firstLen = -1
        var first: (sel: ContentSelector, roots: [Int])?
        let discussion = meta.map(PageFeatures.declaresDiscussion) ?? false
        for (strip, weight, clean) in attempts {
            var sel = ContentSelector(elems: elems)
            sel.keepsDiscussion = discussion
            sel.stripUnlikely = strip
            sel.weightClasses = weight
            sel.cleanConditionally = clean
            let roots: [Int]
            if let forced {
                sel.aggregate()
                _ = sel.scoreCandidates()
                roots = forced
            } else {
                roots = sel.chooseRoots()
            }
            if first == nil { first = (sel, roots) }
            let paragraphs = render(roots, sel: sel, excluded: excluded)
            var len = 0
            for p in paragraphs { len += p.utf8.count }
            // A relaxed attempt wins only when stripping had removed most of the text.
            if firstLen < 0 || (len > bestLen && len >= 2 * firstLen) {
                best = MainContent(paragraphs: paragraphs, roots: roots)
                bestLen = len
            }
            if firstLen < 0 { firstLen = len }
            if len >= 500 || forced != nil { break }
        }
        // Pages whose content spreads over many blocks (posts, cards, sections) keep the whole body minus chrome.
        if forced == nil, let (sel, firstRoots) = first {
            let features = PageFeatures(selector: sel, roots: firstRoots, meta: meta)
            if let pageKey, ProfileHooks.dumpFeatures { ProfileHooks.dump(key: pageKey, features) }
            if (profile ?? ProfileHooks.forced ?? PageProfileModel.profile(features)) == .spread,
                let body = elems.firstIndex(where: { $0.tag == .body })
            {
                var sel = sel
                sel.cleanConditionally = false
                // A product page's reviews, prices and cart widgets are not its content; collapsed accordion panels are.
                // A page that also declares an article (a product review) keeps them: its text may be the review.
                sel.stripReviews = features.declaresProduct && !features.declaresArticle
                sel.readsCollapsed = true
                // Carousels and responsive copies repeat short blocks (a heading, a price) too: one copy each.
                // What comes before a skip link's target (the site's header and menus) is not read.
                // The page's h1 is read (a listing's, a thread's, a product's heading; WCXB's ground truth
                // has it on such pages) unless it is the title, which stays metadata (below).
                let start = SkipLink.contentStart(sel, meta: meta, roots: firstRoots, body: body)
                let paragraphs = render([body], sel: sel, excluded: excluded, minDedupe: 16, contentStart: start, keepsH1: true)
                var len = 0
                for p in paragraphs { len += p.utf8.count }
                // The body holds the best node: it is shorter than that only by repeats read once. A relaxed attempt
                // that found more text than stripping let through keeps it.
                if len >= bestLen || (bestLen == firstLen && 2 * len >= firstLen) {
                    best = MainContent(paragraphs: paragraphs, roots: firstRoots)
                }
            }
            best.declaresProduct = features.declaresProduct
        }
        return best
    }

    /// Paragraphs of the subtrees `roots`, skipping what `sel` strips or cleans and what lies wholly before
    /// `contentStart`, one copy of each long paragraph.
    static func render(
        _ roots: [Int], sel: ContentSelector, excluded: [Bool]?, minDedupe: Int = 60, contentStart: Int? = nil, keepsH1: Bool = false
    ) -> [String] {
        let elems = sel.elems
        var r = Renderer()
        let rootSet = Set(roots)
        for root in roots {
            r.render(root, elems: elems) { i in
                if let excluded, excluded[i] { return true }
                if rootSet.contains(i) { return false }
                if let contentStart, SkipLink.before(i, start: contentStart, elems: elems) { return true }
                if sel.isStripped(i) { return true }
                if elems[i].tag == .h1 && !keepsH1 { return true }
                if sel.cleanConditionally && sel.dropConditionally(i) { return true }
                return false
            }
        }
        // Pages that repeat their article (responsive copies) keep one copy of each paragraph of at least
        // `minDedupe` bytes.
        // Keyed by a hash of the UTF-8 bytes (String hashing would normalise every paragraph again).
        var seen = [UInt64: [Int]]()
        var paragraphs: [String] = []
        paragraphs.reserveCapacity(r.paragraphs.count)
        for p in r.paragraphs {
            if p.utf8.count >= minDedupe {
                let h = fnv(p.utf8)
                if let prior = seen[h], prior.contains(where: { paragraphs[$0].utf8.elementsEqual(p.utf8) }) { continue }
                seen[h, default: []].append(paragraphs.count)
            }
            paragraphs.append(p)
        }
        return paragraphs
    }
}

private let xpathMessages = [
    "ok", "number encoding", "unfinished literal", "start of literal", "expected $ for variable reference",
    "undefined variable", "invalid predicate", "invalid expression", "missing closing curly brace",
    "unregistered function", "invalid operand", "invalid type", "invalid number of arguments", "invalid context size",
    "invalid context position", "memory allocation error", "syntax error", "resource error", "sub resource error",
    "undefined namespace prefix", "encoding error", "char out of XML range", "invalid or incomplete context",
    "stack usage error", "forbidden variable",
]

/// libxml2's XPath error as words, with the offset in the expression.
func xpathMessage(_ ctx: UnsafeMutablePointer<xmlXPathContext>) -> String {
    let k = Int(glean_xpath_error_code(ctx)) - Int(XML_XPATH_EXPRESSION_OK.rawValue)
    let what = k > 0 && k < xpathMessages.count ? xpathMessages[k] : "invalid expression"
    return "\(what) at offset \(glean_xpath_error_offset(ctx))"
}
