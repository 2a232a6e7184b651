// Numbers that quantify something: percents, counts, ratios, money, ranks, changes in rank.

extension Doc {
    private static let percentSigns: WordSet = ["%", "\u{066A}", "\u{FE6A}", "\u{FF05}"]
    private static let arabicPrefixes: WordSet = ["و", "ب", "بـ", "ل", "لـ", "ف", "ك", "وب", "وبـ"]
    private static let dashes: WordSet = ["-", "\u{2013}", "\u{2014}"]
    static let timeUnits: WordSet = ["years", "months", "days", "weeks", "quarters", "hours", "year", "month", "day", "week", "quarter"]

    private var nounFirst: Bool { p.isArabicScript || p.titleAnyLowercase }

    /// A unit noun phrase starting at `e`: (normalised unit, index after).
    func nounPhrase(from e: Int) -> (unit: String, end: Int)? {
        guard e < n, toks[e].kind == .word, !toks[e].paragraphBefore else { return nil }
        func ok(_ k: Int) -> Bool {
            guard k < n, toks[k].kind == .word, !toks[k].paragraphBefore, isLowerWord(k) || (toks[k].known ? p.units[lowerOf: toks[k]] : nil) != nil else { return false }
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
            if !words.isEmpty, (toks[k].lower == "and" || toks[k].lower == "et"), ok(k + 1), words.count < 4 {
                var m = k + 1
                var hit = false
                while m < n, m < k + 5, ok(m) { if (toks[m].known ? p.units[lowerOf: toks[m]] : nil) != nil { hit = true }; m += 1 }
                if hit { words.append(k); joined = true; k += 1; continue }
            }
            break
        }
        let content = words.filter { toks[$0].lower != "and" && toks[$0].lower != "et" }
        guard !content.isEmpty else { return nil }
        if let hit = (nounFirst ? content : content.reversed()).first(where: { (toks[$0].known ? p.units[lowerOf: toks[$0]] : nil) != nil }) {
            return ((toks[hit].known ? p.units[lowerOf: toks[hit]] : nil) ?? toks[hit].lower, (words.last ?? e) + 1)
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
            if let d = (toks[k].known ? p.direction[lowerOf: toks[k]] : nil) { return (d, k, true) }
            k -= 1
        }
        return (nil, nil, change)
    }

    private func clauseSubject(_ a: Int, _ b: Int) -> String? {
        var s = a
        while s - 1 >= 0, s > a - 40, sameSentence(s - 1, a), !(toks[s - 1].kind == .punct && (Doc.clausePunct.containsText(toks[s - 1]) || toks[s - 1].text == "\"")) { s -= 1 }
        var e = b
        while e < n, e < b + 40, sameSentence(e, a), !(toks[e].kind == .punct && (Doc.clausePunct.containsText(toks[e]) || Doc.enders.containsText(toks[e]))) { e += 1 }
        var left = Array(s..<a).filter { toks[$0].kind != .punct || toks[$0].text == "-" }
        if left.count > 12 { left = Array(left.suffix(12)) }
        if left.count >= 2 { return text(left[0]..<(left[left.count - 1] + 1)) }
        let right = Array(b..<e).drop(while: { toks[$0].kind == .punct }).prefix(12)
        if let f = right.first, let l = right.last { return text(f..<(l + 1)) }
        if let f = left.first, let l = left.last { return text(f..<(l + 1)) }
        return nil
    }

    private func isSkippable(_ i: Int) -> Bool {
        if used[i] || (quoted[i] && !quotedQuantity(i)) { return true }
        if i + 2 < n, adjacent(i, i + 1), toks[i + 1].text == ":", toks[i + 2].kind == .number, adjacent(i + 1, i + 2) { return true }
        if i >= 2, adjacent(i - 1, i), toks[i - 1].text == ":", toks[i - 2].kind == .number { return true }
        if i > 0, adjacent(i - 1, i) {
            let pt = toks[i - 1]
            // ("RM127,725", "Rp5 million": a currency written against its amount is not a code)
            // ("اعتقال239مطلوبا": an Arabic word of three letters or more glued to a count is a missing space, not a code)
            if pt.kind == .word && !(p.isArabicScript && (Doc.arabicPrefixes.contains(pt.text) || (pt.text.unicodeScalars.count >= 3 && !pt.text.hasPrefix("ال"))))
                && p.currencies.matchEnding(toks, before: i) == nil { return true }
            if Doc.dashes.contains(pt.text) || pt.text == "+", i > 1, adjacent(i - 2, i - 1), toks[i - 2].kind != .punct { return true }
        }
        if isIdentifierNumber(i) { return true }
        // "2022/23", "223(1)": parts of a code or a financial year
        if i >= 2, adjacent(i - 1, i), toks[i - 1].text == "/", adjacent(i - 2, i - 1), toks[i - 2].kind == .number { return true }
        if i + 1 < n, adjacent(i, i + 1), toks[i + 1].text == "(" { return true }
        // a number right after a capitalised name inside a sentence is part of the name ("Task Force 2", "Route 1")
        if !p.isArabicScript, i > 1, toks[i - 1].kind == .word, isCap(i - 1), !toks[i - 1].known, sameSentence(i - 2, i),
           toks[i - 2].kind == .word, !toks[i - 1].paragraphBefore { return true }
        // ranges "5-10"
        if i + 2 < n, Doc.dashes.containsText(toks[i + 1]), toks[i + 2].kind == .number { return true }
        if i >= 2, Doc.dashes.containsText(toks[i - 1]), toks[i - 2].kind == .number { return true }
        return false
    }

