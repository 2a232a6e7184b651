import Foundation
import GleanText

/// The JSON shape of a language file (`Languages/<code>.json`). Every field but `code` is optional.
struct LanguageData: Decodable, Sendable {
    var code: String
    var name: String?
    var script: String?
    var decimalMark: String?
    /// Further decimal marks read when no group of three digits follows ("4,5" in a text that writes "1,250" too).
    var otherDecimalMarks: [String]?
    var groupMarks: [String]?
    var spaceGrouping: Bool?
    var dateOrder: String?
    var stopwords: [String]?
    var boilerplate: [String]?
    var ranks: [String: String]?
    var offices: [String]?
    var orgWords: [String]?
    var placeNouns: [String]?
    var titleConnectors: [String]?
    var titleStops: [String]?
    var titleMaxWords: Int?
    var preNameConnectors: [String]?
    /// Month names beyond GleanText's table for this language (`Calendar/months.json`), e.g. for a language it lacks.
    var months: [String: Int]?
    /// Whether running text reads the table's abbreviations too ("Jan. 5"); false where one is a word ("sept").
    var monthAbbreviationsInText: Bool?
    /// Whether running text reads the table's abbreviations when a dot follows ("5 sept. 2024"), for a language where an
    /// abbreviation alone is a word ("sept" is seven).
    var monthAbbreviationsWithDot: Bool?
    var monthsCaseSensitive: Bool?
    var ordinalSuffixes: [String]?
    var baselineMarkers: [String]?
    var rangeWords: [String]?
    var percentWords: [String]?
    var scaleWords: [String: Double]?
    var currencies: [String: String]?
    var approximators: [String]?
    var rankPrefixes: [String]?
    var rankVerbs: [String]?
    var outOf: [String]?
    var partitives: [String: Bool]?
    var roleMarkers: [String]?
    /// Words after a month that say it is the last one before the article ("أكتوبر الماضي", "octobre dernier").
    var pastMonthMarkers: [String]?
    /// Words before a month that say so ("last October").
    var pastMonthLeads: [String]?
    /// Words after a day number that name the month of the article ("11 الجاري", "le 5 courant", "the 3rd of this month").
    var currentMonthMarkers: [String]?
    var ordinalWords: [String: Int]?
    var cardinalWords: [String: Int]?
    var numberWordsAreMetrics: Bool?
    var placeUnits: [String]?
    var directionWords: [String: [String]]?
    var changeMarkers: [String]?
    var identifierPrefixes: [String]?
    var units: [String: String]?
    var referenceTypes: [String: String]?
    var numberMarkers: [String]?
    var issuerMarkers: [String]?
    var skipBeforeIssuer: [String]?
    var numberlessTypes: [String: [String]]?
    var numberlessOfHeads: [String]?
    var clauseStops: [String]?
    var quoteMaxLength: Int?
    var sentenceAbbreviations: [String]?

