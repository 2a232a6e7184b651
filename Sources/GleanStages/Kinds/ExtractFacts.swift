import GleanCore
import GleanFacts
import GleanTables

/// `extract.facts`: people, organizations, places, metrics, dates and references, plus the manifest's own rules.
package struct ExtractFactsStage: DocumentStage {
    package static let allKinds = ["people", "metrics", "dates", "references", "organizations", "places"]

    /// The options, typed.
    package struct Config: StageConfig {
        package static let defaultRuleMilliseconds = 2000
        package var kinds: [String]
        package var rules: [RuleSpec]
        package var ruleMilliseconds: Int
        /// As written in the manifest (relative to its folder, or absolute).
        package var languagesDir: String?

        package init(_ options: StageOptions) {
            kinds = options.strings("kinds")
            rules = options.rules("rules")
            ruleMilliseconds = options.int("rule_ms") ?? Self.defaultRuleMilliseconds
            languagesDir = options.string("languages_dir")
        }
    }

    package static let spec = StageSpec(kind: "extract.facts", role: .perDocument, doc: "Extracts people (ranks, offices), organizations, places, metrics, dates and legal references, each with its span; 'rules' add tables of your own.", options: [
        OptionSpec("kinds", .stringList, default: .stringList(allKinds), doc: "Which fact tables to fill: people, metrics, dates, references, organizations, places."),
        OptionSpec("rules", .rules, default: .rules([]), doc: "Extra rules: each {name, pattern} writes its matches (named groups as columns) to the table 'name'."),
        OptionSpec("rule_ms", .int, default: .int(Config.defaultRuleMilliseconds), doc: "Time budget of all rules together on one document, in milliseconds; a pattern that backtracks past it rejects the document, naming the rule."),
        OptionSpec("languages_dir", .string, doc: "A folder of extra language files (<code>.json) added to the built-in languages, relative to the manifest."),
    ])

    package static let kind = StageKind(spec: spec, config: Config.self, tables: { config in
        var tables = BuiltInTables.facts.filter { config.kinds.contains($0.name) }
        for rule in config.rules {
            let groups = (try? CustomRule(name: rule.name, pattern: rule.pattern))?.groupNames ?? []
            tables.append(BuiltInTables.custom(rule: rule.name, groups: groups))
        }
        return tables
    }, sideInputs: { config in
        // Editing a language file changes what is extracted.
        config.languagesDir.map { [SideInput($0, .folder)] } ?? []
    }, check: { config, _, _ in
        for kind in config.kinds where !allKinds.contains(kind) {
            let near = suggestion(for: kind, among: allKinds).map { " (did you mean '\($0)'?)" } ?? ""
            return ("kinds", "unknown fact kind '\(kind)'\(near); kinds are \(allKinds.joined(separator: ", "))")
        }
        let reserved = Set(BuiltInTables.all.map(\.name))
        var seen: Set<String> = []
        if config.ruleMilliseconds <= 0 { return ("rule_ms", "rule_ms must be positive") }
        for rule in config.rules {
            if reserved.contains(rule.name) { return ("rules", "rule name '\(rule.name)' is a built-in table; choose another name") }
            if !seen.insert(rule.name).inserted { return ("rules", "two rules are named '\(rule.name)'") }
            do {
                let compiled = try CustomRule(name: rule.name, pattern: rule.pattern)
                let bad = compiled.groupNames.filter { ["doc_id", "language", "text", "offset", "length"].contains($0) }
                if let name = bad.first { return ("rules", "rule '\(rule.name)': group name '\(name)' clashes with a column every rule table has") }
            } catch {
                return ("rules", "rule '\(rule.name)': \(error)")
            }
        }
        return nil
    }, build: { config, decl, context in
        var languages = LanguageRegistry.builtIn
        if let dir = config.languagesDir {
            let path = dir.hasPrefix("/") ? dir : context.manifest.directory + "/" + dir
            do {
                languages = try languages.adding(directory: path)
            } catch {
                throw GleanError(.manifest, "cannot load languages_dir '\(dir)': \(error)", location: decl.optionLocations["languages_dir"] ?? decl.location, stage: decl.id)
            }
        }
        let rules = try config.rules.map { try CustomRule(name: $0.name, pattern: $0.pattern) }
        let kinds = Set(config.kinds)
        let options = ExtractOptions(people: kinds.contains("people"), metrics: kinds.contains("metrics"), dates: kinds.contains("dates"),
                                     references: kinds.contains("references"), organizations: kinds.contains("organizations"), places: kinds.contains("places"))
        return .perDocument(ExtractFactsStage(extractor: FactExtractor(options: options, languages: languages), kinds: kinds, rules: rules,
                                              ruleBudget: .milliseconds(config.ruleMilliseconds)))
    })

    package let extractor: FactExtractor
    package let kinds: Set<String>
    package let rules: [CustomRule]
    /// The time all rules together may take on one document.
    package let ruleBudget: Duration

    package func process(_ document: Document, context: StageContext) throws -> Document {
        guard let text = document.text else {
            throw DocumentError("an HTML document reached extract.facts without its text; put parse.html before extract.facts")
        }
        var document = document
        let language = document.metadata.language
        let facts = extractor.extract(text, language: language, published: document.metadata.published)
        let id = Cell.string(document.docId)
        let lang = Cell.text(language)
        if kinds.contains("people") {
            document.rows["people"] = facts.people.map {
                BuiltInTables.people.row(["doc_id": id, "language": lang, "name": .string($0.name), "rank": .text($0.rank),
                                          "titles": .list($0.titles), "mentions": .integer($0.mentions), "first_offset": .integer($0.firstOffset)])
            }
        }
        if kinds.contains("metrics") {
            document.rows["metrics"] = facts.metrics.map {
                BuiltInTables.metrics.row(["doc_id": id, "language": lang, "kind": .string($0.kind.rawValue), "value": .double($0.value),
                                           "denominator": .number($0.denominator), "unit": .text($0.unit), "direction": .text($0.direction),
                                           "text": .string($0.text), "subject": .text($0.subject), "offset": .integer($0.offset),
                                           "length": .integer($0.length), "sentence": .string($0.sentence)])
            }
        }
        if kinds.contains("dates") {
            document.rows["dates"] = facts.dates.map {
                BuiltInTables.dates.row(["doc_id": id, "language": lang, "iso": .string($0.iso), "text": .string($0.text),
                                         "offset": .integer($0.offset), "length": .integer($0.length), "year_inferred": .bool($0.yearInferred)])
            }
        }
        if kinds.contains("references") {
            document.rows["references"] = facts.references.map {
                BuiltInTables.references.row(["doc_id": id, "language": lang, "type": .string($0.type), "number": .text($0.number),
                                              "issuer": .text($0.issuer), "text": .string($0.text), "offset": .integer($0.offset),
                                              "length": .integer($0.length)])
            }
        }
        if kinds.contains("organizations") {
            document.rows["organizations"] = facts.organizations.map {
                BuiltInTables.organizations.row(["doc_id": id, "language": lang, "name": .string($0.name), "mentions": .integer($0.mentions),
                                                 "first_offset": .integer($0.firstOffset)])
            }
        }
        if kinds.contains("places") {
            document.rows["places"] = facts.places.map {
                BuiltInTables.places.row(["doc_id": id, "language": lang, "name": .string($0.name), "mentions": .integer($0.mentions),
                                          "first_offset": .integer($0.firstOffset)])
            }
        }
        let deadline = ContinuousClock.now.advanced(by: ruleBudget)
        for rule in rules {
            let found: [CustomMatch]
            do {
                found = try rule.matches(in: text, deadline: deadline, isCancelled: { context.isCancelled })
            } catch let error as CustomRuleError {
                throw DocumentError(error.description)
            }
            document.rows[rule.name] = found.map { match in
                [id, lang, .string(match.text), .integer(match.offset), .integer(match.length)] + rule.groupNames.map { .text(match.groups[$0]) }
            }
        }
        return document
    }
}