    /// End of a headline line (a short first paragraph without a sentence end, followed by more text); its numbers are
    /// not metrics (the body repeats them).
    func headlineEnd() -> Int {
        guard p.headlineMaxWords > 0, n > 0 else { return 0 }
        var k = 1
        while k < n, !toks[k].paragraphBefore { k += 1 }
        guard k < n, k <= p.headlineMaxWords else { return 0 }
        if toks[k - 1].kind == .punct, Doc.enders.containsText(toks[k - 1]) || toks[k - 1].text == ":" { return 0 }
        return k
    }

    /// The unit of a number word or bare number: a known unit right after, else a lower-case noun phrase.
    private func isMeasureUnit(_ u: String?) -> Bool {
        guard let u else { return false }
        return ["kg", "g", "tons", "litres", "km", "hectares"].contains(u)
    }

    /// A time-unit quantity that names a period ("the first 6 months", "in more than 30 years", "les 10 derniers mois").
    private func isDuration(start: Int, end e: Int, unit: String?) -> Bool {
        if start + 1 < e, p.has(p.durationMarkers, toks[start + 1]), start > 0, p.has(p.durationMarkers, toks[start - 1]) { return true }
        guard let u = unit, Doc.timeUnits.contains(u) || u == "hours" else { return false }
        // "jailed for 10 years": a prison term is a quantity
        var w = start - 1
        while w >= 0, w >= start - 5, sameSentence(w, start) { if p.has(p.sentenceWords, toks[w]) { return false }; w -= 1 }
        // "two days later", "quatre jours après l'arrestation": a point in time
        // (the unit's noun phrase may have taken the word: "Two days later he")
        if start + 1 < n, (start + 1...min(e, n - 1)).contains(where: { sameSentence(start, $0) && p.relativeTimeWords.match(toks, at: $0) != nil }) { return true }
        var k = start - 1
        if let ap = p.approximators.matchEnding(toks, before: start) { k = ap.start - 1 }
        if k >= 0, sameSentence(k, start), p.has(p.durationMarkers, toks[k]) { return true }
        if k >= 0, p.ordinalWords.match(toks, at: k) != nil || p.rankPrefixes.match(toks, at: k) != nil { return true }
        // "les 10 derniers mois", "the 24 months to March"
        if start + 1 < e, p.has(p.durationMarkers, toks[start + 1]) { return true }
        if e < n, Doc.rangeTo.containsLower(toks[e]) || p.months.match(toks, at: e) != nil { return true }
        return false
    }

    /// "4 à 6 %", "5-10 percent", "بين 5 و10": the index of the upper bound when token `i` opens a range.
    private func rangeUpper(_ i: Int) -> Int? {
        guard i + 2 < n, toks[i + 2].kind == .number, sameSentence(i, i + 2) else { return nil }
        let c = toks[i + 1]
        if c.kind == .punct {
            guard Doc.dashes.contains(c.text), adjacent(i, i + 1) || !c.spaceBefore == !toks[i + 2].spaceBefore else { return nil }
            return i + 2
        }
        guard p.has(p.numberRangeWords, c) else { return nil }
        let opened = i > 0 && (p.has(p.rangeOpeners, toks[i - 1]) || (i > 1 && toks[i - 1].lower == "le" && p.has(p.rangeOpeners, toks[i - 2])))
        if Doc.rangeTo.contains(c.lower) || c.lower == "au" || c.lower == "à" { return i + 2 }
        return opened ? i + 2 : nil
    }


    struct NumberRead {
        var kind: MetricKind
        var value: Double
        var den: Double?
        var unit: String?
        var dir: String?
        var start: Int
        var end: Int
        var scale: Double = 1
        var skipTo: Int = -1
    }

    /// A number named by an identifier word ("section 72", "levels 2, 3 and 4", "section 72 (2)").
    func isIdentifierNumber(_ i: Int, depth: Int = 0) -> Bool {
        guard i >= 0, i < n, toks[i].kind == .number, depth < 24 else { return false }
        if p.numberMarkers.matchEnding(toks, before: i) != nil { return true }
        // ("et arrêté 7 individus": a number that counts the noun after it is no identifier's)
        if p.identifierPrefixes.matchEnding(toks, before: i) != nil { return !countsNounAfter(i) }
        guard i >= 2 else { return false }
        let c = toks[i - 1]
        // "المواد (21، 22، 25)", "articles (3, 4)": a list in brackets right after the identifier word
        if c.text == "(", p.identifierPrefixes.matchEnding(toks, before: i - 1) != nil { return true }
        if c.text == "," || c.text == "\u{060C}" || p.has(p.numberRangeWords, c), toks[i - 2].kind == .number { return isIdentifierNumber(i - 2, depth: depth + 1) }
        // "section 72 (2)": a sub-number in brackets
        if c.text == "(", adjacent(i - 1, i), toks[i - 2].kind == .number { return isIdentifierNumber(i - 2, depth: depth + 1) }
        return false
    }

    /// Arabic: the word at `f` is a plural of people a cardinal word counts though no lexicon lists it: a sound masculine
    /// plural ("ثلاثة مستشارين", "سبعة فلسطينيين") or a broken plural of the fu'ala' pattern ("خمسة وزراء", "أربعة خبراء"),
    /// both plurals of people, without the article; not a function word, month, number or scale word, given name, nor "و"
    /// written onto a number ("خمسة وعشرون"). (A plural of things, "ثلاثة مستويات", counts only when the units know it.)
    func arabicCountedNoun(_ f: Int) -> Bool {
        guard f < n, toks[f].kind == .word else { return false }
        let t = toks[f].text
        let len = t.unicodeScalars.count
        guard !t.hasPrefix("ال"), !p.has(p.stopwords, toks[f]) else { return false }
        let soundMasculine = len >= 5 && (t.hasSuffix("ين") || t.hasSuffix("ون"))
        let fuala = len == 5 && t.hasSuffix("اء") && !t.hasPrefix("ا") && !t.hasPrefix("أ") && !t.hasPrefix("إ")
        guard soundMasculine || fuala else { return false }
        if t.hasPrefix("و"), p.cardinalWords.startsWith(String(t.dropFirst())) { return false }
        if p.entities.nameStopWords.contains(t) || p.months.match(toks, at: f) != nil || p.cardinalWords.match(toks, at: f) != nil
            || p.ordinalWords.match(toks, at: f) != nil || p.scaleWords.match(toks, at: f) != nil || p.entities.givenNames.contains(t)
            || p.outOf.match(toks, at: f) != nil { return false }
        return true
    }

