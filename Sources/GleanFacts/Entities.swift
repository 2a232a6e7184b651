// Organizations and places: noun-phrase grammars over the tokens (a head noun with its modifiers and
// complements, acronyms tied to their full form, "X province" / "la ville de X" / "منطقة X"), plus a modest
// lexicon of country, capital and region names. Every word is data in Languages/<code>.json.

/// The entity words of one language, compiled (a class: the extractors read it through `p.entities` many times per token, so it is shared, not copied).
final class EntityLexicon: Sendable {
    /// Nouns that head an organization's name ("Ministry", "Committee", "Direction", "وزارة"), lower-cased.
    let orgHeads: WordSet
    /// Heads that name an organization alone ("Politburo", "Secretariat").
    let orgStandalone: WordSet
    /// Heads that start a name even in lower case ("ministère", "syndicat").
    let orgLowercaseHeads: WordSet
    /// Lower-case heads that start a name only with a capitalised complement ("parquet de Bangui").
    let orgProperComplementHeads: WordSet
    /// Lower-case words that may close a name ("force" in "Traffic Police force").
    let orgTails: WordSet
    /// Prepositions that open a complement ("of", "de", "du").
    let preps: WordSet
    /// Determiners inside a complement ("the", "la", "l'").
    let dets: WordSet
    /// Adjectives that follow a head in languages that put them after the noun.
    let adjectives: WordSet
    let adjSuffixes: [String]
    /// Heads come first, modifiers follow ("Direction générale de ...").
    let headFirst: Bool
    /// Adjectives that mark a place modifier before a head ("Provincial", "Regional").
    let placeAdjectives: WordSet
    /// Upper-case words that are not acronyms of organizations.
    let notAcronyms: WordSet
    /// Place nouns written before the name ("province of X", "la ville de X", "منطقة X").
    let placeBefore: WordSet
    /// Place nouns written after the name ("X province").
    let placeAfter: WordSet
    /// Offices that govern a territory ("préfet des X", "governor of X").
    let placeOffices: WordSet
    /// Office words whose complement is a place named without the article ("محافظ جرش", "مدير أمن عدن").
    let placeComplementHeads: WordSet
    /// Place names by their first word: word lists, longest first.
    let placeNames: WordMap<[[String]]>
    /// Office words that may modify an organization's head ("Standing Committee", "General Department").
    let officeModifiers: WordSet
    /// Arabic nouns that link a complement with li- ("لمكافحة المخدرات").
    let linkNouns: WordSet
    /// Particles inside personal names ("bin", "van", "de").
    let nameParticles: WordSet
    /// Second words of compound given names ("عصام الدين", "عوض الله").
    let nameCompoundSeconds: WordSet
    /// Words that introduce a birth year ("born", "né").
    let birthWords: WordSet
    /// Conjunctions in lists of names ("and", "et", "و").
    let listConjunctions: WordSet
    /// Common given names: a capitalised pair starting with one is a person even without an office.
    let givenNames: WordSet
    /// Prepositions of place before a capitalised name ("à", "en", "in").
    let placePrepositions: WordSet
    /// Administrative nouns whose complement is a place even with the article ("ولاية", "محافظة").
    let adminNouns: WordSet
    /// Administrative nouns that belong to the place's name ("محافظة مسقط").
    let nounsInName: WordSet
    /// Direction and landform words that join the place after them ("شمال إفريقيا").
    let directionWords: WordSet
    /// Landform words that make one place with the known place after them ("ريف دمشق", "ساحل حضرموت").
    let landformWords: WordSet
    /// Organization heads and link nouns with every alef form written bare ("الامن" as well as "الأمن").
    let orgWordsBare: WordSet
    /// Organizations known by name, by their first word: word lists, longest first.
    let knownOrganizations: WordMap<[[String]]>
    /// Adjectives that describe an organization instead of naming it ("المختصة", "الرسمية").
    let descriptiveModifiers: WordSet
    /// Words that never open a name's complement ("Monday" after "on").
    let complementStops: WordSet

    /// The word with hamzated alefs written bare (Arabic writers often drop the hamza).
    static func alefBare(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { "أإآ".unicodeScalars.contains($0) ? "ا" : $0 }))
    }
    /// Words after a name that end it ("Jr", "Sr").
    let nameSuffixes: WordSet
    /// Function words and verbs that are never part of a name (Arabic, where names have no capitals).
    let nameStopWords: WordSet
    /// Words before a place's name that do not make that name a family name ("Central", "North"), lower-cased.
    let placeQualifiers: WordSet
    /// Lower-case heads that start a name when an adjective follows ("police nationale").
    let orgAdjectiveHeads: WordSet
    /// Adjectives (and their endings) that make such a head one body ("nationale", "-ienne").
    let orgHeadAdjectives: WordSet
    let orgHeadAdjectiveSuffixes: [String]
    /// Nouns for an organization's staff or services ("مصالح", "services"): "مصالح وزارة الداخلية" is the ministry.
    let orgServiceNouns: WordSet
    let orgOfficeComplementHeads: WordSet
    let orgPreNounAdjectives: WordSet
    let orgLowercaseTailHeads: WordSet
    let residencePrepositions: WordSet
    let possessiveSuffixes: [String]
    let surnamesInCapitals: Bool
    /// Prepositions between a place noun and its name ("province of X"); nil: the organization prepositions.
    let placeNounPrepositions: WordSet?

    init(_ d: LanguageData, tokenizer tk: Tokenizer) {
        let low = { (a: [String]?) in WordSet((a ?? []).map { $0.lowercased() }) }
        orgHeads = low(d.orgHeads)
        orgStandalone = low(d.orgStandaloneHeads)
        orgLowercaseHeads = low(d.orgLowercaseHeads)
        orgProperComplementHeads = low(d.orgProperComplementHeads)
        orgTails = low(d.orgTails)
        preps = low(d.orgPrepositions)
        dets = low(d.orgDeterminers)
        adjectives = low(d.orgAdjectives)
        adjSuffixes = (d.orgAdjectiveSuffixes ?? []).map { $0.lowercased() }
        headFirst = !(d.orgAdjectiveSuffixes ?? []).isEmpty
        placeAdjectives = low(d.orgPlaceAdjectives)
        notAcronyms = WordSet(d.orgNotAcronyms ?? [])
        placeBefore = low(d.placeNounsBefore)
        placeAfter = low(d.placeNounsAfter)
        placeOffices = low(d.placeOffices)
        placeComplementHeads = low(d.placeComplementHeads)
        var names: [String: [[String]]] = [:]
        // each name also with the other apostrophe ("Murang'a", "Murang’a") and with its first word abbreviated ("St James")
        var spellings: [String] = []
        let abbreviations = d.placeNameAbbreviations ?? [:]
        for n in (d.placeNames ?? []) + (d.placeGazetteers ?? []).flatMap(Gazetteer.places) {
            var forms = [n]
            if n.contains("'") { forms.append(String(n.map { $0 == "'" ? "\u{2019}" : $0 })) }
            if n.contains("\u{2019}") { forms.append(String(n.map { $0 == "\u{2019}" ? "'" : $0 })) }
            for f in forms {
                spellings.append(f)
                for (full, short) in abbreviations where f.hasPrefix(full + " ") {
                    for a in short { spellings.append(a + f.dropFirst(full.count)) }
                }
            }
        }
        for n in spellings {
            let words = tk.tokenize(Array(n.unicodeScalars)).map(\.text)
            guard let f = words.first else { continue }
            names[f, default: []].append(words)
        }
        for k in names.keys {
            // longest first; one copy of each name (a hand list and a gazetteer may both give it)
            var seen = Set<[String]>()
            names[k] = names[k]?.filter { seen.insert($0).inserted }.sorted { $0.count > $1.count }
        }
        placeNames = WordMap(names)
        var known: [String: [[String]]] = [:]
        for n in d.orgKnownNames ?? [] {
            let words = tk.tokenize(Array(n.unicodeScalars)).map(\.text)
            guard let f = words.first, !(known[f]?.contains(words) ?? false) else { continue }
            known[f, default: []].append(words)
        }
        for k in known.keys { known[k]?.sort { $0.count > $1.count } }
        knownOrganizations = WordMap(known)
        descriptiveModifiers = WordSet(d.orgDescriptiveModifiers ?? [])
        complementStops = low(d.orgComplementStops)
        nameParticles = low(d.nameParticles)
        nameCompoundSeconds = WordSet(d.nameCompoundSeconds ?? [])
        officeModifiers = low(d.orgOfficeModifiers)
        linkNouns = low(d.orgLinkNouns)
        birthWords = low(d.birthWords)
        listConjunctions = low(d.listConjunctions)
        givenNames = WordSet(d.givenNames ?? [])
        nameSuffixes = WordSet(d.nameSuffixes ?? [])
        nameStopWords = WordSet(d.nameStopWords ?? [])
        placePrepositions = WordSet(d.placePrepositions ?? [])
        adminNouns = WordSet(d.placeAdminNouns ?? [])
        nounsInName = WordSet(d.placeNounsInName ?? [])
        directionWords = WordSet(d.placeDirectionWords ?? [])
        landformWords = WordSet(d.placeLandformWords ?? [])
        orgWordsBare = WordSet(((d.orgHeads ?? []) + (d.orgLinkNouns ?? [])).map(EntityLexicon.alefBare))
        placeQualifiers = low(d.placeQualifiers)
        orgAdjectiveHeads = low(d.orgAdjectiveHeads)
        orgHeadAdjectives = low(d.orgHeadAdjectives)
        orgHeadAdjectiveSuffixes = (d.orgHeadAdjectiveSuffixes ?? []).map { $0.lowercased() }
        orgServiceNouns = WordSet(d.orgServiceNouns ?? [])
        orgOfficeComplementHeads = low(d.orgOfficeComplementHeads)
        orgPreNounAdjectives = low(d.orgPreNounAdjectives)
        orgLowercaseTailHeads = low(d.orgLowercaseTailHeads)
        residencePrepositions = low(d.residencePrepositions)
        possessiveSuffixes = d.possessiveSuffixes ?? []
        surnamesInCapitals = d.surnamesInCapitals ?? false
        placeNounPrepositions = d.placeNounPrepositions.map { WordSet($0.map { $0.lowercased() }) }
    }
}