    // MARK: people and entities (organizations, places)
    var orgHeads: [String]?
    var orgStandaloneHeads: [String]?
    var orgLowercaseHeads: [String]?
    /// Lower-case heads that start a name only with a capitalised complement ("parquet de Bangui", "tribunal de police de Luxembourg").
    var orgProperComplementHeads: [String]?
    var orgTails: [String]?
    var orgPrepositions: [String]?
    var orgDeterminers: [String]?
    var orgAdjectives: [String]?
    var orgAdjectiveSuffixes: [String]?
    var orgPlaceAdjectives: [String]?
    var orgNotAcronyms: [String]?
    var orgOfficeModifiers: [String]?
    var orgLinkNouns: [String]?
    var placeNounsBefore: [String]?
    var placeNounsAfter: [String]?
    var placeOffices: [String]?
    /// Arabic: office words whose complement is a place written without the article ("محافظ جرش", "مدير أمن عدن").
    var placeComplementHeads: [String]?
    var placeNames: [String]?
    var nameParticles: [String]?
    /// Arabic: second words of compound given names ("الدين", "الله"): after them a name goes on, after other family names with the article it ends.
    var nameCompoundSeconds: [String]?
    var birthWords: [String]?
    var listConjunctions: [String]?
    var givenNames: [String]?
    var nameSuffixes: [String]?
    var nameStopWords: [String]?
    var placePrepositions: [String]?
    var placeAdminNouns: [String]?
    /// Administrative nouns that are part of the place's name ("محافظة مسقط", "قضاء القرنة").
    var placeNounsInName: [String]?
    /// Direction words inside a place's name after an administrative noun ("محافظة شمال الباطنة", "ولاية نواكشوط الغربية").
    var placeDirectionWords: [String]?
    /// Landform words that make one place with the known place after them ("ريف دمشق").
    var placeLandformWords: [String]?
    // MARK: numbers, dates, references
    var indefiniteArticles: [String]?
    var fractionWords: [String: [Int]]?
    var timeOfDayWords: [String]?
    /// Words before a clock time ("الساعة 10", "à 23 heures"); with `clockUnits`, the unit that must follow ("heures").
    var clockWordsBefore: [String]?
    var clockUnits: [String]?
    var durationMarkers: [String]?
    var numberRangeWords: [String]?
    var thousandsConnectors: [String]?
    var arabicFractionMark: String?
    var referenceYearConnectors: [String]?
    var gregorianMarkers: [String]?
    var hijriMarkers: [String]?
    /// Hijri month names ("رمضان", "ذو الحجة"): a day before one is a Hijri date, neither a Gregorian date nor a quantity.
    var hijriMonths: [String]?
    var dayMonthConnectors: [String]?
    var standaloneReferences: [String: String]?
    var referenceTitleHeads: [String: String]?
    var draftWords: [String]?
    var headlineMaxWords: Int?
    var yearStyleTypes: [String: String]?
    var rangeOpeners: [String]?
    var collectiveWords: [String]?
    var yearPrepositions: [String]?
    var monthAloneCues: [String]?
    var dateRangeFillers: [String]?
    var startingWords: [String]?
    var namedTypes: [String]?
    var ageSuffixes: [String]?
    var sentenceWords: [String]?
    var yearNameWords: [String]?
    var dualSuffixes: [String]?
    // MARK: organizations and places (issue 15)
    /// Built-in place gazetteers whose names join `placeNames` ("latin", "en", "fr", "ar"; see Gazetteer).
    var placeGazetteers: [String]?
    /// Words before a place's name that do not make it a person's ("Central Kenya", "Haute-Guinée"); see surname guard.
    var placeQualifiers: [String]?
    /// Lower-case heads that name an organization when an adjective follows ("police nationale", "direction générale").
    var orgAdjectiveHeads: [String]?
    /// Adjectives after such a head that make it one body ("nationale", "fédérale"), and their endings ("ienne").
    var orgHeadAdjectives: [String]?
    var orgHeadAdjectiveSuffixes: [String]?
    /// Nouns for an organization's staff or services ("مصالح"): with the organization's name, they are that organization.
    var orgServiceNouns: [String]?
    /// Heads whose complement may name an office ("Ministry of Justice", "Office of the Director of Public Prosecutions").
    var orgOfficeComplementHeads: [String]?
    /// Adjectives written before the noun of a complement ("Tribunal de première instance", "de grande instance").
    var orgPreNounAdjectives: [String]?
    /// Lower-case nouns after "X police" that make it one body ("Nakasozi police post", "Brikama police station").
    var orgLowercaseTailHeads: [String]?
    /// Prepositions of residence after a person's age ("John Banda, 30, of Kamwala South").
    var residencePrepositions: [String]?
    /// Possessive endings: "Dhaka’s Mohammadpur" is two places, the possessor and the place it holds.
    var possessiveSuffixes: [String]?
    /// Abbreviations of a place name's first word ("Saint" written "St" or "St."): each gazetteer name is also known with them.
    var placeNameAbbreviations: [String: [String]]?
    /// Organizations known by name from general knowledge ("United Nations", "Interpol", "حماس"), matched as written.
    var orgKnownNames: [String]?
    /// Arabic adjectives that describe an organization instead of naming it ("القوات المختصة", "الوكالة الرسمية"): a name stops before them.
    var orgDescriptiveModifiers: [String]?
    /// Words that never open a name's complement ("the Daily Times on Monday": a weekday after "on").
    var orgComplementStops: [String]?
    /// Surnames are often written in capitals ("Assimi GOITA"): a word in capitals right after a name word is its surname.
    var surnamesInCapitals: Bool?
    /// Prepositions between a place noun and its name ("province of X", "ville de X"); without it, the organization prepositions.
    var placeNounPrepositions: [String]?
    // MARK: people: reported speech
    var reportingVerbs: [String]?
    var reportingLeads: [String]?
    /// When-words that may stand between a verb of speech and its speaker ("a indiqué jeudi Stanislas Cazelles").
    var reportingTimeWords: [String]?
    /// Last words of an office that call for a complement: the words after them complete the office, they name no holder
    /// ("الناطق الرسمي باسم محاكم صفاقس، X").
    var officeOpenEnds: [String]?
    /// Words after a time quantity that make it a point in time, not an amount: "two days later", "quatre jours après".
    var relativeTimeWords: [String]?
    /// "And a half" after a quantity's unit or scale word: "4 سنوات ونصف", "deux ans et demi", "3 ملايين ونصف" (+0.5 of it).
    var halfWords: [String]?
    /// Pronouns that, before a colon, open a list of people: "المحكوم عليهم بالإعدام هم: X، Y، وZ".
    var listPronouns: [String]?
    /// Particles of filiation inside a name, "son of" and "daughter of" ("ولد", "بنت", "بن"): a given name before one opens a name.
    var filialParticles: [String]?
    /// Nouns of kinship and association ("شقيق", "زوجة", "محامي") that, with a pronoun written onto them ("شقيقه",
    /// "زوجته", "محاميه"), stand before the name of the person they name and are no part of it.
    var relationNouns: [String]?
    /// Pronouns written onto the end of a noun ("ه", "ها", "هم").
    var pronounSuffixes: [String]?
    /// Letters a word is also written with ({"from": "ي", "to": "ى", "final": true}): see SpellingVariants.
    var spellingVariants: [SpellingVariantRule]?
}