    /// The number at `i` is followed, in its sentence, by a known unit word ("7 individus", "12 cases").
    func countsNounAfter(_ i: Int) -> Bool {
        i + 1 < n && toks[i + 1].kind == .word && sameSentence(i, i + 1) && toks[i + 1].known && p.units[lowerOf: toks[i + 1]] != nil
    }

    /// "5-10" inside a code ("Decree 12-2020") or a phone number: not a range of quantities.
    private func isSkippableRange(_ i: Int) -> Bool {
        if quoted[i] { return true }
        if i > 0, adjacent(i - 1, i), toks[i - 1].kind == .word || toks[i - 1].text == "/" { return true }
        if p.identifierPrefixes.matchEnding(toks, before: i) != nil || p.numberMarkers.matchEnding(toks, before: i) != nil { return true }
        return false
    }

    /// The value of the number at `i` with its scale word, Arabic thousands conjunction ("442 ألفا و882") and Arabic
    /// decimal form ("530ر6"), followed by its percent sign, currency or unit. nil: not a quantity.
    func numberMetric(_ i: Int, headEnd: Int) -> NumberRead? {
        var value = toks[i].value
        var start = i
        var e = i + 1
        var kind = MetricKind.count
        var den: Double?
        var unit: String?
        var scale = 1.0
        // a clock time: "الساعة الـ 10", "à partir de 23 heures"
        if let c = clockTime(i) { return NumberRead(kind: .count, value: 0, start: i, end: c, skipTo: c) }
        // Arabic decimal "530ر6" = 6.530 (fraction digits, the letter ر, integer digits)
        if let mark = p.arabicFractionMark, e + 1 < n, adjacent(i, e), toks[e].text == mark, adjacent(e, e + 1), toks[e + 1].kind == .number,
           !toks[i].formatted, !toks[e + 1].formatted {
            let digits = toks[i].text.unicodeScalars.count
            var f = 1.0
            for _ in 0..<digits { f *= 10 }
            value = toks[e + 1].value + toks[i].value / f
            value = (value * f).rounded() / f
            e += 2
        }
        // a unit, percent or scale glued to the number: "17.6per cent", "5bn", "10kg"
        // "$1.5m", "£20m": after a currency, a glued "m" is million (alone, "100m" is metres)
        if e < n, adjacent(e - 1, e), toks[e].kind == .word, toks[e].lower == "m", p.currencies.matchEnding(toks, before: i) != nil,
           !(e + 1 < n && adjacent(e, e + 1) && toks[e + 1].kind == .word) {
            value *= 1_000_000
            scale = 1_000_000
            e += 1
        }
        if e < n, adjacent(e - 1, e), toks[e].kind == .word, !arabicWordGlued(e) {
            let glued = p.percentWords.match(toks, at: e) != nil || p.scaleWords.match(toks, at: e) != nil
                || (toks[e].known && p.units[lowerOf: toks[e]] != nil) || p.currencies.match(toks, at: e) != nil
            if !glued {
                // ordinal "8th": a rank only in a ranking context; otherwise a name ("13th Party Congress")
                guard p.has(p.ordinalSuffixes, toks[e]) else { return nil }
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
                guard ctx else { return NumberRead(kind: .rank, value: 0, start: i, end: e, skipTo: e) }
                return NumberRead(kind: .rank, value: value, den: den, unit: unit, start: i, end: e)
            }
        }
        // a number that reads as a year is a quantity only before a unit or a currency ("2000 euros")
        if yearValue(i) != nil, !(e < n && sameSentence(i, e) && p.currencies.match(toks, at: e) != nil) {
            guard e < n, toks[e].kind == .word, (toks[e].known ? p.units[lowerOf: toks[e]] : nil) != nil, (toks[e].known ? p.units[lowerOf: toks[e]] : nil) != "years" else { return nil }
        }
        // ratio a/b
        if e + 1 < n, toks[e].text == "/", adjacent(i, e), adjacent(e, e + 1), toks[e + 1].kind == .number {
            den = toks[e + 1].value
            kind = .ratio
            e += 2
        }
        if let s = p.scaleWords.match(toks, at: e), sameSentence(i, e) {
            value *= s.value
            scale = s.value
            e = s.end
            // "442 ألفا و882", "354 ألفا، و840"
            var k = e
            if k < n, toks[k].kind == .punct, toks[k].text == "\u{060C}" || toks[k].text == "," { k += 1 }
            if k + 1 < n, toks[k].kind == .word, p.thousandsConnectors.containsText(toks[k]), adjacent(k, k + 1),
               toks[k + 1].kind == .number, toks[k + 1].value < s.value, !toks[k + 1].formatted {
                value += toks[k + 1].value
                e = k + 2
            }
            // "5 milliards de dongs", "millions of dollars"
            if e + 1 < n, ofWord(e), p.currencies.match(toks, at: e + 1) != nil { e += 1 }
        }
        var f = e
        // "(5) أسلحة بيضاء": a count in brackets before its noun
        if f < n, toks[f].text == ")", i > 0, toks[i - 1].text == "(", adjacent(e - 1, f) { f += 1 }
        if e < n, toks[e].kind == .punct, Doc.percentSigns.containsText(toks[e]), !toks[e].paragraphBefore, kind != .ratio {
            kind = .percent; unit = "percent"; e += 1
        } else if kind != .ratio, i > 0, toks[i - 1].kind == .punct, Doc.percentSigns.containsText(toks[i - 1]), adjacent(i - 1, i),
                  !(i > 1 && toks[i - 2].kind == .number && adjacent(i - 2, i - 1)) {
            // "بنسبة %20": right-to-left text puts the percent sign before the number
            kind = .percent; unit = "percent"; start = i - 1
        } else if kind != .ratio, let pw = p.percentWords.match(toks, at: e) {
            kind = .percent; unit = "percent"; e = pw.end
        } else if let c = p.currencies.match(toks, at: e), sameSentence(i, e) {
            kind = .money; unit = c.value; e = c.end
        } else if let c = p.currencies.matchEnding(toks, before: i), sameSentence(c.start, i), kind != .ratio {
            kind = .money; unit = c.value; start = c.start
        } else if kind != .ratio, e < n, toks[e].kind == .word, p.has(p.placeUnits, toks[e]) {
            let d = directionBefore(i)
            guard d.change else { return nil }
            e += 1
            if let at = d.at, at >= i - 3, !used[at] { start = at }
            return NumberRead(kind: .changeInRank, value: value, unit: "places", dir: d.dir, start: start, end: e)
        } else if let tw = p.timeOfDayWords.match(toks, at: e) {
            return NumberRead(kind: .count, value: 0, start: i, end: tw.end, skipTo: tw.end)
        } else if let np = nounPhrase(from: f), !(p.has(p.durationMarkers, toks[f]) && !(i > 0 && p.has(p.durationMarkers, toks[i - 1]))) {
            // ("9,556 last year": the noun phrase is a time adverbial, not the unit)
            unit = np.unit
            e = np.end
            // things counted one by one are whole: a 3-digit "fraction" after a dot or comma was a thousands group
            if toks[i].formatted, toks[f].known, let u = p.units[lowerOf: toks[f]], !isMeasureUnit(u), !Doc.timeUnits.contains(u),
               let frac = fractionDigits(i), frac == 3, value == toks[i].value {
                value = (value * 1000).rounded()
            }
            // "12 kg et 108 grammes", "1 كلغ و 800 غ", "2 tons and 300 kg": a smaller unit of the same measure, joined by "and",
            // completes the quantity (one count: 12.108 kg)
            if let u = unit, let sub = Self.compoundUnits[u], let more = compoundRest(e, sub: sub.unit) {
                value += more.value / sub.per
                e = more.end
            }
        }
        // "4 سنوات ونصف", "deux ans et demi", "3 ملايين ونصف": a half of the unit or of the scale word after it
        if unit != nil || scale > 1, let h = halfAfter(e, in: i) {
            value += 0.5 * scale
            e = h
        }
        // "17 out of 24 communes", "13 out of the 17 categories", "X من أصل Y": a ratio when Y counts the same things
        if kind == .count, den == nil, let o = p.outOf.match(toks, at: e), sameSentence(i, o.end) {
            var k = o.end
            if k < n, toks[k].kind == .word, p.has(p.stopwords, toks[k]) { k += 1 }
            if k < n, toks[k].kind == .number, !used[k], yearValue(k) == nil, !(k + 1 < n && adjacent(k, k + 1) && toks[k + 1].kind == .word) {
                let np = nounPhrase(from: k + 1)
                if unit == nil || np == nil || np?.unit == unit {
                    return NumberRead(kind: .ratio, value: value, den: toks[k].value, unit: unit ?? np?.unit, start: start, end: np?.end ?? k + 1, scale: scale)
                }
            }
        }
        return NumberRead(kind: kind, value: value, den: den, unit: unit, start: start, end: e, scale: scale)
    }

