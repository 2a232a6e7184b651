/// How a text cell becomes the string an XLSX cell holds: within Excel's 32,767-character limit
/// (counted in UTF-16 units, as Excel counts), with the characters XML cannot carry replaced, and
/// with a literal `_xHHHH_` escaped so that Excel shows it as written.
enum XLSXText {
    /// Excel's limit on the characters of one cell.
    static let maxUnits = 32_767

    /// The cell text for `s`, and whether it had to be cut.
    static func cell(_ s: String) -> (text: String, cut: Bool) {
        var out = needsCleaning(s) ? clean(s) : s
        let units = out.utf16.count
        guard units > maxUnits else { return (out, false) }
        let marker = " […cut: \(units) characters in all; the CSV and Parquet tables hold the whole text]"
        let keep = maxUnits - marker.utf16.count
        // Cut on a Character boundary at or before `keep` UTF-16 units.
        var end = out.startIndex
        var used = 0
        for c in out {
            let n = c.utf16.count
            if used + n > keep { break }
            used += n
            end = out.index(after: end)
        }
        out = String(out[..<end]) + marker
        return (out, true)
    }

    private static func needsCleaning(_ s: String) -> Bool {
        for u in s.utf8 where (u < 0x20 && u != 0x09 && u != 0x0A) || u == 0x5F {
            return true
        }
        return false
    }

    /// CR LF and lone CR become LF; other C0 controls (which XML 1.0 cannot hold) become U+FFFD;
    /// `_xHHHH_` becomes `_x005F_xHHHH_` (ECMA-376's escape of the underscore).
    private static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c.value {
            case 0x0D:
                out.append("\n")
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
            case 0x09, 0x0A:
                out.append(c)
            case 0..<0x20:
                out.append("\u{FFFD}")
            case 0x5F where isEscape(scalars, at: i):
                out.append(contentsOf: "_x005F_".unicodeScalars)
            default:
                out.append(c)
            }
            i += 1
        }
        return String(out)
    }

    /// Whether `_xHHHH_` starts at `i`.
    private static func isEscape(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return s[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
