import Foundation

// People: rank or honorific, offices, merged mentions.

extension Doc {
    /// Quotation marks around a name in Arabic text ('العميد "X"', "وزير الداخلية “X”").
    static let openingQuotes: WordSet = ["\"", "«", "\u{201C}", "\u{201D}"]
    static let closingQuotes: WordSet = ["\"", "»", "\u{201D}", "\u{201C}"]
    static let pluralHonorific: WordSet = ["comrades", "camarades", "الرفاق", "Comrades", "Camarades"]
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
            if s.hasPrefix("ال") || s.hasPrefix("وال") || s.hasPrefix("بال") || s.hasPrefix("لل") { return false }
            // "فالشرطة", "كالعادة": "ف" or "ك" written onto the article; not a given name ("فالح", "فاليري") nor, after "ك", a
            // foreign name ("كالديرون", "كاليمان": a word after "كال" that is no known word and no feminine noun)
            if s.hasPrefix("فال") || s.hasPrefix("كال"), !p.entities.givenNames.contains(s) {
                let rest = String(s.unicodeScalars.dropFirst())
                if s.hasPrefix("فال") || rest.hasSuffix("ة") || rest.hasSuffix("ات") || p.vocab.contains(rest) || p.stopwords.contains(rest) { return false }
            }
            if p.entities.nameStopWords.contains(s) || s.unicodeScalars.contains(where: { (0x64B...0x64D).contains($0.value) }) { return false }
            // "لشرطة", "بوزارة": an organization or place word with an attached preposition
            let (b, cut) = arabicBase(i)
            // ("لأمن", "بمحافظة", "لوهران": a link noun, an administrative noun or a known place with one)
            if cut > 0, p.orgWords.contains(b) || p.entities.orgHeads.contains(b) || p.officeWords.contains(b) || p.placeNouns.contains(b) || p.entities.placeBefore.contains(b)
                || p.entities.linkNouns.contains(b) || p.entities.nameStopWords.contains(b) || p.entities.adminNouns.contains(b)
                || (!s.hasPrefix("و") && p.entities.placeNames[b]?.contains([b]) == true) { return false }
            if p.has(p.stopwords, t) || p.orgWords.contains(s) || p.has(p.officeWords, t) || p.has(p.placeNouns, t) || p.entities.orgHeads.contains(s) { return false }
            // "محافظة", "ولاية", "مكافحة": an administrative or link noun is no name word
            if p.entities.placeBefore.contains(s) || p.entities.linkNouns.contains(s) || p.entities.landformWords.contains(s) { return false }
            // "بتعاون", "لتعزيز": a preposition written onto a verbal noun in ta- (no name starts so)
            if cut > 0, !s.hasPrefix("و"), b.hasPrefix("ت"), b.unicodeScalars.count >= 4, !p.entities.givenNames.contains(b) { return false }
            // "بمحاكمة", "لمواجهة": a preposition written onto a feminine noun ends a name ("بوقرة" is "بو", not "ب")
            if cut > 0, !s.hasPrefix("و"), !b.hasPrefix("و"), b.hasSuffix("ة"), b.unicodeScalars.count >= 4, !p.entities.givenNames.contains(b) { return false }
            // "بجهود", "لحقوق": a preposition written onto a plural in fu'ul (no name starts so; "سعود" is a given name)
            if cut > 0, !s.hasPrefix("و"), !p.entities.givenNames.contains(s), !p.entities.givenNames.contains(b) {
                let bs = Array(b.unicodeScalars)
                if bs.count == 4, bs[2] == "\u{0648}" { return false }
                // "لاستقلال", "باجتماع": a preposition written onto a verbal noun of a derived pattern
                if arabicVerbalNoun("ال" + b) { return false }
            }
            // "ينتميان", "يواجهون", "تطالبان": an imperfect verb of the dual or plural (ي or ت, then ان or ون)
            if s.unicodeScalars.count >= 5, s.hasPrefix("ي") || s.hasPrefix("ت"), s.hasSuffix("ان") || s.hasSuffix("ون"), !p.entities.givenNames.contains(s) { return false }
            // "محاميه", "وشقيقه", "زوجته": a noun of kinship or association with a pronoun names the person after it
            if arabicRelationWithPronoun(i) { return false }
            // "تحريرها", "لمواجهتهم": a noun or verb with an attached pronoun
            if s.unicodeScalars.count >= 5, s.hasSuffix("ها") || s.hasSuffix("هم") || s.hasSuffix("هما") { return false }
            // "اعتقال", "انتخاب": a verbal noun of a derived pattern without the article
            if cut == 0, !s.hasPrefix("و"), !p.entities.givenNames.contains(s), arabicVerbalNoun("ال" + s) { return false }
            // "اجتماعا": a verbal noun of a derived pattern in the indefinite accusative
            if s.hasSuffix("ا"), s.unicodeScalars.count >= 6, !p.entities.givenNames.contains(s), arabicVerbalNoun("ال" + String(s.dropLast())) { return false }
            // an office in the accusative ("مديرا", "مديراً": "as director")
            if arabicAccusativeOfficeWord(s) { return false }
            if s.hasPrefix("و"), s.count > 2 {
                let rest = String(s.dropFirst())
                if p.officeWords.contains(rest) || p.orgWords.contains(rest) || p.stopwords.contains(rest) || rest.hasPrefix("ال") { return false }
                // "وأمين عام": "و" and an office of several words ("أمين" alone is also a given name)
                if p.offices.match(first: rest, toks, at: i).map({ $0.end > i + 1 }) == true { return false }
                // "وصحراء", "ودخول": a word joined by "و" is a name word only when it is a given name ("وليد") or "و" and one ("ومحمود")
                if !p.entities.givenNames.contains(s), !p.entities.nameParticles.contains(s), !p.entities.givenNames.contains(rest) { return false }
            }
            if p.ranks.match(toks, at: i) != nil || p.months.match(toks, at: i) != nil { return false }
            if p.cardinalWords.match(toks, at: i) != nil || p.ordinalWords.match(toks, at: i) != nil { return false }
            return true
        }
        guard isCap(i) else { return false }
        // An acronym ("LSO", "CATW", "ASEAN") names an organisation, never part of a person's name.
        if t.text.unicodeScalars.count >= 2, t.text.unicodeScalars.allSatisfy({ $0.properties.isUppercase }), !surnameInCapitals(i) { return false }
        if (t.knownExact && p.orgWords.containsText(t)) || p.has(p.officeWords, t) || p.ranks.match(toks, at: i) != nil { return false }
        if p.entities.orgHeads.containsLower(t) { return false }
        if p.months.match(toks, at: i) != nil { return false }
        // "Police’s": an organisation word with a possessive
        for suf in ["\u{2019}s", "'s"] where t.text.hasSuffix(suf) {
            let base = String(t.text.dropLast(2))
            if p.orgWords.contains(base) || p.entities.orgHeads.contains(base.lowercased()) || p.officeWords.contains(base.lowercased()) { return false }
        }
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
        return p.has(p.stopwords, toks[i]) && !(toks[i].knownExact && p.orgWords.containsText(toks[i]))
    }

    /// A name run starting at `i` (anchored: may start with a function word). Returns end index.
    private func nameRun(_ i: Int, anchored: Bool) -> Int? {
        var k = i
        var last = -1
        var particles = 0
        while k < n, k - i - particles < 5 {
            // a middle initial: "Usman A. Belel"
            if k > i, last == k - 1, toks[k].text == ".", adjacent(k - 1, k), toks[k - 1].text.unicodeScalars.count == 1, k + 1 < n,
               toks[k + 1].spaceBefore, !toks[k + 1].paragraphBefore, nameTok(k + 1) { k += 1; continue }
            if k > i && (!toks[k].spaceBefore || toks[k].paragraphBefore) { break }
            if p.isArabicScript {
                // "... علي الجذع ومحمود عجاج العلي": "و" and a given name start the next name of a list
                if k > i, arabicListedGivenName(k) { break }
                // "الفريق شرطة أمير ...", "حقوقي/ الطاهر ...": right after a rank, a given name that is also an office or has the article
                if k == i, anchored, p.entities.givenNames.containsText(toks[k]), !nameTok(k) { last = k; k += 1; continue }
            }
            if nameTok(k) {
                if p.entities.nameParticles.containsLower(toks[k]) { particles += 1 }
                last = k; k += 1; continue
            }
            // a family name with the article, after an office or a known given name, or right after a particle ("ولد الطلبة")
            if p.isArabicScript, anchored || givenNameAt(i) || arabicCompoundStart(i), k > i,
               last == k - 1 || p.entities.nameParticles.containsText(toks[k - 1]), arabicSurname(k) {
                last = k
                k += 1
                // a family name with the article ends the name ("مسعود البارزاني بدعم ..."), unless it follows a particle ("عبد الله"),
                // completes a compound given name ("عصام الدين جابر") or a particle follows ("محمد الأمين ولد ...")
                if !p.entities.nameParticles.containsText(toks[k - 2]), !p.entities.nameCompoundSeconds.containsText(toks[k - 1]),
                   !(k < n && p.entities.nameParticles.containsText(toks[k])) { break }
                continue
            }
            if k > i, last == k - 1, p.entities.nameParticles.containsLower(toks[k]), k + 1 < n, toks[k + 1].spaceBefore,
               nameTok(k + 1) || (p.isArabicScript && arabicSurname(k + 1)) { k += 1; particles += 1; continue }
            // (in Arabic, a function word inside a name only as its first word: "السيد هو تيان ثيو", not "ولد اعمر من منصبه")
            if innerTok(k), (k > i || anchored), nameTok(k + 1), !(p.isArabicScript && k > i && p.entities.nameStopWords.containsText(toks[k])) { k += 1; continue }
            break
        }
        guard last >= i else { return nil }
        var end = last + 1
        // (in Arabic a regnal ordinal completes a name of two words or more, "عبد الله الثاني", and makes none: "واحة الحسن الثاني")
        guard !p.isArabicScript || end - i >= 2 else { return nil }
        // "Rodolfo Azurin Jr.", "عبد الله الثاني"
        if end < n, toks[end].spaceBefore, sameSentence(end - 1, end), p.entities.nameSuffixes.containsText(toks[end]) { end += 1 }
        if p.entities.nameSuffixes.containsText(toks[end - 1]), end < n, toks[end].text == ".", adjacent(end - 1, end) { end += 1 }
        guard end - i >= 2 else { return nil }
        // "Lao Cai Provincial Police", "Lao Cai province": a place modifier, not a person
        if end < n, toks[end].kind == .word, toks[end].spaceBefore {
            // ("Narcotics Suppression Bureau": the head of an organisation's name ends it)
            if !p.isArabicScript && ((toks[end].knownExact && p.orgWords.containsText(toks[end])) || p.has(p.placeNouns, toks[end])
                || p.entities.orgHeads.containsLower(toks[end])) && isCap(end) { return nil }
            if p.has(p.placeNouns, toks[end]) { return nil }
        }
        return end
    }

    /// Arabic: an office in the accusative right after a name, the post its holder is appointed or named to ("واليا",
    /// "عاملا", "وزيرا", "نائباً").
    private func arabicAccusativeOffice(_ e: Int) -> Bool {
        guard p.isArabicScript, e > 0, e < n, toks[e].kind == .word, toks[e].spaceBefore, sameSentence(e - 1, e) else { return false }
        return arabicAccusativeOfficeWord(toks[e].text)
    }

    /// Arabic: `s` is an office word with the accusative ending ("مديرا", "مديراً", "مديرًا").
    private func arabicAccusativeOfficeWord(_ s: String) -> Bool {
        for suf in ["اً", "ًا", "ا"] where s.hasSuffix(suf) && s.count > suf.count + 2 {
            if p.officeWords.contains(String(s.dropLast(suf.count))) { return true }
        }
        return false
    }

    /// Arabic: "محاميه", "وشقيقه", "زوجته", "إخوانه": a noun of kinship or association (`relationNouns`) with a pronoun written
    /// onto it ("ة" written "ت" before it), also after "و".
    private func arabicRelationWithPronoun(_ k: Int) -> Bool {
        p.isArabicScript && k >= 0 && k < n && toks[k].kind == .word && p.relationWithPronoun.containsText(toks[k])
    }

    /// Arabic: "ومحمود": the conjunction "و" written onto a given name (a list's next name), not a given name itself ("وليد").
    private func arabicListedGivenName(_ k: Int) -> Bool {
        guard p.isArabicScript, k >= 0, k < n, toks[k].kind == .word else { return false }
        let s = toks[k].text
        guard s.hasPrefix("و"), s.unicodeScalars.count > 3, !p.entities.givenNames.contains(s) else { return false }
        return p.entities.givenNames.contains(String(s.dropFirst()))
    }

    /// Arabic: "أبو" or "عبد" opening a compound given name ("أبو بكر", "عبد الرحمن"), not a known place ("أبو ظبي").
    private func arabicCompoundStart(_ k: Int) -> Bool {
        guard p.isArabicScript, k >= 0, k + 1 < n, toks[k].text == "أبو" || toks[k].text == "عبد", sameSentence(k, k + 1) else { return false }
        if let cands = p.entities.placeNames[textOf: toks[k]],
           cands.contains(where: { c in c.count >= 2 && k + c.count <= n && c.indices.allSatisfy { toks[k + $0].text == c[$0] } }) { return false }
        return true
    }

    /// Arabic: "وكلفن": "و" written onto a word that can be a name no lexicon holds (not a function word, an office, an
    /// organisation, place or administrative word, nor a word with the article).
    private func arabicConjoinedNameWord(_ k: Int) -> Bool {
        guard p.isArabicScript, k >= 0, k < n, toks[k].kind == .word else { return false }
        let s = toks[k].text
        guard s.hasPrefix("و"), s.unicodeScalars.count >= 4 else { return false }
        let rest = String(s.dropFirst())
        let e = p.entities
        if rest.hasPrefix("ال") || p.stopwords.contains(rest) || p.officeWords.contains(rest) || p.orgWords.contains(rest) || p.placeNouns.contains(rest) { return false }
        if e.orgHeads.contains(rest) || e.placeBefore.contains(rest) || e.linkNouns.contains(rest) || e.nameStopWords.contains(rest) || e.adminNouns.contains(rest) { return false }
        return !arabicVerbalNoun("ال" + rest)
    }

    /// The end of the name words that follow one another from `k` in one sentence (at most `max`).
    private func nameWordsEnd(from k: Int, max: Int) -> Int {
        var e = k
        while e < n, e < k + max, nameTok(e), toks[e].spaceBefore, !toks[e].paragraphBefore, e == 0 || sameSentence(e - 1, e) { e += 1 }
        return e
    }

    /// A known given name at `k`, also with "و" written onto it.
    private func givenNameAt(_ k: Int) -> Bool {
        k >= 0 && k < n && (p.entities.givenNames.containsText(toks[k]) || arabicListedGivenName(k))
    }

    /// Arabic: "والمحكوم عليهم بالإعدام هم: X، Y، وZ", "ثلاثة نواب هم: X وY": after a pronoun and a colon, the people
    /// listed one by one, each a name of two words or more closed by a comma, by "و" opening the next or by the sentence's
    /// end (a description in quotes or brackets after a name is left out; "و" written onto a first name no lexicon holds
    /// is dropped: "وسنان عبد العزيز"). A list of fewer than two such names is none. Returns the names and where the list ends.
    private func arabicPronounList(_ i: Int) -> (names: [String], end: Int)? {
        guard p.isArabicScript, i + 2 < n, p.listPronouns.containsText(toks[i]), toks[i + 1].text == ":", sameSentence(i, i + 2) else { return nil }
        var names: [String] = []
        var k = i + 2
        var last = k
        while k < n, sameSentence(i, k) {
            if Self.openingQuotes.containsText(toks[k]) { k += 1; continue }
            let joined = !nameTok(k) && arabicConjoinedNameWord(k)
            let first = joined ? k + 1 : k
            var end: Int? = nil
            if first < n, sameSentence(k, first), nameTok(first) || givenNameAt(first) || p.entities.nameParticles.containsText(toks[first]),
               p.entities.placeNames[textOf: toks[first]] == nil, let e = nameRun(first, anchored: true), joined || e - first >= 2 {
                let closed = e >= n || !sameSentence(k, e) || isPunct(e, ["\u{060C}", ",", ".", "\u{061B}", "(", ")"])
                    || Self.openingQuotes.containsText(toks[e]) || Self.closingQuotes.containsText(toks[e]) || toks[e].text.hasPrefix("و")
                if closed { end = e }
            }
            if let e = end {
                names.append(slice(joined ? toks[k].start + 1 : nameStart(k), toks[e - 1].end))
                last = e
                k = e
                if k < n, isPunct(k, ["\u{060C}", ","]) { k += 1 }
                continue
            }
            // not a name: on to the next comma of the sentence
            guard let c = (k..<n).first(where: { !sameSentence(i, $0) || isPunct($0, ["\u{060C}", ","]) }), sameSentence(i, c) else { break }
            k = c + 1
        }
        return names.count >= 2 ? (names, last) : nil
    }

    /// Arabic: the word before `k` is an administrative or landform noun, also with "و" or "ب" ("وبئر", "بمدينة").
    private func arabicAfterPlaceWord(_ k: Int) -> Bool {
        guard p.isArabicScript, k > 0, toks[k - 1].kind == .word, sameSentence(k - 1, k) else { return false }
        let e = p.entities
        for w in [toks[k - 1].text, arabicBase(k - 1).0] where e.placeBefore.contains(w) || e.landformWords.contains(w) { return true }
        return false
    }

    /// Where a name starting at token `k` starts: after an attached "و" ("ومحمود عجاج" is "محمود عجاج").
    private func nameStart(_ k: Int) -> Int {
        arabicListedGivenName(k) ? toks[k].start + 1 : toks[k].start
    }

    /// Latin script: two- or three-word name runs not found otherwise whose last word stands alone elsewhere as a person:
    /// after a rank or honorific ("Mr Mukuba") or before a speech verb ("Mukuba said"). Linear: one pass marks those words.
    private func laterSurnamePeople(known: [String], commonWords: MutableWordSet) -> [String] {
        // the words that stand alone as a person somewhere: one pass over the text
        var aloneWords = MutableWordSet()
        for k in 0..<n where toks[k].kind == .word && nameTok(k) {
            guard !(k > 0 && nameTok(k - 1) && sameSentence(k - 1, k)), !(k + 1 < n && nameTok(k + 1) && sameSentence(k, k + 1)) else { continue }
            if (k > 0 && p.ranks.matchEnding(toks, before: k).map({ sameSentence($0.start, k) }) == true)
                || (k + 1 < n && sameSentence(k, k + 1) && p.reportingVerbs.match(toks, at: k + 1) != nil) {
                aloneWords.insert(toks[k].text)
            }
        }
        guard !aloneWords.isEmpty else { return [] }
        let knownSet = Set(known.map { $0.lowercased() })
        let knownWords = Set(known.flatMap { $0.lowercased().split(separator: " ").map(String.init) })
        var out: [String] = []
        var seen = MutableWordSet()
        var i = 0
        while i < n {
            guard nameTok(i), i == 0 || !nameTok(i - 1), !p.has(p.stopwords, toks[i]), let e = nameRun(i, anchored: false), (2...3).contains(e - i) else { i += 1; continue }
            defer { i = e }
            let last = toks[e - 1].text
            guard aloneWords.contains(last), !knownWords.contains(last.lowercased()),
                  !(i..<e).contains(where: { commonWords.containsLower(toks[$0]) }),
                  p.entities.placeNames[textOf: toks[i]] == nil, p.entities.placeNames[last] == nil else { continue }
            let name = slice(toks[i].start, toks[e - 1].end)
            let key = name.lowercased()
            guard !knownSet.contains(key), seen.insert(key).inserted else { continue }
            out.append(name)
        }
        return out
    }

    /// Latin script: the next name of a list right after a person's name ending at `e` (", Name", ", and Name", " and Name"):
    /// two to four capitalised name words, not a known place, ended by a comma, a bracket, "and" or the sentence end.
    private func listedName(after e: Int) -> (start: Int, end: Int)? {
        guard !p.isArabicScript, e + 1 < n, e > 0, sameSentence(e - 1, e + 1) else { return nil }
        var k = e
        if toks[k].text == "," { k += 1 }
        if k < n, toks[k].kind == .word, p.entities.listConjunctions.containsLower(toks[k]) { k += 1 }
        guard k > e, k < n, sameSentence(e, k), nameTok(k), let end = nameRun(k, anchored: false), (2...4).contains(end - k),
              (k..<end).allSatisfy({ toks[$0].kind == .word && (isCap($0) || p.entities.nameParticles.containsLower(toks[$0])) }) else { return nil }
        if let cands = p.entities.placeNames[textOf: toks[k]], cands.contains(where: { c in c.count <= end - k && c.indices.allSatisfy { toks[k + $0].text == c[$0] } }) { return nil }
        // (after "and", a run that opens with a known given name is the list's last name whatever follows: "sailors Ralph
        // Hendry and Kathy Brandel has uncovered")
        let conjoinedGiven = k > e && p.entities.listConjunctions.containsLower(toks[k - 1]) && p.entities.givenNames.containsText(toks[k])
        guard conjoinedGiven || end >= n || !sameSentence(k, end) || isPunct(end, [",", "(", ")", ".", ";"])
                || (toks[end].kind == .word && p.entities.listConjunctions.containsLower(toks[end])) else { return nil }
        return (k, end)
    }

    /// Arabic: the next name of a list right after a person's name ending at `e`, joined by "و" written onto its first word
    /// ("... هاني مصطفي وطارق محمد ومحسن البكرى", "مصطفى بن بركة، وسيدي محمد كاغناسي"), also after a bracket that describes
    /// the previous one ("جمال قرطاف (زعيم العصابة) وعبد الرحيم العلمي"). The first word is a known given name or a word
    /// that can be a name; the name has two to four words, and a third or fourth plain word only where punctuation, the
    /// list's next "و" or the sentence end closes it. A name whose first word no lexicon holds must be closed so too.
    /// Returns the index of the "و" word, the name's first character (after "و") and its end.
    private func arabicListedName(after e: Int) -> (first: Int, start: Int, end: Int)? {
        guard p.isArabicScript, e > 0, e < n else { return nil }
        var k = e
        if toks[k].text == "(", let close = (k + 1..<min(n, k + 9)).first(where: { toks[$0].text == ")" }) { k = close + 1 }
        if k < n, isPunct(k, ["\u{060C}", ","]) { k += 1 }
        guard k < n, sameSentence(e - 1, k), toks[k].kind == .word else { return nil }
        let s = toks[k].text
        guard s.hasPrefix("و"), !p.entities.givenNames.contains(s) else { return nil }
        let rest = String(s.dropFirst())
        let given = p.entities.givenNames.contains(rest) || rest == "عبد" || rest == "أبو"
        // (a feminine noun is no first name of a list: "وعضوية المستشارين", "ولاية الخرطوم")
        guard given || (arabicConjoinedNameWord(k) && !rest.hasSuffix("ة") && nameTok(k + 1)) else { return nil }
        var end = k + 1
        var firm = k + 1
        while end < n, end < k + 4, toks[end].spaceBefore, !toks[end].paragraphBefore, sameSentence(k, end) {
            let t = toks[end].text
            if t.hasPrefix("و"), !p.entities.givenNames.contains(t) { break }
            let prev = toks[end - 1].text
            let afterParticle = p.entities.nameParticles.containsText(toks[end - 1]) || prev == "عبد" || prev == "أبو"
            if p.entities.nameParticles.containsText(toks[end]) || p.entities.givenNames.containsText(toks[end]) {
                end += 1
                if !p.entities.nameParticles.containsText(toks[end - 1]) { firm = end }
            } else if t.hasPrefix("ال"), arabicSurname(end) || (afterParticle && !p.stopwords.contains(t)),
                      end <= k + 2 || afterParticle || prev.hasPrefix("ال") {
                // a family name with the article: second or third word, after a particle ("محمد بن الشيخ"), "عبد", or another
                // one ("العلمي العروسي")
                end += 1; firm = end
            } else if nameTok(end) {
                // a plain word: the second word, or a later one the list's punctuation ends
                end += 1
                if end == k + 2 { firm = end }
            } else { break }
        }
        let boundary = end >= n || !sameSentence(k, end) || toks[end].kind == .punct || (toks[end].text.hasPrefix("و") && !p.entities.givenNames.contains(toks[end].text))
        if !boundary { end = firm }
        guard end - k >= 2, given || boundary else { return nil }
        return (k, toks[k].start + 1, end)
    }

    /// Arabic: the word at `i` is the place an office right before it governs: after a territorial office word ("محافظ",
    /// "أمن", "شرطة") and not a given name, or a one-word place of the gazetteer (also with a preposition: "بنواذيبو").
    private func arabicOfficePlace(_ i: Int) -> Bool {
        guard i > 0, i < n, toks[i - 1].kind == .word, !p.entities.givenNames.containsText(toks[i]),
              !p.entities.nameParticles.containsText(toks[i]) else { return false }
        var prev = toks[i - 1].text
        if prev.hasPrefix("و"), prev.count > 2 { prev = String(prev.dropFirst()) }
        if p.entities.placeComplementHeads.contains(prev) || p.entities.placeComplementHeads.containsText(toks[i - 1]) { return true }
        // "رئيس إقليم كوردستان مسعود البارزاني": the name after an administrative noun
        if p.entities.placeBefore.containsText(toks[i - 1]) || p.entities.placeBefore.contains(arabicBase(i - 1).0) { return true }
        let t = toks[i].text
        for w in [t, String(t.dropFirst())] where w.count > 2 {
            if let c = p.entities.placeNames[w], c.contains([w]) { return w == t || t.hasPrefix("ب") || t.hasPrefix("ل") }
        }
        return false
    }

    /// Arabic: a word that opens a place inside an office's complement: an administrative noun, a landform word or a known place.
    private func arabicPlaceWordAt(_ k: Int) -> Bool {
        let w = toks[k].text, e = p.entities
        return e.placeBefore.contains(w) || e.landformWords.contains(w) || e.placeNames[w]?.contains([w]) == true
    }

    /// An Arabic family name with the article: a nisba ("التركي") or after "عبد" / "أبو" / "بن" ("عبد الله").
    private func arabicSurname(_ k: Int) -> Bool {
        guard k < n, toks[k].kind == .word else { return false }
        let t = toks[k].text
        guard t.hasPrefix("ال"), !p.stopwords.contains(t), !p.entities.nameStopWords.contains(t),
              !t.unicodeScalars.contains(where: { (0x64B...0x64D).contains($0.value) }) else { return false }
        // "ولد محمد الأمين": a given name with the article, not an office's first word ("الأمين العام")
        if p.entities.givenNames.contains(t), !(k + 1 < n && sameSentence(k, k + 1) && toks[k + 1].text.hasPrefix("ال")) { return true }
        // "عبد الأمير", "عبد الملك": after "عبد" a word with the article completes a given name, even one the lexicons know
        if k > 0, toks[k - 1].text == "عبد" || toks[k - 1].text == "وعبد", sameSentence(k - 1, k) { return true }
        guard !p.vocab.contains(t), !p.officeWords.contains(t), !p.orgWords.contains(t), !p.entities.orgHeads.contains(t) else { return false }
        if k > 0, p.entities.nameParticles.containsText(toks[k - 1]) { return true }
        // "سعيد أحميدوش الاجتماع": a verbal noun with the article is the verb's object, not a family name
        if arabicVerbalNoun(t) { return false }
        // "علي محمد البلولة نائب ...", "أحمد القبة.", "حسين الحواتمة إن": a feminine family name, not followed by an adjective
        // that agrees with it (a feminine noun with the article is "الإدارة العامة")
        if t.hasSuffix("ة"), !t.hasSuffix("ية"), t.unicodeScalars.count >= 5,
           k + 1 >= n || !sameSentence(k, k + 1) || toks[k + 1].kind != .word || !toks[k + 1].text.hasPrefix("ال") { return true }
        // "أسماء المتهمين": a participle's sound plural (م-, then -ين or -ون) names a group, no family
        if t.hasPrefix("الم"), t.unicodeScalars.count >= 7, t.hasSuffix("ين") || t.hasSuffix("ون") { return false }
        // a family name with the article ("التركي", "الدباش"), not a feminine noun or adjective ("الإقليمية")
        return t.unicodeScalars.count >= 4 && !t.hasSuffix("ة") && !t.hasSuffix("ات")
    }

    /// Arabic: a verbal noun with the article in a derived pattern that no family name has: افتعال ("الاجتماع"), انفعال
    /// ("الانطلاق"), استفعال ("الاستقبال"), إفعال ("الإعلان") and تفعيل ("التحقيق"); a nisba ending in "ي" is none of them.
    func arabicVerbalNoun(_ t: String) -> Bool {
        guard t.hasPrefix("ال") else { return false }
        let s = Array(t.unicodeScalars.dropFirst(2))
        guard let last = s.last, last != "ي", last != "ة" else { return false }
        let alif: Unicode.Scalar = "\u{0627}", ta: Unicode.Scalar = "\u{062A}", nun: Unicode.Scalar = "\u{0646}", sin: Unicode.Scalar = "\u{0633}"
        let hamzaAlif: Unicode.Scalar = "\u{0625}", ya: Unicode.Scalar = "\u{064A}"
        switch s.count {
        case 5: return (s[0] == hamzaAlif && s[3] == alif) || (s[0] == ta && s[3] == ya)
        case 6: return s[0] == alif && s[4] == alif && (s[2] == ta || s[1] == nun)
        case 7: return s[0] == alif && s[1] == sin && s[2] == ta && s[5] == alif
        default: return false
        }
    }

    /// The office phrase (title) starting at `k`, ended by punctuation or a non-title word.
    private func titleSegment(_ k: Int) -> (String, Int)? {
        titleSegmentChecked(k).flatMap { $0.personAhead ? nil : ($0.text, $0.end) }
    }

    /// The office phrase at `k`; `personAhead`: it stopped at a person's name, so it belongs to that person.
    private func titleSegmentChecked(_ k: Int) -> (text: String, end: Int, personAhead: Bool)? {
        guard k < n, toks[k].kind == .word else { return nil }
        var hasOffice = p.offices.match(toks, at: k) != nil
        if !hasOffice, !p.isArabicScript {
            // "Politburo member" (an Arabic office comes first: "لعقد اجتماعات، شملت مدير أمن عدن" has none)
            var m = k
            while m < n, m < k + 3, toks[m].kind == .word { if p.offices.match(toks, at: m) != nil { hasOffice = true }; m += 1 }
        }
        guard hasOffice else { return nil }
        var m = k
        var last = k
        var words = 0
        var personAhead = false
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
            if m > k, p.isArabicScript == false, p.ranks.match(toks, at: m) != nil, nameRun(p.ranks.match(toks, at: m)?.end ?? m, anchored: true) != nil { personAhead = true; break }
            if m > k, !p.titleAnyLowercase, !p.isArabicScript, nameTok(m), isPersonAhead(m) { personAhead = true; break }
            // "le président Nguyen Xuan Phuc": a name right after an office word (not after "de") is that office's holder
            if m > k, p.titleAnyLowercase, !p.isArabicScript, nameTok(m), isPersonAhead(m),
               !(p.entities.preps.containsLower(toks[m - 1]) || p.entities.dets.containsLower(toks[m - 1])) { personAhead = true; break }
            last = m
            m += 1
            words += 1
        }
        // trim trailing connectors
        while last > k, toks[last].kind == .word, p.has(p.titleConnectors, toks[last]) && !p.has(p.officeWords, toks[last]) && !p.has(p.placeNouns, toks[last]) { last -= 1 }
        var s = slice(toks[k].start, toks[last].end)
        while s.hasSuffix(".") || s.hasSuffix(" ") { s.removeLast() }
        return s.isEmpty ? nil : (s, m, personAhead)
    }

    private func isPersonAhead(_ m: Int) -> Bool {
        guard let e = nameRun(m, anchored: false) else { return false }
        // "head of the National Military Police’s information department": a possessive inside an office names its body
        let last = toks[e - 1].text
        if last.hasSuffix("\u{2019}s") || last.hasSuffix("'s") { return false }
        if e + 1 < n, toks[e].text == "\u{2019}" || toks[e].text == "'" || toks[e].text == "\u{2019}s" || toks[e].text == "'s", adjacent(e - 1, e) { return false }
        return e - m >= 2
    }

    /// Arabic: an office written right after a name, without a comma ("... آل خليفة وزير الداخلية", "... أبوزيد مدير عام قوات
    /// السجون والفريق شرطة ..."): from an office word to the next rank, list item ("ومدير"), function word or punctuation.
    private func arabicTitleAfter(_ e: Int) -> String? { arabicTitleSpan(e)?.text }

    private func arabicTitleSpan(_ e: Int) -> (text: String, end: Int)? {
        guard p.isArabicScript, e < n, toks[e].kind == .word, toks[e].spaceBefore, !toks[e].paragraphBefore,
              let o = p.offices.match(toks, at: e) else { return nil }
        var m = o.end
        var last = o.end - 1
        while m < n, m - e < 7, sameSentence(e, m), toks[m].kind == .word {
            let t = toks[m].text
            if m > e {
                // "الناطق الإعلامي لشرطة منطقة مكة": an organization word with "ل" or "ب" goes on the office's complement
                let b = arabicBase(m).0
                let linked = b != t && (t.hasPrefix("ل") || t.hasPrefix("ب")) && (p.orgWords.contains(b) || p.entities.orgHeads.contains(b) || p.entities.linkNouns.contains(b) || p.entities.placeBefore.contains(b))
                if p.ranks.match(toks, at: m) != nil || (p.entities.nameStopWords.contains(t) && !linked) || p.has(p.stopwords, toks[m]) || p.has(p.titleStops, toks[m]) { break }
                // "... تبون وزير الداخلية إبراهيم مراد": a given name starting a name after the office: the office is that person's
                if m >= o.end, p.entities.givenNames.contains(t), let ne = nameRun(m, anchored: true), ne - m >= 2 { return nil }
                // "ومدير", "وسعادة": the next item of a list ("واللامركزية" joins a complement)
                if t.hasPrefix("و"), !t.hasPrefix("وال") { break }
            }
            last = m
            m += 1
        }
        let s = slice(toks[e].start, toks[last].end)
        return s.isEmpty ? nil : (s, last + 1)
    }

    /// A determiner or the English article "a"/"an" at `k` ("le porte-parole", "the regional police commander").
    private func opensAppositive(_ k: Int) -> Bool {
        p.entities.dets.containsLower(toks[k]) || toks[k].lower == "a" || toks[k].lower == "an"
    }

    /// The office right after a role marker ("as", "en tant que", "بصفته"), also after a determiner ("as the director"); not one that
    /// stops at another person's name.
    private func roleTitle(at k: Int) -> String? {
        guard k < n, sameSentence(k - 1, k) else { return nil }
        var s = k
        if p.offices.match(toks, at: s) == nil, !p.isArabicScript, opensAppositive(s) { s += 1 }
        guard s < n, p.offices.match(toks, at: s) != nil, let seg = titleSegmentChecked(s), !seg.personAhead else { return nil }
        return seg.text
    }

    /// English-like scripts where an office is capitalised: an appositive that a determiner opens and a comma, a bracket or the
    /// sentence end closes, holding an office word in lower case ("Colonel John Okello, the regional police commander, said"):
    /// its words after the determiner, until a function word that is no title connector.
    private func lowercaseAppositive(_ d: Int) -> (text: String, end: Int)? {
        guard !p.isArabicScript, !p.titleAnyLowercase, d + 1 < n, opensAppositive(d) else { return nil }
        var m = d + 1
        var last = -1
        var office = false
        while m < n, m - d <= p.titleMaxWords, sameSentence(d, m), toks[m].kind == .word {
            if p.has(p.stopwords, toks[m]), !p.has(p.titleConnectors, toks[m]) { return nil }
            if p.offices.match(toks, at: m) != nil { office = true }
            last = m
            m += 1
        }
        guard office, last > d, m >= n || !sameSentence(d, m) || isPunct(m, [",", ".", ";", ")"]) else { return nil }
        while last > d + 1, p.has(p.titleConnectors, toks[last]), !p.has(p.officeWords, toks[last]) { last -= 1 }
        return (slice(toks[d + 1].start, toks[last].end), m)
    }

    /// Titles after a name: ", title, title" until ";" or the sentence end.
    private func appositiveTitles(after e: Int) -> [String] {
        var titles: [String] = []
        var k = e
        while k + 1 < n, toks[k].kind == .punct, toks[k].text == "," || toks[k].text == "\u{060C}", sameSentence(k, k + 1) {
            if p.entities.listConjunctions.containsLower(toks[k + 1]) && !p.isArabicScript { break }
            var start = k + 1
            // "le porte-parole": a determiner before the office
            if !p.isArabicScript, opensAppositive(start), p.offices.match(toks, at: start + 1) != nil { start += 1 }
            guard let seg = titleSegmentChecked(start), !seg.personAhead else {
                if let a = lowercaseAppositive(k + 1) { titles.append(a.text); k = a.end; continue }
                break
            }
            titles.append(seg.text)
            k = seg.end
        }
        if titles.isEmpty, let t = arabicTitleAfter(e) { titles.append(t) }
        // "Name (office)"
        if titles.isEmpty, e + 1 < n, toks[e].text == "(", p.offices.match(toks, at: e + 1) != nil, let seg = titleSegmentChecked(e + 1), !seg.personAhead,
           seg.end < n, toks[seg.end].text == ")" {
            titles.append(seg.text)
        }
        return titles
    }

    /// The office phrase right before a name, or before a comma right before it ("Minister of Public Security, General To Lam",
    /// "le ministre de l'Intérieur, Jean Dupont").
    private func titleBefore(_ i: Int) -> String? {
        if let t = titleRightBefore(i) { return t }
        // "الناطق الإعلامي لشرطة منطقة الرياض، العقيد ...": the office, a comma, then the holder
        // (not in a list: "X، نائب الوزير، والسيد Y" gives the office to X)
        if p.isArabicScript, i > 1, isPunct(i - 1, ["\u{060C}", ","]), sameSentence(i - 2, i) {
            var k = i - 2
            while k >= 0, toks[k].kind == .word, sameSentence(k, i) { k -= 1 }
            if k >= 0, sameSentence(k, i), isPunct(k, ["\u{060C}", ","]) { return nil }
            return titleRightBefore(i - 1)
        }
        guard !p.isArabicScript, i > 1 else { return nil }
        // "le porte-parole de la police, le lieutenant X": a determiner may stand between the comma and the rank
        let c = i > 2 && p.entities.dets.containsLower(toks[i - 1]) ? i - 2 : i - 1
        guard toks[c].kind == .punct, toks[c].text == ",", c > 0, sameSentence(c - 1, i) else { return nil }
        return titleRightBefore(c)
    }

    /// Latin script: a second office before the one `titleBefore(i)` found, both set off by commas ("Le ministre de la Justice,
    /// garde des Sceaux, X", "le ministre d'État, ministre de la Défense, X"): the first office, or nil.
    private func chainedTitleBefore(_ i: Int, _ found: String) -> String? {
        guard !p.isArabicScript, i > 2 else { return nil }
        let c = i > 2 && p.entities.dets.containsLower(toks[i - 1]) ? i - 2 : i - 1
        guard toks[c].kind == .punct, toks[c].text == ",", c > 1 else { return nil }
        // where the office found before the comma starts
        var s = c - 1
        while s >= 0, s >= c - 14, toks[s].start > 0, slice(toks[s].start, toks[c - 1].end) != found { s -= 1 }
        guard s > 1, s >= c - 14, slice(toks[s].start, toks[c - 1].end) == found else { return nil }
        var k = s - 1
        if k > 1, p.entities.dets.containsLower(toks[k]) { k -= 1 }
        guard toks[k].kind == .punct, toks[k].text == ",", sameSentence(k - 1, i) else { return nil }
        guard let t = titleRightBefore(k), t != found else { return nil }
        return t
    }

    /// French-style offices: walk back over the office's complement ("le président de l'Assemblée nationale X").
    private func titleWalkBack(_ i: Int) -> String? {
        // "la ville de Lao Cai": a name after a preposition or a place noun completes an office, it is not its holder
        if i > 0, p.entities.preps.containsLower(toks[i - 1]) || p.entities.dets.containsLower(toks[i - 1]) || p.has(p.placeNouns, toks[i - 1]) { return nil }
        var k = i - 1
        var best = -1
        while k >= 0, k >= i - 12, sameSentence(k, i) {
            let t = toks[k]
            if t.kind == .punct {
                if t.text == "'" || t.text == "\u{2019}" || t.text == "-" { k -= 1; continue }
                // "ministre des Arts, de la Culture et du Tourisme": a comma between two complements of one office
                if t.text == ",", k + 1 < i - 1, p.entities.preps.containsLower(toks[k + 1]), k > 0, toks[k - 1].kind == .word, isCap(k - 1) { k -= 1; continue }
                break
            }
            if t.kind == .number { k -= 1; continue }
            if p.entities.listConjunctions.containsLower(t), k + 1 < i, p.entities.preps.containsLower(toks[k + 1]) { k -= 1; continue }
            if p.has(p.titleStops, t) { break }
            // another person's name in between: the office is theirs
            if k + 1 < i, nameTok(k), nameTok(k + 1), !(k > 0 && (p.entities.preps.containsLower(toks[k - 1]) || p.entities.dets.containsLower(toks[k - 1]))) && best < 0 { break }
            if let m = p.offices.match(toks, at: k), m.end <= i { best = k }
            k -= 1
        }
        guard best >= 0 else { return nil }
        return slice(toks[best].start, toks[i - 1].end)
    }

    /// The office phrase right before a name ("Deputy Minister", "Secretary of the Provincial Party Committee", Arabic "نائب الوزير").
    private func titleRightBefore(_ i: Int) -> String? {
        guard i > 0 else { return nil }
        if p.isArabicScript {
            var k = i - 1
            var steps = 0
            var found = false
            // a name word in the walk: part of the office only after a word that calls for a complement ("باسم محاكم صفاقس")
            var loose = false
            // ("الناطق الرسمي باسم المديرية العامة للأمن الوطني، X": an office's complement may be long)
            while k >= 0, steps < 8, toks[k].kind == .word, sameSentence(k, i) {
                if p.offices.match(toks, at: k) != nil || officeWithConjunction(k) != nil { found = true; break }
                if p.officeOpenEnds.containsText(toks[k]) { loose = false; k -= 1; steps += 1; continue }
                // "الناطق الإعلامي لشرطة منطقة عسير": a place's name inside the office's complement
                // ("مدير شرطة بغداد اللواء X": the place a territorial office word governs)
                // ("قائد الأمن الداخلي في ريف دمشق أحمد X": a known place, a landform word and "في" before a place are in the complement too)
                let w = toks[k].text
                let inComplement = nameTok(k) && ((k > 0 && (p.entities.placeBefore.contains(arabicBase(k - 1).0) || p.entities.placeBefore.containsText(toks[k - 1])
                    || p.entities.placeComplementHeads.containsText(toks[k - 1]) || p.entities.landformWords.containsText(toks[k - 1])))
                    || p.entities.placeNames[w]?.contains([w]) == true || p.entities.landformWords.contains(w))
                let placeIn = p.entities.placePrepositions.contains(w) && k + 1 < i && arabicPlaceWordAt(k + 1)
                if p.has(p.stopwords, toks[k]) && !placeIn { return nil }
                // (a rank or a known given name in the walk is a person's, standing between the office and `i`)
                if p.ranks.match(toks, at: k) != nil { return nil }
                if nameTok(k) && !inComplement {
                    if p.entities.givenNames.containsText(toks[k]) { return nil }
                    loose = true
                }
                k -= 1
                steps += 1
            }
            guard found, !loose else { return nil }
            // ("الناطق الرسمي باسم محاكم صفاقس": the words after "باسم" complete the office, they name no holder)
            if p.officeOpenEnds.containsText(toks[i - 1]) { return nil }
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
            if let m = p.offices.matchEnding(toks, before: i), sameSentence(m.start, i) { return slice(toks[m.start].start, toks[i - 1].end) }
            return p.titleAnyLowercase ? titleWalkBack(i) : nil
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
            } else if p.has(p.officeWords, t), !p.has(p.preNameConnectors, t) || p.offices.match(toks, at: k) != nil {
                // "defendant Tran Van B", "former director Le Thi C"
                hasOffice = true
                first = k
            } else if !(p.has(p.preNameConnectors, t) || p.has(p.ordinalSuffixes, t)) {
                break
            } else if p.entities.listConjunctions.containsLower(t), k > 0, nameTok(k - 1) {
                // "Deputy Minister Pham The Tung and Provincial Party Secretary X": the office after "and" is X's alone
                break
            }
            k -= 1
        }
        guard hasOffice, first >= 0 else { return nil }
        // drop leading capitalised words that belong to neither an office nor an organisation ("Later Minister")
        while first < i - 1, toks[first].kind == .word, !p.has(p.officeWords, toks[first]), !(toks[first].knownExact && p.orgWords.containsText(toks[first])) { first += 1 }
        // a whole office must stand in the phrase, not a word of one ("The Police Recorded Crime Statistics")
        // ("Politburo members" is the plural of an office)
        guard (first..<i).contains(where: { p.offices.match(toks, at: $0) != nil })
            || (toks[i - 1].lower.hasSuffix("s") && p.officeWords.contains(String(toks[i - 1].lower.dropLast()))) else { return nil }
        return slice(toks[first].start, toks[i - 1].end)
    }

    /// Latin script, offices written in lower case: at `i`, one to three capitalised words that are no given names, right after a
    /// preposition or determiner ("de l'Intérieur", "des Affaires Étrangères"), then a known given name starting a name of two words
    /// or more, with an office before: the capitalised words complete that office and the name is its holder's.
    private func holderAfterComplement(_ i: Int) -> (start: Int, end: Int, title: String)? {
        guard !p.isArabicScript, p.titleAnyLowercase, i > 0, nameTok(i), !p.entities.givenNames.containsText(toks[i]),
              p.entities.preps.containsLower(toks[i - 1]) || p.entities.dets.containsLower(toks[i - 1]), sameSentence(i - 1, i) else { return nil }
        var g = i + 1
        while g < n, g <= i + 3, nameTok(g), toks[g].spaceBefore, sameSentence(i, g), !p.entities.givenNames.containsText(toks[g]) { g += 1 }
        guard g < n, g <= i + 3, toks[g].spaceBefore, sameSentence(i, g), p.entities.givenNames.containsText(toks[g]),
              let e = nameRun(g, anchored: false), e - g >= 2, let title = titleWalkBack(g) else { return nil }
        return (g, e, title)
    }

    /// ", préfet des Bouches-du-Rhône": an office word right after the comma that follows a name.
    private func officeRightAfterComma(_ e: Int) -> Bool {
        guard e + 1 < n, toks[e].kind == .punct, toks[e].text == "," || toks[e].text == "\u{060C}" else { return false }
        var k = e + 1
        if p.entities.dets.containsLower(toks[k]) { k += 1 }
        return p.offices.match(toks, at: k) != nil
    }

    /// "(born 1978)", "(né en 1978)", "(مواليد 1978)", "(45)", ", 45,", ", 45 ans", "، 24 عامًا", "(24 عاما)": a birth year or an
    /// age right after a name.
    private func bornAfter(_ e: Int) -> Bool {
        guard e + 2 < n, toks[e].kind == .punct, toks[e].text == "(" || toks[e].text == "," || toks[e].text == "\u{060C}" else { return false }
        var k = e + 1
        if p.entities.birthWords.containsLower(toks[k]) {
            k += 1
            while k < n, k < e + 4, toks[k].kind == .word, p.has(p.stopwords, toks[k]) { k += 1 }
            // "(born 1978)", ", aged 35 of Kamwala"
            return k < n && toks[k].kind == .number && (toks[k].intDigits == 4 || (toks[k].intDigits <= 2 && !toks[k].formatted))
        }
        guard toks[k].kind == .number, toks[k].intDigits <= 2, !toks[k].formatted, k + 1 < n else { return false }
        // ", 45 ans", "، 24 عامًا": an age with its word for years
        if toks[k + 1].kind == .word, sameSentence(k, k + 1), yearsWord(k + 1) { return true }
        // ", 30 of Makeni Villa", ", 45, said": an age, then a comma or a function word
        return toks[e].text == "(" ? toks[k + 1].text == ")" : (toks[k + 1].text == "," || (toks[k + 1].kind == .word && toks[k + 1].spaceBefore && p.has(p.stopwords, toks[k + 1]) && isLowerWord(k + 1)))
    }

    /// A word for years ("years", "ans", "عام"), also in the Arabic accusative ("عامًا", "عاماً", "عاما"): the unit of an age.
    private func yearsWord(_ k: Int) -> Bool {
        if p.units[lowerOf: toks[k]] == "years" { return true }
        guard p.isArabicScript else { return false }
        // (by scalars: the tanween is a combining mark, part of the letter before it)
        var u = Array(toks[k].text.unicodeScalars)
        if u.last == "\u{064B}" { u.removeLast() }
        guard u.count > 2, u.last == "\u{0627}" else { return false }
        u.removeLast()
        if u.last == "\u{064B}" { u.removeLast() }
        var base = ""
        base.unicodeScalars.append(contentsOf: u)
        return p.units[base] == "years"
    }

    /// A name run `i..<e` that speaks: "John Smith said", "a déclaré Jean Dupont.", "according to Jane Doe," (Latin script;
    /// not a known place, not a run that starts with a function word).
    /// A word the text also writes in lower case is a common word ("Crime Stoppers said ... crime"), not part of a speaker's name.
    private func speaker(_ i: Int, _ e: Int, commonWords: MutableWordSet) -> Bool {
        guard !p.isArabicScript, e - i >= 2, e - i <= 4, !p.has(p.stopwords, toks[i]) else { return false }
        if (i..<e).contains(where: { toks[$0].kind == .word && !p.entities.givenNames.containsText(toks[$0]) && commonWords.containsLower(toks[$0]) }) { return false }
        // (a when-word may stand between the verb and its speaker: "a indiqué jeudi Stanislas Cazelles,")
        var lead = i
        if let tw = p.reportingTimeWords.matchEnding(toks, before: i), tw.start > 0, sameSentence(tw.start, i) { lead = tw.start }
        let before = i > 0 && sameSentence(i - 1, i) && (p.reportingLeads.matchEnding(toks, before: i) != nil || (lead < i && p.reportingLeads.matchEnding(toks, before: lead) != nil))
            && (e >= n || toks[e].kind == .punct || !sameSentence(e - 1, e))
        let after = e < n && sameSentence(i, e) && toks[e].spaceBefore && p.reportingVerbs.match(toks, at: e) != nil
        guard before || after else { return false }
        if let cands = p.entities.placeNames[textOf: toks[i]],
           cands.contains(where: { c in c.count <= e - i && c.indices.allSatisfy { toks[i + $0].text == c[$0] } }) { return false }
        return true
    }

    /// Arabic: a two-word run right after an office whose last word the text writes again ("الرئيس يوويري موسيفيني على ...
    /// منافسته موسيفيني"): a family name used again alone, as news reports do, not a common noun after the office. The first
    /// word is no short imperfect verb ("يريد منافسة", "تضم").
    private func arabicFamilyNameAgain(_ i: Int, _ e: Int) -> Bool {
        guard p.isArabicScript, e - i == 2 else { return false }
        let first = toks[i].text, last = toks[e - 1].text
        if first.unicodeScalars.count <= 4, first.hasPrefix("ي") || first.hasPrefix("ت") { return false }
        guard last.unicodeScalars.count >= 4, !last.hasSuffix("ة") else { return false }
        // (rare: only such a run after an office asks, so the text is scanned here rather than counted for every document)
        let forms: Set<String> = [last, "و" + last, "ل" + last, "ب" + last]
        return toks.indices.contains { $0 != e - 1 && toks[$0].kind == .word && forms.contains(toks[$0].text) }
    }

    /// Arabic: a verb of speech right before `i` in its sentence ("وقال", "وأوضحت").
    private func arabicSpeakerAt(_ i: Int) -> Bool {
        p.isArabicScript && i > 0 && sameSentence(i - 1, i) && p.reportingLeads.matchEnding(toks, before: i) != nil
    }

    private func officeWithConjunction(_ k: Int) -> String? {
        let s = toks[k].text
        guard s.hasPrefix("و"), s.count > 2 else { return nil }
        let rest = String(s.dropFirst())
        // ("وأمين عام الحزب": an office of several words, whose first is also a given name; "والعضو": with the article)
        if rest.hasPrefix("ال"), p.officeWords.contains(String(rest.dropFirst(2))) { return rest }
        return p.officeWords.contains(rest) || p.offices.match(first: rest, toks, at: k).map({ $0.end > k + 1 }) == true ? rest : nil
    }

    /// Token `i` opens a paragraph, a sentence or a clause after ";", ":" or a dash.
    private func startsClause(_ i: Int) -> Bool {
        i == 0 || toks[i].paragraphBefore || sentOf[i - 1] != sentOf[i] || isPunct(i - 1, [";", ":", "\u{061B}", "-"])
    }

    /// For `make train-people`: every run of two to four name words of the text (Latin script) with its features, and
    /// whether no rule took it (`leftover`: the runs the model decides). The trainer learns from all of them.
    private func dumpPersonRuns(leftover: [Int], commonWords: MutableWordSet) {
        guard !p.isArabicScript else { return }
        let key = PersonRunModel.textKey(sc)
        var out = ""
        var i = 0
        while i < n {
            guard nameTok(i), i == 0 || !nameTok(i - 1), !p.has(p.stopwords, toks[i]), let e = nameRun(i, anchored: false), (2...4).contains(e - i) else {
                i += 1
                continue
            }
            let features = personRunFeatures(i, e, atBoundary: startsClause(i), commonWords: commonWords)
            out += "GLEANPEOPLE\t\(key)\t\(leftover.contains(i) ? 1 : 0)\t\(text(i..<e))\t\(features.joined(separator: " "))\n"
            i = e
        }
        FileHandle.standardError.write(Data(out.utf8))
    }

    /// The features of the name run `i..<e` for ``PersonRunModel``: its length, what the lexicons know of its words (given
    /// names, places, organisation words, words the text also writes in lower case), its casing, and the words around it.
    func personRunFeatures(_ i: Int, _ e: Int, atBoundary: Bool, commonWords: MutableWordSet) -> [String] {
        var f = ["len\(e - i)"]
        let range = i..<e
        let given = range.filter { p.entities.givenNames.containsText(toks[$0]) }
        if given.first == i { f.append("given_first") }
        if given.contains(where: { $0 > i }) { f.append("given_other") }
        if given.isEmpty { f.append("given_none") }
        if range.contains(where: { commonWords.containsLower(toks[$0]) }) { f.append("common_any") }
        if commonWords.containsLower(toks[i]) { f.append("common_first") }
        if range.contains(where: { p.entities.placeNames[textOf: toks[$0]] != nil }) { f.append("place_any") }
        if range.contains(where: { p.orgWords.containsText(toks[$0]) || p.orgWords.containsLower(toks[$0]) }) { f.append("orgword_any") }
        if range.contains(where: { toks[$0].kind == .word && toks[$0].text.unicodeScalars.count >= 2 && toks[$0].text.unicodeScalars.allSatisfy { $0.properties.isUppercase } }) {
            f.append("caps_any")
        }
        if range.contains(where: { p.entities.nameParticles.containsLower(toks[$0]) }) { f.append("particle") }
        if range.contains(where: { toks[$0].kind == .word && toks[$0].text.unicodeScalars.count <= 2 }) { f.append("short_word") }
        if atBoundary { f.append("boundary") }
        let lang = p.code + ":"
        if atBoundary || i == 0 {
            f.append("prev=^")
        } else {
            let b = toks[i - 1]
            f.append(lang + "prev=" + (b.kind == .word ? b.lower : b.text))
            if b.kind == .word, !isCap(i - 1) { f.append("prev_lower_word") }
            if i >= 2, sameSentence(i - 2, i) { f.append(lang + "prev2=" + (toks[i - 2].kind == .word ? toks[i - 2].lower : toks[i - 2].text)) }
        }
        if e >= n || !sameSentence(e - 1, e) {
            f.append("next=$")
        } else {
            let a = toks[e]
            f.append(lang + "next=" + (a.kind == .word ? a.lower : a.text))
            if a.kind == .word, p.reportingVerbs.match(toks, at: e) != nil { f.append("next_speech") }
        }
        if occurrences(of: text(range)).0 >= 2 { f.append("repeated") }
        return f
    }

    mutating func extractPeople() -> [Person] {
        nameCache = (0..<n).map { computeNameTok($0) }
        // words the text writes in lower case (Latin script): common words, not names
        var commonWords = MutableWordSet()
        if !p.isArabicScript {
            commonWords.reserveCapacity(n / 2)
            for t in toks where t.kind == .word && t.textHash == t.lowerHash && Word.same(t.text, t.lower) && t.text.unicodeScalars.count > 2 {
                commonWords.insertText(t)
            }
        }
        var found: [Found] = []
        var i = 0
        var listRankSentence = -1
        var listRank: String?
        var headerSentence = -1
        var headerTitle: String?
        var seenCount = 0
        var lastPersonEnd = -1
        var leftoverRuns: [Int] = []
        while i < n {
            // "officers Samuel N. Borbor, Harris Monger, and Alexander Seakour": the names listed after a person are people too
            if found.count > seenCount {
                seenCount = found.count
                lastPersonEnd = i
                if let next = listedName(after: i), p.pluralRanks.match(toks, at: next.start) == nil {
                    found.append(Found(name: slice(toks[next.start].start, toks[next.end - 1].end), rank: nil, titles: appositiveTitles(after: next.end)))
                    seenCount = found.count
                    i = next.end
                    continue
                }
                if let next = arabicListedName(after: i) {
                    let rank = listRankSentence == sentOf[next.first] ? listRank : nil
                    // (not marked seen: the list goes on from this name)
                    found.append(Found(name: slice(next.start, toks[next.end - 1].end), rank: rank, titles: appositiveTitles(after: next.end)))
                    i = next.end
                    continue
                }
            }
            // "General Ahmat Bello was installed as director general of the National Police", "installé en tant que directeur":
            // the office after "as" is that of the person named last before it in the sentence
            if !found.isEmpty, lastPersonEnd > 0, toks[i].kind == .word, let rm = p.roleMarkers.match(toks, at: i),
               sameSentence(lastPersonEnd - 1, i), let t = roleTitle(at: rm.end), !found[found.count - 1].titles.contains(t) {
                found[found.count - 1].titles.append(t)
                i = rm.end
                continue
            }
            // "المحكوم عليهم هم: X، Y، وZ": the people listed after a pronoun and a colon
            if p.isArabicScript, toks[i].kind == .word, let list = arabicPronounList(i) {
                for name in list.names { found.append(Found(name: name, rank: nil, titles: [])) }
                seenCount = found.count
                i = list.end
                continue
            }
            // "Politburo members: A; B; C": a heading's office goes to every name listed under it
            if toks[i].kind == .punct, toks[i].text == ":", let t = titleBefore(i) {
                headerSentence = sentOf[i]
                headerTitle = t
                i += 1
                continue
            }
            let before = found.count
            defer {
                if headerSentence >= 0, let h = headerTitle, found.count > before, i > 0, sentOf[min(i, n - 1)] == headerSentence || sentOf[i - 1] == headerSentence {
                    for f in before..<found.count where !found[f].titles.contains(h) { found[f].titles.append(h) }
                }
            }
            // a later mention by family name alone ("Mr Queeley, the Commissioner of Police, said"): its offices are that person's
            if toks[i].kind == .word, i + 1 < n, isPunct(i + 1, [",", "(", "\u{060C}"]), !(i > 0 && nameTok(i - 1)),
               let idx = found.lastIndex(where: { $0.name.hasSuffix(" " + toks[i].text) }) {
                for t in appositiveTitles(after: i + 1) where !found[idx].titles.contains(t) { found[idx].titles.append(t) }
            }
            // Arabic: "المختار ولد اجاي", "البشير بنت X": a given name with the article before "ولد", "بنت" or "بن" opens a name,
            // though the same word can be an office ("المختار") or a rank ("الأمير")
            if p.isArabicScript, toks[i].kind == .word, toks[i].text.hasPrefix("ال"), p.entities.givenNames.containsText(toks[i]), i + 2 < n,
               p.filialParticles.containsText(toks[i + 1]), sameSentence(i, i + 2), let e = nameRun(i, anchored: true), e - i >= 3 {
                found.append(Found(name: slice(toks[i].start, toks[e - 1].end), rank: nil, titles: appositiveTitles(after: e)))
                i = e
                continue
            }
            // Arabic: "رفقة محاميه محمدن ولد الشدو", "شقيقه عبد الرحيم دقلو": after a noun of kinship or association with a
            // pronoun, a name of two words or more
            if p.isArabicScript, i > 0, arabicRelationWithPronoun(i - 1), sameSentence(i - 1, i), nameTok(i) || givenNameAt(i),
               let e = nameRun(i, anchored: true), e - i >= 2 {
                found.append(Found(name: slice(nameStart(i), toks[e - 1].end), rank: nil, titles: appositiveTitles(after: e)))
                i = e
                continue
            }
            // "secrétaire général X": an adjective after an office word, not a rank
            let rankAfterOffice = i > 0 && toks[i].kind == .word && !isCap(i) && !p.isArabicScript && p.has(p.officeWords, toks[i - 1])
            // rank / honorific + name
            // "عبد الأمير": a rank word right after "عبد" is the second half of a given name
            let afterAbd = p.isArabicScript && i > 0 && (toks[i - 1].text == "عبد" || toks[i - 1].text == "وعبد") && sameSentence(i - 1, i)
            // ("Constables Martin Seaman, Devin Challenger and Orlan Vigille": a plural rank heads a list)
            let rankHere = p.ranks.match(toks, at: i)
            let pluralRank = rankHere == nil ? p.pluralRanks.match(toks, at: i) : nil
            if !rankAfterOffice, !afterAbd, let r0 = rankHere ?? pluralRank {
                let r = (value: r0.value, end: r0.end, start: i)
                var s = r.end
                // "the Hon. Dr. Terrance Drew": honorifics in a row
                // "الفريق شرطة حقوقي/ د/ X": a slash after a rank or honorific, as a colon
                while s < n, sameSentence(i, s) {
                    if toks[s].text == "/", p.isArabicScript, adjacent(s - 1, s) { s += 1; continue }
                    guard let r2 = p.ranks.match(toks, at: s), r2.end > s else { break }
                    s = r2.end
                }
                if p.isArabicScript, s < n, toks[s].text == "/" { s += 1 }
                let plural = pluralRank != nil || Self.pluralHonorific.containsText(toks[i])
                if plural {
                    listRankSentence = sentOf[i]
                    listRank = r.value
                }
                if s < n, toks[s].text == ":" { s += 1 }
                // 'العميد "غازي أحمد علي"': a name in quotes after the rank
                let quoted = p.isArabicScript && s + 1 < n && Self.openingQuotes.containsText(toks[s]) && toks[s + 1].kind == .word
                if quoted { s += 1 }
                if s < n, toks[s].kind == .word, let e0 = nameRun(s, anchored: true) {
                    // (an office after the closing quote is the holder's: 'اللواء "خالد غرابة" مدير أمن الإسكندرية')
                    let e = quoted && e0 < n && Self.closingQuotes.containsText(toks[e0]) ? e0 + 1 : e0
                    var titles: [String] = []
                    // "... مدير عام قوات السجون والفريق شرطة X": a rank joined by "و" starts the next item of a list, the office before it is the previous one's
                    let listItem = p.isArabicScript && toks[i].text.hasPrefix("و") && i > 0
                    if !listItem, let tb = titleBefore(i) {
                        if let t0 = chainedTitleBefore(i, tb) { titles.append(t0) }
                        titles.append(tb)
                    }
                    // "Met Acting Deputy Commissioner Tim Godwin": a rank that is also an office is a title too
                    else if let m = p.offices.match(toks, at: i), m.end == r.end, let tb = titleRightBefore(s) { titles.append(tb) }
                    titles += appositiveTitles(after: e)
                    found.append(Found(name: slice(toks[s].start, toks[e0 - 1].end), rank: r.value, titles: titles))
                    i = e
                    // the holder's office written after the name is no new name ("مدير عام قوات السجون")
                    if titles.last != nil, let sp = arabicTitleSpan(e), titles.last == sp.text { i = sp.end }
                    // "comrades Dang Xuan Phong and Trinh Xuan Truong"
                    if plural {
                        while i + 1 < n, toks[i].lower == "and" || toks[i].lower == "et" || toks[i].text == "," || toks[i].text == "\u{060C}",
                              sameSentence(i, i + 1), let e2 = nameRun(i + 1, anchored: true) {
                            found.append(Found(name: slice(nameStart(i + 1), toks[e2 - 1].end), rank: r.value, titles: appositiveTitles(after: e2)))
                            i = e2
                        }
                    }
                    continue
                }
            }
            // "محافظ جرش فراس أبو قاعود", "مدير أمن عدن مطهر الشعيبي": after a territorial office, the first word is the place it governs
            if p.isArabicScript, nameTok(i), i > 0, !nameTok(i - 1), arabicOfficePlace(i), let tb = titleBefore(i), let e = nameRun(i, anchored: true), e - i >= 3,
               let e2 = nameRun(i + 1, anchored: true), e2 >= e {
                found.append(Found(name: slice(toks[i + 1].start, toks[e2 - 1].end), rank: nil, titles: [tb + " " + toks[i].text] + appositiveTitles(after: e2)))
                i = e2
                continue
            }
            // 'وزير الداخلية المكلف “عماد الطرابلسي”': a name in quotes right after an office is its holder's
            if p.isArabicScript, i + 2 < n, Self.openingQuotes.containsText(toks[i]), nameTok(i + 1), let tb = titleBefore(i),
               let e = nameRun(i + 1, anchored: true), e < n, Self.closingQuotes.containsText(toks[e]) {
                found.append(Found(name: slice(toks[i + 1].start, toks[e - 1].end), rank: nil, titles: [tb] + appositiveTitles(after: e + 1)))
                i = e + 1
                continue
            }
            // "le ministre de l'Intérieur Bruno Retailleau", "ministre de l'Administration Territoriale Paul X": capitalised words
            // after "de"/"l'" complete the office; the known given name after them starts its holder's name
            if let h = holderAfterComplement(i) {
                found.append(Found(name: slice(toks[h.start].start, toks[h.end - 1].end), rank: nil, titles: [h.title] + appositiveTitles(after: h.end)))
                i = h.end
                continue
            }
            // office + name / appositive "Name, office"
            // "le président du Cameroun Paul Biya": after a known place that completes an office, a given name starts the holder's name
            let afterPlace = !p.isArabicScript && i >= 2 && p.entities.givenNames.containsText(toks[i]) && p.entities.preps.containsLower(toks[i - 2])
                && p.entities.placeNames[textOf: toks[i - 1]]?.contains([toks[i - 1].text]) == true
            // ("قائد الأمن الداخلي في ريف دمشق أحمد X": a known place before the name ends the office's complement)
            if nameTok(i) || (!p.isArabicScript && innerTok(i)), i == 0 || !nameTok(i - 1) || afterPlace || (p.isArabicScript && arabicPlaceWordAt(i - 1)) {
                if var tb = titleBefore(i), let e = nameRun(i, anchored: true),
                   !p.isArabicScript || givenNameAt(i) || isPunct(e, ["\u{060C}", ",", "."]) || e - i >= 3 || e >= n || !sameSentence(e - 1, e)
                    // ("الرئيس السابق يون سوك-يول خلال": Arabic words are not hyphenated; a hyphenated word is a transliterated name's)
                    || (i..<e).contains(where: { toks[$0].text.unicodeScalars.contains("-") })
                    || arabicFamilyNameAgain(i, e)
                    || (toks[e].kind == .word && (officeWithConjunction(e) != nil || p.ranks.match(toks, at: e) != nil)) {
                    // "Minister for the Prevention of Domestic Violence Mark Speakman": capitals before a known given name end the office
                    var start = i
                    if !p.isArabicScript, e - i >= 4, let g = (i + 2..<(e - 1)).first(where: { p.entities.givenNames.containsText(toks[$0]) }),
                       !p.entities.givenNames.containsText(toks[i]) {
                        start = g
                        tb = slice(toks[i].start, toks[g - 1].end).isEmpty ? tb : tb + " " + slice(toks[i].start, toks[g - 1].end)
                    }
                    let titles = (start == i ? chainedTitleBefore(i, tb).map { [$0] } ?? [] : []) + [tb] + appositiveTitles(after: e)
                    found.append(Found(name: slice(toks[start].start, toks[e - 1].end), rank: nil, titles: titles))
                    i = e
                    if let sp = arabicTitleSpan(e), titles.last == sp.text { i = sp.end }
                    continue
                }
                let atBoundary = startsClause(i)
                // Arabic: "ومحمود" is a list's next name only right after a person ("... علي الجذع ومحمود عجاج العلي", not "والحراش وحسين داي");
                // a given name after an administrative or landform word names a place ("وبئر مراد رايس")
                let given = p.entities.givenNames.containsText(toks[i]) ? !arabicAfterPlaceWord(i) : arabicListedGivenName(i) && i == lastPersonEnd
                // ("وقال ساليفو بيافوغي المحامي عن المتهمين": a verb of speech, a run, then an office: the office's holder speaks)
                let speaks = arabicSpeakerAt(i)
                if nameTok(i), let e = nameRun(i, anchored: false),
                   e - i >= (atBoundary || officeRightAfterComma(e) || bornAfter(e) || given || speaks || arabicAccusativeOffice(e)
                             || speaker(i, e, commonWords: commonWords) ? 2 : 3) {
                    let titles = appositiveTitles(after: e)
                    // an Arabic office right after a run without a comma makes it a name only when it starts with a given name
                    // or follows a verb of speech
                    if !titles.isEmpty, !(p.isArabicScript && !isPunct(e, [",", "\u{060C}"]) && !given && !arabicCompoundStart(i) && !speaks) {
                        let rank = listRankSentence == sentOf[i] ? listRank : nil
                        found.append(Found(name: slice(nameStart(i), toks[e - 1].end), rank: rank, titles: titles))
                        i = e
                        if let sp = arabicTitleSpan(e), titles.last == sp.text { i = sp.end }
                        continue
                    }
                    // "Lò Văn Hạnh (born 1978)", "John Smith, 45,"; "installé par Bernard Cazeneuve": a known given name
                    // ("تعيين خطيب الهبيل واليا على جهة ...": a run before an office in the accusative, the post it is appointed to)
                    if bornAfter(e) || speaker(i, e, commonWords: commonWords) || (given && !(i > 0 && p.entities.orgHeads.containsLower(toks[i - 1])))
                        || arabicAccusativeOffice(e) {
                        found.append(Found(name: slice(nameStart(i), toks[e - 1].end), rank: nil, titles: []))
                        i = e
                        continue
                    }
                }
            }
            // Arabic: "؛ وكلفن سيرفيتا أروشا، 19 عاماً", "وصنديد محمد، نائب مدير الدراسات": "و" written onto a first name no lexicon
            // holds, in a name its age or an office after a comma (the person's) confirms
            if p.isArabicScript, arabicConjoinedNameWord(i), !arabicListedGivenName(i), case let e = nameWordsEnd(from: i + 1, max: 4), e > i + 1,
               bornAfter(e) || officeRightAfterComma(e) || arabicAccusativeOffice(e) {
                found.append(Found(name: slice(toks[i].start + 1, toks[e - 1].end), rank: nil, titles: appositiveTitles(after: e)))
                i = e
                continue
            }
            // Latin script: a run of two to four name words no rule took; the learned model decides ("en remplacement de Joany Caneus")
            if !p.isArabicScript, PersonRunModel.shared != nil || PersonRunModel.dumpFeatures, nameTok(i), i == 0 || !nameTok(i - 1),
               !p.has(p.stopwords, toks[i]), let e = nameRun(i, anchored: false), (2...4).contains(e - i) {
                if PersonRunModel.dumpFeatures {
                    leftoverRuns.append(i)
                } else if let model = PersonRunModel.shared,
                          model.score(personRunFeatures(i, e, atBoundary: startsClause(i), commonWords: commonWords)) > model.threshold {
                    found.append(Found(name: slice(toks[i].start, toks[e - 1].end), rank: nil, titles: []))
                    i = e
                    continue
                }
            }
            i += 1
        }
        if PersonRunModel.dumpFeatures { dumpPersonRuns(leftover: leftoverRuns, commonWords: commonWords) }
        // "Remmy Mukuba ... Mukuba said", "... Mr Mukuba": a capitalised pair whose last word is later a person on its own
        if !p.isArabicScript { found += laterSurnamePeople(known: found.map(\.name), commonWords: commonWords).map { Found(name: $0, rank: nil, titles: []) } }
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
        // "Mme De Bolle" is "Catherine De Bolle", "Syed Kaleem" is "Syed Kaleem Imam": a name that is the start or the end of a longer one
        let words = order.map { $0.split(separator: " ").map(String.init) }
        var dropped = MutableWordSet()
        for (a, wa) in words.enumerated() where wa.count >= 2 {
            for (b, wb) in words.enumerated() where b != a && wb.count > wa.count && (Array(wb.prefix(wa.count)) == wa || Array(wb.suffix(wa.count)) == wa) {
                guard var m = merged[order[b]], let f = merged[order[a]] else { continue }
                if m.rank == nil { m.rank = f.rank }
                for t in f.titles where !m.titles.contains(where: { $0.lowercased() == t.lowercased() }) { m.titles.append(t) }
                merged[order[b]] = m
                dropped.insert(order[a])
                break
            }
        }
        order.removeAll { dropped.contains($0) }
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
