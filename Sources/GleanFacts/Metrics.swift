// Numbers that quantify something: percents, counts, ratios, money, ranks, changes in rank.

extension Doc {
    private static let percentSigns: Set<String> = ["%", "\u{066A}", "\u{FE6A}", "\u{FF05}"]
    private static let arabicPrefixes: Set<String> = ["و", "ب", "بـ", "ل", "لـ", "ف", "ك", "وب", "وبـ"]
    private static let dashes: Set<String> = ["-", "\u{2013}", "\u{2014}"]
    static let timeUnits: Set<String> = ["years", "months", "days", "weeks", "quarters", "hours", "year", "month", "day", "week", "quarter"]

    private var nounFirst: Bool { p.isArabicScript || p.titleAnyLowercase }

    /// A unit noun phrase starting at `e`: (normalised unit, index after).
    func nounPhrase(from e: Int) -> (unit: String, end: Int)? {
        guard e < n, toks[e].kind == .word, !toks[e].paragraphBefore else { return nil }
        func ok(_ k: Int) -> Bool {
            guard k < n, toks[k].kind == .word, !toks[k].paragraphBefore, isLowerWord(k) || (toks[k].known ? p.units[toks[k].lower] : nil) != nil else { return false }
            let l = toks[k].lower
            if p.stopwords.contains(l) || p.months.match(toks, at: k) != nil || p.scaleWords.match(toks, at: k) != nil { return false }
            if p.cardinalWords.match(toks, at: k) != nil || p.ordinalWords.match(toks, at: k) != nil { return false }
            return true
        }
        guard ok(e) else { return nil }
        if p.isArabicScript {
            let l = toks[e].lower
            return (p.units[l] ?? l, e + 1)
        }
        var k = e
        var words: [Int] = []
        var joined = false
        while k < n, words.count < (joined ? 6 : (nounFirst ? 2 : 3)) {
            if ok(k) { words.append(k); k += 1; continue }
            // "commune and town police headquarters": continue over "and" only toward a known unit word
            if (toks[k].lower == "and" || toks[k].lower == "et"), ok(k + 1), words.count < 4 {
                var m = k + 1
                var hit = false
                while m < n, m < k + 5, ok(m) { if (toks[m].known ? p.units[toks[m].lower] : nil) != nil { hit = true }; m += 1 }
                if hit { words.append(k); joined = true; k += 1; continue }
            }
            break
        }
        guard !words.isEmpty else { return nil }
        let content = words.filter { toks[$0].lower != "and" && toks[$0].lower != "et" }
        if let hit = (nounFirst ? content : content.reversed()).first(where: { (toks[$0].known ? p.units[toks[$0].lower] : nil) != nil }) {
            return ((toks[hit].known ? p.units[toks[hit].lower] : nil) ?? toks[hit].lower, (words.last ?? e) + 1)
        }
        let head = nounFirst ? content[0] : (content.last ?? e)
        return (toks[head].lower, (words.last ?? e) + 1)
    }

    private func directionBefore(_ i: Int) -> (dir: String?, at: Int?, change: Bool) {
        var k = i - 1
        var change = false
        while k >= 0, k >= i - 9, sameSentence(k, i) {
            if toks[k].kind == .punct && (toks[k].text == ";" || toks[k].text == "\u{061B}" || toks[k].text == "(") { break }
            if p.has(p.changeMarkers, toks[k]) { change = true }
            if let d = (toks[k].known ? p.direction[toks[k].lower] : nil) { return (d, k, true) }
            k -= 1
        }
        return (nil, nil, change)
    }

