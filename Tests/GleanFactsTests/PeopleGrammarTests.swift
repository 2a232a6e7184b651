import Testing
@testable import GleanFacts

/// People found by reported speech, abbreviated and police ranks, compound offices, and the checks that keep
/// capitalised phrases that are not names out: sentences written for these tests, one row per rule and language.
@Suite struct PeopleGrammarTests {
    /// The same row shape as the entity grammar's people cases.
    typealias Case = EntityGrammarTests.PersonCase

    static let cases: [Case] = [
        // en: a name (no rank, no known given name) followed by a verb of speech
        Case(language: "en", text: "On Monday, Tolu Badmus said the market was closed.", name: "Tolu Badmus", rank: nil, titles: []),
        // en: a name after "according to"
        Case(language: "en", text: "The market was closed, according to Tolu Badmus.", name: "Tolu Badmus", rank: nil, titles: []),
        // en: an office made of a modifier and a head
        Case(language: "en", text: "Police Minister Thabo Nkosi said the figures were encouraging.", name: "Thabo Nkosi", rank: nil, titles: ["Police Minister"]),
        // en: an abbreviated military rank of two words
        Case(language: "en", text: "Brig. Gen. Obi Nwosu inspected the base.", name: "Obi Nwosu", rank: "Brigadier General", titles: []),
        // en: a police rank abbreviation and a middle initial, after the office and a comma
        Case(language: "en", text: "The Commissioner of Police, CP Usman A. Belel, issued an order.", name: "Usman A. Belel", rank: "Commissioner of Police",
             titles: ["Commissioner of Police"]),
        // fr: a verb of speech before the name, at the end of the sentence
        Case(language: "fr", text: "« Nous ne lâcherons rien », a déclaré Yann Kermarrec.", name: "Yann Kermarrec", rank: nil, titles: []),
        // fr: a name followed by a verb of speech
        Case(language: "fr", text: "Mardi, Yann Kermarrec a précisé que les militaires étaient mobilisés.", name: "Yann Kermarrec", rank: nil, titles: []),
        // fr: a when-word between the verb of speech and the speaker
        Case(language: "fr", text: "« Nous ne lâcherons rien », a indiqué jeudi Yann Kermarrec, devant la presse.", name: "Yann Kermarrec", rank: nil, titles: []),
        // fr: a rank written with a typographic apostrophe, as French newsrooms type it
        Case(language: "fr", text: "Le général d’armée Yves Mbadinga a présidé la cérémonie.", name: "Yves Mbadinga", rank: "General", titles: []),
        // ar: an office, then a judicial honorific, then the name
        Case(language: "ar", text: "وقال النائب العام المستشار محمد شوقي إن التحقيقات جارية.", name: "محمد شوقي", rank: "Counsellor", titles: ["النائب العام"]),
        // ar: an office, a comma, a rank and the name
        Case(language: "ar", text: "أوضح الناطق الإعلامي لشرطة منطقة الرياض، العقيد فواز بن جميل الميمان، أنه تم ضبط شخصين.", name: "فواز بن جميل الميمان",
             rank: "Colonel", titles: ["الناطق الإعلامي لشرطة منطقة الرياض"]),
        // ar: a name in quotes after a rank, the office after the closing quote
        Case(language: "ar", text: "أكد اللواء \"خالد غرابة\" مدير أمن الإسكندرية أن الوزارة تبذل جهودا كبيرة.", name: "خالد غرابة", rank: "Major General",
             titles: ["مدير أمن الإسكندرية"]),
        // ar: a name in quotes right after an office
        Case(language: "ar", text: "وعقد وزير الداخلية المكلف “عماد الطرابلسي” اجتماعا أمنيا.", name: "عماد الطرابلسي", rank: nil, titles: ["وزير الداخلية المكلف"]),
        // ar: short vowels and shadda are optional in print: the office reads as without them
        Case(language: "ar", text: "أكّد النّاطق الرّسمي باسم محاكم صفاقس، مراد التركي، أنّ الجلسة تأجلت.", name: "مراد التركي", rank: nil,
             titles: ["النّاطق الرّسمي باسم محاكم صفاقس"]),
        // ar: a verb of speech, a name no lexicon holds, then an office without a comma
        Case(language: "ar", text: "وقال ساليفو بيافوغي المتحدث باسم الحزب إن المحاكمة ستبدأ يوم الاثنين.", name: "ساليفو بيافوغي", rank: nil,
             titles: ["المتحدث باسم الحزب"]),
        // en: an appositive opened by a determiner, closed by a comma, with an office in lower case
        Case(language: "en", text: "Colonel John Okello, the regional police commander, said the suspects fled.", name: "John Okello", rank: "Colonel",
             titles: ["regional police commander"]),
        // en: an appositive without an office is no title
        Case(language: "en", text: "Colonel John Okello, the man who led the team, said the suspects fled.", name: "John Okello", rank: "Colonel", titles: []),
        // en: the head of an organisation's name ends the office, it does not make a person of the words before it
        Case(language: "en", text: "Police Lieutenant General Somchai Wongsa, Commander of the Narcotics Suppression Bureau, led the raid.",
             name: "Somchai Wongsa", rank: "Lieutenant General", titles: ["Commander of the Narcotics Suppression Bureau"]),
        // fr: "chargé de l’information" is an office
        Case(language: "fr", text: "Le colonel Khalifa Ben Salah, chargé de l’information à la garde nationale, a indiqué que le calme est revenu.",
             name: "Khalifa Ben Salah", rank: "Colonel", titles: ["chargé de l’information à la garde nationale"]),
        // fr: the office after "en tant que" is that of the person named before it in the sentence
        Case(language: "fr", text: "Le général Ahmat Bello a été installé en tant que directeur général de la Police nationale.", name: "Ahmat Bello",
             rank: "General", titles: ["directeur général de la Police nationale"]),
    ]

