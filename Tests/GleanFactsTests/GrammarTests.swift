import Testing
@testable import GleanFacts

// The number, date and reference grammars of each language, on sentences written for these tests.

struct MetricGrammarTests {
    struct Case: Sendable, CustomStringConvertible {
        var language: String
        var text: String
        var expected: [M]
        var description: String { "\(language): \(text)" }
    }

    @Test(arguments: [
        // English: bare quantities, ranges, number words, ratios, fractions, signed changes, scale words
        Case(language: "en", text: "Police recorded 104,842 crimes in 2023, up from 98,120.", expected: [M("count", 104842), M("count", 98120)]),
        Case(language: "en", text: "The goal is to cut deaths by 5-10 percent.", expected: [M("percent", 5), M("percent", 10)]),
        Case(language: "en", text: "Thefts fell by between 4 and 6 percent.", expected: [M("percent", 4), M("percent", 6)]),
        Case(language: "en", text: "Officers seized seven per cent more guns and arrested three men.", expected: [M("percent", 7), M("count", 3)]),
        Case(language: "en", text: "Some 13 out of the 17 districts saw a fall.", expected: [M("ratio", 13, 17)]),
        Case(language: "en", text: "Two thirds of the cases were solved.", expected: [M("ratio", 2, 3)]),
        Case(language: "en", text: "Burglaries changed by -12% this year.", expected: [M("percent", 12)]),
        Case(language: "en", text: "The budget reached $2.5 billion.", expected: [M("money", 2.5e9)]),
        // a currency written against its amount; a currency of two words after the amount
        Case(language: "en", text: "Officers seized RM127,725 in cash and 7,920 Thai Baht.", expected: [M("money", 127725), M("money", 7920)]),
        // every active ISO 4217 code; a currency's capitalised name after a scale word
        Case(language: "en", text: "The pair were fined BND20,000 each.", expected: [M("money", 20000)]),
        Case(language: "en", text: "Police recovered 9.4 billion Birr.", expected: [M("money", 9.4e9)]),
        Case(language: "en", text: "Officers worked at all three levels over the past 6 months.", expected: []),
        Case(language: "en", text: "At 5 pm, 40 officers arrived.", expected: [M("count", 40)]),
        Case(language: "en", text: "Crime drops 20 percent\n\nThe police said crime fell by 20 percent.", expected: [M("percent", 20)]),
        Case(language: "en", text: "The rate grew to 17.6per cent.", expected: [M("percent", 17.6)]),
        Case(language: "en", text: "Rapes rose, compared with 9,556 last year.", expected: [M("count", 9556)]),
        Case(language: "en", text: "He was jailed for 10 years. Crime hit its lowest level for 10 years.", expected: [M("count", 10)]),
        // a term written in words is a quantity as in digits; a span named by a marker is not
        Case(language: "en", text: "He was jailed for three years after he had served thirteen years on the board. Two days later he appealed.", expected: [M("count", 3), M("count", 13)]),
        Case(language: "ar", text: "قضت المحكمة بالسجن سبع سنوات على المتهم.", expected: [M("count", 7)]),
        Case(language: "fr", text: "Il a été condamné à deux ans de prison au cours des trois derniers mois.", expected: [M("count", 2)]),
        Case(language: "en", text: "A four-year-old and a 6-year-old boy were found.", expected: [M("count", 4), M("count", 6)]),
        Case(language: "en", text: "Under lockdown levels 2, 3 and 4, under section 72 (2) and section 222 and 223, crime fell.", expected: []),
        Case(language: "en", text: "The statistics cover the second quarter of 2022/23 and article 223(1) of the code.", expected: []),
        // a list of article numbers in brackets, with Arabic commas, longer than a few items
        Case(language: "ar", text: "وأحيلت الدعوى بموجب المواد (21، 22، 25، 26، 50، 51، 58، 65، 186) من القانون الجنائي.", expected: []),
        Case(language: "en", text: "He was charged under articles (3, 4, 7) of the code.", expected: []),
        // French: dot and space grouping, decimal comma, ranges with à, number words, X sur Y of other things
        Case(language: "fr", text: "La police a interpellé 97.688 personnes et saisi 2,844 tonnes de cocaïne.", expected: [M("count", 97688), M("count", 2.844)]),
        Case(language: "fr", text: "Le taux a baissé de 5 à 6 %.", expected: [M("percent", 5), M("percent", 6)]),
        Case(language: "fr", text: "Les agents ont saisi trois sacs et 1 629 kilos.", expected: [M("count", 3), M("count", 1629)]),
        Case(language: "fr", text: "Les agents ont saisi 1\u{202F}200 kilos.", expected: [M("count", 1200)]),
        Case(language: "fr", text: "On compte 266 permis sur les 1515 demandes.", expected: [M("count", 266), M("count", 1515)]),
        Case(language: "fr", text: "La moitié des homicides sont élucidés.", expected: [M("ratio", 1, 2)]),
        Case(language: "fr", text: "Les vols ont progressé de +3,3% en un an.", expected: [M("percent", 3.3)]),
        Case(language: "fr", text: "Une voiture a été volée durant les 10 derniers mois.", expected: []),
        Case(language: "fr", text: "Le préjudice atteint 2,4 milliards de dirhams.", expected: [M("money", 2.4e9)]),
        // a quoted grouped number before a common noun is a count; a motto's small numbers are not
        Case(language: "fr", text: "Les services ont saisi « 36.455 comprimés psychotropes » en 2017, selon la devise « 3 justes ».", expected: [M("count", 36455)]),
        Case(language: "fr", text: "Le nombre est passé de 71 à 144.", expected: [M("count", 71), M("count", 144)]),
        Case(language: "fr", text: "Appelez le 01 23 45 ou le 08 pour signaler 12 vols.", expected: [M("count", 12)]),
        Case(language: "fr", text: "Il a annoncé «13 sacs de 100 kg» saisis.", expected: [M("count", 13), M("count", 100)]),
        Case(language: "fr", text: "Leur devise est «3 justes, 4 clairs» depuis longtemps.", expected: []),
        // Arabic: thousands word with its conjunction, the ر decimal form, Arabic-Indic digits and separators, ranges
        Case(language: "ar", text: "سجلت المصالح 442 ألفا و882 قضية.", expected: [M("count", 442882)]),
        Case(language: "ar", text: "أوقفت الشرطة 354 ألفا، و840 شخصا.", expected: [M("count", 354840)]),
        Case(language: "ar", text: "عالجت المصالح 779 ألفًا و08 قضية.", expected: [M("count", 779008)]),
        Case(language: "ar", text: "ارتفع المعدل بنسبة 530ر6 في المائة.", expected: [M("percent", 6.53)]),
        Case(language: "ar", text: "بلغت النسبة ٣٫٥٪ وعدد ١٢٬٥٠٠ شخص.", expected: [M("percent", 3.5), M("count", 12500)]),
        Case(language: "ar", text: "تراوحت النسبة بين 5 و10 في المائة.", expected: [M("percent", 5), M("percent", 10)]),
        Case(language: "ar", text: "اعتقلت الشرطة اربعة احداث وضبطت (5) أسلحة بيضاء.", expected: [M("count", 4), M("count", 5)]),
        Case(language: "ar", text: "حلت الشرطة ثلثي الجرائم.", expected: [M("ratio", 2, 3)]),
        Case(language: "ar", text: "اتصلوا على الخط الأخضر 1548 لدفع الغرامة 18000 دج.", expected: [M("money", 18000)]),
        Case(language: "ar", text: "ضبطت 7 من أصل 9 سيارات.", expected: [M("ratio", 7, 9)]),
        Case(language: "ar", text: "خلال الأشهر التسعة الأولى من العام نفذت الشرطة عملها.", expected: []),
        Case(language: "ar", text: "أوقفت الشرطة 10.036 شخصا.", expected: [M("count", 10036)]),
        Case(language: "ar", text: "أصيب شخصين وسجلت قضيتين وشكرت المواطنين.", expected: [M("count", 2), M("count", 2)]),
        // a smaller unit of the same measure joined by "and" completes the quantity; a larger one, or none, does not
        Case(language: "fr", text: "Les agents ont saisi 4 kg et 250 grammes de résine.", expected: [M("count", 4.25)]),
        Case(language: "fr", text: "Ils ont saisi plus de 2 kg et 75 gr de cocaïne.", expected: [M("count", 2.075)]),
        Case(language: "en", text: "Officers seized 3 tons and 400 kg of cannabis.", expected: [M("count", 3.4)]),
        Case(language: "en", text: "Officers seized 3 kg and 400 tons of cannabis.", expected: [M("count", 3), M("count", 400)]),
        Case(language: "en", text: "Officers seized 3 kg and 400 pills.", expected: [M("count", 3), M("count", 400)]),
        Case(language: "ar", text: "حجز 5 كلغ و 300 غ من المخدرات.", expected: [M("count", 5.3)]),
        // months after years; a half after the unit ("ونصف", "et demi"), after digits or number words
        Case(language: "ar", text: "وقضت المحكمة بسجنه 3 سنوات و6 أشهر.", expected: [M("count", 3.5)]),
        Case(language: "en", text: "He was sentenced to 2 years and 6 months in prison.", expected: [M("count", 2.5)]),
        Case(language: "ar", text: "وقضت المحكمة بسجنه 4 سنوات ونصف.", expected: [M("count", 4.5)]),
        Case(language: "ar", text: "وحكم عليه بالسجن أربع سنوات ونصف.", expected: [M("count", 4.5)]),
        Case(language: "ar", text: "وقضى 12 عامًا ونصف في السجن.", expected: [M("count", 12.5)]),
        Case(language: "fr", text: "Il a été condamné à 2 ans et demi de prison ferme.", expected: [M("count", 2.5)]),
        // Arabic: a number written against its noun without a space
        Case(language: "ar", text: "اعتقلت القوات 239مطلوبا خلال العملية.", expected: [M("count", 239)]),
        Case(language: "ar", text: "ضبطت الشرطة 12سيارة مسروقة.", expected: [M("count", 12)]),
        // approximate French numerals, with either apostrophe
        Case(language: "fr", text: "Le décret concerne une soixantaine d’arrondissements.", expected: [M("count", 60)]),
        Case(language: "fr", text: "Le décret concerne une soixantaine d'arrondissements.", expected: [M("count", 60)]),
        Case(language: "en", text: "Over a million people crossed the border.", expected: [M("count", 1_000_000)]),
        // number words written with a hyphen
        Case(language: "en", text: "Police charged twenty-three suspects.", expected: [M("count", 23)]),
        Case(language: "fr", text: "La police a inculpé trente-cinq personnes et soixante-onze suspects.", expected: [M("count", 35), M("count", 71)]),
        Case(language: "fr", text: "Quatre-vingt-onze suspects ont été libérés.", expected: [M("count", 91)]),
        // spaces between three-digit groups where the language does not group by spaces: one group starting with 0 decides
        Case(language: "en", text: "The force has 12 000 officers and 1 500 000 rounds.", expected: [M("count", 12_000), M("count", 1_500_000)]),
        // "m" right after a currency is million ("100m" alone is metres)
        Case(language: "en", text: "They seized $1.5m in cash and GH¢2,000.", expected: [M("money", 1_500_000), M("money", 2_000)]),
        // currencies of every region are money, after the number or before it
        Case(language: "en", text: "He faces a fine of up to 6 million riel.", expected: [M("money", 6_000_000)]),
        Case(language: "en", text: "The court fined him MK 250,000 and 3,000 dalasis.", expected: [M("money", 250_000), M("money", 3_000)]),
        Case(language: "fr", text: "Une amende de 50 000 francs congolais et 200 gourdes.", expected: [M("money", 50_000), M("money", 200)]),
        Case(language: "ar", text: "دفع غرامة قدرها 500 شلن كيني.", expected: [M("money", 500)]),
        // part of a counted group, from two up ("one of the largest" is no count)
        Case(language: "en", text: "Four of them were charged and nine of the most wanted suspects were caught.", expected: [M("count", 4), M("count", 9)]),
        Case(language: "en", text: "It is one of the largest ports.", expected: []),
        Case(language: "fr", text: "Trois d’entre eux ont été déférés et deux des suspects ont fui.", expected: [M("count", 3), M("count", 2)]),
        Case(language: "ar", text: "وأوضح أن أربعة منهم مطلوبون وأن ثلاثة من المتهمين فروا.", expected: [M("count", 4), M("count", 3)]),
        // a number that reads as a year before a currency is an amount; CFA francs as outlets write them; half a dozen
        Case(language: "fr", text: "Il a saisi 2000 euros, 129 millions Cfa et une demi-douzaine d'armes.",
             expected: [M("money", 2000), M("money", 129_000_000), M("count", 6)]),
        // the participle "arrêté" before a count; a span of clock times is no count ("entre 20 heures et 5 heures")
        Case(language: "fr", text: "Les gendarmes ont arrêté 7 individus.", expected: [M("count", 7)]),
        Case(language: "fr", text: "Le couvre-feu est instauré entre 20 heures et 5 heures.", expected: []),
        // Arabic: a number without the article after a noun with it is not that noun's number ("القاضي تسع": the judge, nine)
        Case(language: "ar", text: "وأصدر القاضي تسع بطاقات إيداع.", expected: []),
        // a cardinal counts a plural of people no lexicon lists ("خمسة وزراء", "ثلاثة مستشارين"), not a plural of things
        // ("ثلاثة مستويات"), not after it as an adjective with the article ("المجالس الثلاثة مقارنة")
        Case(language: "ar", text: "وعين الملك خمسة وزراء جدد، وحكم على ثلاثة مستشارين سابقين.", expected: [M("count", 5), M("count", 3)]),
        Case(language: "ar", text: "وبنى الفريق على ثلاثة مستويات في المجالس الثلاثة مقارنة بالعام الماضي.", expected: []),
        Case(language: "ar", text: "وأصيب أحد أولئك الخمسة.", expected: [M("count", 5)]),
    ])
    func metrics(c: Case) {
        let f = FactExtractor().extract(c.text, language: c.language)
        #expect(f.metrics.map(M.init) == c.expected)
    }