    private func clauseSubject(_ a: Int, _ b: Int) -> String? {
        var s = a
        while s - 1 >= 0, s > a - 40, sameSentence(s - 1, a), !(toks[s - 1].kind == .punct && (Doc.clausePunct.contains(toks[s - 1].text) || toks[s - 1].text == "\"")) { s -= 1 }
        var e = b
        while e < n, e < b + 40, sameSentence(e, a), !(toks[e].kind == .punct && (Doc.clausePunct.contains(toks[e].text) || Doc.enders.contains(toks[e].text))) { e += 1 }
        var left = Array(s..<a).filter { toks[$0].kind != .punct || toks[$0].text == "-" }
        if left.count > 12 { left = Array(left.suffix(12)) }
        if left.count >= 2 { return text(left[0]..<(left[left.count - 1] + 1)) }
        let right = Array(b..<e).drop(while: { toks[$0].kind == .punct }).prefix(12)
        if let f = right.first, let l = right.last { return text(f..<(l + 1)) }
        if let f = left.first, let l = left.last { return text(f..<(l + 1)) }
        return nil
    }

    private func isSkippable(_ i: Int) -> Bool {
        if used[i] || quoted[i] { return true }
        if i + 2 < n, adjacent(i, i + 1), toks[i + 1].text == ":", toks[i + 2].kind == .number, adjacent(i + 1, i + 2) { return true }
        if i >= 2, adjacent(i - 1, i), toks[i - 1].text == ":", toks[i - 2].kind == .number { return true }
        if i > 0, adjacent(i - 1, i) {
            let pt = toks[i - 1]
            if pt.kind == .word && !(p.isArabicScript && Doc.arabicPrefixes.contains(pt.text)) { return true }
            if Doc.dashes.contains(pt.text), i > 1, adjacent(i - 2, i - 1), toks[i - 2].kind != .punct { return true }
        }
        if p.identifierPrefixes.matchEnding(toks, before: i) != nil || p.numberMarkers.matchEnding(toks, before: i) != nil { return true }
        // ranges "5-10"
        if i + 2 < n, Doc.dashes.contains(toks[i + 1].text), toks[i + 2].kind == .number { return true }
        if i >= 2, Doc.dashes.contains(toks[i - 1].text), toks[i - 2].kind == .number { return true }
        return false
    }