    /// "de", "d'" (either apostrophe) or "of" at `k`: the word that joins a number or scale word to its noun.
    private func ofWord(_ k: Int) -> Bool {
        let w = toks[k].lower
        return w == "de" || w == "of" || w == "d'" || w == "d\u{2019}"
    }

    /// Arabic text: the word at `e`, written right after a number without a space, is an Arabic word ("239مطلوبا"): a
    /// missing space, read as if it were there (a Latin word glued to a number, "3G", stays a code).
    private func arabicWordGlued(_ e: Int) -> Bool {
        guard p.isArabicScript, e < n, let f = toks[e].text.unicodeScalars.first else { return false }
        return (0x0621...0x064A).contains(f.value)
    }

    /// "ونصف", "et demi", "and a half" at `e`, in the sentence of token `i`: where those words end.
    private func halfAfter(_ e: Int, in i: Int) -> Int? {
        guard e < n, let h = p.halfWords.match(toks, at: e), sameSentence(i, h.end - 1) else { return nil }
        return h.end
    }

    /// A measure's smaller unit and how many of it make one: "kg" is 1,000 "g", a year 12 months ("3 سنوات و6 أشهر").
    static let compoundUnits: [String: (unit: String, per: Double)] = ["kg": ("g", 1000), "tons": ("kg", 1000), "years": ("months", 12)]

