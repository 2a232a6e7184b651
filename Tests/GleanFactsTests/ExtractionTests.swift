import Testing
@testable import GleanFacts

struct MetricTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var language: String
        var expected: [M]
        var description: String { text }
    }

    @Test(arguments: [
        Case(text: "Social order crimes were reduced by 32.1% compared to 2023 (exceeding 542% of the target).", language: "en",
             expected: [M("percent", 32.1), M("percent", 542)]),
        Case(text: "The rate of prosecution was 241/439 cases, equivalent to 54.4%.", language: "en",
             expected: [M("ratio", 241, 439), M("percent", 54.4)]),
        Case(text: "Organized 796 propaganda sessions with nearly 16,000 participants; signed more than 10,000 commitments.", language: "en",
             expected: [M("count", 796), M("count", 16000), M("count", 10000)]),
        Case(text: "State budget revenue reached 9,399 billion VND.", language: "en", expected: [M("money", 9.399e12)]),
        Case(text: "Lao Cai ranked 8th out of 63 provinces and cities, up 5 places compared to 2023; was among the top 17 localities.", language: "en",
             expected: [M("rank", 8, 63), M("change_in_rank", 5), M("rank", 17)]),
        Case(text: "The index increased by 26 places, ranked 11th nationwide.", language: "en",
             expected: [M("change_in_rank", 26), M("rank", 11)]),
        Case(text: "It implemented Project 06 and Resolution No. 12 after storm No. 3, at the 13th Party Congress, term 2020 - 2025.", language: "en",
             expected: []),
        Case(text: "With the motto \"3 just, 4 clear, 5 more\", 132 houses were built.", language: "en", expected: [M("count", 132)]),
        Case(text: "Fire cases decreased by 7 cases, a decrease of 22.6% in the first 6 months.", language: "en",
             expected: [M("count", 7), M("percent", 22.6)]),
        Case(text: "5 cas/12 personnes ont été arrêtées ; 3 156/3 332 comptes ont été reçus, soit un taux de 94,72 %.", language: "fr",
             expected: [M("count", 5), M("count", 12), M("ratio", 3156, 3332), M("percent", 94.72)]),
        Case(text: "le maintien de 11 modèles de sécurité, composées de 9 groupes et de 90 membres, selon la devise « 4 sur le terrain ».", language: "fr",
             expected: [M("count", 11), M("count", 9), M("count", 90)]),
        Case(text: "تم القبض على 433 قضية و741 متهم بجرائم مخدرات (بزيادة 37% مقارنة بعام 2023).", language: "ar",
             expected: [M("count", 433), M("count", 741), M("percent", 37)]),
        Case(text: "تنظيم 796 جلسة دعائية شارك فيها ما يقرب من 16 ألف شخص.", language: "ar",
             expected: [M("count", 796), M("count", 16000)]),
        Case(text: "احتلت لاو كاي المرتبة الثامنة من بين 63 مقاطعة ومدينة، بزيادة 5 أماكن، واحتلت المرتبة الحادية عشرة على مستوى البلاد.", language: "ar",
             expected: [M("rank", 8, 63), M("change_in_rank", 5), M("rank", 11)]),
        Case(text: "انخفضت حوادث المرور في جميع المعايير الثلاثة لبناء فريق على ثلاثة مستويات، قبل عام واحد من الهدف.", language: "ar",
             expected: [M("count", 3), M("count", 1)]),
    ])
    func metrics(c: Case) {
        let f = FactExtractor().extract(c.text, language: c.language)
        #expect(f.metrics.map(M.init) == c.expected)
    }

    @Test(arguments: [
        ("Crimes were reduced by 32.1% compared to 2023.", "en", "decrease"),
        ("an increase of 37% compared to 2023", "en", "increase"),
        ("انخفاضًا بنسبة 22.6٪ مقارنة بعام 2023", "ar", "decrease"),
        ("une hausse de 12,5 % par rapport à 2023", "fr", "increase"),
    ])
    func direction(text: String, language: String, expected: String) {
        let f = FactExtractor().extract(text, language: language)
        #expect(f.metrics.count == 1)
        #expect(f.metrics.first?.direction == expected)
        #expect(f.metrics.first?.kind == .percent)
    }

    @Test func spanAndUnit() {
        let f = FactExtractor().extract("mobilized the collection of 5,172 weapons, explosives and 741 drug-related criminals were arrested", language: "en")
        #expect(f.metrics.map(\.text) == ["5,172 weapons", "741 drug-related criminals"])
        #expect(f.metrics.map(\.unit) == ["weapons", "people"])
    }
}

