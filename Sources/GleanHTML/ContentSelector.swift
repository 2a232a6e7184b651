internal import CLibXML2
internal import Foundation

/// Readability-style choice of the main-text container over the walked elements.
struct ContentSelector {
    let elems: [Elem]
    var stripUnlikely = true
    var weightClasses = true
    var cleanConditionally = true
    /// Purchase chrome (``Hints/review``: reviews, ratings, prices, quantity pickers, cart buttons, upsells,
    /// by class or id) is not the page's content: a product page read whole keeps its description, not the
    /// shop's widgets around it nor what buyers say of it.
    var stripReviews = false
    /// Collapsed accordion panels (``Elem/collapsed``) are read: a page read whole (FAQs, course lists,
    /// service details unfold there). An article's best node does not read them.
    var readsCollapsed = false
    /// Comment- and reply-named blocks (``Hints/discussion``) that hold paragraphs are read: on a page that
    /// declares itself a discussion (a forum thread, a question with its answers) every post is content, not
    /// comments to drop. One-line remarks under a post (no paragraph) and page chrome by tag (nav, aside,
    /// header, footer) stay out.
    var keepsDiscussion = false

    // Subtree aggregates for the current flags.
    private(set) var text: [Int32] = []
    private(set) var link: [Int32] = []
    private(set) var commas: [Int32] = []
    private(set) var pCount: [Int32] = []
    private(set) var imgCount: [Int32] = []
    private(set) var liCount: [Int32] = []
    private(set) var inputCount: [Int32] = []
    private(set) var embedCount: [Int32] = []
    /// <article> elements in the subtree (a grid of post teasers holds several).
    private(set) var articleCount: [Int32] = []
    private(set) var score: [Float] = []
    /// Text of paragraph units with few links, per subtree.
    private(set) var good: [Int32] = []
    /// Subtree text without any stripping, and the page's total.
    private(set) var rawText: [Int32] = []
    private(set) var rawTotal: Int32 = 0

    init(elems: [Elem]) {
        self.elems = elems
        var raw = [Int32](repeating: 0, count: elems.count)
        for i in stride(from: elems.count - 1, through: 0, by: -1) {
            raw[i] += elems[i].localText
            let p = Int(elems[i].parent)
            if p >= 0 && !elems[i].pruned { raw[p] += raw[i] }
        }
        rawText = raw
        var total: Int32 = 0
        for (i, e) in elems.enumerated() where e.parent < 0 { total += raw[i] }
        rawTotal = total
    }

    /// A weakly suspect element ("header" in a class name, not a footer or comments) that holds
    /// several paragraphs of unlinked prose is article text, not page chrome.
    @inline(__always)
    func proseBlock(_ i: Int) -> Bool {
        guard !elems[i].hints.contains(.strongNegative), i < pCount.count else { return false }
        return pCount[i] >= 3 && text[i] >= 400 && link[i] * 4 < text[i]
    }

    @inline(__always)
    func isStripped(_ i: Int) -> Bool {
        let e = elems[i]
        if e.pruned { return true }
        if e.hidden && !(readsCollapsed && e.collapsed) && rawText[i] * 2 < rawTotal { return true }
        if keepsDiscussion && e.hints.contains(.discussion) && i < pCount.count && pCount[i] > 0 {
            switch e.tag {
            case .nav, .aside, .header, .footer: break
            default: return false
            }
        }
        if stripUnlikely && e.hints.contains(.unlikely) && !e.hints.contains(.maybe)
            && (e.hints.contains(.strongNegative) || rawText[i] * 2 < rawTotal) && !proseBlock(i)
        {
            switch e.tag {
            case .body, .html, .a, .main, .article: return false
            default: return true
            }
        }
        if stripReviews && e.hints.contains(.review) {
            switch e.tag {
            case .body, .html, .main, .article: break
            default: return true
            }
        }
        if stripUnlikely && e.hints.contains(.strongNegative) && !e.hints.contains(.positive) {
            switch e.tag {
            case .body, .html, .main, .article: return false
            default: return true
            }
        }
        return false
    }

