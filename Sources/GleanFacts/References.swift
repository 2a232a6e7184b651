// Legal and party documents, named programmes.

extension Doc {
    mutating func extractReferences() -> [Reference] {
        var out: [Reference] = []
        // "Code pénal (CP)": an abbreviation defined in brackets right after a document names it in later mentions ("du CP")
        var aliases: [String: (type: String, number: String?)] = [:]
        func emit(_ r0: Reference, from a: Int, to e0: Int) -> Int {
            var r = r0
            var e = e0
            if e + 2 < n, toks[e].text == "(", toks[e + 2].text == ")", sameSentence(e, e + 2), let ab = abbreviation(e + 1) {
                aliases[ab] = (r.type, r.number)
                e += 3
                r.text = slice(r.offset, toks[e - 1].end)
                r.length = toks[e - 1].end - r.offset
            }
            out.append(r)
            for k in a..<e { used[k] = true }
            return e
        }
        var i = 0
        while i < n {
            if !used[i], toks[i].kind == .word, !aliases.isEmpty, let al = aliases[toks[i].text] {
                let ref = Reference(type: al.type, number: al.number, issuer: nil, text: toks[i].text, offset: toks[i].start, length: toks[i].end - toks[i].start)
                i = emit(ref, from: i, to: i + 1)
                continue
            }
            if !used[i], let r = titled(at: i) {
                i = emit(r.ref, from: r.startTok, to: r.endTok)
                continue
            }
            // "un projet de décret", "the draft law": a draft is a document of the drafted type
            if !used[i], !p.isArabicScript, let dw = p.draftWords.match(toks, at: i), let (type, e) = p.referenceTypes.match(toks, at: dw.end),
               type != "project", sameSentence(i, dw.end) {
                if let r = numbered(type: type, at: dw.end, after: e) {
                    i = emit(r.ref, from: dw.end, to: r.endTok)
                    continue
                }
                let ref = Reference(type: type, number: nil, issuer: nil, text: slice(toks[i].start, toks[e - 1].end),
                                    offset: toks[i].start, length: toks[e - 1].end - toks[i].start)
                i = emit(ref, from: i, to: e)
                continue
            }
            guard !used[i], let (type, e) = p.referenceTypes.match(toks, at: i) else { i += 1; continue }
            if let r = numbered(type: type, at: i, after: e) ?? numberless(type: type, at: i, after: e) {
                i = emit(r.ref, from: i, to: r.endTok)
            } else if let r = named(type: type, at: i, after: e) {
                i = emit(r.ref, from: i, to: r.endTok)
            } else {
                i = e
            }
        }
        // "Decree No. 144/2021/ND-CP": a document code even when its type is not one we report; its parts are no date or metric
        var k = 0
        while k < n {
            if let m = p.numberMarkers.match(toks, at: k), m.end < n, toks[m.end].kind == .number, !used[m.end] {
                var j = m.end + 1
                var end = toks[m.end].end
                while j + 1 < n, toks[j].start == end, toks[j].text == "-" || toks[j].text == "/",
                      toks[j + 1].start == toks[j].end, toks[j + 1].kind != .punct {
                    end = toks[j + 1].end
                    j += 2
                }
                if j > m.end + 1 { for t in m.end..<j { used[t] = true } }
                k = j
                continue
            }
            k += 1
        }
        return out
    }