/// A set of token phrases with values, matched at a token position (longest first).
/// Words are compared by their bytes and FNV-1a hashes (see WordSet): the phrases are normalised to NFC here.
struct PhraseSet<V: Sendable>: Sendable {
    private let byFirst: WordMap<[(keys: [String], hashes: [UInt64], value: V)]>
    let caseSensitive: Bool
    let isEmpty: Bool

    init(_ pairs: [(String, V)], caseSensitive: Bool, tokenizer: Tokenizer) {
        self.caseSensitive = caseSensitive
        var byFirst: [String: [(keys: [String], hashes: [UInt64], value: V)]] = [:]
        for (phrase, v) in pairs {
            let toks = tokenizer.tokenize(Array(Word.normalised(phrase).unicodeScalars))
            guard !toks.isEmpty else { continue }
            let keys = toks.map { caseSensitive ? $0.text : $0.lower }
            byFirst[keys[0], default: []].append((keys, keys.map(Word.hash), v))
        }
        // longest first
        for k in byFirst.keys { byFirst[k]?.sort { $0.keys.count > $1.keys.count } }
        isEmpty = byFirst.isEmpty
        self.byFirst = WordMap(byFirst)
    }

    /// Whether some phrase starts with this word.
    func startsWith(_ w: String) -> Bool { byFirst[caseSensitive ? w : w.lowercased()] != nil }

    /// Longest phrase starting at token `i`: (value, index after the phrase).
    func match(_ toks: [Tok], at i: Int) -> (value: V, end: Int)? {
        guard i >= 0, i < toks.count, caseSensitive ? toks[i].knownExact : toks[i].known else { return nil }
        guard let cands = caseSensitive ? byFirst[textOf: toks[i]] : byFirst[lowerOf: toks[i]] else { return nil }
        return longest(cands, toks, at: i)
    }

    /// Longest phrase whose first word is `first` (a token's word without a prefix: Arabic "وأمين" read as "أمين") and whose
    /// other words are the tokens after `i`: (value, index after the phrase).
    func match(first: String, _ toks: [Tok], at i: Int) -> (value: V, end: Int)? {
        guard i >= 0, i < toks.count, let cands = byFirst[caseSensitive ? first : first.lowercased()] else { return nil }
        return longest(cands, toks, at: i)
    }

    /// The first (longest) of the phrases that start with token `i`'s word whose other words are the tokens after `i`.
    private func longest(_ cands: [(keys: [String], hashes: [UInt64], value: V)], _ toks: [Tok], at i: Int) -> (value: V, end: Int)? {
        for c in cands {
            let n = c.keys.count
            guard i + n <= toks.count else { continue }
            var ok = true
            for m in 1..<max(n, 1) where m < n {
                let t = toks[i + m]
                let same = caseSensitive ? t.textHash == c.hashes[m] && Word.same(t.text, c.keys[m])
                                         : t.lowerHash == c.hashes[m] && Word.same(t.lower, c.keys[m])
                if t.paragraphBefore || !same { ok = false; break }
            }
            if ok { return (c.value, i + n) }
        }
        return nil
    }

    /// Longest phrase that ends right before token `i` (phrase tokens i-n ..< i).
    func matchEnding(_ toks: [Tok], before i: Int) -> (value: V, start: Int)? {
        var best: (V, Int)?
        var s = i - 1
        while s >= 0 && s >= i - 6 {
            if let m = match(toks, at: s), m.end == i { best = (m.value, s) }
            s -= 1
        }
        return best
    }
}

/// A compiled language profile: the language's words, ready to match. Immutable.
final class LanguageProfile: Sendable {
    /// The language's number words with the compounds written with a hyphen added: a tens word, "-", a word below ten
    /// ("twenty-three", "vingt-trois", "trente-cinq"); where the language writes the next ten as the tens word, "-" and
    /// its word for ten ("soixante-dix", "quatre-vingt-dix"), also a word from eleven to nineteen ("soixante-dix-sept" is
    /// listed, "soixante-onze", "quatre-vingt-onze" are made).
    /// A relation noun with each pronoun written onto it, "ة" written "ت" before it ("زوجة" → "زوجته"), also after "و".
    static func relationForms(nouns: [String], suffixes: [String]) -> [String] {
        var out: [String] = []
        for noun in nouns {
            let stems = noun.hasSuffix("ة") ? [String(noun.dropLast()) + "ت"] : [noun]
            for stem in stems {
                for suf in suffixes { out.append(stem + suf); out.append("و" + stem + suf) }
            }
        }
        return out
    }

    static func hyphenatedCompounds(_ words: [String: Int]) -> [String: Int] {
        var out = words
        let tens = words.filter { $0.value >= 20 && $0.value < 100 && $0.value % 10 == 0 && !$0.key.contains(" ") }
        let units = words.filter { $0.value >= 1 && $0.value < 20 && !$0.key.contains(" ") }
        let tenWords = words.filter { $0.value == 10 && !$0.key.contains(" ") }.map(\.key)
        for (t, tv) in tens {
            let teens = tenWords.contains { words[t + "-" + $0] == tv + 10 }
            for (u, uv) in units where uv < 10 || (teens && uv > 10) {
                let key = t + "-" + u
                if out[key] == nil { out[key] = tv + uv }
            }
        }
        return out
    }