extension Doc {
    // MARK: shared helpers

    /// Arabic: the word without one attached conjunction or preposition ("ووزارة" -> "وزارة", "للجنة" -> "اللجنة").
    /// Returns the stripped word and how many scalars were dropped.
    func arabicBase(_ i: Int) -> (String, Int) {
        let s = toks[i].text
        guard p.isArabicScript, let f = s.unicodeScalars.first, f == "و" || f == "ب" || f == "ل" || f == "ف" || f == "ك",
              s.unicodeScalars.count >= 4 else { return (s, 0) }
        let rest = String(s.unicodeScalars.dropFirst())
        if f == "ل", rest.unicodeScalars.first == "ل" { return ("ا" + rest, 1) }
        return (rest, 1)
    }

    private func isOfficeOrRank(_ i: Int) -> Bool {
        p.has(p.officeWords, toks[i]) || p.ranks.match(toks, at: i) != nil
    }

    private func isStop(_ i: Int) -> Bool {
        p.has(p.stopwords, toks[i]) || p.months.match(toks, at: i) != nil
    }

    /// An adjective after a lower-case head that makes it one body ("nationale", "algérienne").
    private func namingAdjective(_ w: String) -> Bool {
        let e = p.entities
        return e.orgHeadAdjectives.contains(w) || e.orgHeadAdjectiveSuffixes.contains(where: { w.hasSuffix($0) && w.unicodeScalars.count > $0.unicodeScalars.count + 2 })
    }

    private func isLatinAdjective(_ i: Int) -> Bool {
        let e = p.entities
        let w = toks[i].lower
        if e.adjectives.contains(w) { return true }
        guard w.unicodeScalars.count >= 4, !p.has(p.stopwords, toks[i]) else { return false }
        for suf in e.adjSuffixes where w.hasSuffix(suf) { return true }
        return false
    }

    /// An all-capitals word of 2...6 letters that may be an acronym ("DGSN", "VNA").
    private func acronymAt(_ i: Int) -> Bool {
        guard !p.isArabicScript, i < n, toks[i].kind == .word, !used[i] else { return false }
        let t = toks[i].text
        let c = t.unicodeScalars.count
        guard c >= 2, c <= 6, t.unicodeScalars.allSatisfy({ Scalars.isUpper($0) }) else { return false }
        if t.unicodeScalars.allSatisfy({ "IVXLCDM".unicodeScalars.contains($0) }) { return false }
        if p.entities.notAcronyms.contains(t) || p.vocab.contains(t) { return false }
        if surnameInCapitals(i) { return false }
        if i + 1 < n, adjacent(i, i + 1), toks[i + 1].kind != .punct { return false }
        if i > 0, adjacent(i - 1, i), toks[i - 1].kind != .punct { return false }
        // a line in capitals ("SÉCURITÉ. LA POLICE") is a kicker, not acronyms
        for j in [i - 1, i + 1] where j >= 0 && j < n && sameSentence(i, j) && toks[j].kind == .word && toks[j].text.unicodeScalars.count > 1 {
            if toks[j].text.unicodeScalars.allSatisfy({ Scalars.isUpper($0) }) { return false }
        }
        return true
    }

    /// "Assimi GOITA": where the language writes surnames in capitals, a word in capitals right after a capitalised word
    /// that names nothing else (not a function, organization, place, office or rank word) is a surname, not an acronym.
    func surnameInCapitals(_ i: Int) -> Bool {
        guard p.entities.surnamesInCapitals, i > 0, i < n, toks[i].kind == .word, toks[i - 1].kind == .word, toks[i].spaceBefore, !toks[i].paragraphBefore,
              sameSentence(i - 1, i), isCap(i - 1), toks[i].text.unicodeScalars.count >= 3 else { return false }
        let prev = toks[i - 1]
        if prev.text.unicodeScalars.allSatisfy({ !Scalars.isLower($0) }) { return false }
        if p.has(p.stopwords, prev) || (prev.knownExact && p.orgWords.containsText(prev)) || p.entities.orgHeads.containsLower(prev) { return false }
        if p.entities.placeNames[textOf: prev] != nil || isOfficeOrRank(i - 1) || p.months.match(toks, at: i - 1) != nil { return false }
        return true
    }

    /// Initials of a name's content words ("Sûreté du Québec" -> "SQ").
    private func initials(_ r: Range<Int>) -> String {
        var s = ""
        for k in r where toks[k].kind == .word {
            if p.entities.preps.containsLower(toks[k]) || p.entities.dets.containsLower(toks[k]) || p.has(p.stopwords, toks[k]) { continue }
            if let f = toks[k].text.unicodeScalars.first { s.unicodeScalars.append(f) }
        }
        return s.uppercased()
    }

    // MARK: organizations

