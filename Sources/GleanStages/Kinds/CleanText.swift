import GleanCore
import GleanFacts

/// `clean.text`: Unicode NFC, whitespace repair, boilerplate lines and repeated paragraphs removed.
package struct CleanTextStage: DocumentStage {
    /// The options, typed.
    package struct Config: StageConfig {
        package static let defaultDedupe = true
        package var options: CleanOptions

        package init(_ options: StageOptions) {
            self.options = CleanOptions(boilerplate: options.strings("boilerplate"),
                                        replaceBoilerplate: options.bool("replace_boilerplate") ?? false,
                                        dedupe: options.bool("dedupe") ?? Self.defaultDedupe)
        }
    }

    package static let spec = StageSpec(kind: "clean.text", role: .perDocument, doc: "Normalises text (NFC, whitespace, broken lines), drops boilerplate lines (per-language lists) and repeated paragraphs or blocks.", options: [
        OptionSpec("boilerplate", .stringList, default: .stringList([]), doc: "Extra boilerplate lines to drop (exact lines, after whitespace folding)."),
        OptionSpec("replace_boilerplate", .bool, default: .bool(false), doc: "true: 'boilerplate' replaces the language's built-in list instead of adding to it."),
        OptionSpec("dedupe", .bool, default: .bool(Config.defaultDedupe), doc: "Drop repeated paragraphs and repeated blocks (an article pasted twice), counted in documents.duplicate_paragraphs."),
    ])

    package static let kind = StageKind(spec: spec, config: Config.self, build: { config, _, _ in
        .perDocument(CleanTextStage(cleaner: TextCleaner(options: config.options)))
    })

    package let cleaner: TextCleaner

    package func process(_ document: Document, context: StageContext) throws -> Document {
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