    private func numbered(type: String, at i: Int, after e: Int) -> (ref: Reference, endTok: Int)? {
        var j = e
        var issuerBefore: String?
        if p.isArabicScript, j + 1 < n, toks[j].kind == .word, toks[j].lower.hasPrefix("ال"),
           toks[j + 1].kind == .number || p.numberMarkers.match(toks, at: j + 1) != nil {
            issuerBefore = toks[j].text
            j += 1
        } else if p.isArabicScript, j + 1 < n, p.offices.match(toks, at: j) != nil || p.orgWords.contains(toks[j].text),
                  let m = (j + 1..<min(n, j + 5)).first(where: { p.numberMarkers.match(toks, at: $0) != nil }),
                  (j..<m).allSatisfy({ toks[$0].kind == .word && !p.has(p.stopwords, toks[$0]) && sameSentence(i, $0) }) {
            // "قرار رئيس مجلس الوزراء رقم 3", "قرار وزير الداخلية رقم 14": an office or an organisation, the issuer, between the
            // type and the number marker
            issuerBefore = slice(toks[j].start, toks[m - 1].end)
            j = m
        }
        var marked = false
        // "loi organique n° 2016-41", "décret présidentiel n°": one qualifying word before the number marker
        if !p.isArabicScript, j + 1 < n, toks[j].kind == .word, isLowerWord(j), !p.has(p.stopwords, toks[j]),
           p.numberMarkers.match(toks, at: j + 1) != nil { j += 1 }
        if let m = p.numberMarkers.match(toks, at: j) { j = m.end; marked = true }
        // "No. M/12", "رقم م/12": a letter prefix before the digits of a marked number
        var lead = j
        if marked, j + 2 < n, toks[j].kind == .word, toks[j].text.unicodeScalars.count <= 3, adjacent(j, j + 1),
           toks[j + 1].text == "/" || toks[j + 1].text == "-" || toks[j + 1].text == ".", adjacent(j + 1, j + 2), toks[j + 2].kind == .number {
            lead = j
            j += 2
        }
        // "رقم (3)", "No. (12)": a marked number in brackets
        var bracketed = false
        if marked, j + 2 < n, toks[j].text == "(", toks[j + 1].kind == .number, sameSentence(j, j + 2) {
            j += 1
            lead = j
            bracketed = true
        }
        guard j < n, toks[j].kind == .number, sameSentence(i, j) else { return nil }
        if !p.isArabicScript && j > e && !toks[j].spaceBefore && toks[j - 1].kind == .word { return nil }
        var k = j + 1
        var end = toks[j].end
        while k < n, toks[k].start == end {
            if k + 1 < n, toks[k].text == "-" || toks[k].text == "/" || (toks[k].text == "." && toks[k + 1].kind == .number),
               toks[k + 1].start == toks[k].end, toks[k + 1].kind != .punct {
                end = toks[k + 1].end
                k += 2
            } else if toks[k].kind != .punct, toks[k].kind != toks[k - 1].kind, toks[k - 1].kind != .punct, k > j + 1 {
                // "C04" in "483/KH-BCA-C04"
                end = toks[k].end
                k += 1
            } else {
                break
            }
        }
        if bracketed {
            guard k < n, toks[k].text == ")" else { return nil }
            k += 1
        }
        if k < n, toks[k].kind == .punct, toks[k].text == "%" || toks[k].text == "\u{066A}" { return nil }
        // "et arrêté 7 individus": without a number marker, a number that counts the noun after it is no document's number
        if !marked, k == j + 1, countsNounAfter(j) { return nil }
        // "Law 1990" without a number marker: a year, not a number
        if !marked, k == j + 1, yearValue(j) != nil { return nil }
        var type = type
        // "رقم 91 لسنة 1975", "74 of 2017": the year belongs to the identifier
        var refEnd = bracketed ? toks[k - 1].end : end
        if let yc = p.referenceYearConnectors.match(toks, at: k), yc.end < n, yearValue(yc.end) != nil, sameSentence(k, yc.end) {
            var ye = yc.end + 1
            if ye < n, adjacent(ye - 1, ye), toks[ye].kind == .word, p.gregorianMarkers.containsText(toks[ye]) { ye += 1 }
            refEnd = toks[ye - 1].end
            k = ye
            if let t = p.yearStyleTypes[type] { type = t }
        }
        let number = slice(toks[lead].start, end)
        let issuer = issuerBefore ?? issuer(after: k)
        let ref = Reference(type: type, number: number, issuer: issuer, text: slice(toks[i].start, refEnd),
                            offset: toks[i].start, length: refEnd - toks[i].start)
        return (ref, k)
    }

    /// An abbreviation in brackets: one word of 2 to 8 letters, starting with a capital, with at least two capitals ("CP", "LStup").
    private func abbreviation(_ k: Int) -> String? {
        guard k < n, toks[k].kind == .word, adjacent(k - 1, k), adjacent(k, k + 1) else { return nil }
        let sc = Array(toks[k].text.unicodeScalars)
        guard (2...8).contains(sc.count), sc[0].properties.isUppercase, sc.allSatisfy({ $0.properties.isAlphabetic }),
              sc.filter({ $0.properties.isUppercase }).count >= 2 else { return nil }
        return toks[k].text
    }

