internal import Foundation

/// A product page often keeps its description out of the visible markup (in a closed tab, or drawn by script)
/// and in its JSON-LD `Product` object. When the main text misses most of that description, it is added.
enum ProductDescription {
    /// Fewer words than this is a tagline, not a description.
    static let minWords = 30

    /// The description to add to `paragraphs`, or nil when the page declares none or the text already has it.
    static func missing(jsonLD: [String], paragraphs: [String]) -> String? {
        var best: String?
        for raw in jsonLD where raw.contains("\"description\"") && raw.contains("Product") {
            guard let data = raw.data(using: .utf8),
                let obj = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            collect(obj, into: &best)
        }
        guard let desc = best.map(plain), !desc.isEmpty else { return nil }
        let words = Self.words(desc)
        guard words.count >= minWords else { return nil }
        var have = Set<Substring>()
        for p in paragraphs { have.formUnion(Self.words(p)) }
        var found = 0
        for w in words where have.contains(w) { found += 1 }
        return found * 2 < words.count ? desc : nil
    }

    /// The longest `description` of an object typed Product or ProductGroup, anywhere in `obj`.
    private static func collect(_ obj: Any, into best: inout String?) {
        if let d = obj as? [String: Any] {
            let types: [String] = (d["@type"] as? String).map { [$0] } ?? (d["@type"] as? [String]) ?? []
            if types.contains(where: { $0 == "Product" || $0 == "ProductGroup" }), let s = d["description"] as? String,
                s.count > (best?.count ?? 0)
            {
                best = s
            }
            for (_, v) in d { collect(v, into: &best) }
        } else if let a = obj as? [Any] {
            for v in a { collect(v, into: &best) }
        }
    }

    /// Markup and entities out, whitespace collapsed.
    static func plain(_ s: String) -> String {
        var out = ""
        var inTag = false
        for ch in s {
            if ch == "<" { inTag = true; out.append(" "); continue }
            if ch == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        for (e, r) in [("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " ")] {
            out = out.replacingOccurrences(of: e, with: r)
        }
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Lower-cased words (letters and digits).
    static func words(_ s: String) -> [Substring] {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }
}
