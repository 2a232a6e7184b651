// Public value types produced by the cleaner and the fact extractor.

/// Options for ``TextCleaner``.
public struct CleanOptions: Sendable, Equatable {
    /// Extra whole lines to drop (a `{n}` in a line stands for any run of digits, e.g. `Comment ({n})`).
    public var boilerplate: [String]
    /// `true`: `boilerplate` replaces the languages' own lists instead of adding to them.
    public var replaceBoilerplate: Bool
    /// Remove repeated paragraphs (and an article pasted twice).
    public var dedupe: Bool

    /// Creates cleaning options.
    public init(boilerplate: [String] = [], replaceBoilerplate: Bool = false, dedupe: Bool = true) {
        self.boilerplate = boilerplate
        self.replaceBoilerplate = replaceBoilerplate
        self.dedupe = dedupe
    }
}

/// The result of cleaning one document.
public struct CleanedText: Sendable, Equatable {
    /// NFC text, paragraphs separated by a blank line (`"\n\n"`).
    public var text: String
    /// Paragraphs kept.
    public var paragraphCount: Int
    /// Paragraphs dropped because they repeat an earlier one.
    public var duplicateParagraphs: Int
    /// Lines dropped by the boilerplate rules.
    public var boilerplateRemoved: Int

    /// Creates a cleaned text value.
    public init(text: String, paragraphCount: Int, duplicateParagraphs: Int, boilerplateRemoved: Int) {
        self.text = text
        self.paragraphCount = paragraphCount
        self.duplicateParagraphs = duplicateParagraphs
        self.boilerplateRemoved = boilerplateRemoved
    }
}

/// One distinct person, all mentions merged.
public struct Person: Sendable, Equatable {
    /// The name as written, without rank.
    public var name: String
    /// Normalised rank or honorific ("General", "Colonel", "Mrs.", "comrade", ...).
    public var rank: String?
    /// Each office stated for the person, in the document's language, first spelling kept.
    public var titles: [String]
    /// How many times the name occurs in the text.
    public var mentions: Int
    /// Unicode scalar offset of the first occurrence of the name.
    public var firstOffset: Int

    /// Creates a person.
    public init(name: String, rank: String?, titles: [String], mentions: Int, firstOffset: Int) {
        self.name = name
        self.rank = rank
        self.titles = titles
        self.mentions = mentions
        self.firstOffset = firstOffset
    }
}

/// One distinct named entity of a document: an organization (government body, ministry, police
/// force, court, party, committee, company, agency; its variants and acronym merged) or a place
/// (country, region, province, city, district, commune, village; named without its place noun,
/// "Lang Son" for "Lang Son province").
public struct NamedEntity: Sendable, Equatable {
    /// The name in its fullest form as written in the document.
    public var name: String
    /// How many times it is mentioned (any of its variants).
    public var mentions: Int
    /// Unicode scalar offset of the first mention.
    public var firstOffset: Int

    /// Creates an entity.
    public init(name: String, mentions: Int, firstOffset: Int) {
        self.name = name
        self.mentions = mentions
        self.firstOffset = firstOffset
    }
}

/// An organization: a row of the organizations table.
public typealias Organization = NamedEntity
/// A place: a row of the places table.
public typealias Place = NamedEntity

/// What a number measures.
public enum MetricKind: String, Sendable, CaseIterable {
    case percent, count, ratio, money, rank
    case changeInRank = "change_in_rank"
}

/// One quantified fact.
public struct Metric: Sendable, Equatable {
    /// Kind of quantity.
    public var kind: MetricKind
    /// Normalised value (a decrease stays positive; see `direction`).
    public var value: Double
    /// Denominator of a ratio or of a rank ("8th out of 63").
    public var denominator: Double?
    /// Unit ("percent", "cases", "people", "VND", ...).
    public var unit: String?
    /// "increase", "decrease" or nil.
    public var direction: String?
    /// The span as written.
    public var text: String
    /// What the number is about, from its clause, when the sentence says.
    public var subject: String?
    /// Unicode scalar offset of `text` in the cleaned text.
    public var offset: Int
    /// Length of `text` in Unicode scalars.
    public var length: Int
    /// The sentence the metric is in.
    public var sentence: String

    /// Creates a metric.
    public init(kind: MetricKind, value: Double, denominator: Double?, unit: String?, direction: String?,
                text: String, subject: String?, offset: Int, length: Int, sentence: String) {
        self.kind = kind
        self.value = value
        self.denominator = denominator
        self.unit = unit
        self.direction = direction
        self.text = text
        self.subject = subject
        self.offset = offset
        self.length = length
        self.sentence = sentence
    }
}

/// A calendar date, month or anchoring year.
public struct DateMention: Sendable, Equatable {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var iso: String
    /// The span as written.
    public var text: String
    /// Unicode scalar offset.
    public var offset: Int
    /// Length in Unicode scalars.
    public var length: Int
    /// The year was not written and was taken from the context.
    public var yearInferred: Bool

    /// Creates a date mention.
    public init(iso: String, text: String, offset: Int, length: Int, yearInferred: Bool) {
        self.iso = iso
        self.text = text
        self.offset = offset
        self.length = length
        self.yearInferred = yearInferred
    }
}

/// A legal or party document, or a named government programme.
public struct Reference: Sendable, Equatable {
    /// resolution, decision, directive, regulation, action_program, project or law.
    public var type: String
    /// The number as written ("12-NQ/TW", "06"), when there is one.
    public var number: String?
    /// The issuer when the text states it.
    public var issuer: String?
    /// The span as written.
    public var text: String
    /// Unicode scalar offset.
    public var offset: Int
    /// Length in Unicode scalars.
    public var length: Int

    /// Creates a reference.
    public init(type: String, number: String?, issuer: String?, text: String, offset: Int, length: Int) {
        self.type = type
        self.number = number
        self.issuer = issuer
        self.text = text
        self.offset = offset
        self.length = length
    }
}

/// All facts of one document, each list sorted by offset.
public struct Facts: Sendable, Equatable {
    /// People (sorted by first offset).
    public var people: [Person]
    /// Metrics.
    public var metrics: [Metric]
    /// Dates.
    public var dates: [DateMention]
    /// References.
    public var references: [Reference]
    /// The language the facts were extracted with.
    public var language: String
    /// Organizations (sorted by first offset).
    public var organizations: [Organization] = []
    /// Places (sorted by first offset).
    public var places: [Place] = []

    /// Creates a facts value.
    public init(people: [Person] = [], metrics: [Metric] = [], dates: [DateMention] = [], references: [Reference] = [], language: String = "en") {
        self.people = people
        self.metrics = metrics
        self.dates = dates
        self.references = references
        self.language = language
    }
}

/// What ``FactExtractor`` extracts.
public struct ExtractOptions: Sendable, Equatable {
    /// Extract people.
    public var people: Bool
    /// Extract metrics.
    public var metrics: Bool
    /// Extract dates.
    public var dates: Bool
    /// Extract references.
    public var references: Bool
    /// Extract organizations.
    public var organizations: Bool
    /// Extract places.
    public var places: Bool

    /// Everything on.
    public init() {
        people = true
        metrics = true
        dates = true
        references = true
        organizations = true
        places = true
    }

    /// Choose the kinds.
    public init(people: Bool, metrics: Bool, dates: Bool, references: Bool, organizations: Bool = false, places: Bool = false) {
        self.people = people
        self.metrics = metrics
        self.dates = dates
        self.references = references
        self.organizations = organizations
        self.places = places
    }
}
