import Foundation

/// Extracts people, metrics, dates and references from cleaned text. Thread-safe: holds only immutable compiled data.
public struct FactExtractor: Sendable {
    /// What to extract.
    public let options: ExtractOptions
    /// Known languages.
    public let languages: LanguageRegistry

    /// Creates an extractor.
    public init(options: ExtractOptions = .init(), languages: LanguageRegistry = .builtIn) {
        self.options = options
        self.languages = languages
    }

    /// Extracts the facts of one document. `language` nil: detected (script + stopwords), default "en".
    /// `published` (ISO date) supplies the year of dates written without one. Offsets count Unicode scalars of `text`.
    public func extract(_ text: String, language: String?, published: String? = nil) -> Facts {
        let code = languages.profile(language)?.code ?? languages.detect(text)
        guard let profile = languages.profile(code) ?? languages.profile("en") ?? languages.profiles.values.first else {
            return Facts(language: code)
        }
        var doc = Doc(text: text, profile: profile)
        var facts = Facts(language: profile.code)
        // order matters: references and dates claim their numbers before metrics look at them
        let refs = doc.extractReferences()
        let dates = doc.extractDates(published: published)
        if options.references { facts.references = refs }
        if options.dates { facts.dates = dates }
        if options.metrics { facts.metrics = doc.extractMetrics() }
        if options.people { facts.people = doc.extractPeople() }
        if options.organizations || options.places {
            // one pass of the organization grammar serves both tables (places inside a name are not places of their own)
            let spans = doc.organizationSpans()
            if options.organizations { facts.organizations = doc.extractOrganizations(spans: spans) }
            if options.places { facts.places = doc.extractPlaces(organizationSpans: spans) }
        }
        facts.references.sort { $0.offset < $1.offset }
        facts.dates.sort { $0.offset < $1.offset }
        facts.metrics.sort { $0.offset < $1.offset }
        return facts
    }
}

/// Parses a written number ("94,72", "3 156", "5,172", "16 ألف", "9,399 billion") to a plain value.
public enum NumberParser {
    /// The value of `s`, or nil when `s` is not exactly one number (optionally followed by a scale word or %).
    public static func parse(_ s: String, language: String?) -> Double? {
        let reg = LanguageRegistry.builtIn
        guard let p = reg.profile(language) ?? reg.profile(reg.detect(s)) ?? reg.profile("en") else { return nil }
        let sc = Array(s.unicodeScalars.prefix(4096))
        let toks = p.tokenizer.tokenize(sc)
        guard let first = toks.first, first.kind == .number else { return nil }
        var value = first.value
        var i = 1
        if let m = p.scaleWords.match(toks, at: i) { value *= m.value; i = m.end }
        if i < toks.count, toks[i].text == "%" || toks[i].text == "\u{066A}" { i += 1 }
        guard i == toks.count, value.isFinite else { return nil }
        return value
    }
}

/// Parses a date phrase ("February 22, 2024", "31 octobre 2024", "22 فبراير 2024", "14/06/2024", "2024") to ISO.
public enum DateParser {
    /// ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or nil when `s` is not exactly one date with its year.
    public static func parse(_ s: String, language: String?) -> String? {
        let reg = LanguageRegistry.builtIn
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 200 else { return nil }
        guard let p = reg.profile(language) ?? reg.profile(reg.detect(trimmed)) ?? reg.profile("en") else { return nil }
        var doc = Doc(text: trimmed, profile: p)
        let dates = doc.extractDates(published: nil)
        guard dates.count == 1, let d = dates.first, !d.yearInferred,
              d.offset == 0, d.length == trimmed.unicodeScalars.count else {
            // a weekday before the date is fine ("Friday, 09/20/2024")
            if dates.count == 1, let d = dates.first, !d.yearInferred, d.offset + d.length == trimmed.unicodeScalars.count,
               doc.toks.prefix(while: { $0.start < d.offset }).allSatisfy({ $0.kind == .word || $0.text == "," }),
               doc.toks.prefix(while: { $0.start < d.offset }).count <= 2 {
                return d.iso
            }
            return nil
        }
        return d.iso
    }
}
