import Testing
@testable import GleanFacts

/// Organizations known by name, places of the general lexicon, organization heads added in session 10 of issue 15, and
/// where a name stops: sentences written for these tests, one row per rule and language.
@Suite struct KnownOrganizationTests {
    typealias Case = PlaceAndOrganizationRuleTests.Case

    static let cases: [Case] = [
        // en: a known organization with no head noun
        Case(language: "en", text: "Officials of the United Nations met the governor on Monday.", organizations: ["United Nations"], places: []),
        // en: a known two-letter acronym is an organization
        Case(language: "en", text: "Observers from the EU arrived in Bamako on Sunday.", organizations: ["EU"], places: ["Bamako"]),
        // en: a place lexicon name that ends in a head noun is the place ("West Bank"), and a place of the general lexicon
        Case(language: "en", text: "Fighting spread from the West Bank to Darfur last year.", organizations: [], places: ["West Bank", "Darfur"]),
        // en: a new head ("Judiciary") after its place, "Times" heading an outlet's name, and a weekday after "on" opens no complement
        Case(language: "en", text: "The Kenya Judiciary replied to the Daily Times on Monday.", organizations: ["Kenya Judiciary", "Daily Times"], places: []),
        // fr: a known organization with no head noun, and a known place
        Case(language: "fr", text: "Les casques bleus de la Minusma ont quitté Bamako hier.", organizations: ["Minusma"], places: ["Bamako"]),
        // fr: a lower-case head with a capitalised complement
        Case(language: "fr", text: "Il a été conduit à la brigade de Bouaké hier soir.", organizations: ["brigade de Bouaké"], places: []),
        // fr: the same head with a naming adjective stays one body
        Case(language: "fr", text: "Selon la brigade nationale, les vols ont baissé.", organizations: ["brigade nationale"], places: []),
        // fr: an embassy named by its country
        Case(language: "fr", text: "Une délégation s'est rendue à l'ambassade de France mardi.", organizations: ["ambassade de France"], places: []),
        // fr: places of the general lexicon
        Case(language: "fr", text: "Des renforts ont été envoyés en Cisjordanie et au Darfour.", organizations: [], places: ["Cisjordanie", "Darfour"]),
        // ar: a known organization after an attached preposition
        Case(language: "ar", text: "والتقى الوفد بممثلي الأمم المتحدة في جنيف.", organizations: ["الأمم المتحدة"], places: ["جنيف"]),
        // ar: a known organization after "و" is another name, not a coordinated modifier of the name before it
        Case(language: "ar", text: "ودعا الاتحاد الأوروبي والأمم المتحدة إلى التهدئة.", organizations: ["الاتحاد الأوروبي", "الأمم المتحدة"], places: []),
        // ar: a descriptive adjective ("المختصة") names no organization
        Case(language: "ar", text: "وأكدت القوات المختصة أن وزارة الداخلية تتابع القضية.", organizations: ["وزارة الداخلية"], places: []),
        // ar: a new head ("قسم") with its definite modifiers
        Case(language: "ar", text: "أحيل المتهم إلى قسم الشرطة القضائية أمس.", organizations: ["قسم الشرطة القضائية"], places: []),
        // ar: a place of the general lexicon with its designator
        Case(language: "ar", text: "وصل الوفد إلى قطاع غزة صباح اليوم.", organizations: [], places: ["قطاع غزة"]),
    ]

    @Test(arguments: cases)
    func entities(_ c: Case) {
        let facts = FactExtractor().extract(c.text, language: c.language)
        #expect(facts.organizations.map(\.name) == c.organizations)
        #expect(facts.places.map(\.name) == c.places)
    }

    /// "the European Union ... the EU": the acronym of a known organization's initials is a mention of it, not a second one.
    @Test func knownAcronymMergesWithItsLongForm() {
        let facts = FactExtractor().extract("The European Union sent observers. Later the EU said the vote was fair.", language: "en")
        #expect(facts.organizations.map(\.name) == ["European Union"])
        #expect(facts.organizations.first?.mentions == 2)
    }
}
