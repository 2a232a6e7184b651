import Testing
@testable import GleanFacts

/// Organizations, places and people in English and French as written by outlets of countries the samples never covered
/// (session 9 of issue 15): sentences written for these tests, one row per rule and language.
@Suite struct UnseenCountryEntityTests {
    typealias Case = PlaceAndOrganizationRuleTests.Case

    static let cases: [Case] = [
        // en: an office word names the complement of a ministry
        Case(language: "en", text: "Yesterday the Ministry of Justice ordered a new inquiry.", organizations: ["Ministry of Justice"], places: []),
        // en: an office with its own complement inside an office's name
        Case(language: "en", text: "The file went to the Office of the Director of Public Prosecutions last week.",
             organizations: ["Office of the Director of Public Prosecutions"], places: []),
        // en: a place's name, "police" and a lower-case head make one body
        Case(language: "en", text: "The suspect was held at Kabwata police station overnight.", organizations: ["Kabwata police station"], places: []),
        // en: a place of residence after an age, with or without a comma after the age
        Case(language: "en", text: "Jane Tonga, 28, of Chawama Compound was charged. Peter Zimba, aged 41 of Mtendere East, was freed.",
             organizations: [], places: ["Chawama Compound", "Mtendere East"]),
        // en: a possessive place and the place it holds
        Case(language: "en", text: "Robbers struck in Kampala’s Kisenyi area on Friday.", organizations: [], places: ["Kampala", "Kisenyi"]),
        // fr: an adjective before the complement's noun stays in the name
        Case(language: "fr", text: "Le Tribunal de première instance de Port-Gentil a jugé l'affaire.",
             organizations: ["Tribunal de première instance de Port-Gentil"], places: []),
        // fr: the same in lower case, with a capitalised complement
        Case(language: "fr", text: "Il a été présenté au tribunal de grande instance de Pointe-Noire.",
             organizations: ["tribunal de grande instance de Pointe-Noire"], places: []),
        // fr: a given name after a place noun starts a person, not a place
        Case(language: "fr", text: "Le procureur d'État Marcel Weber a requis six mois.", organizations: [], places: []),
        // fr: "pour" opens a complement of a name
        Case(language: "fr", text: "Le Comité national pour la Prévention des Accidents a tenu sa session.",
             organizations: ["Comité national pour la Prévention des Accidents"], places: []),
        // fr: a plural head
        Case(language: "fr", text: "Les Comités consultatifs de Sécurité se réunissent chaque mois.", organizations: ["Comités consultatifs de Sécurité"], places: []),
        // en: a gazetteer name with its first word abbreviated, and a known place with a direction word after it
        Case(language: "en", text: "Motorcycles were sent to St Ann and to Kingston West last month.", organizations: [], places: ["St Ann", "Kingston West"]),
        // en: a gazetteer name written with the other apostrophe
        Case(language: "en", text: "The convoy reached N’Djamena on Monday.", organizations: [], places: ["N’Djamena"]),
        // en: an acronym glued by a hyphen to the name's last complement is its alias, not a second organization
        Case(language: "en", text: "Members of the Movement for Rural Change-MRC met. The MRC said prices fell.",
             organizations: ["Movement for Rural Change"], places: []),
        // fr: a surname in capitals is no acronym
        Case(language: "fr", text: "La séance était présidée par le Colonel Mamadi DOUMBOUYA hier.", organizations: [], places: []),
        // fr: a known place right before a person's given name ends there
        Case(language: "fr", text: "Le président de la République du Sénégal Macky Sall a signé le décret.", organizations: [], places: ["Sénégal"]),
        // en: a possessive that is no known place names no place; "on" after a place noun opens no place's name
        Case(language: "en", text: "Police searched the capital on Sunday after a report on Driver’s Rest.", organizations: [], places: []),
        // fr: a place noun added to the lexicon ("médina", "camp") before a name in no gazetteer
        Case(language: "fr", text: "Des tirs ont éclaté dans la médina de Kandrani hier soir.", organizations: [], places: ["Kandrani"]),
        // fr: "présidence" in lower case with a capitalised complement
        Case(language: "fr", text: "Un communiqué de la présidence de la République l'a annoncé.", organizations: ["présidence de la République"], places: []),
    ]

    @Test(arguments: cases)
    func entities(_ c: Case) {
        let facts = FactExtractor().extract(c.text, language: c.language)
        #expect(facts.organizations.map(\.name) == c.organizations)
        #expect(facts.places.map(\.name) == c.places)
    }

    /// "le président de la République du Sénégal Macky Sall": the known place completes the office, the given name starts the holder.
    @Test func placeInsideAnOfficeBeforeItsHolder() {
        let facts = FactExtractor().extract("Hier, le président de la République du Sénégal Macky Sall a signé le décret.", language: "fr")
        #expect(facts.people.map(\.name) == ["Macky Sall"])
        #expect(facts.people.first?.titles == ["président de la République du Sénégal"])
    }

    /// A capitalised pair that starts with a common given name of West, East or Southern Africa, Asia or Latin America is a person.
    @Test(arguments: [
        ("en", "The court heard that Ousmane Keita fled to the border.", "Ousmane Keita"),
        ("en", "Officers later found Tendai Moyo at the market.", "Tendai Moyo"),
        ("fr", "Le juge a entendu Kwame Asante hier matin.", "Kwame Asante"),
        ("fr", "La plainte vise Aminata Traoré depuis mars.", "Aminata Traoré"),
        ("fr", "La séance était présidée par le Colonel Mamadi DOUMBOUYA hier.", "Mamadi DOUMBOUYA"),
    ])
    func givenNameStartsAPerson(_ language: String, _ text: String, _ name: String) {
        let facts = FactExtractor().extract(text, language: language)
        #expect(facts.people.map(\.name) == [name])
    }
}
