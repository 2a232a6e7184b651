internal import CLibXML2
internal import Foundation
import GleanText

/// JSON-LD facts about the page's article.
struct JSONLDFacts {
    var headline: String?
    var published: String?
    var created: String?
    var modified: String?
    var author: String?
    var publisher: String?
    var url: String?
    var language: String?
    /// Whether an object of an article type (Article, NewsArticle, BlogPosting, …) is present.
    var hasArticle = false

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "report", "scholarlyarticle", "techarticle", "reportagenewsarticle",
        "analysisnewsarticle", "opinionnewsarticle", "livebloglosting", "liveblogposting", "backgroundnewsarticle",
        "reviewnewsarticle", "socialmediaposting", "posting", "review", "howto", "recipe", "medicalwebpage",
    ]

    init(scripts: [String]) {
        var objects: [[String: Any]] = []
        for s in scripts {
            guard let data = s.data(using: .utf8),
                let v = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            Self.collect(v, into: &objects, depth: 0)
        }
        func types(_ o: [String: Any]) -> [String] {
            if let t = o["@type"] as? String { return [t.lowercased()] }
            if let t = o["@type"] as? [Any] { return t.compactMap { ($0 as? String)?.lowercased() } }
            return []
        }
        let articles = objects.filter { types($0).contains(where: { Self.articleTypes.contains($0) }) }
        hasArticle = !articles.isEmpty
        let pages = objects.filter { types($0).contains(where: { $0.hasSuffix("page") }) }
        for o in articles + pages + objects {
            if headline == nil, let h = Self.string(o["headline"]) { headline = h }
            if published == nil, let d = Self.string(o["datePublished"]) { published = d }
            if created == nil, let d = Self.string(o["dateCreated"]) { created = d }
            if modified == nil, let d = Self.string(o["dateModified"]) { modified = d }
            if author == nil, let a = Self.names(o["author"]) { author = a }
            if publisher == nil, let p = Self.names(o["publisher"]) { publisher = p }
            if language == nil, let l = Self.string(o["inLanguage"]) { language = l }
        }
        for o in articles + pages where headline == nil {
            if let n = Self.string(o["name"]) { headline = n }
        }
    }

    static func collect(_ v: Any, into out: inout [[String: Any]], depth: Int) {
        guard depth < 8, out.count < 200 else { return }
        if let d = v as? [String: Any] {
            out.append(d)
            for (k, v) in d where k != "author" && k != "publisher" && (v is [String: Any] || v is [Any]) {
                collect(v, into: &out, depth: depth + 1)
            }
        } else if let a = v as? [Any] {
            for x in a { collect(x, into: &out, depth: depth + 1) }
        }
    }

    static func string(_ v: Any?) -> String? {
        if let s = v as? String {
            let t = TextGatherString.collapse(s)
            return t.isEmpty ? nil : decodeEntities(t)
        }
        if let a = v as? [Any], let f = a.first { return string(f) }
        return nil
    }

    static func names(_ v: Any?) -> String? {
        if let s = v as? String { return string(s) }
        if let d = v as? [String: Any] { return string(d["name"]) }
        if let a = v as? [Any] {
            let ns = a.prefix(5).compactMap { names($0) }
            return ns.isEmpty ? nil : ns.joined(separator: ", ")
        }
        return nil
    }

    /// JSON-LD strings sometimes carry HTML entities.
    static func decodeEntities(_ s: String) -> String {
        guard s.utf8.contains(0x26) else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if after.hasPrefix("#"), let semi = after.prefix(10).firstIndex(of: ";") {
                let body = after[after.index(after: after.startIndex)..<semi]
                let v = body.hasPrefix("x") || body.hasPrefix("X") ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
                if let v, let u = Unicode.Scalar(v) {
                    out.unicodeScalars.append(u)
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#039;", with: "'").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#8217;", with: "’").replacingOccurrences(of: "&rsquo;", with: "’")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: " ")
    }
}

/// Chooses title, date, language, author, site and URL from what the walk saw.
struct MetadataBuilder {
    let raw: RawMeta
    let elems: [Elem]
    let contentRoots: [Int]
    let paragraphs: [String]
    let metas: [String: String]
    /// Which dates can be the publication date (bounded by the page's reference day).
    let dates: DateRules

    init(raw: RawMeta, elems: [Elem], contentRoots: [Int], paragraphs: [String], asOf: ReferenceDay? = nil) {
        self.dates = DateRules(asOf: asOf)
        self.raw = raw
        self.elems = elems
        self.contentRoots = contentRoots
        self.paragraphs = paragraphs
        var m = [String: String]()
        for (k, v) in raw.metas where m[k] == nil {
            let t = TextGatherString.collapse(v)
            if !t.isEmpty { m[k] = t }
        }
        self.metas = m
        var home: Set<Int> = []
        let host = (raw.canonical ?? m["og:url"]).flatMap { URL(string: $0)?.host }.map(Self.bareHost)
        for i in raw.h1.map(Int.init) where Self.linksHome(i, elems: elems, host: host) { home.insert(i) }
        self.homeH1 = home
    }

    /// h1 elements that are the site's name (a link to its home page), not a headline.
    let homeH1: Set<Int>

    static func bareHost(_ h: String) -> String {
        let l = h.lowercased()
        return l.hasPrefix("www.") ? String(l.dropFirst(4)) : l
    }

    /// Whether element `i` links to the site's home page: it sits in a link, or its first
    /// elements hold one, whose target is "/" or a host (the page's, when known) with no path.
    static func linksHome(_ i: Int, elems: [Elem], host: String?) -> Bool {
        var links: [Int] = []
        let p = Int(elems[i].parent)
        if p >= 0 && elems[p].tag == .a { links.append(p) }
        var k = i + 1
        while k < Int(elems[i].end) && k < i + 6 {
            if elems[k].tag == .a { links.append(k) }
            k += 1
        }
        for l in links {
            guard let href = attribute(elems[l].node, "href") else { continue }
            if isHomeLink(href, host: host) { return true }
        }
        return false
    }

    /// "/", "./", or "https://host/" without path, query or fragment (on the page's host when known).
    static func isHomeLink(_ href: String, host: String?) -> Bool {
        let h = href.trimmingCharacters(in: .whitespaces)
        if h == "/" || h == "./" { return true }
        guard let u = URL(string: h), let uh = u.host, u.scheme == "http" || u.scheme == "https" else { return false }
        guard u.path.isEmpty || u.path == "/", u.query == nil, u.fragment == nil else { return false }
        return host.map { bareHost(uh) == $0 } ?? true
    }

    /// The value of attribute `name` on `node`.
    static func attribute(_ node: NodePtr, _ name: String) -> String? {
        var a = node.pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, String(cString: n).lowercased() == name {
                guard let c = attr.pointee.children, let content = c.pointee.content else { return nil }
                return String(cString: content)
            }
            a = attr.pointee.next
        }
        return nil
    }

    func build(titleOverride: String?, dateOverride: String?) -> PageMetadata {
        let ld = JSONLDFacts(scripts: raw.jsonLD)
        var md = PageMetadata()
        md.site = metas["og:site_name"] ?? ld.publisher ?? metas["application-name"] ?? metas["twitter:site"].flatMap {
            $0.hasPrefix("@") ? nil : $0
        }
        md.url = raw.canonical ?? metas["og:url"] ?? ld.url
        let choice = titleOverride.map { TitleChoice(text: $0, lone: false) } ?? chooseTitle(ld: ld, site: md.site, url: md.url)
        md.title = choice?.text
        if let dateOverride, let d = dates.machine(dateOverride) {
            md.published = d.iso
            md.publishedUTC = d.utcMicros
        } else if let d = chooseDate(ld: ld, url: md.url, title: md.title).map({ localReading($0, title: md.title) }) {
            md.published = d.iso
            md.publishedUTC = d.utcMicros
        }
        // A page that does not present itself as a dated article (no date, or neither og:type
        // article nor a JSON-LD article) is named by its <title> when its h1 is unconfirmed.
        let article = md.published != nil && (metas["og:type"]?.lowercased() == "article" || ld.hasArticle)
        if choice?.lone == true, !article, let t = documentTitle(site: md.site, url: md.url, headline: ld.headline) {
            md.title = t
        }
        // A page whose metadata gives no publication date, and that shows none, but gives a
        // modification date (article:modified_time, JSON-LD dateModified) is dated by that revision:
        // it is the only day the page says it was issued on. Chosen after the title, so the page does
        // not become a dated article by it.
        if md.published == nil, let d = modifiedDates(ld: ld).first {
            md.published = d.iso
            md.publishedUTC = d.utcMicros
        }
        md.title = md.title.map { nfc($0) }
        md.language = [raw.htmlLang, metas["http-equiv:content-language"], metas["og:locale"], metas["language"], metas["dc.language"], ld.language]
            .lazy.compactMap { $0.flatMap(LanguageDetector.normalize) }.first
        md.author = chooseAuthor(ld: ld).map { nfc($0) }
        md.site = md.site.map { nfc($0) }
        return md
    }

    // MARK: Title

    /// Separators between a headline and a site or section name (written between spaces).
    /// "/" too: forum software writes "Thread / Board / Site" ("GNU/Linux", unspaced, is a word).
    static let separators: Set<Substring> = ["|", "-", "–", "—", "::", "·", "»", "•", "//", ":", "~", "/"]

    /// Runs of words between separators.
    func parts(_ t: String) -> [String] {
        var out: [String] = []
        var cur: [Substring] = []
        for w in t.split(separator: " ") {
            if Self.separators.contains(w) {
                if !cur.isEmpty { out.append(cur.joined(separator: " ")) }
                cur = []
            } else {
                cur.append(w)
            }
        }
        if !cur.isEmpty { out.append(cur.joined(separator: " ")) }
        return out
    }

    /// Keys a site name can appear under: its name, its host, the host's first label.
    func siteKeys(site: String?, url: String?) -> [String] {
        var keys: [String] = []
        if let site { keys.append(normKey(site)) }
        for i in homeH1.sorted() { keys.append(normKey(TextGather.text(of: elems[i].node, limit: 200))) }
        if let url, let host = URL(string: url)?.host {
            var h = host.lowercased()
            if h.hasPrefix("www.") { h.removeFirst(4) }
            keys.append(h)
            if let label = h.split(separator: ".").first { keys.append(String(label)) }
        }
        return keys
    }

    /// `t` without a leading or trailing site name.
    func stripSite(_ t: String, site: String?, url: String?) -> String {
        let keys = siteKeys(site: site, url: url)
        var words = t.split(separator: " ")
        func isSite(_ ws: ArraySlice<Substring>) -> Bool {
            let k = normKey(ws.joined(separator: " "))
            let compact = String(k.filter { $0 != " " })
            return keys.contains { $0 == k || $0 == compact || (compact.count >= 4 && $0.hasPrefix(compact)) }
        }
        while let last = words.lastIndex(where: { Self.separators.contains($0) }), last > 0, isSite(words[(last + 1)...]) {
            words.removeSubrange(last...)
        }
        if let first = words.firstIndex(where: { Self.separators.contains($0) }), first > 0, first + 1 < words.count,
            isSite(words[..<first])
        {
            words.removeSubrange(...first)
        }
        return words.joined(separator: " ")
    }

    /// The metadata title (by its key, as spelled; first source first) that `h` holds before a
    /// byline: a date, or "by", "posted", "published", "updated", "written" ("Headline Posted on
    /// July 1, 2024 by Ann").
    func wrappedTitle(_ h: String, in spellings: [(key: String, text: String)]) -> String? {
        let hk = titleKey(h)
        for (k, t) in spellings where k.count >= 12 && hk.hasPrefix(k + " ") {
            let rest = String(hk.dropFirst(k.count + 1))
            let first = rest.split(separator: " ").first.map(String.init) ?? ""
            if ["by", "posted", "published", "updated", "written"].contains(first) || DateRules.unbounded.scanText(rest, requireAlone: false) != nil {
                return t
            }
        }
        return nil
    }

    /// The metadata title (by its key, as spelled) that `h` holds after a date or a short label
    /// ending in a colon ("Dec 18 2025 Headline", "Blog: Headline"): a dateline or a section
    /// name set before the headline in the same heading.
    func prefixedTitle(_ h: String, in spellings: [(key: String, text: String)]) -> String? {
        let hk = titleKey(h)
        for (k, t) in spellings where k.count >= 12 && hk.count > k.count + 1 && hk.hasSuffix(" " + k) {
            let head = String(hk.dropLast(k.count + 1))
            if Self.isLabel(head) { return t }
            if let d = DateRules.unbounded.scanText(head, requireAlone: false), !d.monthOnly,
                head.split(separator: " ").count <= 5, !head.contains(where: { $0.isLetter && !$0.isASCII })
            {
                return t
            }
        }
        return nil
    }

    /// One or two words ending in a colon ("Blog:", "Case study:"): a section label.
    static func isLabel(_ s: String) -> Bool {
        guard s.hasSuffix(":") else { return false }
        let words = s.dropLast().split(separator: " ")
        return (1...2).contains(words.count) && words.allSatisfy { $0.allSatisfy { $0.isLetter || $0 == "-" } }
    }

    func h1Texts() -> [(Int, String)] {
        raw.h1.compactMap { i in
            let t = Self.withoutAnchorMark(Self.withoutSoftHyphens(TextGather.text(of: elems[Int(i)].node, limit: 600)))
            return t.count >= 2 && t.count <= 400 ? (Int(i), t) : nil
        }
    }

    /// A heading without soft hyphens (U+00AD), which mark where a long word may break and are
    /// never shown unless it does ("Assis\u{AD}tance").
    static func withoutSoftHyphens(_ t: String) -> String {
        t.unicodeScalars.contains("\u{AD}") ? String(String.UnicodeScalarView(t.unicodeScalars.filter { $0 != "\u{AD}" })) : t
    }

    /// A heading without the permalink mark documentation generators put after it ("Install ¶").
    static func withoutAnchorMark(_ t: String) -> String {
        var s = Substring(t)
        while let last = s.last, last == "¶" || last == "§" || last == " " { s = s.dropLast() }
        // Markdown heading marks shown as text ("## Headline").
        if s.hasPrefix("#") {
            let body = s.drop(while: { $0 == "#" })
            if body.first == " " { s = body.drop(while: { $0 == " " }) }
        }
        return s.count == t.count ? t : String(s)
    }

    /// Comparison key that also ignores quote styles and leading markup marks.
    func titleKey(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.lowercased().unicodeScalars {
            if DateParser.isSpace(u) {
                space = !out.isEmpty
                continue
            }
            if out.isEmpty && u == "#" { continue }
            if space { out.append(" ") }
            space = false
            switch u {
            case "’", "‘": out.append("'")
            case "“", "”": out.append("\"")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// A chosen title, and whether it is an h1 that no metadata title confirms (`lone`).
    struct TitleChoice {
        var text: String
        var lone: Bool
    }

    /// Titles that `t` starts with, cut at each separator ("A | B | C": "A", "A | B", "A | B | C").
    func separatorPrefixes(_ t: String) -> [String] {
        var out: [String] = []
        var words: [Substring] = []
        for w in t.split(separator: " ") {
            if Self.separators.contains(w) && !words.isEmpty { out.append(words.joined(separator: " ")) }
            words.append(w)
        }
        if !words.isEmpty { out.append(words.joined(separator: " ")) }
        return out
    }

    /// The headline part of the document's <title>, when the page's og:title (or twitter:title, or
    /// the JSON-LD headline) names the page the same way ("Pricing Guide near Atlanta | Site" with
    /// og:title "Pricing Guide near Atlanta"): its first run of words once a leading or trailing
    /// site name is removed.
    ///
    /// Used for pages that are not dated articles (no date, or neither og:type article nor a
    /// JSON-LD article) whose h1 no metadata title confirms: on a
    /// service, product or listing page the h1 is often a slogan ("Free SEO Checker", "Coupons")
    /// while the title the page is named by is its <title>.
    func documentTitle(site: String?, url: String?, headline: String? = nil) -> String? {
        guard let tt = raw.titleTag.map({ JSONLDFacts.decodeEntities(TextGatherString.collapse($0)) }), !tt.isEmpty,
            let og = (metas["og:title"] ?? metas["twitter:title"] ?? headline).map(JSONLDFacts.decodeEntities)
        else { return nil }
        let ogKey = titleKey(og)
        guard separatorPrefixes(tt).contains(where: { titleKey($0) == ogKey }) else { return nil }
        let stripped = stripSite(tt, site: site, url: url)
        guard let first = parts(stripped).first, first.count >= 2 else { return nil }
        if let site, titleKey(first) == titleKey(site) { return nil }
        return headRun(first: first, whole: stripped)
    }

    /// The headline a title's first run of words gives: that run, unless it is a single word that
    /// more words follow ("json — JSON encoder and decoder", "Info - Ultimate GPU Guide | Forum"),
    /// where a lone word is a label, a category or a name, and the headline runs on to the next
    /// break ("Info - Ultimate GPU Guide").
    func headRun(first: String, whole: String) -> String {
        guard !first.contains(" "), parts(whole).count > 1 else { return first }
        let prefixes = separatorPrefixes(whole)
        return prefixes.count > 1 ? prefixes[1] : whole
    }

    /// The metadata headline that names a page whose unconfirmed h1 is a single word ("Coupons",
    /// "Cybersecurity"): the first run of og:title (or twitter:title) or else of <title>, once the
    /// site name is removed, when it holds that word among more words ("Residential Electrician
    /// Coupons | Blue Collar Electricians"). A one-word heading is then a section label above a
    /// page the metadata names in full.
    func wordHeadingTitle(_ h: String, site: String?, url: String?) -> String? {
        guard !h.contains(" "), h.count >= 2 else { return nil }
        let word = titleKey(h)
        for r in [metas["og:title"] ?? metas["twitter:title"], raw.titleTag.map { TextGatherString.collapse($0) }] {
            guard let r, !r.isEmpty else { continue }
            let s = stripSite(JSONLDFacts.decodeEntities(r), site: site, url: url)
            guard let first = parts(s).first else { continue }
            let words = titleKey(first).split(separator: " ")
            if words.count > 1, words.contains(where: { $0 == word }) { return first }
        }
        return nil
    }

    func chooseTitle(ld: JSONLDFacts, site: String?, url: String?) -> TitleChoice? {
        let og = metas["og:title"] ?? metas["twitter:title"] ?? metas["itemprop:headline"]
        let tt = raw.titleTag.map { TextGatherString.collapse($0) }.flatMap { $0.isEmpty ? nil : $0 }
        // Where the metadata titles break: "Headline | Section | Site" breaks after "Headline".
        let leads = Set([og, tt].compactMap { $0 }.flatMap { separatorPrefixes(JSONLDFacts.decodeEntities($0)).dropLast().map(titleKey) })
        /// A title with separators whose first run of words is where a metadata title breaks is
        /// that run: "Best Movers in 2025 | Top 19 Companies" with <title> "Best Movers in 2025 | …".
        func found(_ t: String?, lone: Bool = false) -> TitleChoice? {
            guard let t else { return nil }
            if let first = parts(t).first, first.count < t.count, leads.contains(titleKey(first)) {
                return TitleChoice(text: headRun(first: first, whole: stripSite(t, site: site, url: url)), lone: lone)
            }
            return TitleChoice(text: t, lone: lone)
        }
        let siteKey = site.map(titleKey)
        // An h1 that spells the page's host ("example.org") is the site's name, as a logo.
        let hostKey = url.flatMap { URL(string: $0)?.host }.map(Self.bareHost)
        func isSite(_ t: String) -> Bool { (siteKey != nil && titleKey(t) == siteKey) || (hostKey != nil && titleKey(t) == hostKey) }
        let headline = ld.headline.flatMap { isSite($0) ? nil : JSONLDFacts.decodeEntities($0) }
        let h1s = h1Texts().filter { !isSite($0.1) && !homeH1.contains($0.0) }
        var refs: Set<String> = []
        var refList: [String] = []
        /// How the metadata spells each reference title, first source first.
        var spelled: [String: String] = [:]
        var spellings: [(key: String, text: String)] = []
        for r in [og, tt, headline, metas["title"]] {
            guard let r else { continue }
            let r2 = JSONLDFacts.decodeEntities(r)
            refList.append(titleKey(r2))
            for t0 in [r2, stripSite(r2, site: site, url: url)] + parts(r2) {
                // Markdown heading marks a site writes into its metadata ("## Headline") are no part of it.
                let t = Self.withoutAnchorMark(t0)
                let k = titleKey(t)
                refs.insert(k)
                if spelled[k] == nil {
                    spelled[k] = t
                    spellings.append((k, t))
                }
            }
        }
        // The h1 that a metadata title confirms; spelled as the metadata spells it when the two
        // differ only in typographic quotes ("Here’s" in the h1, "Here's" in og:title).
        // Of several confirmed h1s, one that is the <title>'s last run is the site's or the book's
        // name ("ORM Quick Start — SQLAlchemy 2.0 Documentation" with h1s "SQLAlchemy 2.0
        // Documentation" and "ORM Quick Start"): another confirmed h1 is the page's.
        let ttParts = tt.map { parts(JSONLDFacts.decodeEntities($0)).map(titleKey) } ?? []
        let tail = ttParts.count > 1 ? ttParts.last : nil
        let confirmed = h1s.filter { refs.contains(titleKey($0.1)) }
        if let (_, h) = confirmed.first(where: { titleKey($0.1) != tail }) ?? confirmed.first {
            return found(spelled[titleKey(h)].map { normKey($0) == normKey(h) ? h : $0 } ?? h)
        }
        // An h1 that runs a metadata title into its byline ("Headline Posted on July 1, 2024 by
        // Ann"): the metadata title.
        for (_, h) in h1s {
            if let t = wrappedTitle(h, in: spellings) { return found(t) }
        }
        // An h1 that puts a date or a label before a metadata title ("Dec 18 2025 Headline",
        // "Blog: Headline"): the metadata title.
        for (_, h) in h1s {
            if let t = prefixedTitle(h, in: spellings) { return found(t) }
        }
        // An h1 that begins a reference title ("Headline: more words" or "Headline | Section").
        for (_, h) in h1s {
            let k = titleKey(h)
            if k.count >= 8 && refList.contains(where: { $0.hasPrefix(k) }) { return found(h) }
        }
        // The h1 next to the main text.
        let lo = (contentRoots.min() ?? 0) - 300
        let hi = contentRoots.map { Int(elems[$0].end) }.max() ?? elems.count
        if let (_, h) = h1s.first(where: { $0.0 >= lo && $0.0 < hi }) {
            if let t = wordHeadingTitle(h, site: site, url: url) { return found(t) }
            return found(h, lone: true)
        }
        if let headline {
            // A JSON-LD headline cut short (publishers truncate it to 110 characters) gives way
            // to the og:title or <title> it begins.
            let k = titleKey(headline)
            for r in [og, tt].compactMap({ $0 }) {
                let full = stripSite(JSONLDFacts.decodeEntities(r), site: site, url: url)
                if titleKey(full).count > k.count && titleKey(full).hasPrefix(k) { return found(full) }
            }
            return found(stripSite(headline, site: site, url: url))
        }
        if let og, !isSite(og) {
            let s = stripSite(JSONLDFacts.decodeEntities(og), site: site, url: url)
            return found(parts(s).first.flatMap { $0.count >= 2 ? headRun(first: $0, whole: s) : nil } ?? s)
        }
        if let tt, !isSite(tt) {
            let s = stripSite(JSONLDFacts.decodeEntities(tt), site: site, url: url)
            if let (_, h) = h1s.first, titleKey(s).contains(titleKey(h)) { return found(h) }
            // "Headline - Section - Site": the headline is the first run of words.
            return found(parts(s).first.flatMap { $0.count >= 2 ? headRun(first: $0, whole: s) : nil } ?? s)
        }
        return found(h1s.first?.1 ?? tt)
    }

    // MARK: Date

    static let metaDateKeys = [
        "article:published_time", "og:published_time", "og:article:published_time", "article.published", "itemprop:datepublished",
        "datepublished", "publish-date", "publish_date", "publishdate", "pubdate", "publication_date", "publication-date",
        "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
        "dc.date.created", "citation_publication_date", "citation_date", "citation_online_date", "article_date_original",
        "original-publish-date", "cxenseparse:recs:publishtime", "published_time", "published-date", "date", "release_date",
        "dc.created", "created", "pdate", "displaydate", "og:updated_time",
    ]

    func chooseDate(ld: JSONLDFacts, url: String?, title: String?) -> ParsedDate? {
        // Publication, never modification: an update date is not when the article appeared.
        if let s = structuredDate(ld: ld) {
            // A date in the URL path is the publisher's own calendar day; a structured instant one
            // day off is the same moment written in another zone.
            if let url, let u = urlDate(url), abs(CivilDate.days(year: s.year, month: s.month, day: s.day) - CivilDate.days(year: u.year, month: u.month, day: u.day)) == 1 {
                return u
            }
            if s.guessed, let other = shownReading(of: s, title: title) { return other }
            return datelineOverride(structured: s, ld: ld, title: title) ?? s
        }
        if let v = visibleDates(title: title).first { return v }
        if let s = ld.created, let d = dates.machine(s) { return d }
        if let url, let d = urlDate(url) { return d }
        for t in raw.times { if let d = dates.machine(t.value) { return d } }
        return monthOnlyDate(title: title)
    }

    /// Last resort: a line near the headline, or an opening paragraph, that is only a month and a
    /// year; the date keeps that precision ("2015-11").
    func monthOnlyDate(title: String?) -> ParsedDate? {
        let anchor = headlineIndex(title: title) ?? contentRoots.min() ?? 0
        var k = max(0, anchor - 40)
        var scanned = 0
        while k < elems.count && k < anchor + 150 && scanned < 60 {
            let e = elems[k]
            if !e.pruned && e.localText > 0 && e.localText < 40 {
                scanned += 1
                if let d = dates.monthYearAlone(TextGather.text(of: e.node, limit: 80)) { return d }
            }
            k += 1
        }
        for p in paragraphs.prefix(3) where p.count < 40 {
            if let d = dates.monthYearAlone(p) { return d }
        }
        return nil
    }

    /// A numeric date that reads both ways ("3/4/2025"), read month first on a page written in US
    /// English (html lang or og:locale "en-US"), where that is how dates are written, unless the
    /// page shows the day-first reading in words; day first (the parser's guess) elsewhere.
    func localReading(_ d: ParsedDate, title: String?) -> ParsedDate {
        guard d.guessed, Self.monthFirst(raw.htmlLang ?? metas["og:locale"]), let other = d.dayMonthSwapped, dates.plausible(other) else { return d }
        if visibleCandidates(title: title).0.contains(where: { !$0.date.guessed && sameDay($0.date, d) }) { return d }
        return other
    }

    /// Whether a language tag names US English ("en-US", "en_us").
    static func monthFirst(_ tag: String?) -> Bool {
        tag.map { $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-") == "en-us" } ?? false
    }

    func sameDay(_ a: ParsedDate, _ b: ParsedDate) -> Bool { a.year == b.year && a.month == b.month && a.day == b.day }

    func structuredDate(ld: JSONLDFacts) -> ParsedDate? {
        if let s = ld.published, let d = dates.machine(s) { return d }
        for k in Self.metaDateKeys.dropLast() {
            if let v = metas[k], let d = dates.machine(v) { return d }
        }
        if let d = genericMetaDate() { return d }
        // Many itemprop dates are a list of posts or comments, not the article's own date.
        let props = raw.itemprops.filter { $0.prop.lowercased() == "datepublished" && $0.value != nil }
        if Set(props.compactMap { $0.value.map { String($0.prefix(10)) } }).count <= 2 {
            for (_, _, value) in props {
                if let value, let d = dates.machine(value) { return d }
            }
        }
        let pubTimes = raw.times.filter { $0.pubdate }
        if Set(pubTimes.map { $0.value.prefix(10) }).count <= 2, let t = pubTimes.first, let d = dates.machine(t.value) { return d }
        return nil
    }

    /// A meta tag whose name says "published" in a form not listed ("w-published-date", "published").
    func genericMetaDate() -> ParsedDate? {
        for (k, v) in raw.metas where k.contains("publish") {
            if k.contains("modif") || k.contains("updat") || k.contains("last") || k.contains("expir") { continue }
            if let d = dates.machine(TextGatherString.collapse(v)) { return d }
        }
        return nil
    }

    /// Words that mark a shown date as another event than the publication: a revision, or a
    /// member's registration shown beside forum posts ("Joined: 4 Jul 2012", "Member since 2019").
    static let updateLabels = [
        "updat", "modif", "revis", "reviewed", "mis à jour", "mise à jour", "aktualisiert", "actualiz", "atualiz", "تحديث",
        "joined", "member since", "registered", "inscrit", "registriert", "miembro desde",
    ]

    /// Whether `text` calls the date it shows an update.
    static func isUpdateLabel(_ text: String) -> Bool {
        let l = text.lowercased()
        guard let cut = l.firstIndex(where: { $0.isNumber }) else { return false }
        let before = l[..<cut]
        guard updateLabels.contains(where: { before.contains($0) }) else { return false }
        // "Published … Updated …": the first date belongs to the publication label.
        return !(before.contains("publi") || before.contains("posted"))
    }

    /// Words that label a shown date as the publication.
    /// A question's "Asked" date is its publication on question-and-answer pages.
    static let publishLabels = ["publish", "posted", "asked", "publié", "publicado", "veröffentlicht", "نشر"]

    /// Whether `text` labels the first date it shows as the publication.
    static func isPublishLabel(_ text: String) -> Bool {
        let l = text.lowercased()
        guard let cut = l.firstIndex(where: { $0.isNumber }) else { return false }
        let before = l[..<cut]
        return publishLabels.contains(where: { before.contains($0) }) && !updateLabels.contains(where: { before.contains($0) })
    }

    /// Whether element `i` sits in navigation, a footer, a sidebar, comments or a related list.
    func inBoilerplate(_ i: Int) -> Bool {
        var k = i
        var steps = 0
        while k >= 0 && steps < 40 {
            if elems[k].hints.contains(.strongNegative) || elems[k].hidden { return true }
            k = Int(elems[k].parent)
            steps += 1
        }
        return false
    }

    /// The headline's element: the h1 that reads as the chosen title, else the first h1 near the main
    /// text, else the first h1.
    func headlineIndex(title: String?) -> Int? {
        if let title {
            let k = titleKey(title)
            if let (i, _) = h1Texts().first(where: { titleKey($0.1) == k }) { return i }
        }
        let lo = (contentRoots.min() ?? 0) - 300
        let hi = contentRoots.map { Int(elems[$0].end) }.max() ?? elems.count
        let hs = raw.h1.map(Int.init)
        return hs.first(where: { $0 >= lo && $0 < hi }) ?? hs.first
    }

    /// Dates shown near the article, nearest the headline first: itemprop dates, <time>, date-classed
    /// elements and short lines around the headline. A date labelled "Published" comes first; dates
    /// in boilerplate (navigation, comments, related lists, footers) and dates labelled as updates
    /// come after the others.
    func visibleDates(title: String?) -> [ParsedDate] {
        let (cands, anchor) = visibleCandidates(title: title)
        let sorted = cands.sorted {
            if $0.rank == 0 || $1.rank == 0 { return $0.rank < $1.rank }
            if $0.labelled != $1.labelled { return $0.labelled }
            if $0.boiler != $1.boiler && !$0.labelled { return !$0.boiler }
            if $0.update != $1.update { return !$0.update }
            if ($0.rank == 3) != ($1.rank == 3) { return $1.rank == 3 }
            return abs($0.index - anchor) < abs($1.index - anchor)
        }
        var found = sorted.map { $0.date }
        if found.isEmpty {
            for p in paragraphs.prefix(3) where p.count < 400 {
                if let d = dates.scanText(p, requireAlone: false) { found.append(d); break }
            }
        }
        return found
    }

    /// A date shown on the page: where, what, and how it is labelled.
    struct Cand {
        var index: Int
        var date: ParsedDate
        var update: Bool
        /// 0: an itemprop publication date shown as text; 1: <time> or a date-classed element; 2: a short
        /// line near the headline; 3: a longer line near the headline that mentions a date.
        var rank: Int
        var boiler = false
        var labelled = false
    }

    /// Dates shown around the article in document order of discovery, with the headline's index.
    /// With `reach`, only dates within that many elements of the headline.
    func visibleCandidates(title: String?, reach: Int? = nil) -> ([Cand], Int) {
        var cands: [Cand] = []
        let contentLo = contentRoots.min() ?? 0
        let contentHi = contentRoots.map { Int(elems[$0].end) }.max() ?? elems.count
        let anchor = headlineIndex(title: title) ?? contentLo
        let start = reach.map { max(0, anchor - $0) } ?? max(0, min(contentLo, anchor) - 400)
        let limit = reach.map { anchor + $0 + 1 } ?? max(contentHi + 100, anchor + 150)
        func labelText(_ i: Int) -> String {
            let p = Int(elems[i].parent)
            let n = p >= 0 ? elems[p].node : elems[i].node
            // Only a small parent labels its date ("<div>Updated <time>…</time></div>").
            let t = TextGather.text(of: n, limit: 300)
            return t.count <= 80 ? t : ""
        }
        for (i, prop, value) in raw.itemprops where prop.lowercased() == "datepublished" && value == nil
            && (reach == nil || (Int(i) >= start && Int(i) < limit))
        {
            let s = TextGather.text(of: elems[Int(i)].node, limit: 300)
            if s.count <= 200, let d = dates.scanText(s, requireAlone: false) {
                cands.append(Cand(index: Int(i), date: d, update: false, rank: 0))
            }
        }
        // Shown itemprop dates on more than two days are a list (answers, comments, other posts):
        // they rank as any shown date, not as the page's own.
        if Set(cands.map { CivilDate.days(year: $0.date.year, month: $0.date.month, day: $0.date.day) }).count > 2 {
            for k in cands.indices { cands[k].rank = 1 }
        }
        for t in raw.times where Int(t.elem) >= start && Int(t.elem) < limit {
            let i = Int(t.elem)
            if let d = dates.machine(t.value) {
                let label = labelText(i)
                cands.append(Cand(index: i, date: d, update: Self.isUpdateLabel(label), rank: 1, boiler: inBoilerplate(i), labelled: Self.isPublishLabel(label)))
            }
        }
        func addText(_ i: Int, rank: Int) {
            let s = TextGather.text(of: elems[i].node, limit: 300)
            guard s.count <= 200, let d = dates.scanText(s, requireAlone: false) else { return }
            var upd = Self.isUpdateLabel(s)
            var pub = Self.isPublishLabel(s)
            if !upd && !pub && s.count < 40 {
                let label = labelText(i)
                upd = Self.isUpdateLabel(label)
                pub = Self.isPublishLabel(label)
            }
            // A longer line that mentions a date is prose, not a dateline.
            let r = rank == 2 && s.count > 80 && !upd && !pub ? 3 : rank
            cands.append(Cand(index: i, date: d, update: upd, rank: r, boiler: inBoilerplate(i), labelled: pub))
        }
        for i in raw.dateish.map(Int.init) where i >= start && i < limit {
            addText(i, rank: 1)
        }
        let dateishSet = Set(raw.dateish)
        // Short lines just before and after the headline (bylines, kickers).
        var scanned = 0
        var k = max(0, anchor - min(120, reach ?? 120))
        while k < elems.count && k < anchor + min(150, reach.map { $0 + 1 } ?? 150) && scanned < 100 {
            let e = elems[k]
            if !e.pruned && e.localText > 0 && e.localText < 120 && !dateishSet.contains(Int32(k)) {
                scanned += 1
                addText(k, rank: 2)
            }
            k += 1
        }
        if reach != nil { return (cands, anchor) }
        // A line labelled "Published" just after the article's text (a closing dateline).
        k = max(k, contentHi)
        scanned = 0
        while k < elems.count && k < contentHi + 60 && scanned < 30 {
            let e = elems[k]
            if !e.pruned && e.localText > 0 && e.localText < 120 && !dateishSet.contains(Int32(k)) {
                scanned += 1
                let before = cands.count
                addText(k, rank: 2)
                if cands.count > before && !cands[before].labelled { cands.removeLast() }
            }
            k += 1
        }
        return (cands, anchor)
    }

    /// The month-day reading of a structured date written with ambiguous numbers ("03-09-2026"),
    /// when the page shows that day unambiguously ("March 9, 2026") outside boilerplate and never
    /// shows the day-first reading.
    func shownReading(of s: ParsedDate, title: String?) -> ParsedDate? {
        guard let other = s.dayMonthSwapped else { return nil }
        let shown = visibleCandidates(title: title).0.filter { !$0.boiler && !$0.date.guessed }
        guard shown.contains(where: { sameDay($0.date, other) }), !shown.contains(where: { sameDay($0.date, s) }) else { return nil }
        return other
    }

    /// Modification dates the page's metadata gives (JSON-LD, meta tags).
    func modifiedDates(ld: JSONLDFacts) -> [ParsedDate] {
        let sources = [ld.modified, metas["article:modified_time"], metas["og:updated_time"], metas["datemodified"], metas["itemprop:datemodified"], metas["dcterms.modified"]]
        return sources.compactMap { $0.flatMap(dates.machine) }
    }

    /// The dateline shown next to the headline, when it contradicts the structured publication date.
    ///
    /// Only dates outside boilerplate within `datelineReach` elements of the headline count, and only
    /// when none of them shows the structured publication day. Then:
    /// - the nearest shows a modification date the metadata gives, and the page's meta tags name
    ///   the modification before the publication: the page presents itself as of that revision
    ///   (a re-issued guide), and that revision is its date;
    /// - the nearest is not labelled as an update and is not within a day of a modification date:
    ///   the structured date is a system timestamp (import, migration, build) and the shown dateline
    ///   is the publication.
    func datelineOverride(structured s: ParsedDate, ld: JSONLDFacts, title: String?) -> ParsedDate? {
        let (cands, anchor) = visibleCandidates(title: title, reach: Self.datelineReach)
        var nearest: Cand?
        for c in cands where !c.boiler && c.rank < 3 && !c.date.monthOnly && abs(c.index - anchor) <= Self.datelineReach {
            if sameDay(c.date, s) { return nil }
            if let n = nearest, abs(n.index - anchor) <= abs(c.index - anchor) { continue }
            nearest = c
        }
        // A modification on the publication day says nothing beyond the publication itself.
        let mods = modifiedDates(ld: ld).filter { !sameDay($0, s) }
        guard let v = nearest else { return nil }
        if raw.revisionFirst == true, let m = mods.first(where: { sameDay($0, v.date) }) { return m }
        if v.update { return nil }
        let day = CivilDate.days(year: v.date.year, month: v.date.month, day: v.date.day)
        if mods.contains(where: { abs(CivilDate.days(year: $0.year, month: $0.month, day: $0.day) - day) <= 1 }) { return nil }
        return v.date
    }

    /// How many elements from the headline a dateline may sit.
    static let datelineReach = 30

    /// "/2024/06/14/" or "/2024-06-14/" (alone or starting a slug) in a URL path.
    func urlDate(_ url: String) -> ParsedDate? {
        let plain = url.removingPercentEncoding ?? url
        let path = plain.split(separator: "?", maxSplits: 1).first.map(String.init) ?? plain
        let comps = path.split(separator: "/").map(String.init)
        for c in comps.dropFirst(2) where c.count >= 10 {
            let b = Array(c.utf8.prefix(11))
            guard b[4] == 0x2D, b[7] == 0x2D, b.count == 10 || !(b[10] >= 0x30 && b[10] <= 0x39) else { continue }
            if let d = DateParser.iso(Array(b.prefix(10))), dates.plausible(d) { return d }
        }
        for (k, c) in comps.enumerated() where c.count == 4 {
            guard let y = Int(c), k + 2 < comps.count, let m = Int(comps[k + 1]), comps[k + 1].count == 2 else { continue }
            let dayPart = comps[k + 2].prefix(2)
            if let d = Int(dayPart), comps[k + 2].count == 2 {
                let pd = ParsedDate(year: y, month: m, day: d)
                if dates.plausible(pd) { return pd }
            }
        }
        return nil
    }

    // MARK: Author

    func chooseAuthor(ld: JSONLDFacts) -> String? {
        if let a = ld.author { return a }
        if let a = metas["author"] ?? metas["dc.creator"] ?? metas["parsely-author"] ?? metas["sailthru.author"] { return a }
        if let a = metas["article:author"], !a.hasPrefix("http") { return a }
        for (i, prop, value) in raw.itemprops where prop.lowercased() == "author" {
            if let value, !value.hasPrefix("http") { return value }
            let t = TextGather.text(of: elems[Int(i)].node, limit: 200)
            if !t.isEmpty && t.count < 100 { return t }
        }
        return nil
    }
}