struct ReferenceTests {
    struct R: Equatable, Sendable, CustomStringConvertible {
        var type: String
        var number: String?
        var issuer: String?
        var description: String { "\(type) \(number ?? "-") \(issuer ?? "-")" }
    }

    @Test(arguments: [
        ("effective implementation of Resolution No. 12-NQ/TW of the Politburo.", "en", [R(type: "resolution", number: "12-NQ/TW", issuer: "Politburo")]),
        ("issued Action Program No. 56-CTr/TU dated June 30, 2021 of the 16th Lao Cai Provincial Party Executive Committee to implement", "en",
         [R(type: "action_program", number: "56-CTr/TU", issuer: "16th Lao Cai Provincial Party Executive Committee")]),
        ("The results of Project 06 of the Government and Resolution 12 of the Ministry of Public Security.", "en",
         [R(type: "project", number: "06", issuer: "Government"), R(type: "resolution", number: "12", issuer: "Ministry of Public Security")]),
        ("according to Regulation No. 192 of the Politburo; Decision No. 90, Decision No. 17 of the Secretariat;", "en",
         [R(type: "regulation", number: "192", issuer: "Politburo"), R(type: "decision", number: "90", issuer: nil), R(type: "decision", number: "17", issuer: "Secretariat")]),
        ("la résolution n° 12 du Comité central du Parti pour la sécurité publique et la directive n° 11 du ministre de la Sécurité publique visant à promouvoir", "fr",
         [R(type: "resolution", number: "12", issuer: "Comité central du Parti pour la sécurité publique"), R(type: "directive", number: "11", issuer: "ministre de la Sécurité publique")]),
        ("la mise en œuvre de la loi sur les forces participant à la sécurité au niveau local afin de faire", "fr", [R(type: "law", number: nil, issuer: nil)]),
        ("لتنفيذ القرار رقم 12 للمكتب السياسي بشأن البناء، وحققت نتائج تنفيذ مشروع الحكومة 06", "ar",
         [R(type: "resolution", number: "12", issuer: "المكتب السياسي"), R(type: "project", number: "06", issuer: "الحكومة")]),
        ("not to violate the law on weapons and resolutions, directives of the Government", "en", []),
        ("under Decree No. 144/2021/ND-CP of the Government, the Law on Road Traffic Order and Safety took effect", "en", [R(type: "decree", number: "144/2021/ND-CP", issuer: "Government"), R(type: "law", number: nil, issuer: nil)]),
        ("وفقا للقرار رقم 1234 لوزارة الأمن العام", "ar", [R(type: "resolution", number: "1234", issuer: "وزارة الأمن العام")]),
    ])
    func references(text: String, language: String, expected: [R]) {
        let f = FactExtractor().extract(text, language: language)
        #expect(f.references.map { R(type: $0.type, number: $0.number, issuer: $0.issuer) } == expected)
        #expect(f.dates.allSatisfy { $0.iso != "12" })
        #expect(f.metrics.isEmpty)
    }
}

struct PeopleTests {
    struct P: Equatable, Sendable, CustomStringConvertible {
        var name: String
        var rank: String?
        var titles: [String]
        var mentions: Int
        var description: String { "\(name) [\(rank ?? "-")] \(titles) x\(mentions)" }
    }

