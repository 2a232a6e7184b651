// Calendar dates, months and anchoring years.

extension Doc {
    static let yearWords: WordSet = ["عام", "سنة", "العام"]
    static let dateDashes: WordSet = ["-", "\u{2013}", "\u{2014}", "/"]
    static let rangeTo: WordSet = ["to", "until", "till", "through", "à", "au", "jusqu'à", "إلى", "الى", "حتى"]

    func yearValue(_ i: Int) -> Int? {
        guard i >= 0, i < n, toks[i].kind == .number, !toks[i].formatted, toks[i].intDigits == 4 else { return nil }
        let y = Int(toks[i].value)
        return (1800...2200).contains(y) ? y : nil
    }

    func smallInt(_ i: Int, max: Int) -> Int? {
        guard i >= 0, i < n, toks[i].kind == .number, !toks[i].formatted, toks[i].intDigits <= 2 else { return nil }
        let v = Int(toks[i].value)
        return (1...max).contains(v) ? v : nil
    }

    /// A day number, with an ordinal suffix allowed ("1er", "1st"); returns (day, index after).
    func day(_ i: Int) -> (Int, Int)? {
        guard let d = smallInt(i, max: 31) else { return nil }
        if i + 1 < n, adjacent(i, i + 1), toks[i + 1].kind == .word {
            return p.has(p.ordinalSuffixes, toks[i + 1]) ? (d, i + 2) : nil
        }
        return (d, i + 1)
    }

    /// "end-September", "mi-février": a month name after a hyphenated position word.
    func hyphenMonth(_ i: Int) -> Int? {
        guard i >= 0, i < n, toks[i].kind == .word else { return nil }
        // Most words hold no hyphen: a byte test (0x91 ends U+2011's UTF-8) before any Character work.
        guard toks[i].text.utf8.contains(where: { $0 == 0x2D || $0 == 0x91 }),
              let dash = toks[i].text.lastIndex(where: { $0 == "-" || $0 == "\u{2011}" }) else { return nil }
        let tail = toks[i].text[toks[i].text.index(after: dash)...]
        guard let f = tail.unicodeScalars.first, let m = p.monthWords[tail.lowercased()] else { return nil }
        if !p.isArabicScript && !p.titleAnyLowercase && !Scalars.isUpper(f) { return nil }
        return m
    }

    func monthAt(_ i: Int) -> (Int, Int)? {
        if let hm = hyphenMonth(i) {
            var end = i + 1
            if end + 1 < n, Doc.yearWords.containsLower(toks[end]), yearValue(end + 1) != nil { end += 1 }
            return (hm, end)
        }
        guard i < n, toks[i].kind == .word, let m = p.months.match(toks, at: i) else { return nil }
        // English month names are capitalised ("May" vs "may").
        if !p.isArabicScript && !p.titleAnyLowercase && !isCap(i) { return nil }
        var end = m.end
        // "آذار / مارس", "شباط (فبراير)": the same month in two calendars' names
        if p.isArabicScript, end + 1 < n, toks[end].text == "/" || toks[end].text == "(", let m2 = p.months.match(toks, at: end + 1), m2.value == m.value {
            let bracket = toks[end].text == "("
            end = m2.end
            if bracket, end < n, toks[end].text == ")" { end += 1 }
        }
        // "Feb. 22, 2024"
        if end < n, toks[end].text == ".", adjacent(end - 1, end), toks[end - 1].text.count <= 4 { end += 1 }
        // "فبراير عام 2024", "ت2 من عام 2008"
        if end + 2 < n, p.has(p.dayMonthConnectors, toks[end]), Doc.yearWords.containsLower(toks[end + 1]), yearValue(end + 2) != nil { end += 2 }
        else if end + 1 < n, Doc.yearWords.containsLower(toks[end]), yearValue(end + 1) != nil { end += 1 }
        return (m.value, end)
    }