    mutating func aggregate() {
        let n = elems.count
        text = [Int32](repeating: 0, count: n)
        link = text
        commas = text
        pCount = text
        imgCount = text
        liCount = text
        inputCount = text
        embedCount = text
        articleCount = text
        for i in stride(from: n - 1, through: 0, by: -1) {
            let e = elems[i]
            text[i] += e.localText
            link[i] += e.localLink
            if e.tag == .a { link[i] = text[i] }
            commas[i] += e.localCommas
            switch e.tag {
            case .p: pCount[i] += 1
            case .img: imgCount[i] += 1
            case .li: liCount[i] += 1
            case .input, .select, .textarea: inputCount[i] += 1
            case .embed, .object, .iframe, .video: embedCount[i] += 1
            case .article: articleCount[i] += 1
            default: break
            }
            let p = Int(e.parent)
            if p >= 0 && !isStripped(i) {
                text[p] += text[i]
                link[p] += link[i]
                commas[p] += commas[i]
                pCount[p] += pCount[i]
                imgCount[p] += imgCount[i]
                liCount[p] += liCount[i]
                inputCount[p] += inputCount[i]
                embedCount[p] += embedCount[i]
                articleCount[p] += articleCount[i]
            } else if p >= 0 && elems[i].pruned && !e.tag.isPruned {
                // hidden: nothing
            } else if p >= 0 {
                // Count embeds and inputs even when pruned: they matter to conditional cleaning.
                imgCount[p] += imgCount[i]
                inputCount[p] += inputCount[i]
                embedCount[p] += embedCount[i]
            }
        }
    }

    @inline(__always)
    func linkDensity(_ i: Int) -> Float {
        text[i] > 0 ? Float(link[i]) / Float(text[i]) : 0
    }

    func tagBase(_ t: Tag) -> Float {
        switch t {
        case .div, .article, .main, .section: return 5
        case .pre, .td, .blockquote: return 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: return -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: return -5
        default: return 0
        }
    }

    /// Scores candidates; returns the top candidate index, or nil.
    mutating func scoreCandidates() -> Int? {
        let n = elems.count
        score = [Float](repeating: .nan, count: n)
        good = [Int32](repeating: 0, count: n)
        var i = 0
        while i < n {
            if isStripped(i) {
                i = Int(elems[i].end)
                continue
            }
            let e = elems[i]
            let scorable: Bool
            switch e.tag {
            case .p, .pre, .td, .div, .section, .article, .main, .blockquote, .dd, .center, .body, .h2, .h3, .h4, .h5, .h6:
                scorable = true
            default: scorable = false
            }
            if e.blockOwn >= 25 && linkDensity(i) < 0.35 {
                switch e.tag {
                case .li, .dt, .dd, .th, .figcaption, .caption: good[i] += e.blockOwn
                default: if scorable { good[i] += e.blockOwn }
                }
            }
            if scorable && e.blockOwn >= 25 {
                let s: Float = 1 + Float(e.blockCommas) + Float(min(Int(e.blockOwn) / 100, 3))
                var target = e.hasBlockChild && e.tag != .p ? i : Int(e.parent)
                var level = 0
                while target >= 0 && level < 5 {
                    if score[target].isNaN { score[target] = tagBase(elems[target].tag) + (weightClasses ? Float(elems[target].weight) : 0) }
                    let div: Float = level == 0 ? 1 : level == 1 ? 2 : Float(level * 3)
                    score[target] += s / div
                    target = Int(elems[target].parent)
                    level += 1
                }
            }
            i += 1
        }
        for j in stride(from: n - 1, through: 1, by: -1) {
            let p = Int(elems[j].parent)
            if p >= 0 && !isStripped(j) { good[p] += good[j] }
        }
        var best = -1
        var bestScore: Float = -.infinity
        for j in 0..<n where !score[j].isNaN {
            score[j] *= (1 - linkDensity(j))
            if score[j] > bestScore {
                bestScore = score[j]
                best = j
            }
        }
        return best >= 0 ? best : nil
    }

    func isAncestor(_ a: Int, of b: Int) -> Bool { a <= b && b < Int(elems[a].end) }

