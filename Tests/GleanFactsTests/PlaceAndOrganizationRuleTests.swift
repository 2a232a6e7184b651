import Testing
@testable import GleanFacts

/// Organizations and places: the gazetteer and the rules of issue 15, on sentences written for these tests.
@Suite struct PlaceAndOrganizationRuleTests {
    struct Case: Sendable, CustomStringConvertible {
        var language: String
        var text: String
        var organizations: [String]
        var places: [String]
        var description: String { "\(language): \(text.prefix(48))" }
    }

    static let cases: [Case] = [
        // en: a city of the gazetteer after a preposition the grammar does not list
        Case(language: "en", text: "Officers were sent to Mombasa on Monday.", organizations: [], places: ["Mombasa"]),
        // fr: a town of the gazetteer after "près de"
        Case(language: "fr", text: "Les saisies ont eu lieu près de Ziguinchor.", organizations: [], places: ["Ziguinchor"]),
        // en: a dateline's place in capitals, as written; not an acronym
        Case(language: "en", text: "NAIROBI — Crime fell last year, officers said.", organizations: [], places: ["NAIROBI"]),
        // en: a place name the text also uses as a family name is a person
        Case(language: "en", text: "Commissioner Antony Anderson spoke first. Anderson urged calm.", organizations: [], places: []),
        // fr: a list of places after a plural place noun (names in no gazetteer)
        Case(language: "fr", text: "Les contrebandiers opèrent dans les provinces de Tamboura et de Kossoubé.", organizations: [], places: ["Tamboura", "Kossoubé"]),
        // fr: a head word right after the place noun names a region
        Case(language: "fr", text: "Les cambriolages baissent en région Centre depuis mai.", organizations: [], places: ["Centre"]),
        // en: a list after "the provinces of"
        Case(language: "en", text: "Violence rose in the provinces of Sindh, Punjab and Balochistan.", organizations: [], places: ["Sindh", "Punjab", "Balochistan"]),
        // fr: a lower-case head with its adjective
        Case(language: "fr", text: "Selon la police fédérale, les vols ont baissé.", organizations: ["police fédérale"], places: []),
        // fr: a coordinated complement stays in the name
        Case(language: "fr", text: "L'Observatoire national de la délinquance et des réponses pénales a publié son rapport.",
             organizations: ["Observatoire national de la délinquance et des réponses pénales"], places: []),
        // fr: a head with a trailing adjective after its complement
        Case(language: "fr", text: "La Police des frontières maritimes a saisi le bateau.", organizations: ["Police des frontières maritimes"], places: []),
        // en: the acronym of an office or of a document is no organization
        Case(language: "en", text: "Officers made Apprehended Domestic Violence Order (ADVO) checks; ADVO checks rose.", organizations: [], places: []),
        // fr: a shorter name merged into the one that adds a place complement
        Case(language: "fr", text: "La Gendarmerie nationale du Burkina Faso a saisi du carburant. La Gendarmerie nationale a aussi saisi des motos.",
             organizations: ["Gendarmerie nationale du Burkina Faso"], places: []),
        // ar: a head in the construct state before its definite modifier
        Case(language: "ar", text: "اجتمع مجلس إدارة الأكاديمية أمس.", organizations: ["مجلس إدارة الأكاديمية"], places: []),
        // ar: a coordinated modifier
        Case(language: "ar", text: "وتلقى مركز القيادة والسيطرة 300 بلاغ.", organizations: ["مركز القيادة والسيطرة"], places: []),
        // ar: a modifier that is also a word of an office ("رئيس الوزراء") stays in the name
        Case(language: "ar", text: "وافق مجلس الوزراء على المشروع.", organizations: ["مجلس الوزراء"], places: []),
        // ar: an administrative noun is part of its place's name, with a direction word inside it
        Case(language: "ar", text: "ارتفعت البلاغات في محافظة شمال الباطنة هذا العام.", organizations: [], places: ["محافظة شمال الباطنة"]),
        // ar: an administrative noun with an attached "و", a definite name and a closing direction adjective
        Case(language: "ar", text: "زار الوزير ولاية نواكشوط الغربية أمس.", organizations: [], places: ["ولاية نواكشوط الغربية"]),
        // ar: a district name ending in ta marbuta right after its administrative noun
        Case(language: "ar", text: "وقع الحادث في محافظة شبوة ليلا.", organizations: [], places: ["محافظة شبوة"]),
        // ar: "مديرية" with an organization's word after it is no place (hamza written or not)
        Case(language: "ar", text: "أعلنت مديرية الامن العام أن المتهم فر.", organizations: ["مديرية الامن العام"], places: []),
        // ar: a landform word before a known place makes one place
        Case(language: "ar", text: "ضبطت الأسلحة في ريف دمشق.", organizations: [], places: ["ريف دمشق"]),
        // ar: an organization's head in the construct state before an administrative noun and its place
        Case(language: "ar", text: "وصل الوزير إلى مديرية شرطة محافظة المحرق أمس.", organizations: ["مديرية شرطة محافظة المحرق"], places: ["محافظة المحرق"]),
        // ar: a head with an administrative noun and its definite place name
        Case(language: "ar", text: "أعلنت شرطة ولاية الخرطوم أن الحملة مستمرة.", organizations: ["شرطة ولاية الخرطوم"], places: ["ولاية الخرطوم"]),
        // ar: a named body with its place after "ب"
        Case(language: "ar", text: "ضبطت قيادة الأمن الداخلي بمحافظة ريف دمشق أسلحة.", organizations: ["قيادة الأمن الداخلي بمحافظة ريف دمشق"], places: ["محافظة ريف دمشق"]),
        // ar: a rank after "و" ends the coordinated modifiers
        Case(language: "ar", text: "حضر قادة قوات الجمارك واللواء أحمد علي.", organizations: ["قوات الجمارك"], places: []),
        // fr: a coordinated complement in title case stays in the name
        Case(language: "fr", text: "Il dirige le ministère de la Sécurité Publique et de l'Immigration depuis mai.",
             organizations: ["ministère de la Sécurité Publique et de l'Immigration"], places: []),
        // fr: a lower-case coordinated noun that closes the name
        Case(language: "fr", text: "Selon le Département des institutions et de la sécurité, les vols baissent.",
             organizations: ["Département des institutions et de la sécurité"], places: []),
        // fr: "armées" is an adjective of the complement
        Case(language: "fr", text: "Le ministère des Forces armées a publié un communiqué.", organizations: ["ministère des Forces armées"], places: []),
        // fr: a lower-case "parquet" heads a name only with a capitalised complement
        Case(language: "fr", text: "Le parquet de Bangui a ouvert une enquête. Le parquet a saisi le juge.", organizations: ["parquet de Bangui"], places: []),
        Case(language: "fr", text: "Le dossier est transmis au parquet qui décidera.", organizations: [], places: []),
        // en: prisons, posts and facilities head names
        Case(language: "en", text: "He was taken to Zomba Central Prison after a night at Malombe Police Post.",
             organizations: ["Zomba Central Prison", "Malombe Police Post"], places: []),
        // en: a capitalised place noun closing the name is part of it
        Case(language: "en", text: "Fires broke out in Kanyama Constituency and across Mwembeshi Province last week.",
             organizations: [], places: ["Kanyama Constituency", "Mwembeshi Province"]),
        // ar: after a territorial office one word names the place; the person's name follows
        Case(language: "ar", text: "قال محافظ جرش فراس أبو قاعود إن الحظر مستمر.", organizations: [], places: ["جرش"]),
        // en: a sentence-initial conjunction is not part of a name
        Case(language: "en", text: "Although Mangochi Police Station has no cells, it held him.", organizations: ["Mangochi Police Station"], places: []),
        // ar: "مالي" (financial) is not the country
        Case(language: "ar", text: "وضبطت الشرطة مبلغ مالي كبير.", organizations: [], places: []),
    ]

    @Test(arguments: cases)
    func entities(_ c: Case) {
        let facts = FactExtractor().extract(c.text, language: c.language)
        #expect(facts.organizations.map(\.name) == c.organizations)
        #expect(facts.places.map(\.name) == c.places)
    }

    @Test func acronymMentionsJoinTheirExpansion() {
        let text = "Le Service statistique ministériel de sécurité intérieure (SSMSI) publie ses chiffres. Selon le SSMSI, ils baissent."
        let facts = FactExtractor().extract(text, language: "fr")
        #expect(facts.organizations == [Organization(name: "Service statistique ministériel de sécurité intérieure", mentions: 3, firstOffset: 3)])
    }

    @Test func gazetteersLoad() {
        for name in Gazetteer.names {
            let places = Gazetteer.places(name)
            #expect(places.count > 50, "\(name)")
            #expect(places.allSatisfy { !$0.isEmpty && !$0.contains("\n") }, "\(name)")
        }
        #expect(Gazetteer.places("latin").contains("Ziguinchor"))
        #expect(Gazetteer.places("nowhere").isEmpty)
        #expect(Gazetteer.lines(Array("a\nb\r\n\nc".utf8)) == ["a", "b", "c"])
    }
}
