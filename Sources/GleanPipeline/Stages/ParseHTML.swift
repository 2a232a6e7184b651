import GleanHTML

/// `parse.html`: HTML pages become their main text (paragraphs) with page metadata; plain-text
/// documents pass through with the metadata their text carries.
struct ParseHTMLStage: DocumentStage {
    static let defaults = HTMLOptions()

    static let spec = StageSpec(kind: "parse.html", role: .perDocument, doc: "Parses HTML with libxml2 into main text and metadata (title, published, language, author, site, url); plain text gets its metadata only.", options: [
        OptionSpec("content_xpath", .string, doc: "XPath of the element(s) holding the article, overriding the automatic choice (per-site override)."),
        OptionSpec("exclude_xpath", .string, doc: "XPath of elements to drop before extraction (per-site override)."),
        OptionSpec("title_xpath", .string, doc: "XPath of the element holding the title (per-site override)."),
        OptionSpec("date_xpath", .string, doc: "XPath of the element or attribute holding the publication date (per-site override)."),
        OptionSpec("max_bytes", .int, default: .int(defaults.maxBytes), doc: "Largest page parsed; a larger one is rejected."),
        OptionSpec("max_depth", .int, default: .int(defaults.maxDepth), doc: "Deepest element nesting accepted; a deeper page is rejected."),
        OptionSpec("as_of", .string, doc: "Reference day (YYYY-MM-DD) for publication dates: a date more than a day after it is not the page's (an expiry, an event). Default: the day (UTC) of each input file's modification time; never the clock."),
    ])

    static let kind = StageKind(spec: spec, check: { decl, _ in
        for name in ["content_xpath", "exclude_xpath", "title_xpath", "date_xpath"] {
            if let expr = decl.options.string(name), let problem = HTMLExtractor.validateXPath(expr) {
                return (name, "\(name) is not a valid XPath: \(problem)")
            }
        }
        for name in ["max_bytes", "max_depth"] where (decl.options.int(name) ?? 1) <= 0 {
            return (name, "\(name) must be positive")
        }
        if let day = decl.options.string("as_of"), ReferenceDay(iso: day) == nil {
            return ("as_of", "as_of must be a day written YYYY-MM-DD, got '\(day)'")
        }
        return nil
    }, build: { decl, _ in
        var options = HTMLOptions()
        options.contentXPath = decl.options.string("content_xpath")
        options.excludeXPath = decl.options.string("exclude_xpath")
        options.titleXPath = decl.options.string("title_xpath")
        options.dateXPath = decl.options.string("date_xpath")
        options.maxBytes = decl.options.int("max_bytes") ?? defaults.maxBytes
        options.maxDepth = decl.options.int("max_depth") ?? defaults.maxDepth
        do {
            let asOf = decl.options.string("as_of").flatMap { ReferenceDay(iso: $0) }
            return .perDocument(ParseHTMLStage(extractor: try HTMLExtractor(options: options), asOf: asOf))
        } catch {
            throw GleanError(.manifest, "cannot set up parse.html: \(error)", location: decl.location, stage: decl.id)
        }
    })

    let extractor: HTMLExtractor
    /// The manifest's `as_of`; when nil, each document's file modification day is the reference.
    let asOf: ReferenceDay?

    /// The day a document's dates are checked against: `as_of`, else the input file's
    /// modification day, else none (no upper bound). Never the clock: a run gives the same
    /// dates on any day.
    func referenceDay(_ document: Document) -> ReferenceDay? {
        asOf ?? document.modified.map { ReferenceDay(unixSeconds: $0) }
    }

    func process(_ document: Document) throws -> Document {
        var document = document
        let found: PageMetadata
        switch document.format {
        case .html:
            let page: ExtractedPage
            do {
                page = try extractor.extract(document.bytes, asOf: referenceDay(document))
            } catch let error as HTMLError {
                throw DocumentError(error.description)
            }
            document.text = page.text
            document.paragraphCount = page.paragraphs.count
            found = page.metadata
            document.bytes = []
        case .text:
            found = TextMetadata.extract(document.text ?? "", asOf: referenceDay(document))
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
