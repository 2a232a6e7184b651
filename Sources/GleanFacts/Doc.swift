// The per-document working state shared by the extractors (not shared across threads).

struct Doc {
    let sc: [Unicode.Scalar]
    let toks: [Tok]
    let p: LanguageProfile
    /// Sentence index of each token.
    var sentOf: [Int] = []
    /// Token ranges of sentences.
    var sentences: [Range<Int>] = []
    /// Token is inside a short quotation (a motto, a slogan).
    var quoted: [Bool] = []
    /// Token already belongs to a reference or a date.
    var used: [Bool] = []
    /// Per-token "can be part of a name" flags, computed once by the people extractor.
    var nameCache: [Bool] = []

    init(text: String, profile: LanguageProfile) {
        sc = Array(text.unicodeScalars)
        p = profile
        var t = profile.tokenizer.tokenize(sc)
        profile.markKnown(&t)
        toks = t
        used = Array(repeating: false, count: toks.count)
        splitSentences()
        findQuotes()
    }

    var n: Int { toks.count }

    func slice(_ a: Int, _ b: Int) -> String {
        let lo = max(0, min(a, sc.count)), hi = max(lo, min(b, sc.count))
        return makeString(sc[lo..<hi])
    }

    func text(_ r: Range<Int>) -> String {
        guard !r.isEmpty, r.lowerBound >= 0, r.upperBound <= n else { return "" }
        return slice(toks[r.lowerBound].start, toks[r.upperBound - 1].end)
    }

    func isCap(_ i: Int) -> Bool {
        guard i >= 0, i < n, toks[i].kind == .word, let f = toks[i].text.unicodeScalars.first else { return false }
        return Scalars.isUpper(f)
    }

    func isLowerWord(_ i: Int) -> Bool {
        guard i >= 0, i < n, toks[i].kind == .word, let f = toks[i].text.unicodeScalars.first else { return false }
        return p.isArabicScript ? true : Scalars.isLower(f)
    }

    func isPunct(_ i: Int, _ set: WordSet) -> Bool {
        i >= 0 && i < n && toks[i].kind == .punct && set.containsText(toks[i])
    }

    /// The same for a few marks written at the call (no set built per call).
    func isPunct(_ i: Int, _ marks: [String]) -> Bool {
        i >= 0 && i < n && toks[i].kind == .punct && marks.contains { Word.same($0, toks[i].text) }
    }

    func adjacent(_ a: Int, _ b: Int) -> Bool {
        a >= 0 && b < n && a < b && toks[a].end == toks[b].start
    }

    func sameSentence(_ a: Int, _ b: Int) -> Bool {
        a >= 0 && b >= 0 && a < n && b < n && sentOf[a] == sentOf[b]
    }

    /// The sentence of token `i` (at most about 2,000 scalars around the token for run-on text).
    func sentenceText(of i: Int) -> String {
        guard i >= 0, i < n else { return "" }
        let r = sentences[sentOf[i]]
        guard !r.isEmpty else { return "" }
        let a = max(toks[r.lowerBound].start, toks[i].start - 1000)
        let b = min(toks[r.upperBound - 1].end, toks[i].end + 1000)
        return slice(a, b)
    }

    static let clausePunct: WordSet = [",", ";", ":", "(", ")", "\u{060C}", "\u{061B}", "[", "]", "\u{2013}", "\u{2014}"]
    static let enders: WordSet = [".", "!", "?", "\u{061F}", "\u{2026}"]

    private mutating func splitSentences() {
        sentOf = Array(repeating: 0, count: n)
        var start = 0
        var idx = 0
        for i in 0..<n {
            if i > start && toks[i].paragraphBefore {
                sentences.append(start..<i); start = i; idx += 1
            }
            sentOf[i] = idx
            guard toks[i].kind == .punct, Self.enders.containsText(toks[i]), i + 1 < n else { continue }
            var k = i + 1
            while k < n, toks[k].kind == .punct, Self.enders.containsText(toks[k]) || toks[k].text == "\"" || toks[k].text == "\u{201D}" || toks[k].text == ")" {
                if toks[k].paragraphBefore { break }
                sentOf[k] = idx
                k += 1
            }
            guard k < n, !toks[k].paragraphBefore else { continue }
            if toks[i].text == ".", i > 0, toks[i - 1].kind == .word, toks[i - 1].end == toks[i].start,
               p.has(p.abbreviations, toks[i - 1]) { continue }
            let next = toks[k]
            let f = next.text.unicodeScalars.first ?? " "
            let startsNew = Scalars.isUpper(f) || next.kind == .number || (next.kind == .word && !Scalars.isLower(f)) || next.kind == .punct
            guard startsNew, next.spaceBefore else { continue }
            // close the sentence at k
            sentences.append(start..<k)
            start = k
            idx += 1
        }
        if start < n { sentences.append(start..<n) }
        // fix sentOf to match sentences exactly
        for (si, r) in sentences.enumerated() { for t in r { sentOf[t] = si } }
        if sentences.isEmpty { sentences = [0..<0] }
    }

    private mutating func findQuotes() {
        quoted = Array(repeating: false, count: n)
        var openAt: Int?
        var closer = ""
        for i in 0..<n {
            if toks[i].paragraphBefore { openAt = nil }
            guard toks[i].kind == .punct else { continue }
            let t = toks[i].text
            if let o = openAt {
                if t == closer || (closer == "\u{201D}" && t == "\"") {
                    if toks[i].end - toks[o].start <= p.quoteMaxLength {
                        for k in o...i { quoted[k] = true }
                    }
                    openAt = nil
                }
            } else {
                switch t {
                case "\"": openAt = i; closer = "\""
                case "\u{201C}": openAt = i; closer = "\u{201D}"
                case "\u{00AB}": openAt = i; closer = "\u{00BB}"
                case "\u{201E}": openAt = i; closer = "\u{201D}"
                default: break
                }
            }
        }
    }
}
