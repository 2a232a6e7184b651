import GleanCore
import GleanHTML
import GleanText

/// `parse.html`: HTML pages become their main text (paragraphs) with page metadata; plain-text
/// documents pass through with the metadata their text carries.
package struct ParseHTMLStage: DocumentStage {
    package static let defaults = HTMLOptions()

    /// The options, typed.
    package struct Config: StageConfig {
        package var html: HTMLOptions
        /// `as_of` as written (checked to be a day).
        package var asOfText: String?

        package init(_ options: StageOptions) {
            html = HTMLOptions()
            html.contentXPath = options.string("content_xpath")
            html.excludeXPath = options.string("exclude_xpath")
            html.titleXPath = options.string("title_xpath")
            html.dateXPath = options.string("date_xpath")
            html.maxBytes = options.int("max_bytes") ?? defaults.maxBytes
            html.maxDepth = options.int("max_depth") ?? defaults.maxDepth
            html.profile = options.string("profile").flatMap(ExtractionProfile.init(rawValue:))
            asOfText = options.string("as_of")
        }

        package var xpaths: [(option: String, expression: String?)] {
            [("content_xpath", html.contentXPath), ("exclude_xpath", html.excludeXPath),
             ("title_xpath", html.titleXPath), ("date_xpath", html.dateXPath)]
        }

        /// The reference day, when the manifest gives one.
        package var asOf: ReferenceDay? { asOfText.flatMap { ReferenceDay(iso: $0) } }

        /// The first problem with the options, checked here once: the extractor is then built
        /// from options known to be sound.
        package var problem: (option: String, message: String)? {
            for (name, expression) in xpaths {
                if let expression, let problem = HTMLExtractor.validateXPath(expression) {
                    return (name, "\(name) is not a valid XPath: \(problem)")
                }
            }
            for (name, value) in [("max_bytes", html.maxBytes), ("max_depth", html.maxDepth)] where value <= 0 {
                return (name, "\(name) must be positive")
            }
            if let day = asOfText, ReferenceDay(iso: day) == nil {
                return ("as_of", "as_of must be a day written YYYY-MM-DD, got '\(day)'")
            }
            return nil
        }
    }

    package static let spec = StageSpec(kind: "parse.html", role: .perDocument, doc: "Parses HTML with libxml2 into main text and metadata (title, published, language, author, site, url); plain text gets its metadata only.", options: [
        OptionSpec("content_xpath", .string, doc: "XPath of the element(s) holding the article, overriding the automatic choice (per-site override)."),
        OptionSpec("exclude_xpath", .string, doc: "XPath of elements to drop before extraction (per-site override)."),
        OptionSpec("title_xpath", .string, doc: "XPath of the element holding the title (per-site override)."),
        OptionSpec("date_xpath", .string, doc: "XPath of the element or attribute holding the publication date (per-site override)."),
        OptionSpec("max_bytes", .int, default: .int(defaults.maxBytes), doc: "Largest page parsed; a larger one is rejected."),
        OptionSpec("max_depth", .int, default: .int(defaults.maxDepth), doc: "Deepest element nesting accepted; a deeper page is rejected."),
        OptionSpec("profile", .choice(["auto"] + ExtractionProfile.allCases.map(\.rawValue)), default: .string("auto"), doc: "How main text is read: auto lets a learned model choose per page; article takes the best content node (news, blog posts); spread takes the whole body minus navigation, header, footer and asides, each repeated block once (listings, forums, product and service pages). A per-site override."),
        OptionSpec("as_of", .string, doc: "Reference day (YYYY-MM-DD) for publication dates: a date more than a day after it is not the page's (an expiry, an event). Default: the day (UTC) of each input file's modification time (for a WARC record, of its WARC-Date); never the clock."),
    ])

    package static let kind = StageKind(spec: spec, config: Config.self, check: { config, _, _ in
        config.problem
    }, build: { config, decl, _ in
        do {
            return .perDocument(ParseHTMLStage(extractor: try HTMLExtractor(options: config.html), asOf: config.asOf))
        } catch {
            throw GleanError(.manifest, "cannot set up parse.html: \(error)", location: decl.location, stage: decl.id)
        }
    })

    package let extractor: HTMLExtractor
    /// The manifest's `as_of`; when nil, each document's file modification day is the reference.
    package let asOf: ReferenceDay?

    /// The day a document's dates are checked against: the stage's `as_of`, else the run's,
    /// else the input file's modification day, else none (no upper bound). Never the clock: a
    /// run gives the same dates on any day.
    package func referenceDay(_ document: Document, _ context: StageContext) -> ReferenceDay? {
        asOf ?? context.asOfDay.map(ReferenceDay.init(daysSinceEpoch:)) ?? document.modified.map { ReferenceDay(unixSeconds: $0) }
    }

    package func process(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        let found: PageMetadata
        switch document.format {
        case .html:
            let page: ExtractedPage
            do {
                page = try extractor.extract(document.bytes, asOf: referenceDay(document, context), charset: document.charsetHint)
            } catch let error as HTMLError {
                throw DocumentError(error.description)
            }
            document.text = page.text
            document.paragraphCount = page.paragraphs.count
            found = page.metadata
            document.bytes = []
        case .text:
            found = TextMetadata.extract(document.text ?? "", asOf: referenceDay(document, context))
        }
        var m = document.metadata
        m.title = m.title ?? found.title
        m.published = m.published ?? found.published
        m.publishedUTC = m.publishedUTC ?? found.publishedUTC
        m.language = m.language ?? found.language ?? LanguageDetector.detect(document.text ?? "")
        m.author = m.author ?? found.author
        m.site = m.site ?? found.site
        m.url = m.url ?? found.url
        document.metadata = m
        return document
    }
}