    /// Token ranges of organization names, in text order (nested names included): the grammar's names, then the
    /// organizations known by name that no grammar name covers.
    mutating func organizationSpans() -> [Range<Int>] {
        let spans = grammarOrganizationSpans().filter { !isPlaceName($0) }
        let known = knownOrganizationSpans(outside: spans)
        return known.isEmpty ? spans : (spans + known).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// "the United Nations", "l'OTAN", "وحركة حماس": a name of the known-organizations lexicon at tokens outside `spans`
    /// (Arabic: also after an attached conjunction or preposition), not glued to more capitals.
    private func knownOrganizationSpans(outside spans: [Range<Int>]) -> [Range<Int>] {
        let known = p.entities.knownOrganizations
        guard !known.isEmpty else { return [] }
        var covered = Array(repeating: false, count: n)
        for r in spans { for q in r { covered[q] = true } }
        var out: [Range<Int>] = []
        var i = 0
        while i < n {
            guard toks[i].kind == .word, !covered[i] else { i += 1; continue }
            var cands = known[textOf: toks[i]]
            if cands == nil, p.isArabicScript, case let (b, cut) = arabicBase(i), cut > 0 { cands = known[b] }
            guard let cs = cands else { i += 1; continue }
            var len = 0
            for c in cs where i + c.count <= n {
                if (1..<max(c.count, 1)).allSatisfy({ $0 >= c.count || (toks[i + $0].text == c[$0] && !toks[i + $0].paragraphBefore && !covered[i + $0]) }) {
                    len = c.count
                    break
                }
            }
            guard len > 0 else { i += 1; continue }
            let last = i + len - 1
            var ok = true
            if !p.isArabicScript {
                // a known acronym ("UN", "OTAN") is read by the acronym rule, which ties it to its long form;
                // a capital glued before or after makes another name
                let t = toks[i].text
                if len == 1, t.unicodeScalars.count > 1, t.unicodeScalars.allSatisfy({ !Scalars.isLower($0) }) { ok = false }
                if i > 0, sameSentence(i - 1, i), !toks[i].paragraphBefore, toks[i - 1].kind == .word, isCap(i - 1), !isStop(i - 1) { ok = false }
                if last + 1 < n, sameSentence(last, last + 1), !toks[last + 1].paragraphBefore, toks[last + 1].kind == .word, isCap(last + 1), !isStop(last + 1) { ok = false }
            }
            if ok { out.append(i..<(last + 1)); i = last + 1 } else { i += 1 }
        }
        return out
    }

    /// A Latin-script span that is exactly a name of the place lexicon ("West Bank" has the head "Bank" but names a place).
    private func isPlaceName(_ r: Range<Int>) -> Bool {
        guard !p.isArabicScript, r.count >= 2, let cands = p.entities.placeNames[textOf: toks[r.lowerBound]] else { return false }
        return cands.contains { c in c.count == r.count && (0..<r.count).allSatisfy { toks[r.lowerBound + $0].text == c[$0] } }
    }

    /// Token ranges of the organization grammar's names, in text order (nested names included).
    private mutating func grammarOrganizationSpans() -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = 0
        if p.isArabicScript {
            while i < n {
                if let r = arabicOrg(at: i) { spans.append(r); i = r.upperBound } else { i += 1 }
            }
            return spans
        }
        while i < n {
            guard toks[i].kind == .word else { i += 1; continue }
            if p.entities.headFirst {
                if let r = headFirstOrg(at: i) {
                    spans.append(r)
                    // a name inside the complement ("Comité permanent du Comité provincial du Parti")
                    var k = i + 1
                    while k < r.upperBound {
                        // an inner name with its own adjective ("du Comité provincial du Parti")
                        if k > i + 1, p.entities.preps.containsLower(toks[k - 1]) || p.entities.dets.containsLower(toks[k - 1]),
                           let inner = headFirstOrg(at: k, inner: true), inner.upperBound <= r.upperBound, inner.count >= 2, isLatinAdjective(k + 1) {
                            spans.append(inner)
                        }
                        k += 1
                    }
                    i = r.upperBound
                    continue
                }
                i += 1
                continue
            }
            if let r = headLastOrg(at: i) {
                spans.append(r.span)
                for inner in r.inner { spans.append(inner) }
                i = r.next
            } else {
                i += 1
            }
        }
        return spans
    }

    /// Capitalised words usable inside a Latin organization name at `k`.
    private func orgCapWord(_ k: Int) -> Bool {
        guard k < n, toks[k].kind == .word, isCap(k) else { return false }
        // a capitalised function word ends a name, a one-letter capital inside it does not ("Viet A Corporation")
        if isStop(k), toks[k].text.unicodeScalars.count > 1 || k == 0 || sentOf[k - 1] != sentOf[k] { return false }
        // a sentence's first word in -ing ("Regarding", "Attending") is a verb
        if k == 0 || sentOf[k - 1] != sentOf[k] || toks[k].paragraphBefore, toks[k].lower.hasSuffix("ing") { return false }
        if isOfficeOrRank(k), !p.entities.orgHeads.containsLower(toks[k]) {
            // "Standing Committee", "General Department": an office word that modifies an organization's head
            let e = p.entities
            guard e.officeModifiers.containsLower(toks[k]), k + 1 < n, isCap(k + 1),
                  e.orgHeads.containsLower(toks[k + 1]) || (toks[k + 1].knownExact && p.orgWords.containsText(toks[k + 1])) else { return false }
        }
        return true
    }

    /// The next token of a capitalised run after `r - 1` ("St." keeps its dot inside a name).
    private func runContinues(_ r: Int) -> Int? {
        if r < n, toks[r].kind == .punct, toks[r].text == ".", r > 0, adjacent(r - 1, r), p.has(p.abbreviations, toks[r - 1]), r + 1 < n, isCap(r + 1) { return r + 1 }
        return nil
    }

    /// English-style names: modifiers then the head ("Central Public Security Party Committee"), then "of ..." complements.
    private func headLastOrg(at i: Int) -> (span: Range<Int>, inner: [Range<Int>], next: Int)? {
        let e = p.entities
        guard orgCapWord(i) else { return nil }
        if i > 0, orgCapWord(i - 1), sameSentence(i - 1, i), !toks[i].paragraphBefore { return nil }
        var r = i
        var conj = -1
        while r < n, orgCapWord(r), r == i || (!toks[r].paragraphBefore && toks[r].spaceBefore) {
            r += 1
            if let c = runContinues(r), orgCapWord(c) { r = c }
            // "St Christopher and Nevis Police Force": "and" between capitals, kept only when a head follows it
            if conj < 0, r + 1 < n, toks[r].text == "&" || (e.listConjunctions.containsText(toks[r]) && !isCap(r)), orgCapWord(r + 1), sameSentence(r, r + 1) {
                conj = r
                r += 1
            }
        }
        var h = -1
        for k in i..<r where e.orgHeads.containsLower(toks[k]) { h = k }
        // "... Party Committee and People's Committee": two names when a head stands on each side
        if conj >= 0, h < conj || (i..<conj).contains(where: { e.orgHeads.containsLower(toks[$0]) }) {
            r = conj
            h = -1
            for k in i..<r where e.orgHeads.containsLower(toks[k]) { h = k }
        }
        // "National Public Service Portal": known words after the last head make it another kind of name;
        // "... Committee Office Le Minh Hung": unknown ones are a person's name after it
        if h >= 0, h + 1 < r, (h + 1..<r).contains(where: { toks[$0].kind == .word && p.vocab.containsLower(toks[$0]) }) { return nil }
        // "Provincial Party Secretary", "Regional Police Chief": the run qualifies an office, it is not named here
        if h >= 0, h + 1 == r, r < n, toks[r].kind == .word, isCap(r), p.has(p.officeWords, toks[r]), !e.officeModifiers.containsLower(toks[r]) { return nil }
        var inner: [Range<Int>] = []
        if h < 0 {
            // "Nakasozi police post", "Brikama police station": a place's name, a lower-case tail and a lower-case head
            if r + 1 < n, r - i <= 3, sameSentence(r, r + 1), !isCap(r), !isCap(r + 1), e.orgTails.containsLower(toks[r]), e.orgLowercaseTailHeads.containsLower(toks[r + 1]),
               !(i..<r).contains(where: { p.vocab.containsLower(toks[$0]) }) {
                return (i..<(r + 2), [], r + 2)
            }
            // "Tan Lac district police"
            if r + 1 < n, sameSentence(r, r + 1), e.placeAfter.containsLower(toks[r]) || e.placeAdjectives.containsLower(toks[r]), !isCap(r),
               e.orgTails.containsLower(toks[r + 1]) || e.orgLowercaseHeads.containsLower(toks[r + 1]), !isCap(r + 1) {
                return (i..<(r + 2), [], r + 2)
            }
            return nil
        }
        var end = h + 1
        if end == r {
            // complements: "of the Party Central Committee", "of Lang Son province"
            var k = end
            while k + 1 < n, sameSentence(end - 1, k), e.preps.containsLower(toks[k]), !isCap(k) {
                var m = k + 1
                while m < n, e.dets.containsLower(toks[m]), !isCap(m) || toks[m].lower == "the" { m += 1 }
                let cs = m
                // "the Daily Times on Monday": a weekday opens no complement
                if m < n, e.complementStops.containsLower(toks[m]) { break }
                // "Ministry of Justice", "Office of the Director of Public Prosecution": an office named by the complement
                // (not one a person's name follows: "... of Justice Minister X")
                if m < n, e.orgOfficeComplementHeads.containsLower(toks[h]), !orgCapWord(m), isCap(m), sameSentence(cs, m),
                   let o = p.offices.match(toks, at: m), o.end > m, o.end >= n || !sameSentence(m, o.end) || !(toks[o.end].kind == .word && isCap(o.end)) {
                    m = o.end
                    if m + 1 < n, sameSentence(cs, m + 1), e.preps.containsLower(toks[m]), !isCap(m), orgCapWord(m + 1) { m += 1 }
                }
                while m < n, orgCapWord(m), sameSentence(cs, m), m - cs < 8 {
                    m += 1
                    // "Communist Party of Vietnam", "Bureau of Crime Statistics and Research": an inner "of" or "and" between capitals
                    if m + 1 < n, e.preps.containsLower(toks[m]) || e.listConjunctions.containsLower(toks[m]), !isCap(m), orgCapWord(m + 1) { m += 1 }
                }
                guard m > cs else { break }
                // a person's name after the complement is not part of it ("... Security Nguyen Van A" stops at ranks and offices)
                if m < n, e.placeAfter.containsLower(toks[m]), !isCap(m) { m += 1 }
                var hasHead = false
                for q in cs..<m where e.orgHeads.containsLower(toks[q]) { hasHead = true }
                if hasHead, m - cs >= 2 {
                    var ce = m
                    while ce > cs, !e.orgHeads.containsLower(toks[ce - 1]) { ce -= 1 }
                    if ce - cs >= 2, ce == m { inner.append(cs..<ce) }
                }
                end = m
                k = m
            }
            if end == h + 1, end < n, e.orgTails.containsLower(toks[end]), !isCap(end), sameSentence(h, end) { end += 1 }
        }
        let span = i..<end
        if span.count == 1 && !e.orgStandalone.containsLower(toks[i]) { return nil }
        return (span, inner, max(end, r))
    }