    @Test(arguments: [
        ("en", "Burglaries changed by -12% this year.", "decrease"),
        ("fr", "Les vols ont progressé de +3,3% en un an.", "increase"),
    ])
    func signedChangeDirection(language: String, text: String, direction: String) {
        let f = FactExtractor().extract(text, language: language)
        #expect(f.metrics.map(\.direction) == [direction])
    }

    @Test func rangeIsTwoEntriesOnOneSpan() {
        let text = "Le taux a baissé de 5 à 6 %."
        let f = FactExtractor().extract(text, language: "fr")
        #expect(f.metrics.count == 2)
        #expect(Set(f.metrics.map(\.offset)).count == 1)
        #expect(f.metrics.first.flatMap { scalarSlice(text, $0.offset, $0.length) } == "de 5 à 6 %")
    }
}

struct DateGrammarTests {
    struct Case: Sendable, CustomStringConvertible {
        var language: String
        var text: String
        var isos: [String]
        var description: String { "\(language): \(text)" }
    }

    @Test(arguments: [
        Case(language: "en", text: "Between July and end-September 2022, crime fell.", isos: ["2022-07", "2022-09"]),
        Case(language: "en", text: "It was gazetted on the 18th of July 2017.", isos: ["2017-07-18"]),
        Case(language: "en", text: "It opened on March 3rd, 2021.", isos: ["2021-03-03"]),
        // a dotted numeric date (the tokenizer reads "12.05" as one decimal number)
        Case(language: "en", text: "He was arrested on 12.05.2024 in the capital.", isos: ["2024-05-12"]),
        Case(language: "fr", text: "Il a été interpellé le 3.11.2023 à Lomé.", isos: ["2023-11-03"]),
        Case(language: "en", text: "Growth was 12.5.", isos: []),
        // French abbreviated months are read with their dot ("sept" alone is seven)
        Case(language: "fr", text: "Il a été arrêté le 5 sept. 2024 à Lomé.", isos: ["2024-09-05"]),
        Case(language: "fr", text: "Le procès s'est ouvert le 12 janv. 2023 et a duré sept jours.", isos: ["2023-01-12"]),
        Case(language: "en", text: "Cases rose to 500 in 2023 from 400 in 2022.", isos: ["2023"]),
        Case(language: "en", text: "Recruits joined between 2012 and 2016.", isos: []),
        Case(language: "en", text: "Decree No. 100/2019/ND-CP applies; Statutory Instrument 74 of 2017 too.", isos: []),
        Case(language: "fr", text: "Du 18 au 21 novembre 2023, la police a patrouillé.", isos: ["2023-11-18", "2023-11-21"]),
        Case(language: "fr", text: "Entre le 10 et le 20 janvier 2020, rien.", isos: ["2020-01-10", "2020-01-20"]),
        Case(language: "fr", text: "Depuis 2016, la guerre dure.", isos: ["2016"]),
        Case(language: "fr", text: "On compte 5 morts contre 437 en 2020.", isos: []),
        Case(language: "fr", text: "Le 1er mars 2024, la loi n° 2016-41 a changé.", isos: ["2024-03-01"]),
        Case(language: "fr", text: "Les vols ont baissé par rapport à 2016.", isos: []),
        Case(language: "ar", text: "من 1 إلى 30 تشرين الثاني 2009.", isos: ["2009-11-01", "2009-11-30"]),
        Case(language: "ar", text: "في الثامن من نوفمبر 2017.", isos: ["2017-11-08"]),
        Case(language: "ar", text: "في ٢٠١٩/٦/٢٧م.", isos: ["2019-06-27"]),
        Case(language: "ar", text: "صدر القانون رقم 91 لسنة 1975 في عام 1437هـ.", isos: []),
        Case(language: "ar", text: "ارتفعت الجرائم مقارنة بعام 2016.", isos: []),
        // "من العام" is "of the year", no comparison: the year after "in the second half of the current year" anchors a plan
        Case(language: "ar", text: "سيتم التركيز على الجبل في النصف الثاني من العام الحالي 2023.", isos: ["2023"]),
        Case(language: "ar", text: "تراجعت الجرائم مقارنة بالفترة نفسها من عام 2022.", isos: []),
        Case(language: "ar", text: "أعلنت الوزارة في شهر أيلول 2019 النتائج.", isos: ["2019-09"]),
        Case(language: "fr", text: "Dimanche 25 octobre, trois hommes ont été interpellés.", isos: ["0000-10-25"]),
        Case(language: "en", text: "It changed in April. The 2019 report said so.", isos: ["2019-04", "2019"]),
        Case(language: "en", text: "Under Vision 2030, crime fell in 2024.", isos: ["2024"]),
        Case(language: "ar", text: "ضمن رؤية 2030 انخفضت الجرائم في عام 2024.", isos: ["2024"]),
    ])
    func dates(c: Case) {
        let f = FactExtractor().extract(c.text, language: c.language)
        #expect(f.dates.map(\.iso) == c.isos)
    }