    static func iso(_ y: Int, _ m: Int?, _ d: Int?) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var s = String(y)
        if let m { s += "-" + two(m) }
        if let m, let d, validDay(y, m, d) { s += "-" + two(d) }
        return s
    }

    static func validDay(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(m) && d >= 1 && d <= days[m - 1]
    }

    private func skipComma(_ i: Int) -> Int { i < n && toks[i].text == "," ? i + 1 : i }

    mutating func extractDates(published: String?) -> [DateMention] {
        var out: [DateMention] = []
        var pending: [(Int, Int, Int, Int)] = []   // (index in out, month, day, token)
        var monthsAlone: [(Int, Int, Int)] = []    // (index in out, month, token)
        var currentMonth: [(Int, Int)] = []        // (index in out, day): "11 الجاري"
        var i = 0
        while i < n {
            if used[i] { i += 1; continue }
            // "20 رمضان 1437هـ": a Hijri day and month (and year) is no date here and no quantity
            if toks[i].kind == .number, !p.hijriMonths.isEmpty, smallInt(i, max: 30) != nil, let hm = p.hijriMonths.match(toks, at: i + 1) {
                var e = hm.end
                if e < n, toks[e].kind == .number { e += 1; if e < n, toks[e].kind == .word, p.hijriMarkers.containsText(toks[e]) { e += 1 } }
                for k in i..<e { used[k] = true }
                i = e
                continue
            }
            // numeric d/m/y, m/d/y, y-m-d
            if let r = numericDate(at: i) {
                out.append(DateMention(iso: r.iso, text: slice(toks[i].start, toks[r.end - 1].end), offset: toks[i].start,
                                       length: toks[r.end - 1].end - toks[i].start, yearInferred: false))
                for k in i..<r.end { used[k] = true }
                i = r.end
                continue
            }
            // Month D[,] YYYY | Month YYYY | Month D
            if let (m, e) = monthAt(i) {
                if let (d, e2) = day(e), !(e2 < n && toks[e2].kind == .punct && toks[e2].text == "/") {
                    let e3 = skipComma(e2)
                    if let y = yearValue(e3) {
                        emit(&out, i, e3 + 1, Doc.iso(y, m, d), false); i = e3 + 1; continue
                    }
                    pending.append((out.count, m, d, i))
                    emit(&out, i, e2, "", true); i = e2; continue
                }
                if let y = yearValue(e) { emit(&out, i, e + 1, Doc.iso(y, m, nil), false); i = e + 1; continue }
            }
            // D Month [YYYY], "the 18th of July 2017", Arabic "الثامن من نوفمبر"
            if let (d, e) = day(i) ?? ordinalDay(i) {
                var me = e
                if monthAt(me) == nil, me < n, p.has(p.dayMonthConnectors, toks[me]), monthAt(me + 1) != nil { me += 1 }
                // "15 من شهر مارس": two connectors
                else if monthAt(me) == nil, me + 2 < n, p.has(p.dayMonthConnectors, toks[me]), p.has(p.dayMonthConnectors, toks[me + 1]),
                        monthAt(me + 2) != nil { me += 2 }
                if let (m, e2) = monthAt(me) {
                    let e3 = skipComma(e2)
                    if let y = yearValue(e3) { emit(&out, i, e3 + 1, Doc.iso(y, m, d), false); i = e3 + 1; continue }
                    pending.append((out.count, m, d, i))
                    emit(&out, i, e2, "", true); i = e2; continue
                }
                // "11 الجاري", "le 5 courant": a day of the article's own month
                if let c = p.currentMonthMarkers.match(toks, at: e) {
                    currentMonth.append((out.count, d))
                    emit(&out, i, c.end, "", true); i = c.end; continue
                }
                // a day range "du 18 au 21 novembre", "entre le 10 et le 20 janvier", "من 14 إلى غاية 29 جويلية"
                if let r = rangeEndDate(after: e) {
                    if let y = r.year {
                        emit(&out, i, e, Doc.iso(y, r.month, d), true)
                    } else {
                        pending.append((out.count, r.month, d, i))
                        emit(&out, i, e, "", true)
                    }
                    i = e
                    continue
                }
            }
            // a month alone: "in July", "Début janvier", "في شهر تشرين الثاني"
            if let (m, e) = monthAt(i), monthAloneOK(i) {
                monthsAlone.append((out.count, m, i))
                emit(&out, i, e, "", true); i = e; continue
            }
            if let y = yearValue(i), isAnchorYear(i) {
                emit(&out, i, i + 1, String(y), false)
            }
            i += 1
        }
        // Years left implicit: the publication year, else the latest written year before, else any written year.
        let pubYear = published.flatMap { s -> Int? in
            let d = s.unicodeScalars.prefix(4).compactMap { Scalars.digitValue($0) }
            return d.count == 4 ? d.reduce(0) { $0 * 10 + $1 } : nil
        }
        // "أكتوبر الماضي", "octobre dernier", "last October": the last such month before the publication, a year back when
        // the publication's own year would put it later
        let pubMonthDay = published.flatMap { s -> (Int, Int)? in
            let u = Array(s.unicodeScalars)
            guard u.count >= 10, let m = Int(String(String.UnicodeScalarView(u[5..<7]))), let d = Int(String(String.UnicodeScalarView(u[8..<10]))) else { return nil }
            return (m, d)
        }
        func pastMarked(_ tok: Int, _ idx: Int) -> Bool {
            let endOffset = out[idx].offset + out[idx].length
            var e = tok
            while e < n, toks[e].start < endOffset { e += 1 }
            if e < n, sameSentence(tok, e), p.pastMonthMarkers.match(toks, at: e) != nil { return true }
            return p.pastMonthLeads.matchEnding(toks, before: tok).map { sameSentence($0.start, tok) } == true
        }
        // (a month alone that is the publication's month, "last October" written in October, is the year before)
        func yearBack(_ m: Int, _ d: Int?) -> Bool {
            guard let (pm, pd) = pubMonthDay else { return false }
            guard let d else { return m >= pm }
            return m > pm || (m == pm && d > pd)
        }
        var drop = Set<Int>()
        for (idx, m, d, tok) in pending {
            var y = pubYear
            if let py = y, yearBack(m, d), pastMarked(tok, idx) { y = py - 1 }
            if y == nil {
                for k in stride(from: idx - 1, through: 0, by: -1) where !out[k].yearInferred {
                    y = Int(out[k].iso.prefix(4)); break
                }
            }
            if y == nil { y = out.first(where: { !$0.yearInferred }).flatMap { Int($0.iso.prefix(4)) } }
            if let y, Doc.validDay(y, m, d) {
                out[idx].iso = Doc.iso(y, m, d)
            } else if y == nil, Doc.validDay(2000, m, d) {
                // no year anywhere: the year is unknown ("0000", flagged year_inferred); month and day still stand
                out[idx].iso = "0000" + String(Doc.iso(2000, m, d).dropFirst(4))
            } else {
                drop.insert(idx)
            }
        }
        for (idx, d) in currentMonth {
            // the publication's month and year; without a publication date the month is unknown and the mention is dropped
            if let py = pubYear, let (pm, _) = pubMonthDay, Doc.validDay(py, pm, d) {
                out[idx].iso = Doc.iso(py, pm, d)
            } else {
                drop.insert(idx)
            }
        }
        for (idx, m, tok) in monthsAlone {
            // the year written later in the same sentence ("between July and September 2022"), else the publication
            // year, else the latest written year before
            var y: Int?
            var k = tok + 1
            while k < n, k < tok + 14, sameSentence(tok, k) {
                if let v = yearValue(k) { y = v; break }
                k += 1
            }
            if y == nil, let py = pubYear { y = yearBack(m, nil) && pastMarked(tok, idx) ? py - 1 : py }
            if y == nil {
                for j in stride(from: idx - 1, through: 0, by: -1) where !out[j].yearInferred && out[j].iso.count >= 4 {
                    y = Int(out[j].iso.prefix(4)); break
                }
            }
            if y == nil { y = out.first(where: { !$0.yearInferred && $0.iso.count >= 4 }).flatMap { Int($0.iso.prefix(4)) } }
            if let y { out[idx].iso = Doc.iso(y, m, nil) } else { drop.insert(idx) }
        }
        // a dateline (a paragraph that is only a date, a time or a weekday) is the article's metadata, not a mention
        for (k, d) in out.enumerated() where isDateline(d) { drop.insert(k) }
        return out.enumerated().filter { !drop.contains($0.offset) && !$0.element.iso.isEmpty }.map { $0.element }
    }

    /// A dateline is a paragraph of at most 14 tokens; the walks stop there, so that a document without
    /// paragraph breaks costs a few steps per date, not a pass over the whole text per date.
    private func isDateline(_ d: DateMention) -> Bool {
        // (a time stamp, "الإثنين - 26 يناير 2026 - الساعة 02:41 ص" or "Published Saturday 6 March 2021 08:56", may be longer)
        let maxTokens = 24
        // tokens are in text order: the mention's first token by binary search
        var lo = 0, hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if toks[mid].start < d.offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < n, toks[lo].start == d.offset else { return false }
        let t = lo
        var a = t
        while a > 0, !toks[a].paragraphBefore {
            a -= 1
            if t - a >= maxTokens { return false }  // the paragraph already holds more than maxTokens
        }
        var b = t + 1
        while b < n, !toks[b].paragraphBefore {
            b += 1
            if b - a > maxTokens { return false }
        }
        guard a > 0 || b < n else { return false }
        var words = 0
        var clock = false
        for k in a..<b where toks[k].end <= d.offset || toks[k].start >= d.offset + d.length {
            if toks[k].kind == .word { words += 1 }
            if k + 2 < b, toks[k].kind == .number, toks[k + 1].text == ":", toks[k + 2].kind == .number, adjacent(k, k + 1), adjacent(k + 1, k + 2) { clock = true }
        }
        if words <= 2 && b - a <= 14 { return true }
        // a time stamp among the first three paragraphs: a date with a clock time and a few words (weekday, "published", time zone)
        guard clock, words <= 7 else { return false }
        var breaks = 0
        for k in 0..<a where toks[k].paragraphBefore { breaks += 1; if breaks > 2 { return false } }
        return true
    }

    /// Arabic "الثامن من": an ordinal word as the day before a connector and a month ("الثامن من نوفمبر", "الثامن من الشهر الجاري").
    func ordinalDay(_ i: Int) -> (Int, Int)? {
        guard i + 1 < n, toks[i].kind == .word, let o = p.ordinalWords.match(toks, at: i), o.value <= 31,
              o.end < n, p.has(p.dayMonthConnectors, toks[o.end]),
              monthAt(o.end + 1) != nil || p.currentMonthMarkers.match(toks, at: o.end) != nil else { return nil }
        return (o.value, o.end)
    }

    /// The month (and year) of a day range's end: "au 21 novembre", "et le 20 janvier", "إلى غاية 29 جويلية".
    func rangeEndDate(after e: Int) -> (month: Int, year: Int?)? {
        guard e < n, toks[e].kind == .word || toks[e].text == "-" || toks[e].text == "\u{2013}" else { return nil }
        let c = toks[e].lower
        guard Doc.rangeTo.contains(c) || p.has(p.numberRangeWords, toks[e]) else { return nil }
        var k = e + 1
        if k < n, p.has(p.dateRangeFillers, toks[k]) { k += 1 }
        guard let (_, e2) = day(k), let (m, e3) = monthAt(e2) else { return nil }
        return (m, yearValue(skipComma(e3)))
    }

    /// A month name alone is a date when its case (or, in Arabic, a cue word before it) says it is the month.
    private func monthAloneOK(_ i: Int) -> Bool {
        guard i >= 0 else { return false }
        if p.isArabicScript {
            return i > 0 && p.has(p.monthAloneCues, toks[i - 1])
        }
        return true
    }

    private mutating func emit(_ out: inout [DateMention], _ a: Int, _ b: Int, _ iso: String, _ inferred: Bool) {
        out.append(DateMention(iso: iso, text: slice(toks[a].start, toks[b - 1].end), offset: toks[a].start,
                               length: toks[b - 1].end - toks[a].start, yearInferred: inferred))
        for k in a..<b { used[k] = true }
    }

    func numericDate(at i: Int) -> (iso: String, end: Int)? {
        if let r = dottedDate(at: i) { return r }
        guard i + 4 < n, toks[i].kind == .number, toks[i + 2].kind == .number, toks[i + 4].kind == .number,
              adjacent(i, i + 1), adjacent(i + 1, i + 2), adjacent(i + 2, i + 3), adjacent(i + 3, i + 4) else { return nil }
        let s1 = toks[i + 1].text, s2 = toks[i + 3].text
        guard s1 == s2, s1 == "/" || s1 == "-" || s1 == "." else { return nil }
        if i + 5 < n, adjacent(i + 4, i + 5), toks[i + 5].kind != .punct || toks[i + 5].text == "/" || toks[i + 5].text == "-",
           !(toks[i + 5].kind == .word && p.gregorianMarkers.containsText(toks[i + 5])) { return nil }
        if i > 0, adjacent(i - 1, i), toks[i - 1].text == "/" || toks[i - 1].text == "-" || toks[i - 1].kind == .word { return nil }
        if let y = yearValue(i), let m = smallInt(i + 2, max: 12), let d = smallInt(i + 4, max: 31), Doc.validDay(y, m, d) {
            return (Doc.iso(y, m, d), i + 5)
        }
        guard let y = yearValue(i + 4), let a = smallInt(i, max: 31), let b = smallInt(i + 2, max: 31) else { return nil }
        var d = a, m = b
        if b > 12 || (p.dateOrder == "mdy" && a <= 12) { d = b; m = a }
        guard Doc.validDay(y, m, d) else { return nil }
        return (Doc.iso(y, m, d), i + 5)
    }

    /// "12.05.2024": the tokenizer reads "12.05" as one decimal number, then the year follows its dot: day, month, year
    /// (month first where the language writes month first).
    private func dottedDate(at i: Int) -> (iso: String, end: Int)? {
        guard i + 2 < n, toks[i].kind == .number, toks[i + 1].text == ".", toks[i + 2].kind == .number,
              adjacent(i, i + 1), adjacent(i + 1, i + 2), let y = yearValue(i + 2) else { return nil }
        let parts = toks[i].text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        if i + 3 < n, adjacent(i + 2, i + 3), toks[i + 3].kind != .punct || toks[i + 3].text == "." && i + 4 < n && adjacent(i + 3, i + 4) && toks[i + 4].kind == .number { return nil }
        if i > 0, adjacent(i - 1, i), toks[i - 1].kind != .punct || toks[i - 1].text == "." { return nil }
        var d = a, m = b
        if b > 12 || (p.dateOrder == "mdy" && a <= 12) { d = b; m = a }
        guard (1...12).contains(m), Doc.validDay(y, m, d) else { return nil }
        return (Doc.iso(y, m, d), i + 3)
    }

    func isValueBaseline(_ i: Int) -> Bool {
        var k = i - 1
        guard k >= 0, p.has(p.yearPrepositions, toks[k]) else { return false }
        k -= 1
        var words = 0
        while k >= 0, words < 2, toks[k].kind == .word, !p.has(p.stopwords, toks[k]) || (toks[k].known && p.units[lowerOf: toks[k]] != nil), !isCap(k) {
            k -= 1; words += 1
        }
        guard k >= 0, toks[k].kind == .number, sameSentence(k, i) else { return false }
        var s = k
        if let ap = p.approximators.matchEnding(toks, before: s) { s = ap.start }
        // "50'886 (54’548 en 2016)": a value in brackets with its year, after the current one, is the compared value
        if s > 0, toks[s - 1].text == "(", i + 1 < n, toks[i + 1].text == ")", s > 1, toks[s - 2].kind == .number || toks[s - 2].kind == .word { return true }
        // "compared to the 73 murders recorded in 2020": a determiner before the compared value
        if s > 1, toks[s - 1].kind == .word, p.entities.dets.containsLower(toks[s - 1]) || toks[s - 1].lower == "the",
           p.baselineMarkers.matchEnding(toks, before: s - 1) != nil { s -= 1 }
        guard let b = p.baselineMarkers.matchEnding(toks, before: s) else { return false }
        if b.start > 0, p.has(p.startingWords, toks[b.start - 1]) || (b.start > 1 && p.has(p.startingWords, toks[b.start - 2])) { return false }
        return true
    }

    /// A bare year counts unless it is a baseline ("compared to 2023"), part of a range ("2020-2025"), an identifier or a quantity.
    func isAnchorYear(_ i: Int) -> Bool {
        if i + 2 < n, toks[i + 1].kind == .punct, Self.dateDashes.containsText(toks[i + 1]), yearValue(i + 2) != nil { return false }
        if i >= 2, toks[i - 1].kind == .punct, Self.dateDashes.containsText(toks[i - 1]), yearValue(i - 2) != nil { return false }
        if i + 1 < n, adjacent(i, i + 1), toks[i + 1].kind == .word, !p.gregorianMarkers.containsText(toks[i + 1]) { return false }
        if i + 1 < n, toks[i + 1].kind == .word, p.hijriMarkers.containsText(toks[i + 1]) { return false }
        // "entre 2015 et 2017", "between 2012 and 2016": a term
        if i >= 2, p.has(p.numberRangeWords, toks[i - 1]), yearValue(i - 2) != nil { return false }
        if i + 2 < n, p.has(p.numberRangeWords, toks[i + 1]), yearValue(i + 2) != nil, i > 0, p.has(p.rangeOpeners, toks[i - 1]) { return false }
        // "Vision 2030", "Euro 2024", "opération transit 2015": the year names the thing
        if i >= 1, toks[i - 1].kind == .word, toks[i - 1].knownExact, p.yearNameWords.containsText(toks[i - 1]) { return false }
        // "contre 437 en 2020", "from 88,083 in 2022", "passant de 2,39 en 2017": the year of a compared value
        if isValueBaseline(i) { return false }
        // inside a document code ("144/2021/ND-CP", "01/2024")
        if i >= 2, adjacent(i - 1, i), toks[i - 1].text == "/" || toks[i - 1].text == "-", adjacent(i - 2, i - 1), toks[i - 2].kind != .punct { return false }
        if i + 2 < n, adjacent(i, i + 1), toks[i + 1].text == "/" || toks[i + 1].text == "-", adjacent(i + 1, i + 2), toks[i + 2].kind != .punct { return false }
        if i + 1 < n, toks[i + 1].text == "%" || toks[i + 1].text == "\u{066A}" { return false }
        if i > 0, adjacent(i - 1, i), toks[i - 1].kind == .word, !p.isArabicScript { return false }
        // "from 2021 to 2025", "de 2021 à 2025": a range
        if i >= 2, toks[i - 1].kind == .word, Doc.rangeTo.containsLower(toks[i - 1]), yearValue(i - 2) != nil { return false }
        if i + 2 < n, toks[i + 1].kind == .word, Doc.rangeTo.containsLower(toks[i + 1]), yearValue(i + 2) != nil { return false }
        if p.baselineMarkers.matchEnding(toks, before: i) != nil { return false }
        if i >= 2, toks[i - 1].lower == "the" || toks[i - 1].lower == "l'" || toks[i - 1].lower.hasPrefix("ال"),
           p.baselineMarkers.matchEnding(toks, before: i - 1) != nil { return false }
        if p.identifierPrefixes.matchEnding(toks, before: i) != nil || p.numberMarkers.matchEnding(toks, before: i) != nil { return false }
        if i + 1 < n, toks[i + 1].kind == .word, let u = (toks[i + 1].known ? p.units[lowerOf: toks[i + 1]] : nil), u != "years" { return false }
        // "2000 euros": an amount
        if i + 1 < n, sameSentence(i, i + 1), p.currencies.match(toks, at: i + 1) != nil { return false }
        return true
    }
}