    /// A document named by its title: "Police (Association) Regulations[, 2017]", "the Police Act", "the Constitution".
    private func titled(at i: Int) -> (ref: Reference, startTok: Int, endTok: Int)? {
        guard toks[i].kind == .word else { return nil }
        if let s = p.standaloneReferences.match(toks, at: i) {
            var e = s.end
            // "the Constitution of 1986": the year names the document, it is no date
            if e + 1 < n, p.referenceYearConnectors.match(toks, at: e)?.end == e + 1, yearValue(e + 1) != nil, sameSentence(e, e + 1) { e += 2 }
            let ref = Reference(type: s.value, number: nil, issuer: nil, text: slice(toks[i].start, toks[e - 1].end),
                                offset: toks[i].start, length: toks[e - 1].end - toks[i].start)
            return (ref, i, e)
        }
        guard toks[i].knownExact, let type = p.referenceTitleHeads[textOf: toks[i]], isCap(i) else { return nil }
        // "Act 12" is numbered; "Arms and Ammunition Act 2012" is a title with its year
        if i + 1 < n, p.numberMarkers.match(toks, at: i + 1) != nil || (toks[i + 1].kind == .number && !(toks[i + 1].spaceBefore && yearValue(i + 1) != nil)) { return nil }
        // walk back over the title's capitalised words and bracketed parts
        var a = i
        var words = 0
        while a - 1 >= 0, words < 6, sameSentence(a - 1, i), !used[a - 1] {
            let t = toks[a - 1]
            if t.kind == .word, isCap(a - 1), !p.has(p.stopwords, t), !(a - 1 > 0 && toks[a - 1].paragraphBefore && words == 0 && false) { a -= 1; words += 1; continue }
            if t.kind == .punct, t.text == "(" || t.text == ")", adjacent(a - 1, a) || adjacent(a - 2, a - 1) { a -= 1; continue }
            break
        }
        while a < i, toks[a].kind == .punct { a += 1 }
        guard words >= 1 else { return nil }
        var e = i + 1
        // ", 2017" or "of 1990": the year is part of the name, not a date
        if e + 1 < n, toks[e].text == "," || p.referenceYearConnectors.match(toks, at: e)?.end == e + 1, yearValue(e + 1) != nil { e += 2 }
        else if e < n, toks[e].kind == .number, toks[e].spaceBefore, yearValue(e) != nil { e += 1 }
        // "the Security Act 2023, Act No 2 of 2023": the same document restated with its number is one reference
        if e + 1 < n, toks[e].text == ",", sameSentence(e, e + 1), let (t2, e2) = p.referenceTypes.match(toks, at: e + 1), t2 == type,
           let r = numbered(type: type, at: e + 1, after: e2) {
            let end = toks[r.endTok - 1].end
            let ref = Reference(type: type, number: r.ref.number, issuer: r.ref.issuer, text: slice(toks[a].start, end),
                                offset: toks[a].start, length: end - toks[a].start)
            return (ref, a, r.endTok)
        }
        let ref = Reference(type: type, number: nil, issuer: nil, text: slice(toks[a].start, toks[e - 1].end),
                            offset: toks[a].start, length: toks[e - 1].end - toks[a].start)
        return (ref, a, e)
    }

    /// Arabic named documents without a number: "قانون تنظيم الشرطة" (indefinite type word + its complement),
    /// "مشروع قانون ...", "مشروع مرسوم" (a draft).
    private func named(type: String, at i: Int, after e: Int) -> (ref: Reference, endTok: Int)? {
        guard p.namedTypes.contains(type), p.isArabicScript else { return nil }
        let draft = i > 0 && p.draftWords.matchEnding(toks, before: i) != nil
        let definite = toks[i].text.hasPrefix("ال") || toks[i].text.hasPrefix("بال") || toks[i].text.hasPrefix("وال") || toks[i].text.hasPrefix("لل")
        guard !definite else { return nil }
        var k = e
        var words = 0
        while k < n, words < 3, sameSentence(i, k), toks[k].kind == .word, !p.has(p.stopwords, toks[k]) { k += 1; words += 1 }
        guard draft || words >= 1 else { return nil }
        let a = draft ? (p.draftWords.matchEnding(toks, before: i)?.start ?? i) : i
        let last = max(k - 1, e - 1)
        let ref = Reference(type: type, number: nil, issuer: nil, text: slice(toks[a].start, toks[last].end),
                            offset: toks[a].start, length: toks[last].end - toks[a].start)
        return (ref, last + 1)
    }

