import Testing
@testable import GleanFacts

/// French and Arabic offices and names (issue 15, session 10): offices with function words ("garde des Sceaux"), an office's
/// capitalised complement before its holder, Arabic offices after a name, verbal nouns and prepositional plurals that end a name.
/// Sentences written for these tests; one row per rule.
@Suite struct FrenchArabicOfficeTests {
    typealias PersonCase = EntityGrammarTests.PersonCase

    static let people: [PersonCase] = [
        // fr: an office made of words and function words, between commas before the name
        PersonCase(language: "fr", text: "Le garde des Sceaux, Paul Lemercier, a présenté le texte au Sénat.", name: "Paul Lemercier",
                   rank: nil, titles: ["garde des Sceaux"]),
        // fr: the office's capitalised complement ("de l'Intérieur") stops before the known given name of its holder
        PersonCase(language: "fr", text: "Le ministre de l'Intérieur Bruno Vasseur a annoncé de nouveaux recrutements.", name: "Bruno Vasseur",
                   rank: nil, titles: ["ministre de l'Intérieur"]),
        // fr: "du" after an office elsewhere in the lexicon is no office word: the rank after it still opens a name
        PersonCase(language: "fr", text: "Ils le considèrent comme le poulain du général Jean Ravelo, président du Sénat.", name: "Jean Ravelo",
                   rank: "General", titles: ["président du Sénat"]),
        // fr: a capitalised rank of two words at the start of a sentence
        PersonCase(language: "fr", text: "Commissaire divisionnaire Marc Tchoumba a présenté le bilan.", name: "Marc Tchoumba",
                   rank: "Chief Superintendent", titles: []),
        // fr: a rank of two words written in title case, as many outlets write it
        PersonCase(language: "fr", text: "Le Commissaire Divisionnaire Moussa Keita, Directeur Régional de la Police, a fait le bilan.", name: "Moussa Keita",
                   rank: "Chief Superintendent", titles: ["Directeur Régional de la Police"]),
        // fr: two offices before the name, each set off by commas
        PersonCase(language: "fr", text: "Le ministre de la Justice, garde des Sceaux, Ismaïla Fall, a inauguré le tribunal.", name: "Ismaïla Fall",
                   rank: nil, titles: ["ministre de la Justice", "garde des Sceaux"]),
        PersonCase(language: "fr", text: "Le ministre d'État, ministre de la Défense, le général Paul Yao, a visité le camp.", name: "Paul Yao",
                   rank: "General", titles: ["ministre d'État", "ministre de la Défense"]),
        // ar: a name opening with "أبو" ends with a family name with the article and takes the office after the comma
        PersonCase(language: "ar", text: "وأوضح أبو بكر الصديقي، مدير إدارة المرور، أن الحوادث تراجعت.", name: "أبو بكر الصديقي",
                   rank: nil, titles: ["مدير إدارة المرور"]),
        // ar: an office after the name goes on through an organization word with "ل" ("لشرطة")
        PersonCase(language: "ar", text: "قال العقيد سالم الغامدي الناطق الإعلامي لشرطة منطقة تبوك إن التحقيق مستمر.", name: "سالم الغامدي",
                   rank: "Colonel", titles: ["الناطق الإعلامي لشرطة منطقة تبوك"]),
        // ar: a plural in fu'ul with "ب" ("بجهود") ends the name
        PersonCase(language: "ar", text: "وأشاد وزير الداخلية الأمير فيصل بن سعد بن نايف بجهود رجال الأمن.", name: "فيصل بن سعد بن نايف",
                   rank: "Prince", titles: ["وزير الداخلية"]),
        // ar: a verbal noun with the article ("الاجتماع") is the verb's object, not a family name
        PersonCase(language: "ar", text: "وترأس المدير الجهوي سعيد أحميدوش الاجتماع الأمني.", name: "سعيد أحميدوش",
                   rank: nil, titles: ["المدير الجهوي"]),
        // ar: a verbal noun of a derived pattern in the indefinite accusative ("اجتماعا") ends the name
        PersonCase(language: "ar", text: "ترأس وزير الداخلية الشيخ راشد بن حمد آل خليفة اجتماعا أمنيا.", name: "راشد بن حمد آل خليفة",
                   rank: "Sheikh", titles: ["وزير الداخلية"]),
        // ar: a rank word after "عبد" ("عبد الأمير") is half of a given name, not a rank
        PersonCase(language: "ar", text: "ونقلت الوكالة عن الفريق الركن عبد الأمير يار الله قوله إن العملية انتهت.", name: "عبد الأمير يار الله",
                   rank: "Lieutenant General", titles: []),
        // ar: a common past-tense verb of the news ("اعترف") after a name is no name word
        PersonCase(language: "ar", text: "وأعلنت النيابة أن المتهم محمد سعيد حسن اعترف بالتهم المنسوبة إليه.", name: "محمد سعيد حسن",
                   rank: nil, titles: []),
    ]

    @Test(arguments: people)
    func person(_ c: PersonCase) {
        c.expectTheOnePerson()
    }

    /// An office followed by a given name after a person is the next person's office, not an appositive of the first.
    @Test func officeOfTheNextPerson() {
        let facts = FactExtractor().extract("واستقبل الرئيس سالم حداد وزير الداخلية كمال العطار في القصر.", language: "ar")
        #expect(facts.people.map(\.name) == ["سالم حداد", "كمال العطار"])
        #expect(facts.people.map(\.titles) == [["الرئيس"], ["وزير الداخلية"]])
    }

    /// A verbal noun with a preposition ("لاستقلال") starts no name.
    @Test(arguments: [
        "وحيّا وزير الداخلية الشعب بمناسبة الذكرى السبعين لاستقلال البلاد، مشيراً إلى أن العام كان صعباً.",
        "ودعا المدير العام إلى الالتزام باجتماعات اللجنة.",
    ])
    func noPerson(_ text: String) {
        let facts = FactExtractor().extract(text, language: "ar")
        #expect(facts.people.isEmpty, "\(facts.people.map(\.name))")
    }

    /// Number words: a scale word after a number word takes "de" before its noun; Arabic teens and hundreds in words;
    /// a percent sign written before the number in right-to-left text.
    @Test(arguments: [
        ("fr", "Plus de deux millions de personnes ont été contrôlées.", [M("count", 2_000_000)]),
        ("fr", "Un million de comprimés ont été saisis au port.", [M("count", 1_000_000)]),
        ("ar", "وقتل خمسة عشر شخصا في الحادث.", [M("count", 15)]),
        ("ar", "وأسفرت الحملة عن توقيف ثلاثمائة مشتبه به.", [M("count", 300)]),
        ("ar", "وارتفعت الجرائم بنسبة %20 مقارنة بالعام الماضي.", [M("percent", 20)]),
    ])
    func numberWords(_ language: String, _ text: String, _ expected: [M]) {
        let facts = FactExtractor().extract(text, language: language)
        #expect(facts.metrics.map(M.init) == expected)
    }
}
