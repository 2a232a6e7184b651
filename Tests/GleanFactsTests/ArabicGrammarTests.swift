import Testing
@testable import GleanFacts

/// Arabic grammar of issue 15 (session 9): names and their offices, organizations, places, numbers, dates and references,
/// on sentences written for these tests (no corpus article's sentence). One row per rule.
@Suite struct ArabicGrammarTests {
    typealias PersonCase = EntityGrammarTests.PersonCase

    static let people: [PersonCase] = [
        // a given name that is also an office ("أمير") right after a rank
        PersonCase(language: "ar", text: "وصل الفريق شرطة أمير حسن الطيب إلى المدينة صباح اليوم.", name: "أمير حسن الطيب",
                   rank: "Police Lieutenant General", titles: []),
        // a given name with the article right after a rank
        PersonCase(language: "ar", text: "وحضر اللواء الهادي عمر سليمان، مدير الشرطة، الاجتماع.", name: "الهادي عمر سليمان",
                   rank: "Major General", titles: ["مدير الشرطة"]),
        // a family name with the article ends the name: the verbal noun with "ب" after it is not part of it
        PersonCase(language: "ar", text: "وأشاد الوزير سالم الخطيب بدعم الأهالي للأجهزة الأمنية.", name: "سالم الخطيب", rank: nil, titles: ["الوزير"]),
        // ... but the second word of a compound given name does not
        PersonCase(language: "ar", text: "وقال العقيد عصام الدين جابر حقار إن الدوريات انتشرت في الأحياء.", name: "عصام الدين جابر حقار",
                   rank: "Colonel", titles: []),
        // a name in quotes after the rank
        PersonCase(language: "ar", text: "وقال العميد \"سالم أحمد ناصر\" إن الأجهزة الأمنية ضبطت المتهمين.", name: "سالم أحمد ناصر",
                   rank: "Senior Colonel", titles: []),
        // an office whose complement takes "ل" with a link noun ("لأمن"); a function word after the name ends it
        PersonCase(language: "ar", text: "أقالت الحكومة المدير العام لأمن الدولة سالم ولد أحمد من منصبه.", name: "سالم ولد أحمد",
                   rank: nil, titles: ["المدير العام لأمن الدولة"]),
        // "في" and a landform word before a known place stay in the office's complement
        PersonCase(language: "ar", text: "ونقلت الوزارة عن قائد الشرطة في ريف حلب خالد العمر قوله إن العملية نجحت.", name: "خالد العمر",
                   rank: nil, titles: ["قائد الشرطة في ريف حلب"]),
        // after an administrative noun, one word names the place and the person's name follows
        PersonCase(language: "ar", text: "وأشاد رئيس إقليم كردستان مسعود الهركي بدعم المحاكم.", name: "مسعود الهركي",
                   rank: nil, titles: ["رئيس إقليم كردستان"]),
        // a name that ends its paragraph, after an office
        PersonCase(language: "ar", text: "وحضر اللقاء مدير أمن الميناء سامي حمدان\nوفي سياق آخر انتشرت الدوريات.", name: "سامي حمدان",
                   rank: nil, titles: ["مدير أمن الميناء"]),
        // a feminine family name with the article where the name must end
        PersonCase(language: "ar", text: "وحضر المفتش العام اللواء حسن علي الجبورة.", name: "حسن علي الجبورة", rank: "Major General", titles: ["المفتش العام"]),
        // a tribal family name in ta marbuta with the article, not followed by an agreeing adjective
        PersonCase(language: "ar", text: "وقال مدير الأمن العام اللواء حسين الحواتمة إن الحملة مستمرة.", name: "حسين الحواتمة",
                   rank: "Major General", titles: ["مدير الأمن العام"]),
        // a long office before a comma, then the holder between commas
        PersonCase(language: "ar", text: "صرّح الناطق الرسمي باسم المديرية العامة للأمن الوطني، بوبكر سبيك، بأن الحملة نجحت.", name: "بوبكر سبيك",
                   rank: nil, titles: ["الناطق الرسمي باسم المديرية العامة للأمن الوطني"]),
        // a given name with the article closes a Mauritanian name ("ولد")
        PersonCase(language: "ar", text: "أشرف وزير العدل أحمد ولد محمد الأمين رفقة الوفد على الافتتاح.", name: "أحمد ولد محمد الأمين",
                   rank: nil, titles: ["وزير العدل"]),
        // an appositive office starts with its office word: the words before it do not make the run before the comma a name
        PersonCase(language: "ar", text: "غادر الوفد إلى الرياض لعقد سلسلة اجتماعات مماثلة، شملت مدير أمن عدن سالم الحداد.", name: "سالم الحداد",
                   rank: nil, titles: ["مدير أمن عدن"]),
    ]