    /// Every month name of every Arabic variant (Egyptian/Gulf, Levantine/Syriac, Maghreb).
    @Test(arguments: [
        ("يناير", "01"), ("كانون الثاني", "01"), ("جانفي", "01"),
        ("فبراير", "02"), ("شباط", "02"), ("فيفري", "02"),
        ("مارس", "03"), ("آذار", "03"),
        ("أبريل", "04"), ("نيسان", "04"), ("أفريل", "04"),
        ("مايو", "05"), ("أيار", "05"), ("ماي", "05"),
        ("يونيو", "06"), ("حزيران", "06"), ("جوان", "06"),
        ("يوليو", "07"), ("تموز", "07"), ("يوليوز", "07"), ("جويلية", "07"),
        ("أغسطس", "08"), ("آب", "08"), ("غشت", "08"), ("أوت", "08"),
        ("سبتمبر", "09"), ("أيلول", "09"), ("شتنبر", "09"),
        ("أكتوبر", "10"), ("تشرين الأول", "10"),
        ("نوفمبر", "11"), ("تشرين الثاني", "11"), ("نونبر", "11"),
        ("ديسمبر", "12"), ("كانون الأول", "12"), ("دجنبر", "12"),
    ])
    func arabicMonths(month: String, mm: String) {
        #expect(DateParser.parse("5 \(month) 2020", language: "ar") == "2020-\(mm)-05")
    }

