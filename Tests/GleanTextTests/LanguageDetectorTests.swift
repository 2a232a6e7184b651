import GleanText
import Testing

@Suite struct LanguageDetectorTests {
    @Test(arguments: [
        ("The government announced on Monday that the new law will be voted in the parliament next week.", "en"),
        ("Le gouvernement a annoncé lundi que la nouvelle loi sera votée par le parlement la semaine prochaine.", "fr"),
        ("أعلنت الحكومة يوم الاثنين أن القانون الجديد سيتم التصويت عليه في البرلمان الأسبوع المقبل.", "ar"),
        ("Chính phủ thông báo vào thứ Hai rằng luật mới sẽ được quốc hội bỏ phiếu vào tuần tới.", "vi"),
        ("Die Regierung hat am Montag angekündigt, dass das neue Gesetz nächste Woche im Parlament abgestimmt wird.", "de"),
        ("El gobierno anunció el lunes que la nueva ley será votada en el parlamento la próxima semana.", "es"),
        ("O governo anunciou na segunda-feira que a nova lei será votada no parlamento na próxima semana.", "pt"),
        ("Правительство объявило в понедельник о новом законе.", "ru"),
        ("ok", nil),
        ("Xyzzy plugh qwerty", nil),
    ] as [(String, String?)])
    func detectsLanguage(_ text: String, _ code: String?) {
        #expect(LanguageDetector.detect(text) == code)
    }

    static let profiles = [
        StopwordProfile(code: "ar", stopwords: ["في", "من"], arabicScript: true),
        StopwordProfile(code: "en", stopwords: ["the", "of", "a"], arabicScript: false),
        StopwordProfile(code: "fr", stopwords: ["le", "de", "la", "à"], arabicScript: false),
    ]

    /// The fact extractor's question: which of its languages fits best.
    @Test(arguments: [
        ("Le ministre de la Justice a parlé.", "fr"),
        ("The minister of the interior spoke.", "en"),
        ("قال وزير الداخلية في بيان", "ar"),
        // Arabic letters must outnumber Latin ones
        ("The Ministry of Interior (وزارة) said", "en"),
        // no stopword at all: the first Latin-script profile, in the order given
        ("Xyzzy plugh", "en"),
        // one-letter words are not counted ("a" is English, "à" French)
        ("à à à the", "en"),
    ])
    func closestProfile(_ text: String, _ code: String) {
        #expect(LanguageDetector.closest(text, among: Self.profiles) == code)
    }

    @Test func closestAmongNothingIsNil() {
        #expect(LanguageDetector.closest("The text", among: []) == nil)
        // only an Arabic profile and a Latin text: that one profile still answers
        #expect(LanguageDetector.closest("The text", among: [Self.profiles[0]]) == "ar")
    }

    @Test(arguments: [("en-US", "en"), (" fr", "fr"), ("ara", "ar"), ("fre", "fr"), ("xyz", nil), ("e", nil), ("english", nil)]
          as [(String, String?)])
    func normalisesTags(_ tag: String, _ code: String?) {
        #expect(LanguageDetector.normalize(tag) == code)
    }
}

@Suite struct MonthNamesTests {
    @Test(arguments: [
        ("en", "september", 9), ("fr", "août", 8), ("fr", "aout", 8), ("ar", "تشرين الثاني", 11), ("ar", "جوان", 6),
        ("ar", "غشت", 8), ("ar", "أغشت", 8), ("de", "märz", 3), ("es", "diciembre", 12),
    ] as [(String, String, Int)])
    func namesOfALanguage(_ code: String, _ name: String, _ month: Int) {
        #expect(MonthNames.names(for: code)[name] == month)
        #expect(MonthNames.all[name] == month)
    }

    @Test func abbreviationsAreKeptApart() {
        // French "sept" is also seven: an abbreviation, never a name running text reads by default
        #expect(MonthNames.names(for: "fr")["sept"] == nil)
        #expect(MonthNames.abbreviations(for: "fr")["sept"] == 9)
        #expect(MonthNames.abbreviations(for: "en")["jan"] == 1)
        #expect(MonthNames.all["janv"] == 1)
        #expect(MonthNames.names(for: "xx").isEmpty)
    }

    @Test func everyLanguageHasTwelveMonthsAndNoNameMeansTwo() {
        #expect(MonthNames.languages == ["ar", "de", "en", "es", "fr"])
        var seen: [String: Int] = [:]
        for code in MonthNames.languages {
            let names = MonthNames.names(for: code)
            #expect(Set(names.values) == Set(1...12), "\(code)")
            for (name, month) in names.merging(MonthNames.abbreviations(for: code), uniquingKeysWith: { a, _ in a }) {
                #expect(name == name.lowercased(), "\(code): \(name)")
                if let other = seen[name] { #expect(other == month, "\(name) is \(other) and \(month)") }
                seen[name] = month
            }
        }
    }
}

@Suite struct DigitsTests {
    @Test(arguments: [("0", 0), ("9", 9), ("\u{0660}", 0), ("\u{0669}", 9), ("\u{06F5}", 5), ("a", nil), ("\u{FF11}", nil), ("\u{0966}", nil)]
          as [(Unicode.Scalar, Int?)])
    func values(_ s: Unicode.Scalar, _ value: Int?) {
        #expect(Digits.value(s) == value)
        #expect(Digits.isDigit(s) == (value != nil))
    }
}
