import Testing
@testable import GleanFacts

// Grammar for forms that articles from outlets nobody tuned on use (issue 15): Swiss and Indian digit grouping,
// lakh and crore, ranks in digits "out of" a total, totals put before their part; on sentences written for these tests.

struct UnseenNumberFormTests {
    typealias Case = MetricGrammarTests.Case

    @Test(arguments: [
        // Swiss apostrophe thousands (straight and typographic), with a decimal comma
        Case(language: "fr", text: "La police a enregistré 67’299 infractions et 1'250 vols.", expected: [M("count", 67299), M("count", 1250)]),
        Case(language: "fr", text: "Le canton compte 12'345,5 kilos saisis.", expected: [M("count", 12345.5)]),
        Case(language: "en", text: "Officers seized 2'500 rounds.", expected: [M("count", 2500)]),
        // Indian grouping and lakh / crore
        Case(language: "en", text: "Robbers took Tk 2,20,000 and 1,25,00,000 rupees.", expected: [M("money", 220000), M("money", 12_500_000)]),
        Case(language: "en", text: "They looted Tk 85.50 lakh and Tk 3 crore.", expected: [M("money", 8_550_000), M("money", 30_000_000)]),
        // ordinary grouping is unchanged
        Case(language: "en", text: "Police recorded 12,345 crimes and 1,234,567 calls.", expected: [M("count", 12345), M("count", 1_234_567)]),
    ])
    func numbers(c: Case) {
        let f = FactExtractor().extract(c.text, language: c.language)
        #expect(f.metrics.map(M.init) == c.expected)
    }

    @Test(arguments: [
        // a rank in digits out of a total (an Arabic adverb of scope may stand between)
        Case(language: "ar", text: "حلت البلاد في المرتبة 27 عالمياً من بين 163 دولة.", expected: [M("rank", 27, 163)]),
        Case(language: "ar", text: "وجاءت قطر أولا عربيا والمرتبة 12 من بين 40 دولة.", expected: [M("rank", 12, 40)]),
        Case(language: "en", text: "The country ranked 27 out of 163 countries.", expected: [M("rank", 27, 163)]),
        // a total put first, then the part
        Case(language: "en", text: "The police said out of 30 rounds of ammunition, 18 had been fired.", expected: [M("ratio", 18, 30)]),
        Case(language: "fr", text: "Sur les 17 personnalités, trois sont nommées pour la première fois.", expected: [M("ratio", 3, 17)]),
        Case(language: "fr", text: "Sur ces six personnes, cinq sont en détention.", expected: [M("ratio", 5, 6)]),
        // clock times are no quantities; a duration in hours still is
        Case(language: "ar", text: "فرض حظر التجول منذ الساعة الـ 10 من مساء الخميس واعتقل 12 شخصا.", expected: [M("count", 12)]),
        Case(language: "fr", text: "La circulation est interdite à partir de 23 heures et 15 suspects ont passé 48 heures en garde à vue.", expected: [M("count", 15), M("count", 48)]),
        // a part greater than the total is no ratio
        Case(language: "en", text: "Out of 3 districts, 40 officers were sent.", expected: [M("count", 3), M("count", 40)]),
    ])
    func ranksAndRatios(c: Case) {
        let f = FactExtractor().extract(c.text, language: c.language)
        #expect(f.metrics.map(M.init) == c.expected)
    }
}

struct UnseenReferenceFormTests {
    struct Ref: Equatable, Sendable, CustomStringConvertible {
        var type: String
        var number: String?
        var description: String { "\(type) \(number ?? "-")" }
    }