    /// "novembre dernier", "أكتوبر الماضي", "last December": the last such month before the dateline, a year back when the
    /// dateline's year would put it later; without the marker the dateline's year stands.
    @Test(arguments: [
        ("fr", "Le procès s'est ouvert le 12 novembre dernier. Il reprendra le 15 novembre.", ["2015-11-12", "2016-11-15"]),
        ("ar", "وكان قد اعتقل في أكتوبر الماضي.", ["2015-10"]),
        ("en", "He was arrested last December and freed in February.", ["2015-12", "2016-02"]),
    ])
    func pastMonth(language: String, text: String, isos: [String]) {
        let f = FactExtractor().extract(text, language: language, published: "2016-10-12")
        #expect(f.dates.map(\.iso) == isos)
    }

    /// "11 الجاري", "le 5 courant", "the 3rd of this month": a day of the dateline's month and year, and no count; without
    /// a dateline the month is unknown and nothing is written.
    @Test(arguments: [
        ("ar", "وأصدر القاضي قراره في 11 الجاري على 34 شخصا.", "2016-10-12", ["2016-10-11"], [34.0]),
        ("ar", "وبدأت الحملة في الثالث من الشهر الجاري.", "2016-10-12", ["2016-10-03"], []),
        ("ar", "وستعقد الجلسة يوم 25 من الشهر الجاري.", "2016-10-12", ["2016-10-25"], []),
        ("fr", "L'audience s'est tenue le 5 courant au palais de justice.", "2016-10-12", ["2016-10-05"], []),
        ("en", "The hearing was held on the 3rd of this month in the capital.", "2016-10-12", ["2016-10-03"], []),
        ("ar", "وأصدر القاضي قراره في 11 الجاري.", nil, [], []),
        ("ar", "وضبطت 7 أطنان خلال السبعة أشهر الأولى من العام الجاري.", "2016-10-12", [], [7.0]),
    ] as [(String, String, String?, [String], [Double])])
    func currentMonthDay(language: String, text: String, published: String?, isos: [String], values: [Double]) {
        let f = FactExtractor().extract(text, language: language, published: published)
        #expect(f.dates.map(\.iso) == isos)
        #expect(f.metrics.map(\.value) == values)
    }