    /// At `e`: "and" (after an optional comma), a number below `per` and the unit `sub` ("et 108 grammes"): the number and where it ends.
    private func compoundRest(_ e: Int, sub: String) -> (value: Double, end: Int)? {
        var k = e
        if k < n, toks[k].text == "," || toks[k].text == "\u{060C}" { k += 1 }
        guard k + 2 < n, sameSentence(e - 1, k + 2), toks[k].kind == .word, p.entities.listConjunctions.containsLower(toks[k]),
              toks[k + 1].kind == .number, !toks[k + 1].formatted, !used[k + 1], toks[k + 1].value < 1000,
              toks[k + 2].kind == .word, toks[k + 2].known, p.units[lowerOf: toks[k + 2]] == sub else { return nil }
        return (toks[k + 1].value, k + 3)
    }

    /// The unit of an Arabic dual noun ("شخصين" -> people), when the word is not itself a listed (plural) form and no
    /// number stands before it.
    private func dualUnit(_ i: Int) -> String? {
        let w = toks[i].text
        // the word as written ("وزارتي"), else without a conjunction or preposition glued in front ("وشخصين")
        if let u = dualUnit(i, w) { return u }
        if let f = w.first, "وبلف".contains(f), w.count > 5 { return dualUnit(i, String(w.dropFirst())) }
        return nil
    }

    private func dualUnit(_ i: Int, _ written: String) -> String? {
        var w = written
        // definite forms ("المواطنين") are mostly sound plurals; the counted dual is indefinite ("شخصين"), unless its ending
        // is the feminine dual's, which no plural shares ("السيارتين", "الوزارتين")
        if w.hasPrefix("ال"), w.hasSuffix("تين") || w.hasSuffix("تان"), w.count > 6 { w = String(w.dropFirst(2)) }
        guard w.count > 4, !w.hasPrefix("ال"), !(toks[i].known && p.units[lowerOf: toks[i]] != nil), p.units[w] == nil else { return nil }
        if i > 0, toks[i - 1].kind == .number || p.cardinalWords.match(toks, at: i - 1) != nil { return nil }
        if i + 1 < n, p.cardinalWords.match(toks, at: i + 1) != nil || toks[i + 1].kind == .number { return nil }
        // the construct state's feminine dual before a definite noun ("وزارتي الداخلية والدفاع", "محافظتا جرش وعجلون")
        if i + 1 < n, sameSentence(i, i + 1), toks[i + 1].text.hasPrefix("ال") || p.entities.placeNames[textOf: toks[i + 1]] != nil {
            for suf in ["تي", "تا"] where w.hasSuffix(suf) {
                if let u = p.units[String(w.dropLast(suf.count)) + "ة"] { return u }
            }
        }
        for suf in p.dualSuffixes where w.hasSuffix(suf) {
            var stem = String(w.dropLast(suf.count))
            if suf.hasPrefix("ت") { stem += "ة" }
            if let u = p.units[stem] { return u }
        }
        return nil
    }

    private func ageAt(_ i: Int) -> (value: Double, end: Int)? {
        if toks[i].kind == .word, toks[i].lower.utf8.contains(0x2D) {  // a byte test: Foundation's contains walks Characters
            let l = toks[i].lower
            for suf in p.ageSuffixes where l.hasSuffix("-" + suf) {
                if let v = p.cardinalWordMap[String(l.dropLast(suf.count + 1))] { return (Double(v), i + 1) }
            }
            return nil
        }
        if toks[i].kind == .number, i + 2 < n, adjacent(i, i + 1), toks[i + 1].text == "-", adjacent(i + 1, i + 2),
           toks[i + 2].kind == .word, p.ageSuffixes.contains(toks[i + 2].lower) {
            return (toks[i].value, i + 3)
        }
        return nil
    }

    /// Digits after the decimal mark of number token `i` (nil: none).
    private func fractionDigits(_ i: Int) -> Int? {
        let sc = Array(toks[i].text.unicodeScalars)
        guard let last = sc.lastIndex(where: { !Scalars.isDigit($0) }) else { return nil }
        let digits = sc.count - last - 1
        let v = toks[i].value
        return v == v.rounded() ? nil : digits
    }

    /// A number with no unit is a quantity unless it looks like a list marker, a time or a code.
    private func bareNumberIsMetric(_ i: Int, end e: Int) -> Bool {
        // "01 23 45 67": digits groups side by side (a telephone number), never two quantities in prose
        if i > 0, toks[i - 1].kind == .number, sameSentence(i - 1, i), !toks[i].paragraphBefore { return false }
        if e < n, toks[e].kind == .number, sameSentence(i, e), !toks[e].paragraphBefore { return false }
        // "01 23 45", "08": a leading zero writes a code or a telephone number, not a quantity
        if !toks[i].formatted, toks[i].intDigits >= 2, let f = toks[i].text.unicodeScalars.first, Scalars.digitValue(f) == 0 { return false }
        // list markers "1." / "2)" opening a paragraph
        if i == 0 || toks[i].paragraphBefore, i + 1 < n, toks[i + 1].text == "." || toks[i + 1].text == ")" { return false }
        // "at 5", "à 17 h": clock times
        if e < n, p.timeOfDayWords.match(toks, at: e) != nil { return false }
        // glued to a following word or punctuation that is not a sentence mark ("3G", "19-year")
        if e < n, adjacent(e - 1, e), toks[e].kind == .word, !arabicWordGlued(e) { return false }
        return true
    }

