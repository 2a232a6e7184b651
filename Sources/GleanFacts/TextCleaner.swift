import Foundation

/// Cleans raw article text: NFC, whitespace and broken-line repair, boilerplate lines, repeated paragraphs.
public struct TextCleaner: Sendable {
    /// The options in use.
    public let options: CleanOptions
    /// The languages whose boilerplate lists apply.
    public let languages: LanguageRegistry

    /// Creates a cleaner.
    public init(options: CleanOptions = .init(), languages: LanguageRegistry = .builtIn) {
        self.options = options
        self.languages = languages
    }

    /// Cleans `text`. `language` nil: the boilerplate lists of every known language apply (they are whole-line rules).
    public func clean(_ text: String, language: String?) -> CleanedText {
        let nfc = text.precomposedStringWithCanonicalMapping
        // Paragraphs: blank lines separate; a line continuing a sentence (next starts in lower case) is joined.
        // Lines are handed over one at a time: a text of millions of short lines never exists as
        // an array of them (issue 19, case 10).
        var paras: [String] = []
        var cur = ""
        Self.forEachNormalisedLine(nfc) { line in
            if line.isEmpty {
                if !cur.isEmpty { paras.append(cur); cur = "" }
                return
            }
            if cur.isEmpty { cur = line; return }
            if Self.continues(cur, with: line) {
                if cur.hasSuffix("-"), let last = cur.unicodeScalars.dropLast().last, Scalars.isLetter(last) {
                    cur.removeLast()
                    cur += line
                } else {
                    cur += " " + line
                }
            } else {
                paras.append(cur)
                cur = line
            }
        }
        if !cur.isEmpty { paras.append(cur) }

        let rules = boilerplateRules(language)
        let maxRule = 4 * (rules.map(\.count).max() ?? 0) + 40
        var kept: [String] = []
        var seen = Set<String>()
        var dups = 0, boiler = 0
        for var p in paras {
            var key = Self.key(p)
            // Boilerplate rules are short whole lines: a longer paragraph cannot be one.
            if key.utf8.count <= 4 * maxRule {
                let lineKey = Array(key.unicodeScalars)
                if lineKey.count <= maxRule, rules.contains(where: { Self.matches(rule: $0, key: lineKey) }) { boiler += 1; continue }
            }
            if options.dedupe {
                if let half = Self.doubled(p) {
                    p = half
                    key = Self.key(p)
                    dups += 1
                }
                if key.isEmpty { continue }
                if seen.contains(key) { dups += 1; continue }
                seen.insert(key)
            }
            kept.append(p)
        }
        return CleanedText(text: kept.joined(separator: "\n\n"), paragraphCount: kept.count,
                           duplicateParagraphs: dups, boilerplateRemoved: boiler)
    }

    private func boilerplateRules(_ language: String?) -> [[Unicode.Scalar]] {
        var list: [String] = []
        if !options.replaceBoilerplate {
            for code in languages.codes { list += languages.profiles[code]?.boilerplate ?? [] }
        }
        list += options.boilerplate
        return list.map { Array(Self.key($0).unicodeScalars) }
    }

    /// Whole-line match; `{n}` in the rule stands for one or more digits.
    static func matches(rule: [Unicode.Scalar], key l: [Unicode.Scalar]) -> Bool {
        guard !rule.isEmpty else { return false }
        var i = 0, j = 0
        while i < rule.count {
            if rule[i] == "{", i + 2 < rule.count, rule[i + 1] == "n", rule[i + 2] == "}" {
                var k = j
                while k < l.count, Scalars.isDigit(l[k]) { k += 1 }
                if k == j { return false }
                j = k
                i += 3
                continue
            }
            if j >= l.count || l[j] != rule[i] { return false }
            i += 1
            j += 1
        }
        return j == l.count
    }

    /// Comparison key: case-folded, whitespace collapsed, trimmed.
    static func key(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for c in s.lowercased().unicodeScalars {
            if Scalars.isSpace(c) { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(c)
        }
        return String(out)
    }

    /// A paragraph that is the same text twice in a row ("X X") -> X.
    static func doubled(_ p: String) -> String? {
        let sc = Array(p.unicodeScalars)
        guard sc.count >= 80 else { return nil }
        let mid = sc.count / 2
        for cut in max(1, mid - 2)...min(sc.count - 1, mid + 2) {
            // The two halves, each trimmed of spaces and tabs, compared scalar by scalar: no
            // strings are built unless they are equal.
            let a = trimmed(sc[..<cut]), b = trimmed(sc[cut...])
            if !a.isEmpty && a.elementsEqual(b) { return makeString(a) }
        }
        return nil
    }

    /// `s` without leading and trailing spaces and tabs (CharacterSet.whitespaces).
    private static func trimmed(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        func isBlank(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\t" || (c.value >= 0x80 && c.properties.generalCategory == .spaceSeparator)
        }
        guard let first = s.firstIndex(where: { !isBlank($0) }), let last = s.lastIndex(where: { !isBlank($0) }) else { return [] }
        return s[first...last]
    }

    /// What ends a sentence: a line after one starts a new paragraph.
    static let terminal: Set<Unicode.Scalar> = [".", "!", "?", ":", ";", "\u{061F}", "\u{2026}", "\"", "\u{201D}", "\u{00BB}", ")"]

    static func continues(_ prev: String, with next: String) -> Bool {
        guard let first = next.unicodeScalars.first, Scalars.isLower(first) else { return false }
        guard let last = prev.unicodeScalars.last else { return false }
        return !terminal.contains(last)
    }

    /// Lines with line breaks unified, control and zero-width characters dropped, horizontal whitespace collapsed, trimmed.
    /// Each line of `s` with its whitespace folded and invisible characters dropped, in order.
    static func forEachNormalisedLine(_ s: String, _ body: (String) -> Void) {
        var cur = String.UnicodeScalarView()
        var pendingSpace: Unicode.Scalar?
        var pendingCount = 0
        var prevCR = false
        func flushLine() {
            body(String(cur))
            cur = String.UnicodeScalarView()
            pendingSpace = nil
            pendingCount = 0
        }
        for c in s.unicodeScalars {
            if c == "\n" && prevCR { prevCR = false; continue }
            prevCR = c == "\r"
            if Scalars.isNewline(c) || c.value == 0x0B || c.value == 0x0C { flushLine(); continue }
            if c.value == 0x200B || c.value == 0xFEFF || c.value == 0x00AD || c.value == 0x2060 { continue }
            if (c.value < 0x80 ? c.value < 0x20 || c.value == 0x7F : c.properties.generalCategory == .control) && c != "\t" { continue }
            if Scalars.isSpace(c) {
                if pendingCount == 0 { pendingSpace = Scalars.isNumberSpace(c) ? c : " " } else { pendingSpace = " " }
                pendingCount += 1
                continue
            }
            if let sp = pendingSpace, !cur.isEmpty { cur.append(sp) }
            pendingSpace = nil
            pendingCount = 0
            cur.append(c)
        }
        flushLine()
    }
}