    /// French-style names: the head, adjectives, then "de ..." complements ("Direction générale de la sûreté nationale").
    private func headFirstOrg(at i: Int, inner: Bool = false) -> Range<Int>? {
        let e = p.entities
        guard i < n, toks[i].kind == .word, e.orgHeads.containsLower(toks[i]) else { return nil }
        let capHead = isCap(i)
        // "police nationale", "direction générale de ...": a lower-case head that an adjective follows
        // (an adjective that makes it one body: "nationale", "fédérale", "algérienne"; not "municipale" or "judiciaire")
        let adjectiveHead = !inner && !capHead && e.orgAdjectiveHeads.containsLower(toks[i]) && i + 1 < n && sameSentence(i, i + 1)
            && toks[i + 1].kind == .word && !isCap(i + 1) && namingAdjective(toks[i + 1].lower)
        let properComplementHead = !inner && !capHead && e.orgProperComplementHeads.containsLower(toks[i])
        if !capHead, !e.orgLowercaseHeads.containsLower(toks[i]), !adjectiveHead, !properComplementHead { return nil }
        if i > 0, toks[i - 1].kind == .word, isCap(i - 1), !isStop(i - 1), sameSentence(i - 1, i), !isOfficeOrRank(i - 1),
           !e.dets.containsLower(toks[i - 1]), !e.preps.containsLower(toks[i - 1]) { return nil }
        var end = i + 1
        var hasCapital = capHead
        // adjectives right after the head
        while end < n, sameSentence(i, end), toks[end].kind == .word, toks[end].spaceBefore {
            if isLatinAdjective(end) || (isCap(end) && (e.orgHeads.containsLower(toks[end]) || isLatinAdjective(end))) { if isCap(end) { hasCapital = true }; end += 1; continue }
            break
        }
        // complements
        var properName = false
        while end + 1 < n, end - i < 14, sameSentence(i, end) {
            // "technique et scientifique", "de la délinquance et des réponses pénales": a coordinated adjective or complement
            // "technique et scientifique": a coordinated adjective
            if e.listConjunctions.containsLower(toks[end]), end + 1 < n, sameSentence(end, end + 1),
               toks[end + 1].kind == .word, !isCap(end + 1), isLatinAdjective(end + 1) {
                end += 2
                continue
            }
            // "de la délinquance et des réponses pénales", "de Fada et de Tenkodogo": a coordinated complement
            if e.listConjunctions.containsLower(toks[end]), end + 2 < n, sameSentence(end, end + 1), e.preps.containsLower(toks[end + 1]) {
                var c = end + 2
                while c < n, e.dets.containsLower(toks[c]) { c += 1 }
                // the same kind of complement: another proper name after a proper name, a noun with its adjective after a
                // common noun; never another organization ("et du Comité populaire") or people ("et des dirigeants du ...")
                let proper = c < n && isCap(c) && properName && !e.orgHeads.containsLower(toks[c]) && !isOfficeOrRank(c)
                let common = c + 1 < n && !isCap(c) && !properName && toks[c].kind == .word && !isOfficeOrRank(c) && !isCap(c + 1)
                    && isLatinAdjective(c + 1) && !(c + 2 < n && e.preps.containsLower(toks[c + 2]))
                // "de la Sécurité Publique et de l'Immigration": a capitalised common noun after a capitalised common noun;
                // "des institutions et de la sécurité": a lower-case noun that closes the name after a lower-case one
                let prevCap = end > 0 && isCap(end - 1)
                let titled = c < n && isCap(c) && prevCap && !properName && toks[c].kind == .word && p.vocab.containsLower(toks[c]) == false
                    && !e.orgHeads.containsLower(toks[c]) && !isOfficeOrRank(c) && !(c + 1 < n && e.preps.containsLower(toks[c + 1]))
                let lastCommon = c < n && !isCap(c) && !prevCap && !properName && toks[c].kind == .word && !isOfficeOrRank(c) && !p.has(p.stopwords, toks[c])
                    && (c + 1 >= n || !sameSentence(c, c + 1) || toks[c + 1].kind != .word)
                guard proper || common || titled || lastCommon else { break }
                end += 1
            }
            guard e.preps.containsLower(toks[end]), !properName || (end + 2 < n && (isCap(end + 1) || isCap(end + 2))) else { break }
            var m = end + 1
            while m < n, e.dets.containsLower(toks[m]) { m += 1 }
            guard m < n, toks[m].kind == .word, sameSentence(i, m), !p.has(p.stopwords, toks[m]) || isCap(m),
                  !isOfficeOrRank(m) || e.orgPreNounAdjectives.containsLower(toks[m]) else { break }
            if isCap(m) {
                hasCapital = true
                let first = m
                m += 1
                // a proper name may run over several capitals ("de Lao Cai"), a common noun does not
                while m < n, m - first < 3, isCap(m), !p.vocab.containsLower(toks[first]), toks[m].kind == .word, !isOfficeOrRank(m), sameSentence(first, m) { m += 1 }
                // "de Haute-Savoie des individus": after a proper name, only another capitalised complement goes on
                if !p.vocab.containsLower(toks[first]), !e.orgHeads.containsLower(toks[first]) { properName = true }
            } else {
                // "de répondre", "pour orienter": an infinitive ends the name
                if m > end + 1 || !p.entities.dets.containsLower(toks[m - 1]), toks[m].lower.hasSuffix("er") || toks[m].lower.hasSuffix("ir") { break }
                // "de première instance", "de grande instance": an adjective before the complement's noun
                if e.orgPreNounAdjectives.containsLower(toks[m]), m + 1 < n, sameSentence(m, m + 1), toks[m + 1].kind == .word, !isCap(m + 1),
                   !p.has(p.stopwords, toks[m + 1]) { m += 1 }
                m += 1
            }
            while m < n, sameSentence(i, m), toks[m].kind == .word, isLatinAdjective(m) || (isCap(m) && isLatinAdjective(m)) { if isCap(m) { hasCapital = true }; m += 1 }
            end = m
        }
        guard capHead ? true : (hasCapital || e.orgLowercaseHeads.containsLower(toks[i]) || adjectiveHead) else { return nil }
        if properComplementHead, !adjectiveHead, !properName, !(i + 1..<end).contains(where: { isCap($0) }) { return nil }
        if end - i == 1, !(capHead && e.orgStandalone.containsLower(toks[i])) { return nil }
        // trailing prepositions or determiners never end a name
        while end > i + 1, e.preps.containsLower(toks[end - 1]) || e.dets.containsLower(toks[end - 1]) || e.listConjunctions.containsLower(toks[end - 1]) { end -= 1 }
        return i..<end
    }