    /// "three per cent", "trois sacs", "Quatre individus", "اربعة احداث": a number written as a word.
    private func numberWordMetric(_ i: Int, _ v: Int, _ e0: Int) -> (kind: MetricKind, value: Double, unit: String?, start: Int, end: Int)? {
        guard e0 < n, sameSentence(i, e0), !toks[e0].paragraphBefore, i >= 0 else { return nil }
        var value = Double(v)
        var e = e0
        var scaled = false
        if let s = p.scaleWords.match(toks, at: e) { value *= s.value; e = s.end; scaled = true }
        var kind = MetricKind.count
        var unit: String?
        if let pw = p.percentWords.match(toks, at: e) {
            kind = .percent; unit = "percent"; e = pw.end
        } else if v >= 2, !scaled, let pt = p.partitives.match(toks, at: e), sameSentence(i, pt.end - 1) {
            // part of a counted group: "four of them", "trois d'entre eux", "أربعة منهم"; "three of the suspects", "deux des
            // suspects", "خمسة من المتهمين" ("one of the largest" is no count: from two up)
            e = pt.end
            if pt.value {
                // ("nine of the most wanted suspects": up to two words before the noun)
                var f = e
                var np = nounPhrase(from: f)
                while np == nil, f < e + 2, f < n, toks[f].kind == .word, isLowerWord(f), sameSentence(i, f) { f += 1; np = nounPhrase(from: f) }
                guard let np else { return nil }
                unit = np.unit
                e = np.end
            }
        } else {
            var f = e
            // "une vingtaine d'années", "a dozen of"
            // ("deux millions de personnes", "un million de comprimés": a scale word takes "de" before its noun too)
            if e0 - i >= 1, f < n, ofWord(f),
               scaled || p.cardinalWords.match(toks, at: i).map({ $0.end - i >= 2 }) == true { f += 1 }
            guard let np = nounPhrase(from: f) else { return nil }
            let known = toks[f].known && p.units[lowerOf: toks[f]] != nil
            // (Arabic: a cardinal counts the noun after it when the units know it, or when it is a plural of people no lexicon
            // lists, "خمسة وزراء"; a cardinal with the article is an adjective and counts nothing after it, "المعايير الثلاثة مقارنة")
            if p.isArabicScript && !known && (toks[i].text.hasPrefix("ال") || !arabicCountedNoun(f)) { return nil }
            unit = np.unit
            e = np.end
        }
        if e0 - i == 1, !scaled, p.has(p.indefiniteArticles, toks[i]), !isMeasureUnit(unit) { return nil }
        // "at all three levels": a known set, not a reported quantity
        if p.collectiveWords.matchEnding(toks, before: i) != nil { return nil }
        if kind == .count, isDuration(start: i, end: e, unit: unit) { return nil }
        var start = i
        if let ap = p.approximators.matchEnding(toks, before: start), !used[ap.start] { start = ap.start }
        return (kind, value, unit, start, e)
    }

    /// Arabic: the word at `k` carries the article, alone or after a prefix ("الأشخاص", "والثلاثة", "بالمتهمين", "للشرطة").
    func arabicDefinite(_ k: Int) -> Bool {
        let t = toks[k].text
        return t.hasPrefix("ال") || t.hasPrefix("لل") || ["وال", "بال", "فال", "كال"].contains(where: { t.hasPrefix($0) })
    }

    func quotedQuantity(_ i: Int) -> Bool {
        var e = i + 1
        if let s = p.scaleWords.match(toks, at: e) { e = s.end }
        guard e < n else { return false }
        if Doc.percentSigns.containsText(toks[e]) || p.percentWords.match(toks, at: e) != nil || p.currencies.match(toks, at: e) != nil { return true }
        // « 36.455 comprimés psychotropes »: a grouped thousand before a common noun counts things (a motto's numbers are small)
        if e == i + 1, toks[i].formatted, toks[i].value >= 1000, toks[e].kind == .word, !isCap(e) { return true }
        return toks[e].kind == .word && toks[e].known && p.units[lowerOf: toks[e]] != nil
    }

    /// The end of a clock time whose hour is the number at `i`: a clock word before it (one short article may stand between,
    /// "الساعة الـ 10") and, where the language lists clock units, one of them after it ("à 23 heures").
    private func clockTime(_ i: Int) -> Int? {
        guard i > 0, toks[i].kind == .number, toks[i].value <= 24, !toks[i].formatted else { return nil }
        var b = i
        if toks[b - 1].kind == .word, toks[b - 1].text.hasPrefix("ال"), toks[b - 1].text.unicodeScalars.count <= 3, b > 1 { b -= 1 }
        guard let w = p.clockWordsBefore.matchEnding(toks, before: b), sameSentence(w.start, i) else {
            // "entre 20 heures et 5 heures": the second hour of a span that opens with a clock time
            guard !p.clockUnits.isEmpty, b >= 3, p.has(p.numberRangeWords, toks[b - 1]), let u = p.clockUnits.match(toks, at: i + 1) else { return nil }
            var k = b - 2
            while k > 0, k > b - 5, toks[k].kind != .number { k -= 1 }
            guard toks[k].kind == .number, sameSentence(k, i), clockTime(k) == b - 1 else { return nil }
            return u.end
        }
        if p.clockUnits.isEmpty { return i + 1 }
        guard let u = p.clockUnits.match(toks, at: i + 1) else { return nil }
        return u.end
    }

    /// A number in digits or in words at `k`: its value and end.
    private func quantityAt(_ k: Int) -> (value: Double, end: Int)? {
        guard k < n, !used[k] else { return nil }
        if toks[k].kind == .number {
            guard yearValue(k) == nil, !(k + 1 < n && adjacent(k, k + 1) && toks[k + 1].kind != .punct) else { return nil }
            if k + 1 < n, toks[k + 1].kind == .punct, Doc.percentSigns.containsText(toks[k + 1]) { return nil }
            return (toks[k].value, k + 1)
        }
        if toks[k].kind == .word, let cw = p.cardinalWords.match(toks, at: k) { return (Double(cw.value), cw.end) }
        return nil
    }