    @Test(arguments: cases)
    func person(_ c: Case) {
        let facts = FactExtractor().extract(c.text, language: c.language)
        let p = facts.people.first { $0.name == c.name }
        #expect(p != nil, "\(facts.people.map(\.name))")
        #expect(p?.rank == c.rank)
        #expect(p?.titles == c.titles)
        #expect(facts.people.count == 1, "\(facts.people.map(\.name))")
    }

    /// Names that an age written after them confirms (", 23 ans", "، 32 عامًا", "(41 عاما)"), also when "و" is written onto a
    /// first name no lexicon holds, and the last name of a list after "and" that opens with a known given name.
    @Test(arguments: [
        ("ar", "وقالت النيابة إن الموقوفين هم سامويل أوتينو، 32 عامًا؛ وبيرنارد كيبتو، 28 عاما.", ["سامويل أوتينو", "بيرنارد كيبتو"]),
        ("ar", "وحكم على رجلين هما ستيفن موراي (41 عاما) وكيفن دويل (37 عاماً).", ["ستيفن موراي", "كيفن دويل"]),
        ("fr", "Le suspect, Lucas Montreuil, 23 ans, a été déféré.", ["Lucas Montreuil"]),
        ("en", "Police Commissioner Amos Kiprono and Mary Atieno visited the camp.", ["Amos Kiprono", "Mary Atieno"]),
        // "آنذاك" ("at the time") after an office is no name word
        ("ar", "واستهدف الهجوم المفوض البريطاني السامي آنذاك أنور شودوري.", ["أنور شودوري"]),
        // without an age nothing confirms names no lexicon holds
        ("ar", "وقال المتحدث إن الموقوفين هم سامويل أوتينو وبيرنارد كيبتو.", [String]()),
    ])
    func listedAndAged(_ language: String, _ text: String, _ names: [String]) {
        let facts = FactExtractor().extract(text, language: language)
        #expect(facts.people.map(\.name) == names)
    }

    /// Arabic: a list of people, each after its office, the offices joined by "و" ("وأمين عام": "أمين" is also a given name,
    /// "والعضو": an office word with the article).
    @Test func arabicListOfOffices() {
        let text = "وحضر الاجتماع رئيس الحزب علي حسن وأمين عام الحزب خضر إبراهيم والعضو المؤسس ياسين عبد الله."
        let facts = FactExtractor().extract(text, language: "ar")
        #expect(facts.people.map(\.name) == ["علي حسن", "خضر إبراهيم", "ياسين عبد الله"])
        #expect(facts.people.map(\.titles) == [["رئيس الحزب"], ["أمين عام الحزب"], ["العضو المؤسس"]])
    }

