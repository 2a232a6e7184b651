internal import CLibXML2

typealias NodePtr = UnsafeMutablePointer<xmlNode>

/// One element of the parsed page, in document (pre-order) position.
struct Elem {
    var node: NodePtr
    var parent: Int32
    /// One past the last element of this subtree.
    var end: Int32
    var tag: Tag
    var hints: Hints
    /// Not read at all (scripts, styles, hidden, too deep).
    var pruned: Bool
    var hasBlockChild = false
    /// Marked hidden (hidden attribute, aria-hidden, display:none); read but normally skipped.
    var hidden = false
    /// A hidden panel of an accordion (collapsed, unfolded by the reader); read by the spread profile.
    var collapsed = false
    var weight: Int16 = 0
    /// Nearest block ancestor-or-self.
    var block: Int32
    /// Text directly in this element (code points, whitespace excluded).
    var localText: Int32 = 0
    var localLink: Int32 = 0
    var localCommas: Int32 = 0
    /// Inline text whose nearest block is this element.
    var blockOwn: Int32 = 0
    var blockCommas: Int32 = 0
}

/// Metadata-bearing bits seen during the walk.
struct RawMeta {
    var titleTag: String?
    var metas: [(key: String, value: String)] = []
    var jsonLD: [String] = []
    var canonical: String?
    var htmlLang: String?
    var h1: [Int32] = []
    var times: [(elem: Int32, value: String, pubdate: Bool)] = []
    var itemprops: [(elem: Int32, prop: String, value: String?)] = []
    var dateish: [Int32] = []
    var authorish: [Int32] = []
    /// Whether the page's meta tags, read in document order, name a modification date before any
    /// publication date; nil when they name neither. (JSON-LD key order is no signal: serializers
    /// often sort keys, which puts dateModified first.)
    var revisionFirst: Bool?
    /// A skip link's target: one of the page's first ``SkipLink/firstAnchors`` links points at an
    /// element of the page by id (`<a href="#main">Skip to content</a>`), which is where the page's
    /// own content starts; the element's index once seen, nil when there is none.
    var skipTarget: Int32?
    /// The skip link (its index and a hash of the id it points at) while its target is not yet seen.
    var skipLink: (anchor: Int32, idHash: UInt64)?
    /// `<a>` elements seen so far, counted up to ``SkipLink/firstAnchors``.
    var anchorsSeen = 0
    /// Microdata says the page is a discussion: an `itemtype` of DiscussionForumPosting or QAPage.
    var declaresDiscussion = false

    /// Notes which kind of date a metadata key names, if it is the first such key seen with a date.
    mutating func noteDateKey(_ key: String, value: String) {
        guard revisionFirst == nil, let kind = Self.dateKeyKind(key), DateParser.machine(value) != nil else { return }
        revisionFirst = kind
    }

    /// true for a modification key, false for a publication key, nil for neither.
    static func dateKeyKind(_ key: String) -> Bool? {
        let k = key.utf8.map(EncodingSniffer.lower)
        if contains(k, "modif") || contains(k, "updated") { return true }
        if contains(k, "publish") || contains(k, "issued") { return false }
        return nil
    }
}