    mutating func extractMetrics() -> [Metric] {
        var out: [Metric] = []
        func add(_ kind: MetricKind, _ v: Double, _ den: Double?, _ unit: String?, _ dir: String?, _ a: Int, _ b: Int) {
            guard a < b, b <= n else { return }
            let start = toks[a].start, end = toks[b - 1].end
            out.append(Metric(kind: kind, value: v, denominator: den, unit: unit, direction: dir, text: slice(start, end),
                              subject: clauseSubject(a, b), offset: start, length: end - start, sentence: sentenceText(of: a)))
            for k in a..<b { used[k] = true }
        }
        var i = 0
        while i < n {
            if used[i] || quoted[i] { i += 1; continue }
            // "ranked eighth", Arabic "المرتبة الثامنة من بين 63 مقاطعة"
            if let rv = p.rankVerbs.match(toks, at: i), let ow = p.ordinalWords.match(toks, at: rv.end), !used[rv.end] {
                var e = ow.end
                var den: Double?
                var unit: String?
                if let o = p.outOf.match(toks, at: e), o.end < n, toks[o.end].kind == .number {
                    den = toks[o.end].value
                    e = o.end + 1
                    if let np = nounPhrase(from: e) { unit = np.unit; e = np.end }
                }
                add(.rank, Double(ow.value), den, unit, nil, rv.end, e)
                i = e
                continue
            }
            if toks[i].kind == .word, p.numberWordsAreMetrics, let cw = p.cardinalWords.match(toks, at: i), i > 0,
               toks[i - 1].kind == .word, !used[i - 1], sameSentence(i - 1, i),
               !p.has(p.stopwords, toks[i - 1]), p.cardinalWords.match(toks, at: i - 1) == nil,
               p.ordinalWords.match(toks, at: i - 1) == nil, p.rankVerbs.match(toks, at: i - 1) == nil,
               (toks[i - 1].known ? p.units[toks[i - 1].lower] : nil) != nil || !(cw.end < n && (p.outOf.match(toks, at: cw.end) != nil || p.has(p.stopwords, toks[cw.end]))) {
                let l = toks[i - 1].lower
                let dir = directionBefore(i - 1).dir
                add(.count, Double(cw.value), nil, p.units[l] ?? l, dir, i - 1, cw.end)
                i = cw.end
                continue
            }
            guard toks[i].kind == .number, toks[i].intDigits <= 18, !isSkippable(i) else { i += 1; continue }
            var value = toks[i].value
            var start = i
            var e = i + 1
            var kind = MetricKind.count
            var den: Double?
            var unit: String?
            // ordinal "8th": a rank only in a ranking context; otherwise a name ("13th Party Congress")
            if e < n, adjacent(i, e), toks[e].kind == .word {
                guard p.has(p.ordinalSuffixes, toks[e]) else { i += 1; continue }
                e += 1
                var ctx = false
                var k = i - 1
                while k >= 0, k >= i - 3, sameSentence(k, i) { if p.rankVerbs.match(toks, at: k) != nil { ctx = true }; k -= 1 }
                if let o = p.outOf.match(toks, at: e), o.end < n, toks[o.end].kind == .number {
                    ctx = true
                    den = toks[o.end].value
                    e = o.end + 1
                    if let np = nounPhrase(from: e) { unit = np.unit; e = np.end }
                }
                guard ctx else { i = e; continue }
                add(.rank, value, den, unit, nil, i, e)
                i = e
                continue
            }
            if yearValue(i) != nil {
                guard e < n, toks[e].kind == .word, (toks[e].known ? p.units[toks[e].lower] : nil) != nil, (toks[e].known ? p.units[toks[e].lower] : nil) != "years" else { i += 1; continue }
            }
            // ratio a/b
            if e + 1 < n, toks[e].text == "/", adjacent(i, e), adjacent(e, e + 1), toks[e + 1].kind == .number {
                den = toks[e + 1].value
                kind = .ratio
                e += 2
            }
            if let s = p.scaleWords.match(toks, at: e), sameSentence(i, e) {
                value *= s.value
                e = s.end
                // "5 milliards de dongs", "millions of dollars"
                if e + 1 < n, toks[e].lower == "de" || toks[e].lower == "of" || toks[e].lower == "d'", p.currencies.match(toks, at: e + 1) != nil { e += 1 }
            }
            if e < n, toks[e].kind == .punct, Doc.percentSigns.contains(toks[e].text), !toks[e].paragraphBefore, kind != .ratio {
                kind = .percent; unit = "percent"; e += 1
            } else if kind != .ratio, let pw = p.percentWords.match(toks, at: e) {
                kind = .percent; unit = "percent"; e = pw.end
            } else if let c = p.currencies.match(toks, at: e), sameSentence(i, e) {
                kind = .money; unit = c.value; e = c.end
            } else if let c = p.currencies.matchEnding(toks, before: i), sameSentence(c.start, i), kind != .ratio {
                kind = .money; unit = c.value; start = c.start
            } else if kind != .ratio, e < n, toks[e].kind == .word, p.has(p.placeUnits, toks[e]) {
                let d = directionBefore(i)
                guard d.change else { i += 1; continue }
                kind = .changeInRank
                unit = "places"
                e += 1
                if let at = d.at, at >= i - 3, !used[at] { start = at }
                add(kind, value, nil, unit, d.dir, start, e)
                i = e
                continue
            } else if let np = nounPhrase(from: e) {
                unit = np.unit
                e = np.end
            } else if kind != .ratio {
                i += 1
                continue
            }
            if kind == .count, let rp = p.rankPrefixes.matchEnding(toks, before: i) {
                // "the first 6 months": a period's name, not a quantity
                if let u = unit, Doc.timeUnits.contains(u) { i = e; continue }
                kind = .rank
                start = rp.start
            }
            if let ap = p.approximators.matchEnding(toks, before: start), !used[ap.start] { start = ap.start }
            let dir = (kind == .rank || kind == .ratio) ? nil : directionBefore(start).dir
            add(kind, value, den, unit, dir, start, e)
            i = e
        }
        return out
    }
}