    /// "المرتبة 27 عالمياً من بين 163 دولة", "ranked 27 out of 163 countries": a rank verb or noun, a number in digits,
    /// at most one adverb, then "out of" a total.
    private func numericRank(at i: Int) -> (num: Int, den: Int, unit: String?, end: Int)? {
        guard let rv = p.rankVerbs.match(toks, at: i), rv.end < n, toks[rv.end].kind == .number, !used[rv.end],
              !toks[rv.end].formatted, yearValue(rv.end) == nil, sameSentence(i, rv.end) else { return nil }
        let num = rv.end
        var e = num + 1
        guard e < n, !adjacent(num, e) || toks[e].kind == .punct else { return nil }
        // an adverb of scope: Arabic "عالمياً", "عربيًا", "إقليميا" (a nisba in the accusative)
        if p.isArabicScript, e < n, toks[e].kind == .word, p.outOf.match(toks, at: e) == nil {
            let w = toks[e].text
            guard w.hasSuffix("ياً") || w.hasSuffix("يًا") || w.hasSuffix("يا") else { return nil }
            e += 1
        }
        guard let o = p.outOf.match(toks, at: e), o.end < n, sameSentence(num, o.end) else { return nil }
        var d = o.end
        if d < n, toks[d].kind == .word, p.has(p.stopwords, toks[d]) { d += 1 }
        guard d < n, toks[d].kind == .number, !used[d], yearValue(d) == nil, toks[d].value >= toks[num].value else { return nil }
        var end = d + 1
        var unit: String?
        if let np = nounPhrase(from: end) { unit = np.unit; end = np.end }
        return (num, d, unit, end)
    }

    /// "out of 30 rounds of ammunition, 18 had ...", "Sur les 17 personnalités, trois sont ...", "من بين 10 متهمين، 4 ...":
    /// at the start of a clause, "out of" a total and its noun, a comma, then the part (no greater than the total).
    private func frontedRatio(at i: Int) -> (num: Int, end: Int, value: Double, den: Double, unit: String?)? {
        guard let o = p.outOf.match(toks, at: i), !used[i] else { return nil }
        let clauseStart = i == 0 || !sameSentence(i - 1, i) || toks[i - 1].kind == .punct
            || p.reportingVerbs.matchEnding(toks, before: i) != nil || p.entities.listConjunctions.containsLower(toks[i - 1])
        guard clauseStart else { return nil }
        var d = o.end
        if d < n, toks[d].kind == .word, p.has(p.stopwords, toks[d]), p.cardinalWords.match(toks, at: d) == nil { d += 1 }
        guard let total = quantityAt(d) else { return nil }
        // the total's noun: a few words, then a comma
        var k = total.end
        var words = 0
        while k < n, words < 5, toks[k].kind == .word, sameSentence(d, k) { k += 1; words += 1 }
        guard words >= 1, k + 1 < n, toks[k].text == "," || toks[k].text == "\u{060C}", sameSentence(k, k + 1),
              let part = quantityAt(k + 1), part.value <= total.value else { return nil }
        return (k + 1, part.end, part.value, total.value, nounPhrase(from: total.end)?.unit)
    }