    /// Arabic names: a head ("وزارة", "مديرية", "الشرطة") with definite modifiers, or a place noun and its name.
    private func arabicOrg(at i: Int) -> Range<Int>? {
        let e = p.entities
        guard toks[i].kind == .word else { return nil }
        let (base, _) = arabicBase(i)
        guard e.orgHeads.containsText(toks[i]) || e.orgHeads.contains(base) else { return nil }
        var m = i + 1
        var mods = 0
        var onlyGeneric = true
        while m < n, sameSentence(i, m), toks[m].kind == .word, mods < 5 {
            let t = toks[m].text
            // "مجلس إدارة الأكاديمية": a head in the construct state before the definite modifier
            if m == i + 1, e.orgHeads.contains(t), !t.hasPrefix("ال"), !e.orgServiceNouns.contains(arabicBase(i).0), m + 1 < n, sameSentence(m, m + 1),
               toks[m + 1].text.hasPrefix("ال") || (e.adminNouns.containsText(toks[m + 1]) && m + 2 < n && sameSentence(m, m + 2) && toks[m + 2].text.hasPrefix("ال")) {
                m += 1
                continue
            }
            if e.placeBefore.contains(t), m + 1 < n, sameSentence(m, m + 1), toks[m + 1].kind == .word, !toks[m + 1].text.hasPrefix("ال"),
               !p.stopwords.containsText(toks[m + 1]), !p.vocab.containsText(toks[m + 1]) {
                // "شرطة منطقة هاي ها"
                var q = m + 1
                while q < n, q - m <= 3, sameSentence(m, q), arabicNameWord(q) { q += 1 }
                m = q
                mods += 1
                onlyGeneric = false
                break
            }
            if t.unicodeScalars.contains(where: { (0x64B...0x64D).contains($0.value) }) { break }
            // "للأدلة", "لمكافحة المخدرات": a complement with the preposition li-
            // "للعلاقات والإعلام": a coordinated complement
            // "مركز القيادة والسيطرة": a coordinated modifier (another head after "و" starts another name)
            // ("قوات الجمارك واللواء X": a rank after "و" starts a person)
            if mods > 0, t.hasPrefix("وال"), m > 0, toks[m - 1].text.hasPrefix("لل") || toks[m - 1].text.hasPrefix("ال"), !p.stopwords.contains(t),
               !e.orgHeads.contains(String(t.dropFirst())), e.knownOrganizations[String(t.dropFirst())] == nil,
               !p.ranks.startsWith(String(t.dropFirst())), !p.offices.startsWith(String(t.dropFirst())) { mods += 1; m += 1; continue }
            // "شرطة ولاية الخرطوم", "قيادة الأمن الداخلي بمحافظة درعا": an administrative noun and its definite place name
            let (mb, mcut) = arabicBase(m)
            let viaFi = t == "في" && m + 1 < n && e.adminNouns.containsText(toks[m + 1])
            if (e.adminNouns.contains(t) && !toks[m].text.hasPrefix("ال")) || (mods > 0 && !onlyGeneric && ((mcut > 0 && t.hasPrefix("ب") && e.adminNouns.contains(mb)) || viaFi)) {
                let q = viaFi ? m + 2 : m + 1
                if q < n, sameSentence(m, q), toks[q].kind == .word, !e.orgWordsBare.contains(EntityLexicon.alefBare(toks[q].text)), !p.stopwords.containsText(toks[q]),
                   toks[q].text.hasPrefix("ال") || arabicNameWord(q) {
                    var r = q + 1
                    // "ولاية نواكشوط الغربية", "محافظة ريف دمشق"
                    if r < n, sameSentence(q, r), e.directionWords.containsText(toks[r]) || (e.landformWords.containsText(toks[q]) && arabicNameWord(r)) { r += 1 }
                    m = r; mods += 1; onlyGeneric = false
                    break
                }
            }
            if mods > 0, t.hasPrefix("لل") || (t.hasPrefix("ل") && e.linkNouns.contains(String(t.dropFirst())) && m + 1 < n && toks[m + 1].text.hasPrefix("ال")), !p.stopwords.contains(t) {
                mods += 1; m += 1; onlyGeneric = false; continue
            }
            guard t.hasPrefix("ال"), !p.stopwords.contains(t), !e.nameStopWords.contains(t), !e.descriptiveModifiers.contains(t),
                  p.ranks.match(toks, at: m) == nil, p.offices.match(toks, at: m) == nil else { break }
            // "شرطة المنطقة": a generic place noun ends the name
            if e.placeBefore.contains(arabicIndefinite(t)) { mods += 1; m += 1; break }
            onlyGeneric = false
            mods += 1
            m += 1
        }
        guard mods > 0, !onlyGeneric else { return nil }
        return i..<m
    }

    /// An Arabic word that can belong to a transliterated name: no article, no conjunction, no case ending, not a known word.
    func arabicNameWord(_ q: Int) -> Bool {
        guard toks[q].kind == .word else { return false }
        let t = toks[q].text
        if t.hasPrefix("ال") || t.hasPrefix("و") || p.stopwords.contains(t) || p.vocab.contains(t) { return false }
        if t.unicodeScalars.contains(where: { (0x64B...0x64D).contains($0.value) }) || t.hasSuffix("ة") || p.entities.nameStopWords.contains(t) { return false }
        // a verb in the feminine past after the name ("أوقفت", "أعلنت")
        if q > 0, toks[q - 1].kind == .word, t.hasSuffix("ت"), t.hasPrefix("أ") || t.hasPrefix("ا") || t.hasPrefix("ت"), t.unicodeScalars.count >= 4,
           arabicNameWordPlain(q - 1) { return false }
        return true
    }

    private func arabicNameWordPlain(_ q: Int) -> Bool {
        let t = toks[q].text
        return !t.hasPrefix("ال") && !p.stopwords.contains(t) && !p.vocab.contains(t) && !p.entities.placeBefore.contains(t) && !p.entities.orgHeads.contains(t)
    }

    /// A name word ending in ta marbuta right after an administrative noun ("محافظة شبوة"): no article, not a known word, no nisba.
    private func arabicFeminineName(_ q: Int) -> Bool {
        let t = toks[q].text, e = p.entities
        return toks[q].kind == .word && t.hasSuffix("ة") && !t.hasSuffix("ية") && !t.hasPrefix("ال") && !t.hasPrefix("و") && !p.stopwords.contains(t)
            && !p.vocab.contains(t) && !e.nameStopWords.contains(t) && !e.orgHeads.contains(t) && !e.placeBefore.contains(t)
            && !t.unicodeScalars.contains(where: { (0x64B...0x64D).contains($0.value) })
    }

    private func arabicIndefinite(_ t: String) -> String {
        t.hasPrefix("ال") ? String(t.dropFirst(2)) : t
    }

    /// The text of an organization span (Arabic: without an attached conjunction or preposition).
    private func spanText(_ r: Range<Int>) -> (String, Int) {
        var start = toks[r.lowerBound].start
        if p.isArabicScript {
            let (base, cut) = arabicBase(r.lowerBound)
            if cut > 0, p.entities.orgHeads.contains(base) || p.entities.placeBefore.contains(base) || p.entities.knownOrganizations[base] != nil {
                start += cut
                if base.hasPrefix("ال"), toks[r.lowerBound].text.hasPrefix("لل") { return ("ا" + slice(start, toks[r.upperBound - 1].end), start) }
            }
        }
        return (slice(start, toks[r.upperBound - 1].end), start)
    }

    private func entityKey(_ s: String) -> String {
        var k = s.lowercased()
        for a in ["the ", "le ", "la ", "les ", "l'", "l\u{2019}", "al-", "ال"] where k.hasPrefix(a) { k = String(k.dropFirst(a.count)); break }
        return k
    }

