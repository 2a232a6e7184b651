import GleanCore
import GleanPipeline
import GleanRunState
import GleanStages
import Testing

/// Each class of manifest mistake: the message, and the line and column it points at.
@Suite struct ManifestValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var message: String
        var line: Int
        var column: Int
        var stage: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown stage kind", yaml: """
            version: 1
            name: t
            stages:
              - id: f
                use: fetch.file
                with: {paths: ["*.txt"]}
            """, message: "unknown stage kind 'fetch.file'", line: 5, column: 10, stage: "f"),
        Case(name: "unknown option with suggestion", yaml: """
            version: 1
            name: t
            stages:
              - id: f
                use: fetch.files
                with:
                  pahts: ["*.txt"]
            """, message: "unknown option 'pahts' for fetch.files", line: 7, column: 7, stage: "f"),
        Case(name: "mistyped option", yaml: """
            version: 1
            name: t
            stages:
              - id: f
                use: fetch.files
                with:
                  paths: ["*.txt"]
                  max_bytes: lots
            """, message: "option 'max_bytes' expects int, got 'lots'", line: 8, column: 18, stage: "f"),
        Case(name: "missing required option", yaml: """
            version: 1
            name: t
            stages:
              - id: f
                use: fetch.files
            """, message: "missing required option 'paths' for fetch.files", line: 4, column: 5, stage: "f"),
        Case(name: "duplicate id", yaml: """
            version: 1
            name: t
            stages:
              - id: f
                use: fetch.files
                with: {paths: ["*.txt"]}
              - id: f
                use: export.csv
            """, message: "duplicate stage id 'f' (first declared at m.yaml:4:9)", line: 7, column: 9, stage: "f"),
        Case(name: "needs naming no stage", yaml: """
            version: 1
            name: t
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["*.txt"]}
              - id: csv
                use: export.csv
                needs: fecth
            """, message: "'needs' names no stage 'fecth'", line: 9, column: 12, stage: "csv"),
        Case(name: "cycle", yaml: """
            version: 1
            name: t
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["*.txt"]}
              - id: a
                use: export.csv
                needs: [fetch, b]
              - id: b
                use: export.csv
                needs: [a]
            """, message: "stage 'b' is an export and produces no documents to consume", line: 9, column: 12, stage: "a"),
        Case(name: "unsupported version", yaml: """
            version: 7
            name: t
            stages: []
            """, message: "unsupported manifest version '7'", line: 1, column: 10, stage: nil),
        Case(name: "unknown stage key", yaml: """
            version: 1
            name: t
            stages:
              - id: f
                uses: fetch.files
            """, message: "unknown stage key 'uses'", line: 5, column: 5, stage: "f"),
        Case(name: "bad choice", yaml: """
            version: 1
            name: t
            stages:
              - id: f
                use: fetch.files
                with: {paths: ["*.txt"], format: htm}
            """, message: "option 'format' must be one of auto, text, html, got 'htm'", line: 6, column: 38, stage: "f"),
        Case(name: "yaml syntax", yaml: "version: 1\nname: t\nstages:\n  - id: [unclosed\n", message: "YAML syntax:", line: 5, column: 1, stage: nil),
    ]

    @Test(arguments: cases)
    func reportsMistake(_ c: Case) throws {
        let error = try #require(throws: GleanError.self) {
            _ = try ManifestLoader().parse(yaml: c.yaml, file: "m.yaml")
        }
        #expect(error.kind == .manifest)
        #expect(error.message.hasPrefix(c.message), "got: \(error.message)")
        #expect(error.location?.file == "m.yaml")
        #expect(error.location?.line == c.line)
        #expect(error.location?.column == c.column)
        #expect(error.stage == c.stage)
    }

    /// Issue 19, case 12: every mistake in one pass, in file order, as a compiler reports them.
    @Test func reportsEveryMistakeInOnePass() throws {
        let error = try #require(throws: GleanError.self) {
            _ = try ManifestLoader().parse(yaml: """
                version: 1
                name: t
                stages:
                  - id: f
                    use: fetch.file
                    with: {paths: ["*.txt"]}
                  - id: p
                    use: parse.html
                    with: {max_byte: 10, max_depth: deep}
                  - id: p
                    use: clean.text
                  - id: csv
                    use: export.csv
                    with: {excel: maybe}
                """, file: "m.yaml")
        }
        let all = [error] + error.others
        #expect(all.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.stage ?? "-") \($0.message)" } == [
            "5:10 f unknown stage kind 'fetch.file'",
            "9:12 p unknown option 'max_byte' for parse.html",
            "9:37 p option 'max_depth' expects int, got 'deep'",
            "10:9 p duplicate stage id 'p' (first declared at m.yaml:7:9)",
            "14:19 csv option 'excel' expects bool, got 'maybe'",
        ])
        #expect(error.detailed.hasSuffix("\nglean: 5 mistakes"))
    }

    @Test func suggestsNearestOptionAndKind() throws {
        let option = try #require(throws: GleanError.self) {
            _ = try ManifestLoader().parse(yaml: ManifestValidationTests.cases[1].yaml, file: "m.yaml")
        }
        #expect(option.hint?.hasPrefix("did you mean 'paths'?") == true)
        let kind = try #require(throws: GleanError.self) {
            _ = try ManifestLoader().parse(yaml: ManifestValidationTests.cases[0].yaml, file: "m.yaml")
        }
        #expect(kind.hint?.hasPrefix("did you mean 'fetch.files'?") == true)
        #expect(kind.description == "m.yaml:5:10: error: stage 'f': unknown stage kind 'fetch.file'; did you mean 'fetch.files'? ('glean stages' lists every kind)")
        #expect(kind.snippet == "        use: fetch.file\n             ^")
    }

    @Test func realCycleBetweenDocumentStagesIsFound() throws {
        var registry = StageRegistry.builtIn
        registry.register(StageKind(spec: StageSpec(kind: "test.pass", role: .perDocument, doc: "passes documents on", options: []),
                                    build: { _, _ in .perDocument(PassStage()) }))
        let yaml = """
            version: 1
            name: t
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: ["*.txt"]}
              - id: a
                use: test.pass
                needs: [fetch, c]
              - id: b
                use: test.pass
                needs: a
              - id: c
                use: test.pass
                needs: b
            """
        let error = try #require(throws: GleanError.self) {
            _ = try ManifestLoader(registry: registry).parse(yaml: yaml, file: "m.yaml")
        }
        #expect(error.message == "the stages form a cycle: a -> c -> b -> a")
        #expect(error.location?.line == 9)
        #expect(error.stage == "a")
    }

    @Test func needsDefaultsToThePreviousStage() throws {
        let manifest = try ManifestLoader().parse(yaml: """
            version: 1
            name: t
            stages:
              - id: fetch
                use: fetch.files
                with: {paths: "*.txt"}
              - id: csv
                use: export.csv
            """, file: "m.yaml")
        #expect(manifest.stage("csv")?.needs == ["fetch"])
        #expect(manifest.stage("fetch")?.options.strings("paths") == ["*.txt"])
        #expect(manifest.stage("csv")?.options.bool("excel") == true)
    }
}

struct PassStage: DocumentStage {
    func process(_ document: Document, context: StageContext) throws -> Document { document }
}