    let code: String
    let isArabicScript: Bool
    let tokenizer: Tokenizer
    let dateOrder: String
    let stopwords: WordSet
    let boilerplate: [String]
    let ranks: PhraseSet<String>
    /// Latin script: the plural of each rank ("Constables", "Sergents-chefs"), which heads a list of names that all hold it.
    let pluralRanks: PhraseSet<String>
    let offices: PhraseSet<Bool>
    let officeWords: WordSet
    let orgWords: WordSet
    let placeNouns: WordSet
    let titleConnectors: WordSet
    let titleAnyLowercase: Bool
    let titleStops: WordSet
    let titleMaxWords: Int
    let preNameConnectors: WordSet
    let months: PhraseSet<Int>
    let ordinalSuffixes: WordSet
    let baselineMarkers: PhraseSet<Bool>
    let rangeWords: WordSet
    let percentWords: PhraseSet<Bool>
    let scaleWords: PhraseSet<Double>
    let currencies: PhraseSet<String>
    let approximators: PhraseSet<Bool>
    let rankPrefixes: PhraseSet<Bool>
    let rankVerbs: PhraseSet<Bool>
    let outOf: PhraseSet<Bool>
    /// "of them", "d'entre eux", "منهم" (false: nothing follows) and "of the", "des", "من" (true: a noun follows) after a
    /// number word: part of a counted group ("four of them", "three of the suspects").
    let partitives: PhraseSet<Bool>
    /// "as", "en tant que", "بصفته" before an office: the office a person named before it in the sentence holds ("installed
    /// as director general of the National Police").
    let roleMarkers: PhraseSet<Bool>
    /// After a month, "الماضي", "dernier"; before it, "last": the last such month before the article.
    let pastMonthMarkers: PhraseSet<Bool>
    let pastMonthLeads: PhraseSet<Bool>
    /// After a day number, "الجاري", "courant": the day of the article's own month.
    let currentMonthMarkers: PhraseSet<Bool>
    let ordinalWords: PhraseSet<Int>
    let cardinalWords: PhraseSet<Int>
    let numberWordsAreMetrics: Bool
    let placeUnits: WordSet
    let direction: WordMap<String>
    let changeMarkers: WordSet
    let identifierPrefixes: PhraseSet<Bool>
    let units: WordMap<String>
    let referenceTypes: PhraseSet<String>
    let numberMarkers: PhraseSet<Bool>
    let issuerMarkers: PhraseSet<Bool>
    let skipBeforeIssuer: WordSet
    let numberlessTypes: WordMap<PhraseSet<Bool>>
    let numberlessOfHeads: WordSet
    let clauseStops: PhraseSet<Bool>
    let quoteMaxLength: Int
    let abbreviations: WordSet
    /// Every word of every lexicon, as written and lower-cased.
    let vocab: WordSet
    // MARK: people and entities
    let entities: EntityLexicon
    // MARK: numbers, dates, references
    let indefiniteArticles: WordSet
    let fractionWords: PhraseSet<[Int]>
    let timeOfDayWords: PhraseSet<Bool>
    let clockWordsBefore: PhraseSet<Bool>
    let clockUnits: PhraseSet<Bool>
    let durationMarkers: WordSet
    let numberRangeWords: WordSet
    let thousandsConnectors: WordSet
    let arabicFractionMark: String?
    let referenceYearConnectors: PhraseSet<Bool>
    let gregorianMarkers: WordSet
    let hijriMarkers: WordSet
    let hijriMonths: PhraseSet<Bool>
    let dayMonthConnectors: WordSet
    let standaloneReferences: PhraseSet<String>
    let referenceTitleHeads: WordMap<String>
    let draftWords: PhraseSet<Bool>
    let headlineMaxWords: Int
    let yearStyleTypes: WordMap<String>
    let rangeOpeners: WordSet
    let collectiveWords: PhraseSet<Bool>
    let yearPrepositions: WordSet
    let monthAloneCues: WordSet
    let dateRangeFillers: WordSet
    let startingWords: WordSet
    let namedTypes: WordSet
    let ageSuffixes: [String]
    let sentenceWords: WordSet
    let yearNameWords: WordSet
    let dualSuffixes: [String]
    /// Single-word cardinal numbers, lower-cased (to read "four-year-old").
    let cardinalWordMap: WordMap<Int>
    /// Single-word month names, lower-cased (to read "end-September", "mid-February").
    let monthWords: WordMap<Int>
    // MARK: people: reported speech
    /// Verbs of speech right after a name ("said", "a déclaré"): a capitalised run before them is a speaker.
    let reportingVerbs: PhraseSet<Bool>
    /// Words right before a speaker's name ("according to", "selon", "said").
    let reportingLeads: PhraseSet<Bool>
    /// When-words between a verb of speech and its speaker ("a indiqué jeudi X").
    let reportingTimeWords: PhraseSet<Bool>
    let relativeTimeWords: PhraseSet<Bool>
    let officeOpenEnds: WordSet
    let halfWords: PhraseSet<Bool>
    let listPronouns: WordSet
    let filialParticles: WordSet
    /// Every form of a relation noun with a pronoun written onto it ("شقيقه", "زوجته", "وشقيقه"), built once from
    /// `relationNouns` and `pronounSuffixes` so that a token is tested by one lookup.
    let relationWithPronoun: WordSet