    @Test(arguments: [
        ("1er mai 2024", "fr", "2024-05-01"),
        ("March 3rd, 2021", "en", "2021-03-03"),
        ("Sept. 9, 2021", "en", "2021-09-09"),
        ("février 2019", "fr", "2019-02"),
    ])
    func ordinalAndAbbreviated(input: String, language: String, expected: String) {
        #expect(DateParser.parse(input, language: language) == expected)
    }
}

struct ReferenceGrammarTests {
    struct Ref: Equatable, Sendable, CustomStringConvertible {
        var type: String
        var number: String?
        var description: String { "\(type) \(number ?? "-")" }
    }

    @Test(arguments: [
        ("en", "Decree No. 100/2019/ND-CP applies.", [Ref(type: "decree", number: "100/2019/ND-CP")]),
        // "arrêté" is also "arrested": a number that counts the noun after it is no decree's number
        ("fr", "Les gendarmes ont arrêté 7 individus, selon l'arrêté 12 du préfet.", [Ref(type: "decree", number: "12")]),
        ("en", "Statutory Instrument 74 of 2017 amends the Police Act and the Constitution.",
         [Ref(type: "regulation", number: "74"), Ref(type: "law", number: nil), Ref(type: "law", number: nil)]),
        ("en", "Plan No.483/KH-BCA-C04 started, then Circular No. 12 followed.",
         [Ref(type: "action_program", number: "483/KH-BCA-C04"), Ref(type: "circular", number: "12")]),
        ("fr", "La loi n° 2016-41, le décret n° 2019-123, l'arrêté n° 45 et la circulaire n° 12.",
         [Ref(type: "law", number: "2016-41"), Ref(type: "decree", number: "2019-123"), Ref(type: "decree", number: "45"), Ref(type: "circular", number: "12")]),
        ("ar", "صدر القانون رقم 91 لسنة 1975 وقرار رقم 119 لسنة 2019.",
         [Ref(type: "law", number: "91"), Ref(type: "decision", number: "119")]),
        ("ar", "نشر المرسوم رقم 2-18-55 وتعميم رقم 5.", [Ref(type: "decree", number: "2-18-55"), Ref(type: "circular", number: "5")]),
        ("ar", "ناقش البرلمان مشروع قانون أكاديمية الشرطة.", [Ref(type: "law", number: nil)]),
        ("en", "The Anti-Terrorism Act No. 5 of 2019 and Royal Decree No. M/12 apply.", [Ref(type: "law", number: "5"), Ref(type: "decree", number: "M/12")]),
        ("fr", "La loi organique n° 2016-41 et le décret présidentiel n° 2019-12.", [Ref(type: "law", number: "2016-41"), Ref(type: "decree", number: "2019-12")]),
        ("ar", "صدر الظهير الشريف رقم 1.58.376 والمرسوم الملكي رقم م/12.", [Ref(type: "decree", number: "1.58.376"), Ref(type: "decree", number: "م/12")]),
        // a number in brackets; the issuer's words between the type and "رقم"
        ("ar", "وصدر قرار وزير الداخلية رقم (14) لسنة2020م والقرار الجمهوري رقم ( 7) لسنة 2021م.",
         [Ref(type: "decision", number: "14"), Ref(type: "decision", number: "7")]),
        // a file number after a verb names no issuer's decision
        ("ar", "وأودع السجن بموجب قرار فُهرس تحت رقم 13468/25.", []),
    ])
    func references(language: String, text: String, expected: [Ref]) {
        let f = FactExtractor().extract(text, language: language)
        #expect(f.references.map { Ref(type: $0.type, number: $0.number) } == expected)
    }

    /// The year inside an identifier is neither a date nor a metric.
    @Test(arguments: [
        ("en", "Decree No. 100/2019/ND-CP and Statutory Instrument 74 of 2017."),
        ("ar", "قرار رقم 119 لسنة 2019."),
        ("ar", "قرار رئيس مجلس الوزراء رقم (3) لسنة 2006م."),
        ("fr", "Le décret n° 2019-123."),
    ])
    func identifierYearsAreNotFacts(language: String, text: String) {
        let f = FactExtractor().extract(text, language: language)
        #expect(f.dates.isEmpty)
        #expect(f.metrics.isEmpty)
    }
}