    mutating func extractOrganizations(spans given: [Range<Int>]? = nil) -> [Organization] {
        let spans = given ?? organizationSpans()
        var order: [String] = []
        var byKey: [String: Organization] = [:]
        var initialsOf: [String: String] = [:]
        func add(_ name: String, _ offset: Int, key: String? = nil) {
            let k = key ?? entityKey(name)
            if var o = byKey[k] {
                o.mentions += 1
                if name.unicodeScalars.count > o.name.unicodeScalars.count, entityKey(name) == k { o.name = name }
                byKey[k] = o
            } else {
                byKey[k] = Organization(name: name, mentions: 1, firstOffset: offset)
                order.append(k)
            }
        }
        var spanEnds: [Int: String] = [:]
        var covered = Array(repeating: false, count: n)
        var glued: [String: String] = [:]
        for r in spans {
            var (name, off) = spanText(r)
            // "Uganda Coalition Forces of Change-UCFC": an acronym glued by a hyphen to the name is its alias
            if !p.isArabicScript, let dash = name.lastIndex(of: "-"), name.index(after: dash) < name.endIndex {
                let tail = String(name[name.index(after: dash)...])
                let c = tail.unicodeScalars.count
                if c >= 2, c <= 6, tail.unicodeScalars.allSatisfy({ Scalars.isUpper($0) }), name[..<dash].contains(" ") {
                    name = String(name[..<dash])
                    glued[tail] = entityKey(name)
                }
            }
            let k = entityKey(name)
            add(name, off)
            spanEnds[r.upperBound] = k
            for q in r { covered[q] = true }
            if !p.isArabicScript { initialsOf[initials(r)] = initialsOf[initials(r)] ?? k }
        }
        if !p.isArabicScript {
            // acronyms: "(DGST)" right after a name is that name; elsewhere an acronym of a name's initials is that name
            var aliases: [String: String] = glued
            var notOrganizations = MutableWordSet()
            let dateline = datelineTokens()
            for i in 0..<n where acronymAt(i) && !covered[i] {
                guard i >= 1, toks[i - 1].text == "(", i + 1 < n, toks[i + 1].text == ")" else { continue }
                if let k = spanEnds[i - 1] { aliases[toks[i].text] = k; continue }
                // "Volunteers Against Crime and Corruption (VACC)": the words before it whose initials spell it
                guard let r = expansion(of: i) else { continue }
                if expansionIsOrganization(r) {
                    let (name, off) = spanText(r)
                    add(name, off)
                    aliases[toks[i].text] = entityKey(name)
                    for q in r { covered[q] = true }
                } else {
                    // "Inspector General of Police (IGP)", "Apprehended Domestic Violence Order (ADVO)": an acronym of something else
                    notOrganizations.insert(toks[i].text)
                }
            }
            for i in 0..<n where acronymAt(i) && !covered[i] && !dateline.contains(i) && !notOrganizations.containsText(toks[i]) {
                let a = toks[i].text
                if let k = aliases[a] ?? initialsOf[a], var o = byKey[k] {
                    o.mentions += 1
                    byKey[k] = o
                } else if a.unicodeScalars.count >= 3 || p.entities.knownOrganizations[a]?.contains([a]) == true {
                    add(a, toks[i].start, key: a.lowercased())
                }
            }
        }
        return mergeVariants(order.compactMap { byKey[$0] })
    }

    /// The words right before "(" at `i - 1` whose initials spell the acronym at `i` (with or without their function words).
    private func expansion(of i: Int) -> Range<Int>? {
        let a = toks[i].text
        var s = i - 2
        while s >= 0, s >= i - 13, sameSentence(s, i), toks[s].kind == .word {
            if isCap(s) {
                let r = s..<(i - 1)
                if initials(r) == a || allInitials(r) == a { return r }
            }
            s -= 1
        }
        return nil
    }

    /// Initials of every word, function words included ("Volunteers Against Crime and Corruption" -> "VACC").
    private func allInitials(_ r: Range<Int>) -> String {
        var s = ""
        for k in r where toks[k].kind == .word { if let f = toks[k].text.unicodeScalars.first { s.unicodeScalars.append(f) } }
        return s.uppercased()
    }

    /// An acronym's expansion names an organization when it holds a head ("Service statistique ministériel ...") or is a
    /// capitalised group of people named by a plural ("Volunteers Against Crime and Corruption"); not an office.
    private func expansionIsOrganization(_ r: Range<Int>) -> Bool {
        let e = p.entities
        if p.offices.match(toks, at: r.lowerBound) != nil || p.ranks.match(toks, at: r.lowerBound) != nil { return false }
        if r.contains(where: { e.orgHeads.containsLower(toks[$0]) }) { return true }
        let content = r.filter { toks[$0].kind == .word && !p.has(p.stopwords, toks[$0]) && !e.preps.containsLower(toks[$0]) && !e.dets.containsLower(toks[$0]) }
        let first = toks[r.lowerBound]
        return !e.headFirst && content.allSatisfy { isCap($0) } && first.text.hasSuffix("s") && first.text.unicodeScalars.count > 3 && !first.known
    }

    /// Tokens of a dateline's place at a paragraph's start ("MANILA —"), which no acronym rule reads.
    func datelineTokens() -> Set<Int> {
        var out = Set<Int>()
        for i in 0..<n where i == 0 || toks[i].paragraphBefore {
            if let r = datelinePlace(at: i) { for k in i..<r { out.insert(k) } }
        }
        return out
    }

    /// A place in capitals that opens a paragraph before a comma or a dash ("MANILA —", "SHAH ALAM, Jan 14"), when the words,
    /// written as a name ("Shah Alam"), are a known place: the index after it.
    func datelinePlace(at i: Int) -> Int? {
        guard !p.isArabicScript, i < n, i == 0 || toks[i].paragraphBefore else { return nil }
        var r = i
        var words: [String] = []
        while r < n, r - i < 4, toks[r].kind == .word, r == i || !toks[r].paragraphBefore,
              toks[r].text.unicodeScalars.count > 1, toks[r].text.unicodeScalars.allSatisfy({ !Scalars.isLower($0) }) {
            words.append(nameCase(toks[r].text))
            r += 1
        }
        guard !words.isEmpty, r < n, toks[r].kind == .punct, [",", "\u{2014}", "\u{2013}", "-", ":"].contains(toks[r].text),
              let cands = p.entities.placeNames[words[0]], cands.contains(words) else { return nil }
        return r
    }

    /// A word in capitals written as a name: "SHAH" -> "Shah", "SAINT-DENIS" -> "Saint-Denis".
    private func nameCase(_ w: String) -> String {
        var out = ""
        var up = true
        for ch in w {
            out += up ? String(ch).uppercased() : String(ch).lowercased()
            up = ch == "-" || ch == "'" || ch == "\u{2019}" || ch == " "
        }
        return out
    }

    /// "وزارة الداخلية" is "وزارة الداخلية السعودية", "Provincial Police" is "Lao Cai Provincial Police": a name that another
    /// one extends with modifiers only (no other head) is that organization; "Party Central Committee Office" stays apart.
    private func mergeVariants(_ orgs: [Organization]) -> [Organization] {
        let e = p.entities
        let toksOf = orgs.map { o in p.tokenizer.tokenize(Array(o.name.unicodeScalars)).filter { $0.kind != .punct } }
        let words = toksOf.map { $0.map(\.lower) }
        // the words without determiners: "Sûreté de wilaya d'Alger" is "Sûreté de la wilaya d'Alger"; nor administrative nouns
        // that belong to a place's name: "مديرية شرطة المحرق" is "مديرية شرطة محافظة المحرق"
        let bare = words.map { $0.filter { !e.dets.contains($0) && !e.nounsInName.contains($0) } }
        var into = Array(0..<orgs.count)
        for a in orgs.indices {
            var best = -1
            for b in orgs.indices where b != a && (words[b].count > words[a].count || (bare[b] == bare[a] && words[b].count > words[a].count)) {
                let wa = bare[a], wb = bare[b]
                var extra: ArraySlice<String>?
                if Array(wb.prefix(wa.count)) == wa { extra = wb.dropFirst(wa.count) } else if Array(wb.suffix(wa.count)) == wa { extra = wb.dropLast(wa.count) }
                guard let x = extra else { continue }
                let plain = !x.contains(where: { (e.orgHeads.contains($0) && !e.orgTails.contains($0)) || e.preps.contains($0) })
                // "Gendarmerie nationale" is "Gendarmerie nationale du Burkina Faso": the longer one adds a place complement only
                var placeComplement = false
                if !plain, Array(wb.prefix(wa.count)) == wa, let f = x.first, e.preps.contains(f) {
                    let tail = toksOf[b].suffix(x.count).dropFirst().filter { !e.dets.contains($0.lower) }
                    placeComplement = !tail.isEmpty && tail.allSatisfy { t in
                        t.kind == .word && (t.text.unicodeScalars.first.map { Scalars.isUpper($0) } ?? false) && !e.orgHeads.containsLower(t)
                    }
                }
                guard plain || placeComplement else { continue }
                if best < 0 || words[b].count > words[best].count { best = b }
            }
            if best >= 0 { into[a] = best }
        }
        func root(_ a: Int) -> Int { var r = a; var steps = 0; while into[r] != r, steps < 20 { r = into[r]; steps += 1 }; return r }
        var out: [Int: Organization] = [:]
        for a in orgs.indices {
            let r = root(a)
            if var o = out[r] {
                o.mentions += orgs[a].mentions
                o.firstOffset = min(o.firstOffset, orgs[a].firstOffset)
                out[r] = o
            } else {
                var o = orgs[r]
                o.mentions = orgs[a].mentions
                o.firstOffset = orgs[a].firstOffset
                out[r] = o
            }
        }
        return out.keys.sorted().compactMap { out[$0] }.sorted { $0.firstOffset < $1.firstOffset }
    }

