// People: rank or honorific, offices, merged mentions.

extension Doc {
    private struct Found {
        var name: String
        var rank: String?
        var titles: [String]
    }

    /// A token that can be part of a person's name (cached).
    private func nameTok(_ i: Int) -> Bool {
        guard i >= 0, i < n else { return false }
        return i < nameCache.count ? nameCache[i] : computeNameTok(i)
    }

    private func computeNameTok(_ i: Int) -> Bool {
        guard i >= 0, i < n, toks[i].kind == .word else { return false }
        let t = toks[i]
        if p.isArabicScript {
            let s = t.text
            if s.hasPrefix("ال") || s.hasPrefix("وال") || s.hasPrefix("بال") || s.hasPrefix("لل") || s.hasPrefix("فال") || s.hasPrefix("كال") { return false }
            if p.has(p.stopwords, t) || p.orgWords.contains(s) || p.has(p.officeWords, t) || p.has(p.placeNouns, t) { return false }
            if s.hasPrefix("و"), s.count > 2 {
                let rest = String(s.dropFirst())
                if p.officeWords.contains(rest) || p.orgWords.contains(rest) || p.stopwords.contains(rest) || rest.hasPrefix("ال") { return false }
            }
            if p.ranks.match(toks, at: i) != nil || p.months.match(toks, at: i) != nil { return false }
            if p.cardinalWords.match(toks, at: i) != nil || p.ordinalWords.match(toks, at: i) != nil { return false }
            return true
        }
        guard isCap(i) else { return false }
        // An acronym ("LSO", "CATW", "ASEAN") names an organisation, never part of a person's name.
        if t.text.unicodeScalars.count >= 2, t.text.unicodeScalars.allSatisfy({ $0.properties.isUppercase }) { return false }
        if (t.knownExact && p.orgWords.contains(t.text)) || p.has(p.officeWords, t) || p.ranks.match(toks, at: i) != nil { return false }
        if p.months.match(toks, at: i) != nil { return false }
        return true
    }

    /// Function words allowed inside a Latin name ("Pham The Tung", "To Lam").
    private func innerTok(_ i: Int) -> Bool {
        if p.isArabicScript {
            // "هو" (the surname Ho) is also a pronoun
            guard i >= 0, i < n, toks[i].kind == .word, !toks[i].text.hasPrefix("ال") else { return false }
            return p.has(p.stopwords, toks[i]) && toks[i].text.unicodeScalars.count <= 3
        }
        guard i >= 0, i < n, toks[i].kind == .word, isCap(i) else { return false }
        return p.has(p.stopwords, toks[i]) && !(toks[i].knownExact && p.orgWords.contains(toks[i].text))
    }

    /// A name run starting at `i` (anchored: may start with a function word). Returns end index.
    private func nameRun(_ i: Int, anchored: Bool) -> Int? {
        var k = i
        var last = -1
        while k < n, k - i < 5 {
            if k > i && (!toks[k].spaceBefore || toks[k].paragraphBefore) { break }
            if nameTok(k) { last = k; k += 1; continue }
            if innerTok(k), (k > i || anchored), nameTok(k + 1) { k += 1; continue }
            break
        }
        guard last >= i else { return nil }
        let end = last + 1
        guard end - i >= 2 else { return nil }
        // "Lao Cai Provincial Police", "Lao Cai province": a place modifier, not a person
        if end < n, toks[end].kind == .word, toks[end].spaceBefore {
            if !p.isArabicScript && ((toks[end].knownExact && p.orgWords.contains(toks[end].text)) || p.has(p.placeNouns, toks[end])) && isCap(end) { return nil }
            if p.has(p.placeNouns, toks[end]) { return nil }
        }
        return end
    }

