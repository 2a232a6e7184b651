// MARK: - Public types of the HTML stage

/// Options of the `parse.html` stage: per-site overrides and resource limits.
public struct HTMLOptions: Sendable, Equatable {
    /// XPath of the element(s) that hold the main text; overrides the automatic choice.
    public var contentXPath: String?
    /// XPath of elements to drop from the main text.
    public var excludeXPath: String?
    /// XPath of the element (or attribute) that holds the title.
    public var titleXPath: String?
    /// XPath of the element (or attribute) that holds the publication date.
    public var dateXPath: String?
    /// Largest page accepted, in bytes; larger pages throw ``HTMLError``.
    public var maxBytes: Int
    /// Deepest element nesting read; deeper content is ignored.
    public var maxDepth: Int
    /// How main text is read on every page, instead of the learned model's choice per page:
    /// `.article` (the best content node) or `.spread` (the whole body minus chrome, for
    /// listings, forums, product and service pages); nil lets the model choose.
    public var profile: ExtractionProfile?

    /// Creates options; every override is off by default.
    public init(
        contentXPath: String? = nil, excludeXPath: String? = nil, titleXPath: String? = nil,
        dateXPath: String? = nil, maxBytes: Int = 20 * 1024 * 1024, maxDepth: Int = 256, profile: ExtractionProfile? = nil
    ) {
        self.profile = profile
        self.contentXPath = contentXPath
        self.excludeXPath = excludeXPath
        self.titleXPath = titleXPath
        self.dateXPath = dateXPath
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }
}

/// Metadata of one document. Every field is optional: nil when the page does not give it.
public struct PageMetadata: Sendable, Equatable {
    /// The article's headline, without a trailing site name.
    public var title: String?
    /// Publication date as ISO 8601, with the precision and offset the page gives.
    public var published: String?
    /// ISO 639-1 two-letter language code.
    public var language: String?
    /// Author name(s).
    public var author: String?
    /// Name of the site.
    public var site: String?
    /// Canonical URL.
    public var url: String?
    /// The publication instant in microseconds since the Unix epoch, when the page gives a time and zone.
    public var publishedUTC: Int64?

    /// Creates empty metadata.
    public init() {}
}

/// The result of extracting one HTML page.
public struct ExtractedPage: Sendable {
    /// Main-text paragraphs in reading order.
    public var paragraphs: [String]
    /// The paragraphs joined by a blank line ("\n\n").
    public var text: String
    /// Title, date, language and the rest.
    public var metadata: PageMetadata
    /// The character encoding the page was decoded with (e.g. "UTF-8", "windows-1252").
    public var encoding: String

    /// Creates a page from its parts.
    public init(paragraphs: [String], metadata: PageMetadata, encoding: String) {
        self.paragraphs = paragraphs
        self.text = paragraphs.joined(separator: "\n\n")
        self.metadata = metadata
        self.encoding = encoding
    }
}

/// Why a page could not be read, in words a user can act on.
public struct HTMLError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The class of failure.
    public enum Kind: String, Sendable, Equatable {
        case tooLarge, empty, binary, invalidXPath, parseFailed
    }
    /// The class of failure.
    public let kind: Kind
    /// One line saying what is wrong and what limit or input caused it.
    public let reason: String

    /// Creates an error.
    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }
}