    // MARK: places

    /// A run of capitalised words that can be a place name, starting at `k` (at most 4 words; en dashes join parts).
    private func placeRun(_ k: Int) -> Int? {
        var m = k
        var words = 0
        while m < n, words < 6 {
            if toks[m].kind == .word, isCap(m), !isStop(m), !isOfficeOrRank(m), m == k || sameSentence(k, m),
               !(toks[m].text.unicodeScalars.count > 1 && toks[m].text.unicodeScalars.allSatisfy { Scalars.isUpper($0) }) {
                m += 1; words += 1; continue
            }
            if m > k, toks[m].kind == .punct, toks[m].text == "\u{2013}", m + 1 < n, isCap(m + 1), toks[m + 1].kind == .word, sameSentence(k, m + 1) {
                m += 1; continue
            }
            break
        }
        return m > k ? m : nil
    }

    mutating func extractPlaces(organizationSpans spans: [Range<Int>]? = nil) -> [Place] {
        let e = p.entities
        var found: [(String, Int)] = []
        var orgCovered = Array(repeating: false, count: n)
        for r in spans ?? organizationSpans() { for q in r { orgCovered[q] = true } }
        let surnames = p.isArabicScript ? MutableWordSet() : familyNames()
        var i = 0
        while i < n {
            let t = toks[i]
            guard t.kind == .word else { i += 1; continue }
            // "MANILA —": a dateline's place, as written
            if !p.isArabicScript, i == 0 || t.paragraphBefore, let r = datelinePlace(at: i) {
                found.append((slice(t.start, toks[r - 1].end), t.start)); i = r; continue
            }
            if p.isArabicScript {
                let (base, cut) = arabicBase(i)
                // "منطقة هاي ها", "مدينة X"
                if e.placeBefore.containsText(t) || e.placeBefore.contains(base) || e.placeOffices.containsText(t) || e.placeOffices.contains(base),
                   i + 1 < n, sameSentence(i, i + 1) {
                    var q = i + 1
                    // a verb in the imperfect right after the noun ("مقاطعة تستكمل ...") names no place
                    let w = i + 1 < n ? toks[i + 1].text : ""
                    let verbLike = (w.hasPrefix("ت") || w.hasPrefix("ي")) && w.unicodeScalars.count >= 5
                    let admin = e.adminNouns.contains(base) || e.adminNouns.containsText(t)
                    // "محافظة شمال الباطنة": a direction word opens the name
                    if admin, e.directionWords.contains(w), q + 1 < n, sameSentence(i, q + 1), toks[q + 1].kind == .word { q += 1 }
                    let first = q
                    // "بلدة قدسيا بريف دمشق": a direction or landform word starts another place
                    while !verbLike, q < n, q - i <= 3, sameSentence(i, q), arabicNameWord(q) || (admin && q == first && arabicFeminineName(q)),
                          q == first || !(e.directionWords.contains(arabicBase(q).0) || e.landformWords.contains(arabicBase(q).0)),
                          // "محافظ جرش فراس أبو قاعود": after an office, one word names the place and the person's name follows
                          q == first || e.placeBefore.containsText(t) || e.placeBefore.contains(base),
                          // "رئيس إقليم كردستان مسعود ...": a known given name after the place's first word starts a person's name
                          q == first || !e.givenNames.containsText(toks[q]) { q += 1 }
                    // "ولاية الجزائر", "محافظة الأحمدي": an administrative noun names its place even with the article
                    if q == first, admin, toks[q].kind == .word, toks[q].text.hasPrefix("ال"),
                       !p.vocab.containsText(toks[q]), !e.nameStopWords.containsText(toks[q]), !toks[q].text.hasSuffix("ية"),
                       !e.orgWordsBare.contains(EntityLexicon.alefBare(toks[q].text)) { q += 1 }
                    if q == first { q = i + 1 }
                    // "ولاية نواكشوط الغربية": a direction adjective closes the name
                    if q > i + 1, admin, q < n, sameSentence(i, q), e.directionWords.containsText(toks[q]) { q += 1 }
                    if q > i + 1 {
                        // "محافظة مسقط": an administrative noun is part of the name
                        let s = e.nounsInName.containsText(t) ? t.start : e.nounsInName.contains(base) ? t.start + cut : toks[i + 1].start
                        found.append((slice(s, toks[q - 1].end), s)); i = q; continue
                    }
                }
                // "شمال إفريقيا", "ريف دمشق": a direction word before a known place makes one place with it
                if e.landformWords.containsText(t) || e.landformWords.contains(base), i + 1 < n, sameSentence(i, i + 1),
                   let cands = e.placeNames[textOf: toks[i + 1]], let (len, _) = matchPlace(cands, at: i + 1) {
                    let s = e.landformWords.containsText(t) ? t.start : t.start + cut
                    found.append((slice(s, toks[i + len].end), s))
                    i += len + 1
                    continue
                }
                // lexicon, with an attached "و" / "ب" / "ل" / "في"
                for (w, c) in [(t.text, 0), (base, cut)] {
                    if let cands = e.placeNames[w], let (len, _) = matchPlace(cands, at: i) {
                        found.append((slice(t.start + c, toks[i + len - 1].end), t.start + c))
                        i += len
                        break
                    }
                }
                if found.last?.1 ?? -1 >= t.start { continue }
                i += 1
                continue
            }
            // "X province", "X district" (a sentence's first words that are known words are not part of the name: "Build Lao Cai province")
            if isCap(i), i == 0 || !(isCap(i - 1) && sameSentence(i - 1, i) && !isStop(i - 1)), let r = placeRun(i), r < n, sameSentence(i, r),
               !isCap(r), e.placeAfter.containsLower(toks[r]) {
                var a = i
                if a == 0 || sentOf[a - 1] != sentOf[a] || toks[a].paragraphBefore, a < r - 1, toks[a].knownExact, p.orgWords.containsText(toks[a]), p.entities.placeNames[textOf: toks[a]] == nil { a += 1 }
                found.append((slice(toks[a].start, toks[r - 1].end), toks[a].start)); i = r + 1; continue
            }
            // "Lusaka Province", "Kanyama Constituency": a capitalised place noun closing a run is part of the place's name
            if isCap(i), !orgCovered[i], i == 0 || !(isCap(i - 1) && sameSentence(i - 1, i) && !isStop(i - 1)), let r = placeRun(i), r - i >= 2,
               e.placeAfter.containsLower(toks[r - 1]), !(i..<r - 1).contains(where: { e.orgHeads.containsLower(toks[$0]) || e.placeAfter.containsLower(toks[$0]) || p.vocab.containsLower(toks[$0]) }),
               r >= n || !(toks[r].kind == .word && isCap(r) && sameSentence(i, r)) {
                found.append((slice(t.start, toks[r - 1].end), t.start)); i = r; continue
            }
            // "X Provincial Police": the place before a place adjective of an organization
            if isCap(i), i == 0 || !(isCap(i - 1) && sameSentence(i - 1, i) && !isStop(i - 1)), let r = placeRun(i), r < n, r > i {
                var q = i
                while q < r, !e.placeAdjectives.containsLower(toks[q]) { q += 1 }
                if q < r, q > i, !(i..<q).contains(where: { e.orgHeads.containsLower(toks[$0]) || p.vocab.containsText(toks[$0]) }) {
                    found.append((slice(t.start, toks[q - 1].end), t.start)); i = r; continue
                }
            }
            // "province of X", "la ville de X", "la région X", "préfet des X"
            if e.placeBefore.containsLower(t) || e.placeOffices.containsLower(t), !(isCap(i) && e.placeBefore.containsLower(t) && i > 0 && isCap(i - 1)) {
                var k = i + 1
                if k < n, (e.placeNounPrepositions ?? e.preps).containsLower(toks[k]) { k += 1 } else if e.placeOffices.containsLower(t) { i += 1; continue }
                while k < n, e.dets.containsLower(toks[k]), !isCap(k) { k += 1 }
                // a head word names a place right after the place noun ("en région Centre"), not before a complement
                // "le procureur d'État Georges Oswald": a given name after the noun starts a person, not a place
                if k < n, sameSentence(i, k), !(e.givenNames.containsText(toks[k]) && e.placeNames[textOf: toks[k]] == nil), let r = placeRun(k),
                   !(k..<r).contains(where: { e.orgHeads.containsLower(toks[$0]) }) || (r - k <= 2 && !(r < n && e.preps.containsLower(toks[r]))) {
                    found.append((slice(toks[k].start, toks[r - 1].end), toks[k].start))
                    // "les régions de l'Est et du Centre Est", "the provinces of Sindh, Punjab and Balochistan": the list goes on
                    var q = r
                    while q + 1 < n, sameSentence(i, q), toks[q].text == "," || e.listConjunctions.containsLower(toks[q]) {
                        var k2 = q + 1
                        if e.listConjunctions.containsLower(toks[k2]) { k2 += 1 }
                        while k2 < n, e.preps.containsLower(toks[k2]) || (e.dets.containsLower(toks[k2]) && !isCap(k2)) { k2 += 1 }
                        guard k2 < n, sameSentence(i, k2), isCap(k2), !e.givenNames.containsText(toks[k2]), let r2 = placeRun(k2), r2 - k2 <= 3,
                              !(r2 < n && e.preps.containsLower(toks[r2])),
                              !((k2..<r2).contains(where: { e.orgHeads.containsLower(toks[$0]) }) && r2 < n && sameSentence(k2, r2) && toks[r2].kind == .word && !isCap(r2))
                        else { break }
                        found.append((slice(toks[k2].start, toks[r2 - 1].end), toks[k2].start))
                        q = r2
                    }
                    i = q; continue
                }
            }
            // "John Banda, 30, of Kamwala South", "aged 35 of Chilulu Garden": a place of residence after an age
            if isCap(i), !orgCovered[i], i >= 2, e.residencePrepositions.containsLower(toks[i - 1]), sameSentence(i - 2, i) {
                var a = i - 2
                if a > 0, toks[a].text == ",", toks[a - 1].kind == .number { a -= 1 }
                if toks[a].kind == .number, toks[a].intDigits <= 2, !toks[a].formatted, let r = placeRun(i), r - i <= 3,
                   !(i..<r).contains(where: { e.orgHeads.containsLower(toks[$0]) || e.givenNames.containsText(toks[$0]) }) {
                    found.append((slice(t.start, toks[r - 1].end), t.start)); i = r; continue
                }
            }
            // "in Dhaka’s Mohammadpur Beribadh": the possessor is a place, and so are the capitals after it
            if isCap(i), !orgCovered[i], i > 0, e.placePrepositions.containsText(toks[i - 1]), sameSentence(i - 1, i), i + 1 < n, isCap(i + 1), sameSentence(i, i + 1),
               let suf = e.possessiveSuffixes.first(where: { t.text.hasSuffix($0) && t.text.unicodeScalars.count > $0.unicodeScalars.count + 1 }),
               case let owner = String(t.text.unicodeScalars.dropLast(suf.unicodeScalars.count)), e.placeNames[owner]?.contains([owner]) == true,
               let r = placeRun(i + 1), r - i - 1 <= 3, !(i + 1..<r).contains(where: { p.vocab.containsLower(toks[$0]) || e.orgHeads.containsLower(toks[$0]) || orgCovered[$0] }) {
                found.append((owner, t.start))
                found.append((slice(toks[i + 1].start, toks[r - 1].end), toks[i + 1].start)); i = r; continue
            }
            // "à Verviers", "en Flandre", "in Punjab": a locative preposition before capitals that name nothing else
            if isCap(i), !orgCovered[i], i > 0, e.placePrepositions.containsText(toks[i - 1]), sameSentence(i - 1, i), e.placeNames[textOf: t] == nil,
               let r = placeRun(i), r - i <= 3, !(i..<r).contains(where: { p.vocab.containsLower(toks[$0]) || e.orgHeads.containsLower(toks[$0]) || e.givenNames.containsText(toks[$0]) || orgCovered[$0] }),
               r >= n || !(toks[r].kind == .word && isCap(r)), !(i..<r).contains(where: { toks[$0].text.unicodeScalars.allSatisfy { Scalars.isUpper($0) } }) {
                found.append((slice(t.start, toks[r - 1].end), t.start)); i = r; continue
            }
            if isCap(i), !orgCovered[i], let cands = e.placeNames[textOf: t], let (len0, _) = matchPlace(cands, at: i), len0 > 1 || !surnames.containsText(t),
               i == 0 || !(orgCapWord(i - 1) && sameSentence(i - 1, i)) {
                // "St Catherine North", "Kinshasa Est": a known place and a direction word after it are one place
                var len = len0
                if i + len < n, sameSentence(i, i + len), toks[i + len].spaceBefore, e.directionWords.containsText(toks[i + len]),
                   i + len + 1 >= n || !(orgCapWord(i + len + 1) && sameSentence(i, i + len + 1)) { len += 1 }
                // "la République du Cameroun Paul Biya": a person's given name after the place starts another name
                guard i + len >= n || !(orgCapWord(i + len) && sameSentence(i, i + len)) || (toks[i + len].spaceBefore && e.givenNames.containsText(toks[i + len])
                    && i + len + 1 < n && sameSentence(i, i + len + 1) && isCap(i + len + 1) && !(i > 0 && p.indefiniteArticles.containsLower(toks[i - 1])))
                else { i += 1; continue }
                found.append((slice(t.start, toks[i + len - 1].end), t.start)); i += len; continue
            }
            i += 1
        }
        var order: [String] = []
        var byKey: [String: Place] = [:]
        for (name, off) in found {
            let k = entityKey(name)
            if var pl = byKey[k] { pl.mentions += 1; byKey[k] = pl } else { byKey[k] = Place(name: name, mentions: 1, firstOffset: off); order.append(k) }
        }
        return order.compactMap { byKey[$0] }.sorted { $0.firstOffset < $1.firstOffset }
    }