    @Test(arguments: people)
    func person(_ c: PersonCase) {
        c.expectTheOnePerson()
    }

    /// "و" written onto a given name right after a person starts the next person of a list.
    @Test func listedNames() {
        let facts = FactExtractor().extract("وأحالت الشرطة المدعو سامر علي الحلبي ومحمود خليل العموري إلى القضاء.", language: "ar")
        #expect(facts.people.map(\.name) == ["سامر علي الحلبي", "محمود خليل العموري"])
    }

    /// A given name of another language, as Arabic news writes it, starts a name with no rank or office before it.
    @Test(arguments: [
        ("واعتقلت الشرطة الأوكرانية فولوديمير كوفالينكو بتهمة الرشوة.", ["فولوديمير كوفالينكو"]),
        ("وقال جون ماكارثي إن التحقيق مستمر.", ["جون ماكارثي"]),
        ("وأفرجت المحكمة عن نديم شاهزاد بعد ثلاثة أشهر.", ["نديم شاهزاد"]),
        // "كال" opening a foreign name is no "ك" and article; a feminine noun with "ب" ends the name
        ("وحكم على رئيس الشرطة السابق يوري كالديرون بالسجن.", ["يوري كالديرون"]),
        ("وأمر القاضي فيرناندو لوبيز بمحاكمة الوزير السابق.", ["فيرناندو لوبيز"]),
        // a plural office heading a list: "و" written onto the next given names is no part of them
        ("واستجوبت الهيئة النواب أليكسي كوفالينكو، وإيغور ليسنكو، ويوري بوندار.", ["أليكسي كوفالينكو", "إيغور ليسنكو", "يوري بوندار"]),
        // "و" written onto a family name no lexicon holds, in a name an office after a comma confirms
        ("وشملت الحركة زرقون سليمان، الوالي المنتدب، وصنديد محمد، نائب مدير الدراسات، الذي عين واليا.", ["زرقون سليمان", "صنديد محمد"]),
        // Mauritanian names: a given name with the article before "ولد" opens a name, though "المختار" is also an office
        ("وحضر الجلسة وزير المالية في عهده المختار ولد اجاي، ثم غادر.", ["المختار ولد اجاي"]),
        // a noun of kinship or association with a pronoun names the person after it and is no part of the name
        ("ووصل الرئيس السابق رفقة محاميه محمدن ولد الشدو إلى المحكمة.", ["محمدن ولد الشدو"]),
        ("واعتقلت الشرطة شقيقه عبد الرحيم دقلو، ثم أفرجت عنه.", ["عبد الرحيم دقلو"]),
        // a hyphenated word is a transliterated name's: two words after an office make a name
        ("وساعد الرئيس السابق يون سوك-يول خلال إعلانه الأحكام العرفية.", ["يون سوك-يول"]),
        // religious styles are ranks: "المولوي", "الملا"; a theophoric compound ("عصمت الله") is a given name
        ("وعين المولوي عصمت الله عاصم وزيرا للمناجم.", ["عصمت الله عاصم"]),
        // a run before an office in the accusative: the post its holder is appointed to
        ("وشملت التعيينات سمير بنعلي عاملا على إقليم الحوز، وكريم زهيري واليا على جهة الشرق.", ["سمير بنعلي", "كريم زهيري"]),
        // a regnal ordinal completes a name of two words
        ("واستقبل الملك عبد الله الثاني وزير الخارجية في القصر.", ["عبد الله الثاني"]),
    ] as [(String, [String])])
    func foreignGivenNames(_ text: String, _ expected: [String]) {
        let facts = FactExtractor().extract(text, language: "ar")
        #expect(facts.people.map(\.name) == expected)
    }