    private func numberless(type: String, at i: Int, after e: Int) -> (ref: Reference, endTok: Int)? {
        guard let markers = p.numberlessTypes[type] else { return nil }
        let capitalised = p.titleAnyLowercase || p.isArabicScript || isCap(i)
        guard capitalised else { return nil }
        if !markers.isEmpty, e < n, let m = markers.match(toks, at: e) {
            // a capitalised title ("Law on Road Traffic Order and Safety") ends with its capitals
            if isCap(i), !p.titleAnyLowercase, !p.isArabicScript {
                guard let (_, end) = capitalPhrase(from: m.end) else { return nil }
                let ref = Reference(type: type, number: nil, issuer: nil, text: slice(toks[i].start, toks[end - 1].end),
                                    offset: toks[i].start, length: toks[end - 1].end - toks[i].start)
                return (ref, end)
            }
            var k = m.end
            var words = 0
            while k < n, sameSentence(i, k), words < 25 {
                if toks[k].kind == .punct && (Doc.clausePunct.containsText(toks[k]) || Doc.enders.containsText(toks[k])) { break }
                if p.clauseStops.match(toks, at: k) != nil { break }
                // "la Loi sur les stupéfiants et celles à la Loi sur les étrangers": the next document starts its own reference
                if k > m.end, p.referenceTypes.match(toks, at: k) != nil { break }
                k += 1
                words += 1
            }
            while k > m.end + 1, toks[k - 1].kind == .word, p.has(p.stopwords, toks[k - 1]) || p.entities.listConjunctions.containsLower(toks[k - 1]) { k -= 1 }
            guard k > m.end else { return nil }
            let ref = Reference(type: type, number: nil, issuer: nil, text: slice(toks[i].start, toks[k - 1].end),
                                offset: toks[i].start, length: toks[k - 1].end - toks[i].start)
            return (ref, k)
        }
        // "Resolution of the 13th Party Congress"
        guard !p.numberlessOfHeads.isEmpty, isCap(i), let m = p.issuerMarkers.match(toks, at: e) else { return nil }
        guard let (phrase, end) = capitalPhrase(from: m.end), p.numberlessOfHeads.containsText(toks[end - 1]) else { return nil }
        let ref = Reference(type: type, number: nil, issuer: phrase, text: slice(toks[i].start, toks[end - 1].end),
                            offset: toks[i].start, length: toks[end - 1].end - toks[i].start)
        return (ref, end)
    }

    /// The issuer stated after a reference ("of the Politburo", "du ministre ...", Arabic "للمكتب السياسي").
    func issuer(after k0: Int) -> String? {
        var k = k0
        guard k < n else { return nil }
        if p.isArabicScript {
            let t = toks[k]
            guard t.kind == .word, t.text.hasPrefix("ل"), t.text.count > 2 else { return nil }
            var head = String(t.text.dropFirst())
            if head.hasPrefix("ل") { head = "ا" + head }
            var parts = [head]
            var m = k + 1
            while m < n, toks[m].kind == .word, toks[m].text.hasPrefix("ال"), parts.count < 5 { parts.append(toks[m].text); m += 1 }
            return parts.joined(separator: " ")
        }
        if p.has(p.skipBeforeIssuer, toks[k]) && !(p.issuerMarkers.match(toks, at: k) != nil && isCap(k + 1)) {
            var m = k + 1
            while m < n, m < k + 9, p.issuerMarkers.match(toks, at: m) == nil { m += 1 }
            guard m < k + 9 else { return nil }
            k = m
        }
        guard let mk = p.issuerMarkers.match(toks, at: k), sameSentence(k0 > 0 ? k0 - 1 : 0, mk.end) else { return nil }
        if p.titleAnyLowercase {
            var m = mk.end
            var words = 0
            while m < n, words < 9 {
                let t = toks[m]
                if t.kind == .punct { break }
                if p.has(p.titleStops, t) || p.clauseStops.match(toks, at: m) != nil { break }
                if words > 0 && t.lower.hasSuffix("ant") { break }
                m += 1
                words += 1
            }
            guard m > mk.end, isCap(mk.end) || toks[mk.end].kind == .word else { return nil }
            return slice(toks[mk.end].start, toks[m - 1].end)
        }
        return capitalPhrase(from: mk.end)?.phrase
    }

    /// A run of capitalised words (with "of", "the", ordinals like "16th") starting at `k`.
    func capitalPhrase(from k: Int) -> (phrase: String, end: Int)? {
        var m = k
        var last = -1
        while m < n, m < k + 14 {
            let t = toks[m]
            if isCap(m) { last = m; m += 1; continue }
            if t.kind == .number, m + 1 < n, adjacent(m, m + 1), p.has(p.ordinalSuffixes, toks[m + 1]) { m += 2; continue }
            if t.kind == .word, p.has(p.preNameConnectors, t) || t.lower == "and", isCap(m + 1) || t.lower == "the",
               p.referenceTypes.match(toks, at: m + 1) == nil { m += 1; continue }
            break
        }
        guard last >= k else { return nil }
        return (slice(toks[k].start, toks[last].end), last + 1)
    }
}
