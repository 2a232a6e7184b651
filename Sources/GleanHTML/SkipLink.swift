/// A page's skip link: an accessible page opens with a link that jumps over its header and menus to the
/// start of its own content (`<a href="#main">Skip to main content</a>` ... `<main id="main">`). The
/// spread profile, which reads the whole body, drops what comes before that target (site header, menus,
/// banners), as a reader who follows the link would.
enum SkipLink {
    /// Only one of the page's first links can be a skip link (it comes before the menus it skips).
    static let firstAnchors = 5
    /// The target must leave at least this share of the body's kept text after it.
    static let minShareAfter: Float = 0.25

    /// Where the page's content starts: the index of the skip link's target, or nil when the page has no
    /// skip link, its target is hidden or stripped, the best node `roots` lies wholly before it, or less
    /// than ``minShareAfter`` of the body's text comes after it.
    static func contentStart(_ sel: ContentSelector, meta: RawMeta?, roots: [Int], body: Int) -> Int? {
        guard let t32 = meta?.skipTarget else { return nil }
        let target = Int(t32)
        let elems = sel.elems
        guard target > body, target < Int(elems[body].end), !sel.text.isEmpty else { return nil }
        // Neither the target nor an ancestor of it is stripped.
        var a = target
        while a > body {
            if sel.isStripped(a) { return nil }
            a = Int(elems[a].parent)
        }
        for r in roots where Int(elems[r].end) <= target { return nil }
        // Text of the kept subtrees wholly before the target.
        var before: Int32 = 0
        var i = body + 1
        while i < target {
            if Int(elems[i].end) <= target {
                if !sel.isStripped(i) { before += sel.text[i] }
                i = Int(elems[i].end)
            } else {
                before += elems[i].localText
                i += 1
            }
        }
        let total = sel.text[body]
        guard total > 0, Float(total - before) >= minShareAfter * Float(total) else { return nil }
        return target
    }

    /// Whether element `i` lies wholly before the content start `start`.
    @inline(__always)
    static func before(_ i: Int, start: Int, elems: [Elem]) -> Bool {
        i < start && Int(elems[i].end) <= start
    }
}