    @Test(arguments: [
        ("Attending, there were comrades: Dang Xuan Phong, member of the Party Central Committee, Secretary of the Provincial Party Committee; Trinh Xuan Truong, Deputy Secretary of the Provincial Party Committee, Chairman of the Provincial People's Committee; leaders of departments.", "en",
         [P(name: "Dang Xuan Phong", rank: "comrade", titles: ["member of the Party Central Committee", "Secretary of the Provincial Party Committee"], mentions: 1),
          P(name: "Trinh Xuan Truong", rank: "comrade", titles: ["Deputy Secretary of the Provincial Party Committee", "Chairman of the Provincial People's Committee"], mentions: 1)]),
        ("The delegation was led by General To Lam, Politburo member, Minister of Public Security. Later Minister To Lam spoke in Lao Cai province.", "en",
         [P(name: "To Lam", rank: "General", titles: ["Politburo member", "Minister of Public Security", "Minister"], mentions: 2)]),
        ("Speaking at the Conference, Deputy Minister Pham The Tung and Provincial Party Secretary Dang Xuan Phong commended the results.", "en",
         [P(name: "Pham The Tung", rank: nil, titles: ["Deputy Minister"], mentions: 1),
          P(name: "Dang Xuan Phong", rank: nil, titles: ["Provincial Party Secretary"], mentions: 1)]),
        ("Attending were Mrs. Lam Thi Phuong Thanh, Member of the Party Central Committee; Major General Nguyen Duy Ngoc, Deputy Minister of Public Security spoke at the congress.", "en",
         [P(name: "Lam Thi Phuong Thanh", rank: "Mrs.", titles: ["Member of the Party Central Committee"], mentions: 1),
          P(name: "Nguyen Duy Ngoc", rank: "Major General", titles: ["Deputy Minister of Public Security"], mentions: 1)]),
        ("étaient présents le colonel Cao Minh Huyen, membre du Comité permanent du Comité provincial du Parti, directeur du Département de la police provinciale ; le major Luong Minh Quang, chef de la police de la commune de Coc San, a déclaré. Le Vice-ministre Tran Quoc To a demandé; le vice-ministre Tran Quoc To a félicité.", "fr",
         [P(name: "Cao Minh Huyen", rank: "Colonel", titles: ["membre du Comité permanent du Comité provincial du Parti", "directeur du Département de la police provinciale"], mentions: 1),
          P(name: "Luong Minh Quang", rank: "Major", titles: ["chef de la police de la commune de Coc San"], mentions: 1),
          P(name: "Tran Quoc To", rank: nil, titles: ["Vice-ministre"], mentions: 2)]),
        ("وحضر المؤتمر الرفاق: دانج شوان فونج، عضو اللجنة المركزية للحزب، أمين اللجنة الحزبية الإقليمية؛ ترينه شوان ترونغ، نائب سكرتير لجنة الحزب الإقليمية؛ -قيادات الإدارات. أشاد نائب الوزير فام ذي تونغ وسكرتير الحزب الإقليمي دانج شوان فونج بالنتائج في لاو كاي.", "ar",
         [P(name: "دانج شوان فونج", rank: "comrade", titles: ["عضو اللجنة المركزية للحزب", "أمين اللجنة الحزبية الإقليمية", "سكرتير الحزب الإقليمي"], mentions: 2),
          P(name: "ترينه شوان ترونغ", rank: "comrade", titles: ["نائب سكرتير لجنة الحزب الإقليمية"], mentions: 1),
          P(name: "فام ذي تونغ", rank: nil, titles: ["نائب الوزير"], mentions: 1)]),
        ("Receiving the delegation were comrades Dang Xuan Phong and Trinh Xuan Truong, Chairman of the Provincial People's Committee.", "en",
         [P(name: "Dang Xuan Phong", rank: "comrade", titles: [], mentions: 1),
          P(name: "Trinh Xuan Truong", rank: "comrade", titles: ["Chairman of the Provincial People's Committee"], mentions: 1)]),
        ("Lao Cai ranked 8th. The Secretary of Lang Son Provincial Party Committee emphasized the Party Central Committee.", "en", []),
        ("وحضر المؤتمر اللواء نجوين دوي نجوك، نائب وزير الأمن العام، والسيد هو تيان ثيو، رئيس اللجنة الشعبية الإقليمية.", "ar",
         [P(name: "نجوين دوي نجوك", rank: "Major General", titles: ["نائب وزير الأمن العام"], mentions: 1),
          P(name: "هو تيان ثيو", rank: "Mr.", titles: ["رئيس اللجنة الشعبية الإقليمية"], mentions: 1)]),
        ("Y ont assisté le général de division Nguyen Duy Ngoc, vice-ministre de la Sécurité publique, et M. Ho Tien Thieu, président du Comité populaire provincial.", "fr",
         [P(name: "Nguyen Duy Ngoc", rank: "Major General", titles: ["vice-ministre de la Sécurité publique"], mentions: 1),
          P(name: "Ho Tien Thieu", rank: "Mr.", titles: ["président du Comité populaire provincial"], mentions: 1)]),
    ])
    func people(text: String, language: String, expected: [P]) {
        let f = FactExtractor().extract(text, language: language)
        #expect(f.people.map { P(name: $0.name, rank: $0.rank, titles: $0.titles, mentions: $0.mentions) } == expected)
    }
}