/// One walk over the libxml2 tree that records elements, text statistics and metadata.
struct DocumentWalker {
    var elems: [Elem] = []
    var meta = RawMeta()
    let maxDepth: Int
    private var scratch: [UInt8] = []

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
        elems.reserveCapacity(2048)
        scratch.reserveCapacity(256)
    }

    mutating func walk(_ doc: UnsafeMutablePointer<xmlDoc>) {
        var cur: NodePtr? = doc.pointee.children
        var parentIdx: Int32 = -1
        var depth = 0
        var anchors = 0
        while let n = cur {
            var descend = false
            switch n.pointee.type {
            case XML_ELEMENT_NODE:
                let idx = Int32(elems.count)
                let tooDeep = depth >= maxDepth
                addElement(n, parent: parentIdx, tooDeep: tooDeep)
                // A button left open by broken markup swallows the rest of the page: read it then.
                if elems[Int(idx)].tag == .button && !tooDeep && Self.elementCount(n, cap: 40) >= 40 {
                    elems[Int(idx)].pruned = false
                }
                // A <noscript> that holds a whole page (a script-rendered site's crawler copy) is read as
                // hidden text: it stays out unless it holds most of the page's text.
                if elems[Int(idx)].tag == .noscript && !tooDeep && Self.elementCount(n, cap: 40) >= 40 {
                    elems[Int(idx)].pruned = false
                    elems[Int(idx)].hidden = true
                }
                if !elems[Int(idx)].pruned && n.pointee.children != nil {
                    descend = true
                    parentIdx = idx
                    depth += 1
                    if elems[Int(idx)].tag == .a { anchors += 1 }
                    cur = n.pointee.children
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if parentIdx >= 0, let c = n.pointee.content { addText(c, parent: Int(parentIdx), inLink: anchors > 0) }
            default: break
            }
            if descend { continue }
            var m = n
            while true {
                if let nx = m.pointee.next {
                    cur = nx
                    break
                }
                guard parentIdx >= 0, let p = m.pointee.parent else {
                    cur = nil
                    break
                }
                let pi = Int(parentIdx)
                elems[pi].end = Int32(elems.count)
                if elems[pi].tag == .a { anchors -= 1 }
                depth -= 1
                m = p
                parentIdx = elems[pi].parent
            }
        }
    }

    /// Element descendants of `n`, counted up to `cap`.
    static func elementCount(_ n: NodePtr, cap: Int) -> Int {
        var count = 0
        var stack: [NodePtr] = []
        var c = n.pointee.children
        while count < cap {
            if let x = c {
                if x.pointee.type == XML_ELEMENT_NODE {
                    count += 1
                    if let ch = x.pointee.children { stack.append(ch) }
                }
                c = x.pointee.next
            } else if let top = stack.popLast() {
                c = top
            } else {
                break
            }
        }
        return count
    }

    private mutating func addText(_ c: UnsafeMutablePointer<xmlChar>, parent: Int, inLink: Bool) {
        var chars: Int32 = 0
        var commas: Int32 = 0
        var p = UnsafePointer(c)
        while true {
            let b = p.pointee
            if b == 0 { break }
            if b > 0x20 {
                if b & 0xC0 != 0x80 { chars += 1 }
                if b == 0x2C { commas += 1 } else if b == 0xD8 && p[1] == 0x8C { commas += 1 }
                else if b == 0xEF && p[1] == 0xBC && p[2] == 0x8C { commas += 1 }
            }
            p += 1
        }
        if chars == 0 { return }
        elems[parent].localText += chars
        elems[parent].localCommas += commas
        if inLink { elems[parent].localLink += chars }
        let b = Int(elems[parent].block)
        if b >= 0 {
            elems[b].blockOwn += chars
            elems[b].blockCommas += commas
        }
    }

    private mutating func addElement(_ n: NodePtr, parent: Int32, tooDeep: Bool) {
        let tag: Tag = n.pointee.name.map { Tag.byHash[fnvC($0)] ?? .other } ?? .other
        let idx = Int32(elems.count)
        let parentBlock: Int32 = parent >= 0 ? elems[Int(parent)].block : -1
        var e = Elem(
            node: n, parent: parent, end: idx + 1, tag: tag, hints: [], pruned: tag.isPruned || tooDeep,
            block: tag.isBlock ? idx : parentBlock)
        if tag.isBlock && parentBlock >= 0 { elems[Int(parentBlock)].hasBlockChild = true }
        scratch.removeAll(keepingCapacity: true)
        var itemprop: String?
        var datetime: String?
        var content: String?
        var hasPubdate = false
        var streamedSegment = false
        var region = false
        var tabPanel = false
        var labelledBy = false
        var metaKey: String?
        var rel: String?
        var href: String?
        var typ: String?
        var attr = n.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            guard let an = a.pointee.name else { continue }
            let h = fnvC(an)
            let v = a.pointee.children?.pointee.content
            switch h {
            case AttrName.class, AttrName.id:
                if let v {
                    if h == AttrName.id, meta.skipTarget == nil, let link = meta.skipLink, link.anchor != idx,
                        fnvC(v) == link.idHash
                    {
                        meta.skipTarget = idx
                    }
                    appendLower(v)
                    // React's streamed segments (<div hidden id="S:0">) are moved into view by script.
                    if h == AttrName.id && v[0] == 0x53 && v[1] == 0x3A { streamedSegment = true }
                }
            case AttrName.role:
                if let v {
                    let s = cString(v)
                    switch s {
                    case "navigation", "menu", "menubar", "complementary", "alertdialog", "dialog", "banner", "contentinfo",
                        "search":
                        e.hints.insert(.unlikely)
                        e.hints.insert(.strongNegative)
                    case "region":
                        region = true
                    case "tabpanel":
                        tabPanel = true
                    default: break
                    }
                }
            case AttrName.ariaLabelledBy:
                labelledBy = true
            case AttrName.hidden:
                e.hidden = true
            case AttrName.popover:
                // A popover (a dialog, a prompt) is not shown until script opens it.
                e.hidden = true
            case AttrName.ariaHidden:
                if let v, cString(v) == "true" { e.hidden = true }
            case AttrName.style:
                if let v, styleHides(v) { e.hidden = true }
            case AttrName.lang:
                if (tag == .html || (tag == .body && meta.htmlLang == nil)), let v { meta.htmlLang = cString(v) }
            case AttrName.itemprop:
                if let v { itemprop = cString(v) }
            case AttrName.datetime:
                if let v { datetime = cString(v) }
            case AttrName.content:
                if let v { content = cString(v) }
            case AttrName.pubdate:
                hasPubdate = true
            case AttrName.itemtype:
                if !meta.declaresDiscussion, let v {
                    let s = cString(v)
                    if s.contains("DiscussionForumPosting") || s.contains("QAPage") { meta.declaresDiscussion = true }
                }
            case AttrName.name, AttrName.property:
                if tag == .meta, let v { metaKey = cString(v).lowercased() }
            case AttrName.httpEquiv:
                if tag == .meta, let v { metaKey = "http-equiv:" + cString(v).lowercased() }
            case AttrName.rel:
                if tag == .link, let v { rel = cString(v).lowercased() }
            case AttrName.href:
                // Only <link rel=canonical> reads it: no String for every <a>.
                if tag == .link, let v { href = cString(v) }
                if tag == .a, meta.skipLink == nil, meta.anchorsSeen < SkipLink.firstAnchors, let v, v[0] == 0x23, v[1] != 0 {
                    meta.skipLink = (idx, fnvC(v + 1))
                }
            case AttrName.type:
                if tag == .script, let v { typ = cString(v) }
            default: break
            }
        }
        if streamedSegment && tag == .div { e.hidden = false }
        // A collapsed accordion panel (WAI-ARIA: a region labelled by the header that opens it)
        // is text the reader unfolds, not hidden chrome.
        if region && labelledBy { e.hidden = false }
        // So is a tab panel (WAI-ARIA role tabpanel) that is not the open tab: a documentation page's code in
        // other languages, a product's description or specifications behind their tabs.
        if tabPanel { e.hidden = false }
        if !scratch.isEmpty {
            let hints = scratch.withUnsafeBufferPointer { HintMatcher.match($0) }
            e.hints.formUnion(hints)
            // A collapsed accordion panel (a class or id naming an accordion) is text the reader unfolds;
            // the spread profile reads it (``ContentSelector/readsCollapsed``).
            if e.hidden && hints.contains(.accordion) && !hints.contains(.unlikely) { e.collapsed = true }
            if hints.contains(.positive) { e.weight += 25 }
            if hints.contains(.negative) { e.weight -= 25 }
        }
        switch tag {
        case .header, .footer, .nav, .aside:
            e.hints.insert(.unlikely)
            if tag != .header { e.hints.insert(.strongNegative) }
            e.hints.remove(.maybe)
        case .form:
            if e.hints.contains(.unlikely) == false && scratch.isEmpty { break }
        default: break
        }
        elems.append(e)
        if tag == .a && meta.anchorsSeen < SkipLink.firstAnchors { meta.anchorsSeen += 1 }
        if e.hints.contains(.dateish) && meta.dateish.count < 1000 { meta.dateish.append(idx) }
        if e.hints.contains(.authorish) && meta.authorish.count < 20 { meta.authorish.append(idx) }
        switch tag {
        case .meta:
            if let metaKey, let content {
                meta.metas.append((metaKey, content))
                meta.noteDateKey(metaKey, value: content)
            }
            if let itemprop, let content {
                meta.metas.append(("itemprop:" + itemprop.lowercased(), content))
                meta.noteDateKey(itemprop, value: content)
            }
        case .title:
            if meta.titleTag == nil { meta.titleTag = TextGather.text(of: n, limit: 2000) }
        case .link:
            if let rel, let href, rel.split(separator: " ").contains("canonical"), meta.canonical == nil { meta.canonical = href }
        case .script:
            if let typ, typ.lowercased().contains("ld+json"), meta.jsonLD.count < 16 {
                meta.jsonLD.append(TextGather.raw(of: n, limit: 1 << 20))
            }
        case .h1:
            if meta.h1.count < 8 { meta.h1.append(idx) }
        case .time:
            if let dt = datetime ?? content { meta.times.append((idx, dt, hasPubdate || itemprop != nil)) }
        default:
            if let itemprop, meta.itemprops.count < 40 {
                meta.itemprops.append((idx, itemprop, content ?? datetime))
            }
        }
        if tag == .time, let itemprop, meta.itemprops.count < 40 { meta.itemprops.append((idx, itemprop, datetime ?? content)) }
    }

    private mutating func appendLower(_ v: UnsafeMutablePointer<xmlChar>) {
        if !scratch.isEmpty { scratch.append(0x20) }
        var p = UnsafePointer(v)
        while p.pointee != 0 {
            let c = p.pointee
            scratch.append(EncodingSniffer.lower(c))
            p += 1
        }
    }

    /// `display:none` or `visibility:hidden` in a style attribute.
    private func styleHides(_ v: UnsafeMutablePointer<xmlChar>) -> Bool {
        var buf = [UInt8]()
        var p = UnsafePointer(v)
        while p.pointee != 0 && buf.count < 512 {
            let c = p.pointee
            if c != 0x20 && c != 0x09 && c != 0x0A { buf.append(EncodingSniffer.lower(c)) }
            p += 1
        }
        return contains(buf, "display:none") || contains(buf, "visibility:hidden")
    }
}