    /// The office phrase (title) starting at `k`, ended by punctuation or a non-title word.
    private func titleSegment(_ k: Int) -> (String, Int)? {
        guard k < n, toks[k].kind == .word else { return nil }
        var hasOffice = p.offices.match(toks, at: k) != nil
        if !hasOffice {
            // "Politburo member"
            var m = k
            while m < n, m < k + 3, toks[m].kind == .word { if p.offices.match(toks, at: m) != nil { hasOffice = true }; m += 1 }
        }
        guard hasOffice else { return nil }
        var m = k
        var last = k
        var words = 0
        while m < n, words < p.titleMaxWords, sameSentence(k, m) {
            let t = toks[m]
            if t.kind == .punct {
                if t.text == "'" || t.text == "\u{2019}" || t.text == "-" { m += 1; continue }
                break
            }
            if m > k && p.has(p.titleStops, t) { break }
            if t.kind == .number {
                if m + 1 < n, adjacent(m, m + 1), p.has(p.ordinalSuffixes, toks[m + 1]) { last = m + 1; m += 2; words += 1; continue }
                break
            }
            if !p.isArabicScript && !p.titleAnyLowercase && !isCap(m) {
                if !(p.has(p.titleConnectors, t) || p.has(p.officeWords, t)) { break }
            }
            if m > k, p.isArabicScript == false, p.ranks.match(toks, at: m) != nil, nameRun(p.ranks.match(toks, at: m)?.end ?? m, anchored: true) != nil { break }
            if m > k, !p.titleAnyLowercase, !p.isArabicScript, nameTok(m), isPersonAhead(m) { break }
            last = m
            m += 1
            words += 1
        }
        // trim trailing connectors
        while last > k, toks[last].kind == .word, p.has(p.titleConnectors, toks[last]) && !p.has(p.officeWords, toks[last]) && !p.has(p.placeNouns, toks[last]) { last -= 1 }
        var s = slice(toks[k].start, toks[last].end)
        while s.hasSuffix(".") || s.hasSuffix(" ") { s.removeLast() }
        return s.isEmpty ? nil : (s, m)
    }

    private func isPersonAhead(_ m: Int) -> Bool {
        guard let e = nameRun(m, anchored: false) else { return false }
        return e - m >= 2
    }

    /// Titles after a name: ", title, title" until ";" or the sentence end.
    private func appositiveTitles(after e: Int) -> [String] {
        var titles: [String] = []
        var k = e
        while k + 1 < n, toks[k].kind == .punct, toks[k].text == "," || toks[k].text == "\u{060C}", sameSentence(k, k + 1) {
            guard let (t, end) = titleSegment(k + 1) else { break }
            titles.append(t)
            k = end
        }
        return titles
    }

    /// The office phrase right before a name ("Deputy Minister", "Secretary of the Provincial Party Committee", Arabic "نائب الوزير").
    private func titleBefore(_ i: Int) -> String? {
        guard i > 0 else { return nil }
        if p.isArabicScript {
            var k = i - 1
            var steps = 0
            var found = false
            while k >= 0, steps < 6, toks[k].kind == .word, sameSentence(k, i) {
                if p.offices.match(toks, at: k) != nil || officeWithConjunction(k) != nil { found = true; break }
                if nameTok(k) || p.has(p.stopwords, toks[k]) { return nil }
                k -= 1
                steps += 1
            }
            guard found else { return nil }
            // a longer office ending here ("نائب الوزير")
            for back in [2, 1] where k - back >= 0 {
                if let m = p.offices.match(toks, at: k - back), m.end > k, sameSentence(k - back, k) { k -= back; break }
            }
            var startScalar = toks[k].start
            if p.offices.match(toks, at: k) == nil { startScalar += 1 }
            if i - 1 > k {
                var last = toks[i - 1].lower
                for pre in ["ل", "ب", "و"] where last.hasPrefix(pre) && !last.hasPrefix("ال") { last = String(last.dropFirst()) }
                if last.hasPrefix("ل") { last = "ا" + last }
                if p.placeNouns.contains(last) || p.placeNouns.contains(String(last.dropFirst(2))) { return nil }
            }
            return slice(startScalar, toks[i - 1].end)
        }
        if p.preNameConnectors.isEmpty {
            guard let m = p.offices.matchEnding(toks, before: i), sameSentence(m.start, i) else { return nil }
            return slice(toks[m.start].start, toks[i - 1].end)
        }
        var k = i - 1
        var first = -1
        var hasOffice = false
        while k >= 0, k > i - 24, sameSentence(k, i) {
            let t = toks[k]
            if t.kind == .number { k -= 1; continue }
            guard t.kind == .word else { break }
            if isCap(k) {
                if p.has(p.officeWords, t) { hasOffice = true }
                first = k
            } else if !(p.has(p.preNameConnectors, t) || p.has(p.ordinalSuffixes, t)) {
                break
            }
            k -= 1
        }
        guard hasOffice, first >= 0 else { return nil }
        // drop leading capitalised words that belong to neither an office nor an organisation ("Later Minister")
        while first < i - 1, toks[first].kind == .word, !p.has(p.officeWords, toks[first]), !(toks[first].knownExact && p.orgWords.contains(toks[first].text)) { first += 1 }
        return slice(toks[first].start, toks[i - 1].end)
    }

    private func officeWithConjunction(_ k: Int) -> String? {
        let s = toks[k].text
        guard s.hasPrefix("و"), s.count > 2 else { return nil }
        let rest = String(s.dropFirst())
        return p.officeWords.contains(rest) ? rest : nil
    }