    /// People listed after a pronoun and a colon, each closed by a comma or by "و" opening the next; "و" written onto a first
    /// name no lexicon holds is dropped, and so is "و" written onto a given name the lexicon holds.
    @Test(arguments: [
        ("والموقوفون هم: كريم ناصر العتيبي، سالم يوسف الحربي، وجبران عبد الرحيم الدوسري.",
         ["كريم ناصر العتيبي", "سالم يوسف الحربي", "جبران عبد الرحيم الدوسري"]),
        ("ووجهت التهم إلى ثلاثة مسؤولين هم: بافيل كوزلوف وإيغور ماركين ويوري ستيبانوف، وجميعهم من الحزب الحاكم.",
         ["بافيل كوزلوف", "إيغور ماركين", "يوري ستيبانوف"]),
    ] as [(String, [String])])
    func pronounList(_ text: String, _ expected: [String]) {
        let facts = FactExtractor().extract(text, language: "ar")
        #expect(facts.people.map(\.name) == expected)
    }

    /// Words that look like names but are none: places listed with "و", a lone given name before a verbal noun in "ب",
    /// a noun with an attached pronoun before a bracketed number, a non-standard "فى".
    @Test(arguments: [
        "ووزعت الدوريات على الحراش وحسين داي وبئر مراد رايس.",
        "وأشاد العميد سالم بتعاون المواطنين.",
        "وأكد استمرار الانتشار في المحليات التي تم تحريرها ودخول عدد (5) أقسام شرطة.",
        "وقال إن زيارة وزير الداخلية للولاية تأتى فى إطار الوقوف على الانتشار الشرطي.",
        // a participle's sound plural with the article is no family name after a given name ("أسماء")
        "ودوّن القاضي أسماء المتهمين في المحضر.",
        // a regnal ordinal after one word makes no name
        "وزار الوفد واحة الحسن الثاني في المدينة.",
    ])
    func noPerson(_ text: String) {
        let facts = FactExtractor().extract(text, language: "ar")
        #expect(facts.people.isEmpty, "\(facts.people.map(\.name))")
    }

    /// Dates: a time stamp at the top is no mention; the same month in two names is one; "من عام"; Levantine abbreviations.
    @Test(arguments: [
        ("الجمعة - 14 مارس 2025 - الساعة 09:15 م\nوأعلنت الشرطة ضبط شحنة كبيرة من المخدرات.", [String]()),
        ("وقعت الحادثة في 12 آذار / مارس 2024 قرب الحدود.", ["2024-03-12"]),
        ("سجلت 40 حالة في ك2 من عام 2019.", ["2019-01"]),
        ("وقع الحادث في 15 من شهر مارس 2023 قرب الحدود.", ["2023-03-15"]),
        ("وفي 20 رمضان 1437هـ الموافق 25 يونيو 2016م وقع الانفجار.", ["2016-06-25"]),
        ("وقع الانفجار الساعة 10:30 من صباح 5 مارس 2023 قرب السوق المركزي في المدينة القديمة حيث تجمع المواطنون.", ["2023-03-05"]),
    ])
    func dates(_ text: String, _ expected: [String]) {
        let facts = FactExtractor().extract(text, language: "ar")
        #expect(facts.dates.map(\.iso) == expected)
    }

    /// Counts: glued to a word of three letters, feminine duals with the article and construct duals before a definite noun;
    /// a document's number is none.
    @Test(arguments: [
        ("وتسعى الشرطة للقبض على150 مطلوبا.", [150.0]),
        ("واصطدمت السيارتين على الطريق الدولي.", [2.0]),
        ("وفي 20 رمضان 1437هـ أوقفت الشرطة 12 شخصا.", [12.0]),
        ("وارتفعت الجرائم بنسبة 4,5% وبلغ عدد الموقوفين 1,250 شخصا.", [4.5, 1250.0]),
        ("وصادق البرلمان على مشروع قانون رقم 12.18 بشأن الأمن.", []),
        ("وأكد بيان وزارتي الداخلية والدفاع استمرار التنسيق.", [2.0]),
    ])
    func counts(_ text: String, _ expected: [Double]) {
        let facts = FactExtractor().extract(text, language: "ar")
        #expect(facts.metrics.map(\.value) == expected)
    }

    /// A draft takes the drafted document's type.
    @Test func draftLaw() {
        let facts = FactExtractor().extract("وصادق البرلمان على مشروع قانون رقم 12.18 بشأن الأمن.", language: "ar")
        #expect(facts.references.map { "\($0.type) \($0.number ?? "")" } == ["law 12.18"])
    }
}