    /// One-word place names that this document also writes as a family name: after a given name, a rank or another
    /// capitalised word inside a sentence ("Major General Antony Anderson" makes a later "Anderson" a person, not the town).
    private func familyNames() -> MutableWordSet {
        let e = p.entities
        var out = MutableWordSet()
        for j in 1..<max(n, 1) where toks[j].kind == .word && isCap(j) && e.placeNames[textOf: toks[j]] != nil {
            let k = j - 1
            guard toks[k].kind == .word, isCap(k), sameSentence(k, j), !toks[j].paragraphBefore, !isStop(k),
                  !e.placeQualifiers.containsLower(toks[k]), !(e.placeNames[textOf: toks[k]].flatMap { matchPlace($0, at: k) }.map { $0.0 > 1 } ?? false),
                  !(j + 1 < n && isCap(j + 1) && sameSentence(j, j + 1)) else { continue }
            let sentenceStart = k == 0 || sentOf[k - 1] != sentOf[k] || toks[k].paragraphBefore
            if e.givenNames.containsText(toks[k]) || p.ranks.match(toks, at: k) != nil || (!sentenceStart && !toks[k].known) {
                out.insert(toks[j].text)
            }
        }
        return out
    }

    /// The longest lexicon phrase at `i` (its first word already matched): (token count, phrase).
    private func matchPlace(_ cands: [[String]], at i: Int) -> (Int, [String])? {
        for c in cands {
            guard i + c.count <= n else { continue }
            var ok = true
            for m in 1..<max(c.count, 1) where m < c.count && toks[i + m].text != c[m] { ok = false; break }
            // a place name glued to more capitals is another name ("Hanoi Police" stays a place; "New York Times" is not in the lexicon)
            if ok { return (c.count, c) }
        }
        return nil
    }
}
