import Testing
@testable import GleanFacts

/// People, organizations and places on sentences written for these tests: one row per grammar rule and language.
@Suite struct EntityGrammarTests {
    struct PersonCase: Sendable, CustomStringConvertible {
        var language: String
        var text: String
        var name: String
        var rank: String?
        var titles: [String]
        var description: String { "\(language): \(name)" }

        /// The text gives exactly one person: this one, with this rank and these titles.
        func expectTheOnePerson(sourceLocation: SourceLocation = #_sourceLocation) {
            let facts = FactExtractor().extract(text, language: language)
            let p = facts.people.first { $0.name == name }
            #expect(p != nil, "\(facts.people.map(\.name))", sourceLocation: sourceLocation)
            #expect(p?.rank == rank, sourceLocation: sourceLocation)
            #expect(p?.titles == titles, sourceLocation: sourceLocation)
            #expect(facts.people.count == 1, "\(facts.people.map(\.name))", sourceLocation: sourceLocation)
        }
    }

    static let people: [PersonCase] = [
        // en: office, rank, name
        PersonCase(language: "en", text: "Deputy Minister of Justice Colonel Peter Hallam visited the port.", name: "Peter Hallam", rank: "Colonel", titles: ["Deputy Minister of Justice"]),
        // en: office, comma, rank, name
        PersonCase(language: "en", text: "The delegation was received by Minister of Transport, General Ivo Stranz.", name: "Ivo Stranz", rank: "General", titles: ["Minister of Transport"]),
        // en: Name (office)
        PersonCase(language: "en", text: "Maria Gonzales (spokeswoman) said the figures were final.", name: "Maria Gonzales", rank: nil, titles: ["spokeswoman"]),
        // en: Name (born YYYY), no office
        PersonCase(language: "en", text: "Police arrested Tom Baker (born 1980) near the market.", name: "Tom Baker", rank: nil, titles: []),
        // en: a police rank of its own
        PersonCase(language: "en", text: "Chief Superintendent Alan Reyes opened the station.", name: "Alan Reyes", rank: "Chief Superintendent", titles: []),
        // fr: office with its complement, comma, name
        PersonCase(language: "fr", text: "Le préfet de la Gironde, Paul Martin, a présenté le bilan.", name: "Paul Martin", rank: nil, titles: ["préfet de la Gironde"]),
        // fr: a rank word after an office word is part of the office
        PersonCase(language: "fr", text: "Le secrétaire général Marc Lenoir a ouvert la séance.", name: "Marc Lenoir", rank: nil, titles: ["secrétaire général"]),
        // fr: rank then name then apposition
        PersonCase(language: "fr", text: "Il a parlé avec le sergent Luc Arnaud, porte-parole de la brigade.", name: "Luc Arnaud", rank: "Sergeant", titles: ["porte-parole de la brigade"]),
        // fr: Name, office (mid-sentence, two words)
        PersonCase(language: "fr", text: "Selon Anne Roux, sociologue, la baisse est nette.", name: "Anne Roux", rank: nil, titles: ["sociologue"]),
        // ar: rank, name with a nisba surname, office after the comma
        PersonCase(language: "ar", text: "وقال اللواء خالد العتيبي، مدير شرطة منطقة تبوك، إن الجرائم تراجعت.", name: "خالد العتيبي", rank: "Major General", titles: ["مدير شرطة منطقة تبوك"]),
        // en: office, comma, determiner, honorifics in a row, name
        PersonCase(language: "en", text: "The Minister of National Security, the Hon. Dr. Ian Palmer, spoke first.", name: "Ian Palmer", rank: "Hon.", titles: ["Minister of National Security"]),
        // ar: an office whose complement holds a place's name, then rank and name
        PersonCase(language: "ar", text: "وقال المتحدث الإعلامي لشرطة منطقة تبوك العقيد سامي الشهري إن الحملة مستمرة.", name: "سامي الشهري", rank: "Colonel", titles: ["المتحدث الإعلامي لشرطة منطقة تبوك"]),
        // en: an office whose complement is capitalised ends before a known given name
        PersonCase(language: "en", text: "Minister for the Protection of Coastal Waters Mark Ellison opened the port.", name: "Mark Ellison", rank: nil, titles: ["Minister for the Protection of Coastal Waters"]),
        // en: a later mention by family name alone brings its office
        PersonCase(language: "en", text: "Police arrested Tom Baker (born 1980). Later Mr Baker, the Director of Public Works, was released.", name: "Tom Baker", rank: nil, titles: ["Director of Public Works"]),
        // ar: a name particle
        PersonCase(language: "ar", text: "وأكد العقيد فهد بن سالم أن الحملة مستمرة.", name: "فهد بن سالم", rank: "Colonel", titles: []),
    ]