    /// The chosen roots (top candidate after climbing, plus qualifying siblings), in document order.
    mutating func chooseRoots() -> [Int] {
        aggregate()
        guard var top = scoreCandidates() else {
            if let body = elems.firstIndex(where: { $0.tag == .body }) { return [body] }
            return elems.isEmpty ? [] : [0]
        }
        let n = elems.count
        // Alternative candidates sharing an ancestor.
        let topScore = score[top]
        var alts: [Int] = []
        for j in 0..<n where j != top && !score[j].isNaN && score[j] / topScore >= 0.75 { alts.append(j) }
        if alts.count >= 3 {
            var p = Int(elems[top].parent)
            while p >= 0 && elems[p].tag != .body {
                var c = 0
                for a in alts where isAncestor(p, of: a) { c += 1 }
                if c >= 3 {
                    top = p
                    break
                }
                p = Int(elems[p].parent)
            }
        }
        if score[top].isNaN { score[top] = tagBase(elems[top].tag) }
        // Climb while the parent scores well.
        var lastScore = score[top]
        let threshold = lastScore / 3
        var p = Int(elems[top].parent)
        while p >= 0 && elems[p].tag != .body {
            if score[p].isNaN {
                p = Int(elems[p].parent)
                continue
            }
            if score[p] < threshold { break }
            if score[p] > lastScore {
                top = p
                break
            }
            lastScore = score[p]
            p = Int(elems[p].parent)
        }
        // Grow over ancestors that add much more running text of the same quality.
        var a = Int(elems[top].parent)
        var grown = top
        // "Same quality": no more links than the chosen block itself carries (inline links in prose).
        let maxLinks = max(0.1, linkDensity(top) + 0.02)
        while a >= 0 && elems[a].tag != .body && elems[a].tag != .html {
            guard Float(good[a]) >= 0.55 * Float(text[a]), linkDensity(a) < maxLinks else { break }
            if Float(good[a]) >= 1.25 * Float(good[grown]) { grown = a }
            a = Int(elems[a].parent)
        }
        top = grown
        // Only child: use the parent.
        while true {
            let par = Int(elems[top].parent)
            guard par >= 0, elems[par].tag != .body, elems[par].tag != .html else { break }
            var children = 0
            var c = par + 1
            while c < Int(elems[par].end) {
                if !isStripped(c) { children += 1 }
                c = Int(elems[c].end)
            }
            if children != 1 { break }
            top = par
        }
        // Siblings.
        let par = Int(elems[top].parent)
        guard par >= 0 else { return [top] }
        let ts = score[top].isNaN ? 0 : score[top]
        let sibThreshold = max(10, ts * 0.2)
        var roots: [Int] = []
        var c = par + 1
        while c < Int(elems[par].end) {
            defer { c = Int(elems[c].end) }
            if c == top {
                roots.append(c)
                continue
            }
            if isStripped(c) { continue }
            var bonus: Float = 0
            if weightClasses && elems[c].hints == elems[top].hints && !elems[top].hints.isEmpty { bonus = ts * 0.2 }
            if !score[c].isNaN && score[c] + bonus >= sibThreshold {
                roots.append(c)
            } else if elems[c].tag == .p {
                let ld = linkDensity(c)
                if text[c] > 80 && ld < 0.25 { roots.append(c) }
            } else if text[c] >= 200 && linkDensity(c) < 0.15 && pCount[c] >= 2 && !(weightClasses && elems[c].weight < 0) {
                // A sibling section of running paragraphs whose score sits too deep to reach here.
                roots.append(c)
            }
        }
        return roots
    }

    /// Whether a container inside the content should be dropped (readability's conditional cleaning).
    func dropConditionally(_ i: Int) -> Bool {
        let e = elems[i]
        switch e.tag {
        case .div, .section, .ul, .ol, .table, .form, .fieldset, .dl, .aside: break
        default: return false
        }
        let weight = weightClasses ? Float(e.weight) : 0
        let sc = score[i].isNaN ? 0 : score[i]
        if weight + sc < 0 { return true }
        if commas[i] >= 10 { return false }
        let p = Float(pCount[i])
        let img = Float(imgCount[i])
        let li = Float(liCount[i]) - 100
        let input = Float(inputCount[i])
        let ld = linkDensity(i)
        let len = text[i]
        let isList = e.tag == .ul || e.tag == .ol
        if img > 1 && p / img < 0.5 && len < 400 { return true }
        if !isList && li > p { return true }
        if !isList && input > (p / 3).rounded(.down) { return true }
        if !isList && len < 25 && (img == 0 || img > 2) { return true }
        if !isList && weight < 25 && ld > 0.33 { return true }
        if weight >= 25 && ld > 0.5 { return true }
        if isList && ld > 0.5 { return true }
        let embed = embedCount[i]
        if (embed == 1 && len < 75) || (embed > 1 && len < 200) { return true }
        // A grid of post teasers: several <article>s with a short excerpt each.
        if articleCount[i] >= 3 && len < 350 * articleCount[i] { return true }
        return false
    }
}

