// Legal and party documents, named programmes.

extension Doc {
    mutating func extractReferences() -> [Reference] {
        var out: [Reference] = []
        var i = 0
        while i < n {
            guard !used[i], let (type, e) = p.referenceTypes.match(toks, at: i) else { i += 1; continue }
            if let r = numbered(type: type, at: i, after: e) ?? numberless(type: type, at: i, after: e) {
                out.append(r.ref)
                for k in i..<r.endTok { used[k] = true }
                i = r.endTok
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
        }
        if let m = p.numberMarkers.match(toks, at: j) { j = m.end }
        guard j < n, toks[j].kind == .number, sameSentence(i, j) else { return nil }
        if !p.isArabicScript && j > e && !toks[j].spaceBefore && toks[j - 1].kind == .word { return nil }
        var k = j + 1
        var end = toks[j].end
        while k + 1 < n, toks[k].start == end, toks[k].text == "-" || toks[k].text == "/",
              toks[k + 1].start == toks[k].end, toks[k + 1].kind != .punct {
            end = toks[k + 1].end
            k += 2
        }
        if k < n, toks[k].kind == .punct, toks[k].text == "%" || toks[k].text == "\u{066A}" { return nil }
        let number = slice(toks[j].start, end)
        let issuer = issuerBefore ?? issuer(after: k)
        let ref = Reference(type: type, number: number, issuer: issuer, text: slice(toks[i].start, end),
                            offset: toks[i].start, length: end - toks[i].start)
        return (ref, k)
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
                if toks[k].kind == .punct && (Doc.clausePunct.contains(toks[k].text) || Doc.enders.contains(toks[k].text)) { break }
                if p.clauseStops.match(toks, at: k) != nil { break }
                k += 1
                words += 1
            }
            guard k > m.end else { return nil }
            let ref = Reference(type: type, number: nil, issuer: nil, text: slice(toks[i].start, toks[k - 1].end),
                                offset: toks[i].start, length: toks[k - 1].end - toks[i].start)
            return (ref, k)
        }
        // "Resolution of the 13th Party Congress"
        guard !p.numberlessOfHeads.isEmpty, isCap(i), let m = p.issuerMarkers.match(toks, at: e) else { return nil }
        guard let (phrase, end) = capitalPhrase(from: m.end), p.numberlessOfHeads.contains(toks[end - 1].text) else { return nil }
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