func contains(_ hay: [UInt8], _ needle: StaticString) -> Bool {
    let n = needle.utf8CodeUnitCount
    guard hay.count >= n else { return false }
    return needle.withUTF8Buffer { nb in
        var i = 0
        while i + n <= hay.count {
            var k = 0
            while k < n && hay[i + k] == nb[k] { k += 1 }
            if k == n { return true }
            i += 1
        }
        return false
    }
}

@inline(__always)
func cString(_ p: UnsafeMutablePointer<xmlChar>) -> String {
    String(cString: UnsafePointer(p))
}

/// Text content of small subtrees (titles, headings, bylines).
enum TextGather {
    /// Whitespace-collapsed text of `node`'s subtree, skipping scripts and styles, up to `limit` bytes.
    static func text(of node: NodePtr, limit: Int) -> String {
        var out = [UInt8]()
        var space = false
        visit(node, limit: limit) { p in
            var q = UnsafePointer(p)
            while q.pointee != 0 {
                let c = q.pointee
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                    space = true
                } else if c == 0xC2 && q[1] == 0xA0 {
                    space = true
                    q += 1
                } else {
                    if space && !out.isEmpty { out.append(0x20) }
                    space = false
                    out.append(c)
                }
                q += 1
            }
            return out.count < limit
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Raw text content (for JSON-LD).
    static func raw(of node: NodePtr, limit: Int) -> String {
        var out = [UInt8]()
        visit(node, limit: limit) { p in
            var q = UnsafePointer(p)
            while q.pointee != 0 {
                out.append(q.pointee)
                q += 1
            }
            return out.count < limit
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` on each text node's content in document order until it returns false.
    static func visit(_ root: NodePtr, limit: Int, _ body: (UnsafeMutablePointer<xmlChar>) -> Bool) {
        var stack: [NodePtr] = []
        var cur: NodePtr? = root.pointee.children
        var steps = 0
        while let n = cur {
            steps += 1
            if steps > 200_000 { return }
            var goDown = false
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = n.pointee.content, !body(c) { return }
            case XML_ELEMENT_NODE:
                let t: Tag = n.pointee.name.map { Tag.byHash[fnvC($0)] ?? .other } ?? .other
                if t != .script && t != .style && t != .noscript, n.pointee.children != nil, stack.count < 256 {
                    goDown = true
                }
            default: break
            }
            if goDown {
                stack.append(n)
                cur = n.pointee.children
                continue
            }
            var m: NodePtr? = n
            cur = nil
            while let mm = m {
                if let nx = mm.pointee.next {
                    cur = nx
                    break
                }
                guard let top = stack.popLast() else { break }
                m = top
            }
        }
    }
}