/// Turns chosen subtrees into paragraphs.
struct Renderer {
    var paragraphs: [String] = []
    private var buf: [UInt8] = []
    private var space = false
    private var nonASCII = false

    init() { buf.reserveCapacity(4096) }

    mutating func flush() {
        if !buf.isEmpty {
            var s = String(decoding: buf, as: UTF8.self)
            if nonASCII { s = nfc(s) }
            paragraphs.append(s)
            buf.removeAll(keepingCapacity: true)
        }
        space = false
        nonASCII = false
    }

    mutating func appendText(_ c: UnsafeMutablePointer<xmlChar>) {
        var q = UnsafePointer(c)
        while true {
            let b = q.pointee
            if b == 0 { break }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                space = true
            } else if b == 0xC2 && q[1] == 0xA0 {
                space = true
                q += 1
            } else {
                if space && !buf.isEmpty { buf.append(0x20) }
                space = false
                if b >= 0x80 { nonASCII = true }
                buf.append(b)
            }
            q += 1
        }
    }

    /// Renders element `root` (index into `elems`), skipping what `skip` says.
    mutating func render(_ root: Int, elems: [Elem], skip: (Int) -> Bool) {
        var idx = root
        flush()
        if skip(root) { return }
        // Explicit walk mirroring DocumentWalker's element numbering.
        var stack: [Int] = [root]
        var cur: NodePtr? = elems[root].node.pointee.children
        idx = root + 1
        if elems[root].pruned { cur = nil }
        while let n = cur {
            var goDown = false
            switch n.pointee.type {
            case XML_ELEMENT_NODE:
                let i = idx
                let e = elems[i]
                if skip(i) || e.pruned {
                    idx = Int(e.end)
                } else {
                    if e.tag.isBlock { flush() }
                    if e.tag == .br { flush() }
                    idx = i + 1
                    if n.pointee.children != nil {
                        goDown = true
                        stack.append(i)
                    } else if e.tag.isBlock {
                        flush()
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = n.pointee.content { appendText(c) }
            default: break
            }
            if goDown {
                cur = n.pointee.children
                continue
            }
            var m = n
            cur = nil
            while true {
                if let nx = m.pointee.next, stack.count > 1 || m != elems[root].node {
                    cur = nx
                    break
                }
                guard stack.count > 1, let p = m.pointee.parent else { break }
                let closed = stack.removeLast()
                if elems[closed].tag.isBlock { flush() }
                m = p
            }
        }
        flush()
    }
}

/// NFC. Only text holding a scalar that NFC may change (combining marks, jamo, singletons) goes
/// through the full normalisation.
func nfc(_ s: String) -> String {
    for u in s.unicodeScalars where u.value >= 0x300 && mayChangeUnderNFC(u.value) {
        return s.precomposedStringWithCanonicalMapping
    }
    return s
}

@inline(__always)
func mayChangeUnderNFC(_ v: UInt32) -> Bool {
    switch v {
    case 0x300...0x36F, 0x374, 0x37E, 0x387, 0x483...0x489, 0x591...0x5C7, 0x610...0x61A, 0x64B...0x65F, 0x670,
        0x6D6...0x6ED, 0x711, 0x730...0x74A, 0x7EB...0x7F3, 0x816...0x82D, 0x859...0x85B, 0x8D3...0x8FF,
        0x900...0xDFF, 0xF00...0xFFF, 0x102B...0x103E, 0x1100...0x11FF, 0x1AB0...0x1AFF, 0x1B00...0x1B7F,
        0x1DC0...0x1DFF, 0x1F00...0x1FFF, 0x2000...0x2001, 0x20D0...0x20FF, 0x2126, 0x212A...0x212B,
        0x2329...0x232A, 0x2ADC, 0x302A...0x302F, 0x3099...0x309A, 0xF900...0xFAFF, 0xFB1D...0xFB4F,
        0xFE20...0xFE2F, 0x1D15E...0x1D1C0, 0x2F800...0x2FA1F, 0x110B9...0x110BA, 0x11127...0x11134:
        return true
    default:
        return false
    }
}
