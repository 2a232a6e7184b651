/// Escaping for text and attribute values in the report's HTML.
enum HTMLText {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A number with thousands separated by a thin space, as the report shows counts.
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "\u{202F}" }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }

    /// Seconds with a precision that suits their size.
    static func seconds(_ s: Double) -> String {
        if s >= 100 { return String(Int(s.rounded())) + " s" }
        if s >= 1 { return fixed(s, 1) + " s" }
        return fixed(s * 1000, s >= 0.01 ? 0 : 1) + " ms"
    }

    static func fixed(_ v: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (v * scale).rounded() / scale
        var s = String(r)
        if places == 0, s.hasSuffix(".0") { s.removeLast(2) }
        if places > 0, let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < places { s += String(repeating: "0", count: places - decimals) }
        }
        return s
    }

    /// A share as a percent with one decimal.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0%" : fixed(Double(part) * 100 / Double(whole), 1) + "%"
    }
}