    @Test(arguments: [
        // codes named without a number, an abbreviation defined in brackets and used again
        ("fr", "Les infractions au Code pénal (CP) baissent; d'autres titres du CP aussi.", [Ref(type: "law", number: nil), Ref(type: "law", number: nil)]),
        ("fr", "Il sera jugé selon le code de procédure pénale.", [Ref(type: "law", number: nil)]),
        // two numberless laws in one sentence are two references
        ("fr", "Les infractions à la Loi sur les armes et celles à la Loi sur la circulation baissent.",
         [Ref(type: "law", number: nil), Ref(type: "law", number: nil)]),
        // a draft is a document of the drafted type
        ("fr", "Le gouvernement a adopté un projet de décret et un projet de loi n° 12.", [Ref(type: "decree", number: nil), Ref(type: "law", number: "12")]),
        ("en", "Parliament debated the draft law.", [Ref(type: "law", number: nil)]),
        // an English title in a French text; a title with its year; a title restated with its number
        ("fr", "Le Police and Criminal Justice Bill sera présenté.", [Ref(type: "law", number: nil)]),
        ("en", "He was charged under the Firearms Control Act 2012 and the Security Act 2023, Act No 2 of 2023.",
         [Ref(type: "law", number: nil), Ref(type: "law", number: "2")]),
        ("en", "Officers breached the Code of Conduct and the penal code.", [Ref(type: "regulation", number: nil), Ref(type: "law", number: nil)]),
        ("ar", "يعاقب القانون الجنائي على ذلك.", [Ref(type: "law", number: nil)]),
    ])
    func references(language: String, text: String, expected: [Ref]) {
        let f = FactExtractor().extract(text, language: language)
        #expect(f.references.map { Ref(type: $0.type, number: $0.number) } == expected)
    }
}

struct UnseenArabicNameTests {
    struct P: Equatable, Sendable, CustomStringConvertible {
        var name: String
        var titles: [String]
        var description: String { "\(name) \(titles)" }
    }

    @Test(arguments: [
        // the place a territorial office governs is the office's, not the first word of its holder's name
        ("ترأس محافظ جرش فراس أبو قاعود، الاجتماع.", [P(name: "فراس أبو قاعود", titles: ["محافظ جرش"])]),
        ("حضر مدير أمن عدن مطهر الشعيبي، ومدير أمن أبين علي الكازمي.",
         [P(name: "مطهر الشعيبي", titles: ["مدير أمن عدن"]), P(name: "علي الكازمي", titles: ["مدير أمن أبين"])]),
        // an office right after a name without a comma ends at the next rank or list item
        ("زار الفريق أول الشيخ راشد بن عبدالله آل خليفة وزير الداخلية في المحافظة.", [P(name: "راشد بن عبدالله آل خليفة", titles: ["وزير الداخلية"])]),
        ("حضر الفريق شرطة ياسر عمر مدير عام قوات السجون والفريق شرطة صلاح أحمد مدير عام قوات الجمارك.",
         [P(name: "ياسر عمر", titles: ["مدير عام قوات السجون"]), P(name: "صلاح أحمد", titles: ["مدير عام قوات الجمارك"])]),
        // honorifics written with a slash after a police rank; a rank joined by "و" after a comma starts the next list item
        ("حضر الفريق شرطة حقوقي/ د/ كمال حسن عثمان مدير عام قوات الجمارك، والفريق شرطة سامي علي مدير عام قوات السجون.",
         [P(name: "كمال حسن عثمان", titles: ["مدير عام قوات الجمارك"]), P(name: "سامي علي", titles: ["مدير عام قوات السجون"])]),
        // an office with its place before a rank and name
        ("وأوضح مدير شرطة بغداد اللواء سعد حسن أن القوات اعتقلت المتهمين.", [P(name: "سعد حسن", titles: ["مدير شرطة بغداد"])]),
        // a name with the Mauritanian particle "ولد"
        ("عين المدير السابق للأمن بنواذيبو محمد عبد الله ولد أحمد ولد الطلبة.", [P(name: "محمد عبد الله ولد أحمد ولد الطلبة", titles: ["المدير السابق للأمن بنواذيبو"])]),
    ])
    func names(text: String, expected: [P]) {
        let f = FactExtractor().extract(text, language: "ar")
        #expect(f.people.map { P(name: $0.name, titles: $0.titles) } == expected)
    }
}