    /// The plurals of ranks written out in full (not abbreviations, not honorifics of three letters or fewer, whose plural
    /// may be another word: "Mr", "Mrs"): English pluralises the last word ("Police Constables"), French every word of a
    /// compound and the first word otherwise ("Sergents-chefs", "commissaires de police"); a plural that is itself a rank is left out.
    static func pluralRanks(_ ranks: [String: String], french: Bool) -> [(String, String)] {
        func plural(_ w: Substring) -> String {
            if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("z") { return String(w) }
            if french, w.hasSuffix("al") { return w.dropLast(2) + "aux" }
            return w + "s"
        }
        var out: [(String, String)] = []
        for (k, v) in ranks where k.count > 3 && !k.contains(".") && k.first?.isLetter == true {
            var words = k.split(separator: " ")
            guard let lastWord = words.last, lastWord.allSatisfy({ $0.isLetter || $0 == "-" }) else { continue }
            if french {
                let first = words[0].split(separator: "-", omittingEmptySubsequences: false)
                words[0] = Substring(first.map(plural).joined(separator: "-"))
            } else {
                words[words.count - 1] = Substring(plural(lastWord))
            }
            let pl = words.joined(separator: " ")
            if pl != k, ranks[pl] == nil { out.append((pl, v)) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    init(_ d: LanguageData) {
        code = d.code
        let monthTable = Self.monthTable(d)
        isArabicScript = (d.script ?? "latin") == "arabic"
        let dec = (d.decimalMark ?? ".").unicodeScalars.first ?? "."
        var decimals: Set<Unicode.Scalar> = [dec, "."]
        if isArabicScript { decimals.insert("\u{066B}") }
        // "4,5%" in a text that groups with "," too: a mark followed by exactly three digits groups, by fewer it is decimal
        for m in d.otherDecimalMarks ?? [] { if let c = m.unicodeScalars.first { decimals.insert(c) } }
        let groups = Set((d.groupMarks ?? [","]).compactMap { $0.unicodeScalars.first }).subtracting([dec])
        let tk = Tokenizer(style: NumberStyle(decimalMarks: decimals, groupMarks: groups,
                                              spaceGrouping: d.spaceGrouping ?? false,
                                              frenchElision: d.code == "fr" || d.code == "it" || d.code == "ca"))
        tokenizer = tk
        dateOrder = d.dateOrder ?? "dmy"
        stopwords = WordSet((d.stopwords ?? []).map { $0.lowercased() })
        boilerplate = d.boilerplate ?? []
        ranks = PhraseSet((d.ranks ?? [:]).map { ($0.key, $0.value) }, caseSensitive: true, tokenizer: tk)
        let plurals = isArabicScript ? [] : Self.pluralRanks(d.ranks ?? [:], french: d.code == "fr")
        pluralRanks = PhraseSet(plurals, caseSensitive: true, tokenizer: tk)
        offices = PhraseSet((d.offices ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        var ow = MutableWordSet()
        // where an office may hold any lower-case word ("garde des Sceaux", "chef de l'État"), the words from its first function word
        // on are its complement ("des Sceaux", "de la police"), not office words: "police", "région" or "République" stay free
        let anyLower = (d.titleConnectors ?? []).contains("*")
        let functionWords = WordSet(((d.stopwords ?? []) + (d.orgPrepositions ?? []) + (d.orgDeterminers ?? [])).map { $0.lowercased() })
        for o in d.offices ?? [] {
            for t in tk.tokenize(Array(o.unicodeScalars)) where t.kind == .word {
                if anyLower && functionWords.containsLower(t) { break }
                ow.insert(t.lower)
            }
        }
        officeWords = WordSet(ow)
        orgWords = WordSet(d.orgWords ?? [])
        placeNouns = WordSet((d.placeNouns ?? []).map { $0.lowercased() })
        let tc = d.titleConnectors ?? []
        titleAnyLowercase = tc.contains("*")
        titleConnectors = WordSet(tc.map { $0.lowercased() })
        titleStops = WordSet((d.titleStops ?? []).map { $0.lowercased() })
        titleMaxWords = d.titleMaxWords ?? 14
        preNameConnectors = WordSet(d.preNameConnectors ?? [])
        months = PhraseSet(monthTable.map { ($0.key, $0.value) }, caseSensitive: false, tokenizer: tk)
        ordinalSuffixes = WordSet((d.ordinalSuffixes ?? []).map { $0.lowercased() })
        baselineMarkers = PhraseSet((d.baselineMarkers ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        rangeWords = WordSet((d.rangeWords ?? []).map { $0.lowercased() })
        percentWords = PhraseSet((d.percentWords ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        scaleWords = PhraseSet((d.scaleWords ?? [:]).map { ($0.key, $0.value) }, caseSensitive: false, tokenizer: tk)
        currencies = PhraseSet((d.currencies ?? [:]).map { ($0.key, $0.value) }, caseSensitive: true, tokenizer: tk)
        approximators = PhraseSet((d.approximators ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        rankPrefixes = PhraseSet((d.rankPrefixes ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        rankVerbs = PhraseSet((d.rankVerbs ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        outOf = PhraseSet((d.outOf ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        partitives = PhraseSet((d.partitives ?? [:]).map { ($0.key, $0.value) }, caseSensitive: false, tokenizer: tk)
        roleMarkers = PhraseSet((d.roleMarkers ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        pastMonthMarkers = PhraseSet((d.pastMonthMarkers ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        pastMonthLeads = PhraseSet((d.pastMonthLeads ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        currentMonthMarkers = PhraseSet((d.currentMonthMarkers ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        ordinalWords = PhraseSet((d.ordinalWords ?? [:]).map { ($0.key, $0.value) }, caseSensitive: false, tokenizer: tk)
        let cardinals = Self.hyphenatedCompounds(d.cardinalWords ?? [:])
        cardinalWords = PhraseSet(cardinals.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, caseSensitive: false, tokenizer: tk)
        numberWordsAreMetrics = d.numberWordsAreMetrics ?? false
        placeUnits = WordSet((d.placeUnits ?? []).map { $0.lowercased() })
        var dir: [String: String] = [:]
        for (k, ws) in d.directionWords ?? [:] { for w in ws { dir[w.lowercased()] = k } }
        direction = WordMap(dir)
        changeMarkers = WordSet((d.changeMarkers ?? []).map { $0.lowercased() })
        identifierPrefixes = PhraseSet((d.identifierPrefixes ?? []).map { ($0, true) }, caseSensitive: true, tokenizer: tk)
        var u: [String: String] = [:]
        for (k, v) in d.units ?? [:] { u[k.lowercased()] = v }
        units = WordMap(u)
        referenceTypes = PhraseSet((d.referenceTypes ?? [:]).map { ($0.key, $0.value) }, caseSensitive: true, tokenizer: tk)
        numberMarkers = PhraseSet((d.numberMarkers ?? []).map { ($0, true) }, caseSensitive: true, tokenizer: tk)
        issuerMarkers = PhraseSet((d.issuerMarkers ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        skipBeforeIssuer = WordSet((d.skipBeforeIssuer ?? []).map { $0.lowercased() })
        var nl: [String: PhraseSet<Bool>] = [:]
        for (k, v) in d.numberlessTypes ?? [:] { nl[k] = PhraseSet(v.map { ($0, true) }, caseSensitive: false, tokenizer: tk) }
        numberlessTypes = WordMap(nl)
        numberlessOfHeads = WordSet(d.numberlessOfHeads ?? [])
        clauseStops = PhraseSet((d.clauseStops ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        quoteMaxLength = d.quoteMaxLength ?? 80
        abbreviations = WordSet((d.sentenceAbbreviations ?? []).map { String($0.dropLast()).lowercased() })
        // MARK: numbers, dates, references
        indefiniteArticles = WordSet((d.indefiniteArticles ?? []).map { $0.lowercased() })
        fractionWords = PhraseSet((d.fractionWords ?? [:]).filter { $0.value.count == 2 }.map { ($0.key, $0.value) }, caseSensitive: false, tokenizer: tk)
        timeOfDayWords = PhraseSet((d.timeOfDayWords ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        clockWordsBefore = PhraseSet((d.clockWordsBefore ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        clockUnits = PhraseSet((d.clockUnits ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        durationMarkers = WordSet((d.durationMarkers ?? []).map { $0.lowercased() })
        numberRangeWords = WordSet((d.numberRangeWords ?? []).map { $0.lowercased() })
        thousandsConnectors = WordSet(d.thousandsConnectors ?? [])
        arabicFractionMark = d.arabicFractionMark
        referenceYearConnectors = PhraseSet((d.referenceYearConnectors ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        gregorianMarkers = WordSet(d.gregorianMarkers ?? [])
        hijriMarkers = WordSet(d.hijriMarkers ?? [])
        hijriMonths = PhraseSet((d.hijriMonths ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        dayMonthConnectors = WordSet((d.dayMonthConnectors ?? []).map { $0.lowercased() })
        standaloneReferences = PhraseSet((d.standaloneReferences ?? [:]).map { ($0.key, $0.value) }, caseSensitive: true, tokenizer: tk)
        referenceTitleHeads = WordMap(d.referenceTitleHeads ?? [:])
        draftWords = PhraseSet((d.draftWords ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        headlineMaxWords = d.headlineMaxWords ?? 0
        yearStyleTypes = WordMap(d.yearStyleTypes ?? [:])
        rangeOpeners = WordSet((d.rangeOpeners ?? []).map { $0.lowercased() })
        yearPrepositions = WordSet((d.yearPrepositions ?? []).map { $0.lowercased() })
        monthAloneCues = WordSet((d.monthAloneCues ?? []).map { $0.lowercased() })
        dateRangeFillers = WordSet((d.dateRangeFillers ?? []).map { $0.lowercased() })
        namedTypes = WordSet(d.namedTypes ?? [])
        ageSuffixes = (d.ageSuffixes ?? []).map { $0.lowercased() }
        yearNameWords = WordSet(d.yearNameWords ?? [])
        dualSuffixes = d.dualSuffixes ?? []
        sentenceWords = WordSet((d.sentenceWords ?? []).map { $0.lowercased() })
        var cm: [String: Int] = [:]
        for (k, v) in cardinals where !k.contains(" ") { cm[k.lowercased()] = v }
        cardinalWordMap = WordMap(cm)
        startingWords = WordSet((d.startingWords ?? []).map { $0.lowercased() })
        var mw: [String: Int] = [:]
        for (k, v) in monthTable where !k.contains(" ") { mw[k.lowercased()] = v }
        monthWords = WordMap(mw)
        collectiveWords = PhraseSet((d.collectiveWords ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        reportingVerbs = PhraseSet((d.reportingVerbs ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        reportingLeads = PhraseSet((d.reportingLeads ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        reportingTimeWords = PhraseSet((d.reportingTimeWords ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        relativeTimeWords = PhraseSet((d.relativeTimeWords ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        officeOpenEnds = WordSet((d.officeOpenEnds ?? []).map { $0.lowercased() })
        halfWords = PhraseSet((d.halfWords ?? []).map { ($0, true) }, caseSensitive: false, tokenizer: tk)
        listPronouns = WordSet((d.listPronouns ?? []).map { $0.lowercased() })
        filialParticles = WordSet(d.filialParticles ?? [])
        relationWithPronoun = WordSet(Self.relationForms(nouns: d.relationNouns ?? [], suffixes: d.pronounSuffixes ?? []))
        var all: [String] = []
        all += d.reportingVerbs ?? []
        all += d.reportingLeads ?? []
        all += d.reportingTimeWords ?? []
        all += d.relativeTimeWords ?? []
        all += d.officeOpenEnds ?? []
        all += d.halfWords ?? []
        all += d.listPronouns ?? []
        all += d.filialParticles ?? []
        all += d.indefiniteArticles ?? []
        all += (d.fractionWords ?? [:]).keys
        all += d.timeOfDayWords ?? []
        all += d.clockWordsBefore ?? []
        all += d.clockUnits ?? []
        all += d.durationMarkers ?? []
        all += d.numberRangeWords ?? []
        all += d.thousandsConnectors ?? []
        if let m = d.arabicFractionMark { all.append(m) }
        all += d.referenceYearConnectors ?? []
        all += d.gregorianMarkers ?? []
        all += d.hijriMarkers ?? []
        all += d.hijriMonths ?? []
        all += d.dayMonthConnectors ?? []
        all += (d.standaloneReferences ?? [:]).keys
        all += (d.referenceTitleHeads ?? [:]).keys
        all += d.draftWords ?? []
        all += d.rangeOpeners ?? []
        all += d.sentenceWords ?? []
        all += d.yearNameWords ?? []
        all += d.collectiveWords ?? []
        all += d.yearPrepositions ?? []
        all += d.monthAloneCues ?? []
        all += d.dateRangeFillers ?? []
        all += d.startingWords ?? []
        all += d.stopwords ?? []
        all += d.boilerplate ?? []
        for (k, v) in d.ranks ?? [:] { all += [k, v] }
        all += plurals.map(\.0)
        all += d.offices ?? []
        all += d.orgWords ?? []
        all += d.placeNouns ?? []
        all += d.titleConnectors ?? []
        all += d.titleStops ?? []
        all += d.preNameConnectors ?? []
        all += monthTable.keys
        all += d.ordinalSuffixes ?? []
        all += d.baselineMarkers ?? []
        all += d.rangeWords ?? []
        all += d.percentWords ?? []
        all += (d.scaleWords ?? [:]).keys
        all += (d.currencies ?? [:]).keys
        all += d.approximators ?? []
        all += d.rankPrefixes ?? []
        all += d.rankVerbs ?? []
        all += d.outOf ?? []
        all += (d.partitives ?? [:]).keys
        all += d.roleMarkers ?? []
        all += d.pastMonthMarkers ?? []
        all += d.pastMonthLeads ?? []
        all += d.currentMonthMarkers ?? []
        all += (d.ordinalWords ?? [:]).keys
        all += cardinals.keys
        all += d.placeUnits ?? []
        for (_, ws) in d.directionWords ?? [:] { all += ws }
        all += d.changeMarkers ?? []
        all += d.identifierPrefixes ?? []
        all += (d.units ?? [:]).keys
        all += (d.referenceTypes ?? [:]).keys
        all += d.numberMarkers ?? []
        all += d.issuerMarkers ?? []
        all += d.skipBeforeIssuer ?? []
        for (_, ws) in d.numberlessTypes ?? [:] { all += ws }
        all += d.numberlessOfHeads ?? []
        all += d.clauseStops ?? []
        all += d.sentenceAbbreviations ?? []
        var v = MutableWordSet()
        for phrase in all {
            for t in tk.tokenize(Array(phrase.unicodeScalars)) { v.insert(t.text); v.insert(t.lower) }
        }
        vocab = WordSet(v)
        entities = EntityLexicon(d, tokenizer: tk)
    }

    /// The language's month names: GleanText's table for its code (with abbreviations when the file asks),
    /// then the file's own `months` over it.
    static func monthTable(_ d: LanguageData) -> [String: Int] {
        let code = d.code.lowercased()
        var table = MonthNames.names(for: code)
        if d.monthAbbreviationsInText ?? false { table.merge(MonthNames.abbreviations(for: code)) { name, _ in name } }
        if d.monthAbbreviationsWithDot ?? false {
            for (abbreviation, month) in MonthNames.abbreviations(for: code) where table[abbreviation + "."] == nil { table[abbreviation + "."] = month }
        }
        table.merge(d.months ?? [:]) { _, own in own }
        return table
    }

    /// Marks which tokens can match a lexicon at all.
    func markKnown(_ toks: inout [Tok]) {
        for i in toks.indices {
            if toks[i].kind == .number { toks[i].known = false; toks[i].knownExact = false; continue }
            let k = vocab.containsLower(toks[i])
            toks[i].known = k
            toks[i].knownExact = toks[i].textHash == toks[i].lowerHash && Word.same(toks[i].text, toks[i].lower) ? k : vocab.containsText(toks[i])
        }
    }

    /// Set membership of a token's lower-cased text, skipping the hash for tokens outside every lexicon.
    @inline(__always) func has(_ set: WordSet, _ t: Tok) -> Bool { t.known && set.containsLower(t) }
}

/// An error reading a language file.
public struct LanguageFileError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, with the file.
    public var description: String
}

/// The languages the cleaner and the extractor know. Built-in: en, fr, ar; more from JSON files at run time.
public struct LanguageRegistry: Sendable {
    let profiles: [String: LanguageProfile]

    /// The languages compiled into the library (`Languages/*.json`).
    public static let builtIn: LanguageRegistry = {
        var p: [String: LanguageProfile] = [:]
        for bytes in BuiltInLanguages.files {
            if let d = try? LanguageData.decode(Data(bytes)) {
                p[d.code.lowercased()] = LanguageProfile(d)
            }
        }
        return LanguageRegistry(profiles: p)
    }()

    /// The profiles as language detection compares them, in ``codes`` order.
    let stopwordProfiles: [StopwordProfile]

    init(profiles: [String: LanguageProfile]) {
        self.profiles = profiles
        stopwordProfiles = profiles.keys.sorted().compactMap { code in
            profiles[code].map { StopwordProfile(code: code, stopwords: Set($0.stopwords), arabicScript: $0.isArabicScript) }
        }
    }

    /// Language codes known, sorted.
    public var codes: [String] { profiles.keys.sorted() }

    /// A registry with every `*.json` language file of `directory` added (a file replaces a built-in language of the same code).
    public func adding(directory: String) throws -> LanguageRegistry {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw LanguageFileError(description: "language directory not found: \(directory)")
        }
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: directory) } catch {
            throw LanguageFileError(description: "cannot list \(directory): \(error)")
        }
        var p = profiles
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = (directory as NSString).appendingPathComponent(name)
            let d = try decodeFile(path)
            p[d.code.lowercased()] = LanguageProfile(d)
        }
        return LanguageRegistry(profiles: p)
    }

    /// A registry with one language added from JSON bytes.
    public func adding(json: [UInt8]) throws -> LanguageRegistry {
        let d: LanguageData
        do { d = try LanguageData.decode(Data(json)) } catch {
            throw LanguageFileError(description: "bad language JSON: \(error)")
        }
        var p = profiles
        p[d.code.lowercased()] = LanguageProfile(d)
        return LanguageRegistry(profiles: p)
    }

    private func decodeFile(_ path: String) throws -> LanguageData {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LanguageFileError(description: "cannot read language file \(path)")
        }
        do {
            let d = try LanguageData.decode(data)
            guard !d.code.isEmpty, d.code.count <= 8 else {
                throw LanguageFileError(description: "language file \(path): bad code \"\(d.code)\"")
            }
            return d
        } catch let e as LanguageFileError {
            throw e
        } catch {
            throw LanguageFileError(description: "language file \(path) is not valid: \(error)")
        }
    }

    func profile(_ code: String?) -> LanguageProfile? {
        guard let c = code?.lowercased() else { return nil }
        if let p = profiles[c] { return p }
        if let dash = c.firstIndex(where: { $0 == "-" || $0 == "_" }) { return profiles[String(c[..<dash])] }
        return nil
    }

    /// The language among these profiles that fits `text` best (GleanText's ``LanguageDetector/closest(_:among:)``:
    /// Arabic script first, else the most stopwords); the first code when nothing fits.
    public func detect(_ text: String) -> String {
        LanguageDetector.closest(text, among: stopwordProfiles) ?? "en"
    }
}