    @Test(arguments: people)
    func person(_ c: PersonCase) {
        c.expectTheOnePerson()
    }

    struct EntityCase: Sendable, CustomStringConvertible {
        var language: String
        var text: String
        var organizations: [String]
        var places: [String]
        var description: String { "\(language): \(text.prefix(40))" }
    }

    static let entities: [EntityCase] = [
        // en: modifiers then the head, "of" complements; a country from the lexicon
        EntityCase(language: "en", text: "The Ministry of Public Works and the National Roads Agency met in Kenya.", organizations: ["Ministry of Public Works", "National Roads Agency"], places: ["Kenya"]),
        // en: "X province", "the city of X"
        EntityCase(language: "en", text: "Floods hit Binh Phuoc province and the city of Ashford.", organizations: [], places: ["Binh Phuoc", "Ashford"]),
        // en: an acronym in parentheses is the name before it
        EntityCase(language: "en", text: "The Coastal Guard Service (CGS) said CGS boats left.", organizations: ["Coastal Guard Service"], places: []),
        // en: the place before a place adjective; a shorter variant merged
        EntityCase(language: "en", text: "The Dong Nai Provincial Police said the Provincial Police would act.", organizations: ["Dong Nai Provincial Police"], places: ["Dong Nai"]),
        // fr: head, adjectives, "de" complements; a standalone head
        EntityCase(language: "fr", text: "La Direction générale de la police nationale et la Gendarmerie ont signé.", organizations: ["Direction générale de la police nationale", "Gendarmerie"], places: []),
        // fr: lower-case head; "la ville de X"; a country after "au"
        EntityCase(language: "fr", text: "Le ministère de l'Intérieur a ouvert un bureau dans la ville de Saint-Malo, au Maroc.", organizations: ["ministère de l'Intérieur"], places: ["Saint-Malo", "Maroc"]),
        // fr: an acronym of the name's initials is that name
        EntityCase(language: "fr", text: "La Sûreté du Québec a publié son bilan. Selon la SQ, tout va bien.", organizations: ["Sûreté du Québec"], places: []),
        // ar: head with definite modifiers; an administrative noun and its name, the noun being part of the place's
        // fullest form (the gold writes "محافظة المحرق" for "مديرية شرطة محافظة المحرق")
        EntityCase(language: "ar", text: "وأعلنت وزارة الداخلية الكويتية أن شرطة محافظة حولي أوقفت المتهمين.", organizations: ["وزارة الداخلية الكويتية", "شرطة محافظة حولي"], places: ["محافظة حولي"]),
        // ar: a shorter variant is merged into the fullest form
        EntityCase(language: "ar", text: "قالت المديرية العامة للأمن الوطني إن المديرية العامة أنجزت التقرير.", organizations: ["المديرية العامة للأمن الوطني"], places: []),
    ]

    @Test(arguments: entities)
    func entity(_ c: EntityCase) {
        let facts = FactExtractor().extract(c.text, language: c.language)
        #expect(facts.organizations.map(\.name) == c.organizations)
        #expect(facts.places.map(\.name) == c.places)
    }

    @Test func mentionsAndOffsets() {
        let text = "The Coastal Guard Service (CGS) said CGS boats left Kenya."
        let facts = FactExtractor().extract(text, language: "en")
        #expect(facts.organizations == [Organization(name: "Coastal Guard Service", mentions: 3, firstOffset: 4)])
        #expect(facts.places == [Place(name: "Kenya", mentions: 1, firstOffset: 52)])
    }

    @Test func kindsCanBeSwitchedOff() {
        let options = ExtractOptions(people: true, metrics: false, dates: false, references: false)
        let facts = FactExtractor(options: options).extract("The Ministry of Finance met in Kenya.", language: "en")
        #expect(facts.organizations.isEmpty && facts.places.isEmpty)
    }
}