struct UnseenLatinNameTests {
    struct P: Equatable, Sendable, CustomStringConvertible {
        var name: String
        var titles: [String]
        var description: String { "\(name) \(titles)" }
    }

    @Test(arguments: [
        // the names listed after a person are people too; a place in the list is not
        ("en", "The court remanded Sergeant John Kamara, Musa Bangura, Ibrahim Sesay and Fatmata Koroma.",
         [P(name: "John Kamara", titles: []), P(name: "Musa Bangura", titles: []), P(name: "Ibrahim Sesay", titles: []), P(name: "Fatmata Koroma", titles: [])]),
        ("en", "Police Spokesperson Jane Banda, Lusaka Province, said so.", [P(name: "Jane Banda", titles: ["Police Spokesperson"])]),
        // a possessive body inside an appositive office is no person
        ("en", "Sok Dara, head of the National Military Police’s information department, said so.",
         [P(name: "Sok Dara", titles: ["head of the National Military Police’s"])]),
        // a pair whose last word is later a person on its own ("Mr Tembo", "Tembo said"); a pair never seen so is not
        ("en", "The court heard Bwalya Tembo on Monday. Later Mr Tembo left.", [P(name: "Bwalya Tembo", titles: [])]),
        ("en", "Bwalya Tembo was arrested. Tembo said he was innocent. Kitwe Central was calm.", [P(name: "Bwalya Tembo", titles: [])]),
        ("en", "The court heard Bwalya Tembo on Monday.", [P]()),
        // an age after a name: ", 30 of Chawama", ", aged 35 of Kamwala"
        ("en", "Police arrested Chanda Mwale, 30 of Chawama, on Monday.", [P(name: "Chanda Mwale", titles: [])]),
        ("en", "Police arrested Chanda Mwale, aged 35 of Kamwala, on Monday.", [P(name: "Chanda Mwale", titles: [])]),
        // a police rank whose words are also an office's; a former office written with "ex-"; a speaker after "soutient"
        ("fr", "Il remplace le directeur adjoint de la Police nationale, le contrôleur général de police Jean Kaboré. Il part.",
         [P(name: "Jean Kaboré", titles: ["directeur adjoint de la Police nationale"])]),
        ("fr", "Ce sont des proches de l’ex-directeur de cabinet de la présidence, Paul Ndong Obiang, dit-on.",
         [P(name: "Paul Ndong Obiang", titles: ["ex-directeur de cabinet de la présidence"])]),
        ("fr", "« Il ne faut pas déborder », soutient Marc Loubaki.", [P(name: "Marc Loubaki", titles: [])]),
        // a comma between two complements of one office; a feminine office
        ("fr", "La réunion a eu lieu chez le ministre des Arts, de la Culture et du Tourisme, Paul Mbaye, hier.",
         [P(name: "Paul Mbaye", titles: ["ministre des Arts, de la Culture et du Tourisme"])]),
        ("fr", "Elle était entourée de la cheffe du Département de la sécurité, Claire Dupuis, hier.",
         [P(name: "Claire Dupuis", titles: ["cheffe du Département de la sécurité"])]),
    ])
    func names(language: String, text: String, expected: [P]) {
        let f = FactExtractor().extract(text, language: language)
        #expect(f.people.map { P(name: $0.name, titles: $0.titles) } == expected)
    }
}

struct UnseenDateFormTests {
    @Test(arguments: [
        // a value in brackets with its year is the compared value, not a date
        ("fr", "On compte 50'886 infractions (54’548 en 2016) au total.", [String]()),
        ("en", "There were 119 murders, compared to the 73 murders recorded in 2020.", [String]()),
        // the year of a named constitution names it
        ("en", "Article 21 of the Constitution of 1986 applies.", [String]()),
        ("en", "In 2021, police recorded 119 murders.", ["2021"]),
    ])
    func dates(language: String, text: String, expected: [String]) {
        let f = FactExtractor().extract(text, language: language)
        #expect(f.dates.map(\.iso) == expected)
    }
}