    mutating func extractPeople() -> [Person] {
        nameCache = (0..<n).map { computeNameTok($0) }
        var found: [Found] = []
        var i = 0
        let pluralHonorific: Set<String> = ["comrades", "camarades", "الرفاق", "Comrades", "Camarades"]
        var listRankSentence = -1
        var listRank: String?
        while i < n {
            // rank / honorific + name
            if let r0 = p.ranks.match(toks, at: i) {
                let r = (value: r0.value, end: r0.end, start: i)
                var s = r.end
                if pluralHonorific.contains(toks[i].text) {
                    listRankSentence = sentOf[i]
                    listRank = r.value
                }
                if s < n, toks[s].text == ":" { s += 1 }
                if s < n, toks[s].kind == .word, let e = nameRun(s, anchored: true) {
                    var titles: [String] = []
                    if let tb = titleBefore(i) { titles.append(tb) }
                    titles += appositiveTitles(after: e)
                    found.append(Found(name: slice(toks[s].start, toks[e - 1].end), rank: r.value, titles: titles))
                    i = e
                    // "comrades Dang Xuan Phong and Trinh Xuan Truong"
                    if pluralHonorific.contains(toks[r.start].text) {
                        while i + 1 < n, toks[i].lower == "and" || toks[i].lower == "et" || toks[i].text == "," || toks[i].text == "\u{060C}",
                              sameSentence(i, i + 1), let e2 = nameRun(i + 1, anchored: true) {
                            found.append(Found(name: slice(toks[i + 1].start, toks[e2 - 1].end), rank: r.value, titles: appositiveTitles(after: e2)))
                            i = e2
                        }
                    }
                    continue
                }
            }
            // office + name / appositive "Name, office"
            if nameTok(i) || (!p.isArabicScript && innerTok(i)), i == 0 || !nameTok(i - 1) {
                if let tb = titleBefore(i), let e = nameRun(i, anchored: true) {
                    let titles = [tb] + appositiveTitles(after: e)
                    found.append(Found(name: slice(toks[i].start, toks[e - 1].end), rank: nil, titles: titles))
                    i = e
                    continue
                }
                let atBoundary = i == 0 || toks[i].paragraphBefore || sentOf[i - 1] != sentOf[i] || isPunct(i - 1, [";", ":", "\u{061B}", "-"])
                if nameTok(i), let e = nameRun(i, anchored: false), e - i >= (atBoundary ? 2 : 3) {
                    let titles = appositiveTitles(after: e)
                    if !titles.isEmpty {
                        let rank = listRankSentence == sentOf[i] ? listRank : nil
                        found.append(Found(name: slice(toks[i].start, toks[e - 1].end), rank: rank, titles: titles))
                        i = e
                        continue
                    }
                }
            }
            i += 1
        }
        // merge by name
        var order: [String] = []
        var merged: [String: Found] = [:]
        for f in found {
            let key = f.name.lowercased()
            if var m = merged[key] {
                if m.rank == nil { m.rank = f.rank }
                for t in f.titles where !m.titles.contains(where: { $0.lowercased() == t.lowercased() }) { m.titles.append(t) }
                merged[key] = m
            } else {
                var g = f
                var uniq: [String] = []
                for t in g.titles where !uniq.contains(where: { $0.lowercased() == t.lowercased() }) { uniq.append(t) }
                g.titles = uniq
                merged[key] = g
                order.append(key)
            }
        }
        var people: [Person] = []
        for key in order.prefix(500) {
            guard let f = merged[key] else { continue }
            let (count, first) = occurrences(of: f.name)
            people.append(Person(name: f.name, rank: f.rank, titles: f.titles, mentions: max(count, 1), firstOffset: first))
        }
        return people.sorted { $0.firstOffset < $1.firstOffset }
    }

    /// Whole-word occurrences of `name` in the text (scalar search).
    private func occurrences(of name: String) -> (Int, Int) {
        let pat = Array(name.unicodeScalars)
        guard !pat.isEmpty, pat.count <= sc.count else { return (0, 0) }
        var count = 0
        var first = -1
        var i = 0
        while i + pat.count <= sc.count {
            if sc[i] == pat[0] {
                var ok = true
                for k in 1..<pat.count where sc[i + k] != pat[k] { ok = false; break }
                if ok {
                    let before = i == 0 || !Scalars.isLetter(sc[i - 1]) || (p.isArabicScript && ["و", "ل", "ب"].contains(String(sc[i - 1])) && (i < 2 || !Scalars.isLetter(sc[i - 2])))
                    let after = i + pat.count == sc.count || !Scalars.isLetter(sc[i + pat.count])
                    if before && after {
                        count += 1
                        if first < 0 { first = i }
                        i += pat.count
                        continue
                    }
                }
            }
            i += 1
        }
        return (count, max(first, 0))
    }
}