    /// Arabic: the names of a list after a person, each joined by "و" written onto its first word: a known given name, "عبد",
    /// or a word no lexicon holds when the list's punctuation ends the name; a bracket after a name does not end the list.
    @Test(arguments: [
        ("وأدانت المحكمة المتهم جمال قرطاف (زعيم العصابة) وعبد الرحيم العلمي العروسي وطارق بن فارس ومحمد سامي ترجع أسرته إلى فاس.",
         ["جمال قرطاف", "عبد الرحيم العلمي العروسي", "طارق بن فارس", "محمد سامي"]),
        ("وقضت المحكمة بالسجن على العقيد مصطفى بن بركة، وسيدي محمد كاغناسي، وعمادو كوما، ونوهو كوما.",
         ["مصطفى بن بركة", "سيدي محمد كاغناسي", "عمادو كوما", "نوهو كوما"]),
        // a feminine noun after "و" opens no name ("وعضوية", "ولاية")
        ("وترأس الجلسة المستشار أحمد عبد القوى وعضوية المستشارين في ولاية الخرطوم.", ["أحمد عبد القوى"]),
    ])
    func arabicList(_ text: String, _ names: [String]) {
        let facts = FactExtractor().extract(text, language: "ar")
        #expect(facts.people.map(\.name) == names)
    }

    /// Arabic: after an office, a two-word run no lexicon holds is its holder when the text writes its last word again alone
    /// (a family name used again); a derived verbal noun without the article ("اعتقال") is no name word.
    @Test(arguments: [
        ("وتريد الحكومة منافسة الرئيس يوويري موسيفيني على الترشيح. وقال موسيفيني إن الحزب لم يحسم أمره.", ["يوويري موسيفيني"]),
        // without the family name written again, nothing confirms the run
        ("وتريد الحكومة منافسة الرئيس يوويري موسيفيني على الترشيح.", [String]()),
        ("أعلن المجلس العسكري اعتقال إبراهيم يعقوب وزير الطاقة في الحكومة.", ["إبراهيم يعقوب"]),
    ])
    func arabicHolderWithoutGivenName(_ text: String, _ names: [String]) {
        let facts = FactExtractor().extract(text, language: "ar")
        #expect(facts.people.map(\.name) == names)
    }

    /// A plural rank heads a list of names that all hold the rank ("Constables X, Y and Z", "des Sergents-chefs X et Y"),
    /// also after another person's name and a comma; the plural of a short honorific is not generated ("Mr" is not "Mrs").
    @Test(arguments: [
        ("en", "The officers, Corporal Gemma Louis, Constables Martin Seaman, Devin Challenger and Orlan Vigille, were confined.",
         ["Gemma Louis", "Martin Seaman", "Devin Challenger", "Orlan Vigille"], ["Corporal", "Constable", "Constable", "Constable"]),
        ("fr", "Il s’agit des Sergents-chefs Gada Hermann et Kouadio Jean-Marc, mis aux arrêts à Bouaké.",
         ["Gada Hermann", "Kouadio Jean-Marc"], ["Staff Sergeant", "Staff Sergeant"]),
    ])
    func pluralRankList(_ language: String, _ text: String, _ names: [String], _ ranks: [String]) {
        let facts = FactExtractor().extract(text, language: language)
        #expect(facts.people.map(\.name) == names)
        #expect(facts.people.map { $0.rank ?? "" } == ranks)
    }

    @Test func pluralRanksSkipShortHonorifics() {
        let plurals = Dictionary(LanguageProfile.pluralRanks(["Mr": "Mr.", "Constable": "Constable", "Insp.": "Inspector"], french: false),
                                 uniquingKeysWith: { a, _ in a })
        #expect(plurals == ["Constables": "Constable"])
        let fr = Dictionary(LanguageProfile.pluralRanks(["sergent-chef": "Staff Sergeant", "général de brigade": "Major General"], french: true),
                            uniquingKeysWith: { a, _ in a })
        #expect(fr == ["sergents-chefs": "Staff Sergeant", "généraux de brigade": "Major General"])
    }

    /// Arabic: an imperfect verb of the dual or plural ("ينتميان", "يواجهون") is no name word.
    @Test func arabicVerbEndsName() {
        let facts = FactExtractor().extract("وأوضح أن المتهمين هم خالد حسين ينتميان لمنظمة محظورة.", language: "ar")
        #expect(facts.people.map(\.name) == ["خالد حسين"])
    }

    /// Capitalised phrases that hold a word of an office but no office, or a place before a verb of speech, are no one.
    @Test(arguments: [
        ("en", "The Police Recorded Crime Statistics report was published on Friday."),
        ("en", "On Monday, South Africa said the border was open."),
        ("en", "On Monday, Crime Stoppers said crime had fallen."),
        ("fr", "Mardi, la Haute-Savoie a déclaré un état d'alerte."),
    ])
    func noPerson(_ language: String, _ text: String) {
        let facts = FactExtractor().extract(text, language: language)
        #expect(facts.people.isEmpty, "\(facts.people.map(\.name))")
    }
}
