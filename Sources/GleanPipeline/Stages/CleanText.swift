import GleanFacts

/// `clean.text`: Unicode NFC, whitespace repair, boilerplate lines and repeated paragraphs removed.
struct CleanTextStage: DocumentStage {
    static let spec = StageSpec(kind: "clean.text", role: .perDocument, doc: "Normalises text (NFC, whitespace, broken lines), drops boilerplate lines (per-language lists) and repeated paragraphs or blocks.", options: [
        OptionSpec("boilerplate", .stringList, default: .stringList([]), doc: "Extra boilerplate lines to drop (exact lines, after whitespace folding)."),
        OptionSpec("replace_boilerplate", .bool, default: .bool(false), doc: "true: 'boilerplate' replaces the language's built-in list instead of adding to it."),
        OptionSpec("dedupe", .bool, default: .bool(true), doc: "Drop repeated paragraphs and repeated blocks (an article pasted twice), counted in documents.duplicate_paragraphs."),
    ])

    static let kind = StageKind(spec: spec, build: { decl, _ in
        let options = CleanOptions(boilerplate: decl.options.strings("boilerplate"),
                                   replaceBoilerplate: decl.options.bool("replace_boilerplate") ?? false,
                                   dedupe: decl.options.bool("dedupe") ?? true)
        return .perDocument(CleanTextStage(cleaner: TextCleaner(options: options)))
    })

    let cleaner: TextCleaner

    func process(_ document: Document) throws -> Document {
        guard let text = document.text else {
            throw DocumentError("an HTML document reached clean.text without its text; put parse.html before clean.text")
        }
        var document = document
        let cleaned = cleaner.clean(text, language: document.metadata.language)
        document.text = cleaned.text
        document.paragraphCount = cleaned.paragraphCount
        document.duplicateParagraphs = cleaned.duplicateParagraphs
        return document
    }
}