    mutating func extractMetrics() -> [Metric] {
        var out: [Metric] = []
        let headEnd = headlineEnd()
        func add(_ kind: MetricKind, _ v: Double, _ den: Double?, _ unit: String?, _ dir: String?, _ a: Int, _ b: Int) {
            guard a < b, b <= n else { return }
            let start = toks[a].start, end = toks[b - 1].end
            out.append(Metric(kind: kind, value: v, denominator: den, unit: unit, direction: dir, text: slice(start, end),
                              subject: clauseSubject(a, b), offset: start, length: end - start, sentence: sentenceText(of: a)))
            for k in a..<b { used[k] = true }
        }
        var i = headEnd
        while i < n {
            if used[i] { i += 1; continue }
            // a short quotation is a motto ("3 just, 4 clear") unless its number carries a known unit ("«13 sacs de 100 kg»")
            if quoted[i], !(toks[i].kind == .number && quotedQuantity(i)) { i += 1; continue }
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
            // "والمرتبة 27 عالمياً من بين 163 دولة", "ranked 27 out of 163": a rank in digits, out of a total
            if let r = numericRank(at: i) {
                add(.rank, toks[r.num].value, toks[r.den].value, r.unit, nil, r.num, r.end)
                i = r.end
                continue
            }
            // "out of 30 rounds, 18 had ...", "Sur les 17 préfets nommés, 3 ...": a total put first, then the part
            if let r = frontedRatio(at: i) {
                add(.ratio, r.value, r.den, r.unit, nil, r.num, r.end)
                for k in i..<r.num { used[k] = true }
                i = r.end
                continue
            }
            // (Arabic: a number after its noun agrees with it in definiteness, "أشخاص ثلاثة", "الأشخاص الثلاثة"; "القاضي تسع بطاقات" is
            // a subject, then a number without the article that counts what follows)
            if toks[i].kind == .word, p.numberWordsAreMetrics, let cw = p.cardinalWords.match(toks, at: i), i > 0,
               !(p.isArabicScript && arabicDefinite(i - 1) && !arabicDefinite(i)),
               !(cw.end < n && toks[cw.end].known && p.units[lowerOf: toks[cw.end]] != nil && !(toks[i - 1].known && p.units[lowerOf: toks[i - 1]] != nil)),
               toks[i - 1].kind == .word, !used[i - 1], sameSentence(i - 1, i),
               !p.has(p.stopwords, toks[i - 1]), p.cardinalWords.match(toks, at: i - 1) == nil,
               p.ordinalWords.match(toks, at: i - 1) == nil, p.rankVerbs.match(toks, at: i - 1) == nil,
               (toks[i - 1].known ? p.units[lowerOf: toks[i - 1]] : nil) != nil || !(cw.end < n && (p.outOf.match(toks, at: cw.end) != nil || p.has(p.stopwords, toks[cw.end]))) {
                let l = toks[i - 1].lower
                if p.ordinalWords.match(toks, at: cw.end) != nil { i = cw.end; continue }
                let dir = directionBefore(i - 1).dir
                add(.count, Double(cw.value), nil, p.units[l] ?? l, dir, i - 1, cw.end)
                i = cw.end
                continue
            }
            // Arabic dual of a counted noun: "شخصين" (two people), "قضيتين" (two cases)
            if !p.dualSuffixes.isEmpty, toks[i].kind == .word, let u = dualUnit(i) {
                add(.count, 2, nil, u, directionBefore(i).dir, i, i + 1)
                i += 1
                continue
            }
            // ages: "four-year-old", "4-year-old"
            if !p.ageSuffixes.isEmpty, let age = ageAt(i) {
                add(.count, age.value, nil, "years (age)", nil, i, age.end)
                i = age.end
                continue
            }
            // fractions of the same things: "two thirds of the crimes", "la moitié des homicides", "ثلثي الجرائم"
            if toks[i].kind == .word, let fw = p.fractionWords.match(toks, at: i), fw.end < n, sameSentence(i, fw.end),
               !(i > 0 && (p.ordinalWords.match(toks, at: i - 1) != nil || p.rankPrefixes.match(toks, at: i - 1) != nil)) {
                var f = fw.end
                while f < n, f < fw.end + 2, p.outOf.match(toks, at: f) != nil || (p.has(p.stopwords, toks[f]) && !p.has(p.indefiniteArticles, toks[f])) { f += 1 }
                if f < n, toks[f].kind == .word, p.months.match(toks, at: f) == nil, let np = nounPhrase(from: f),
                   !(Doc.timeUnits.contains(np.unit) || np.unit == "hours") {
                    add(.ratio, Double(fw.value[0]), Double(fw.value[1]), np.unit, nil, i, fw.end)
                    i = fw.end
                    continue
                }
            }
            // number words: "three per cent", "deux camions", "اربعة احداث", "une vingtaine d'années"
            if toks[i].kind == .word, let cw = p.cardinalWords.match(toks, at: i), !(i > 0 && used[i - 1]),
               let r = numberWordMetric(i, cw.value, cw.end) {
                // ("أربع سنوات ونصف", "trois ans et demi")
                let half = r.unit == nil || r.kind != .count ? nil : halfAfter(r.end, in: i)
                add(r.kind, r.value + (half == nil ? 0 : 0.5), nil, r.unit, r.kind == .percent || r.kind == .count ? directionBefore(r.start).dir : nil, r.start, half ?? r.end)
                i = half ?? r.end
                continue
            }
            guard toks[i].kind == .number, toks[i].intDigits <= 18 else { i += 1; continue }
            // signed change "+3,3%", "-18 %": magnitude with its direction
            var sign: String?
            if i > 0, adjacent(i - 1, i), toks[i - 1].text == "+" || toks[i - 1].text == "-" || toks[i - 1].text == "\u{2212}",
               i == 1 || !adjacent(i - 2, i - 1) {
                sign = toks[i - 1].text == "+" ? "increase" : "decrease"
            }
            // ranges: two entries on one span, the lower bound takes the upper bound's kind and unit
            if let up = rangeUpper(i), !used[up], !isSkippableRange(i), yearValue(i) == nil || yearValue(up) == nil,
               let hi = numberMetric(up, headEnd: headEnd), hi.kind == .percent || hi.kind == .money || hi.unit != nil {
                var lo = toks[i].value
                if hi.scale > 1, p.scaleWords.match(toks, at: i + 1) == nil { lo *= hi.scale }
                var start = i
                if let ap = p.approximators.matchEnding(toks, before: start), !used[ap.start] { start = ap.start }
                if start > 0, p.has(p.rangeOpeners, toks[start - 1]), !used[start - 1] { start -= 1 }
                let dir = directionBefore(start).dir
                add(hi.kind, lo, nil, hi.unit, dir, start, hi.end)
                out[out.count - 1].text = slice(toks[start].start, toks[hi.end - 1].end)
                add(hi.kind, hi.value, nil, hi.unit, dir, start, hi.end)
                i = hi.end
                continue
            }
            guard !isSkippable(i) else { i += 1; continue }
            guard let m = numberMetric(i, headEnd: headEnd) else { i += 1; continue }
            if m.skipTo > i { i = m.skipTo; continue }
            var start = m.start
            var kind = m.kind
            let unit = m.unit
            if kind == .changeInRank {
                add(kind, m.value, nil, unit, m.dir, start, m.end)
                i = m.end
                continue
            }
            if kind == .count, let rp = p.rankPrefixes.matchEnding(toks, before: i) {
                // "the first 6 months": a period's name, not a quantity
                if let u = unit, Doc.timeUnits.contains(u) { i = m.end; continue }
                kind = .rank
                start = rp.start
            }
            if kind == .count, isDuration(start: i, end: m.end, unit: unit) { i = m.end; continue }
            if sign != nil, start == i { start = i - 1 }
            if let ap = p.approximators.matchEnding(toks, before: start), !used[ap.start] { start = ap.start }
            if kind == .count, unit == nil, start == i, !bareNumberIsMetric(i, end: m.end) { i = m.end; continue }
            let dir = (kind == .rank || kind == .ratio) ? nil : (sign ?? directionBefore(start).dir)
            add(kind, m.value, m.den, unit, dir, start, m.end)
            i = m.end
        }
        return out
    }
}
