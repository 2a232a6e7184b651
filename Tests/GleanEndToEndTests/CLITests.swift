import Foundation
import Testing

/// The built binary, verb by verb: stdout and exit codes.
@Suite(.serialized) struct CLITests {
    @Test func helpDocumentsExitCodes() throws {
        let r = try E2E.run(["--help"])
        #expect(r.code == 0)
        for line in ["0    all went well", "2    usage or manifest error; nothing was written", "3    the run finished, but some documents were rejected",
                     "4    the output folder is in use by another run", "130  interrupted by SIGINT; 143 interrupted by SIGTERM"] {
            #expect(r.stdout.contains(line), "missing: \(line)")
        }
    }

    @Test func validateAcceptsEveryShippedPipeline() throws {
        let pipelines = try FileManager.default.contentsOfDirectory(atPath: E2E.root + "/Pipelines").filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(pipelines.contains("news.yaml"))
        for name in pipelines {
            let r = try E2E.run(["validate", "Pipelines/" + name])
            #expect(r.code == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.hasPrefix("Pipelines/\(name): ok: pipeline '"))
        }
        let news = try E2E.run(["validate", "Pipelines/news.yaml"])
        #expect(news.stdout == "Pipelines/news.yaml: ok: pipeline 'news', 7 stages\n")
    }

    @Test func validateRejectsABadManifestWithItsPosition() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("version: 1\nname: bad\nstages:\n  - id: fetch\n    use: fetch.files\n    with:\n      paths: [\"*.txt\"]\n      max_byte: 10\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/bad.yaml"))
        let r = try E2E.run(["validate", dir + "/bad.yaml"])
        #expect(r.code == 2)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("glean: \(dir)/bad.yaml:8:7: error: stage 'fetch': unknown option 'max_byte' for fetch.files; did you mean 'max_bytes'?"))
        #expect(r.stderr.contains("\n          max_byte: 10\n          ^\n"))
        // run refuses it the same way and writes nothing.
        let run = try E2E.run(["run", dir + "/bad.yaml", "--out", dir + "/out"])
        #expect(run.code == 2)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func missingManifestIsAUsageError() throws {
        let r = try E2E.run(["run", "no/such.yaml"])
        #expect(r.code == 2)
        #expect(r.stderr == "glean: error: cannot read manifest 'no/such.yaml'; check the path\n")
    }

    @Test func badFlagIsAUsageError() throws {
        let r = try E2E.run(["run", "Pipelines/news.yaml", "--jobs", "0"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("--jobs must be at least 1"))
    }

    @Test func graphTextAndDot() throws {
        let text = try E2E.run(["graph", "Pipelines/news.yaml"])
        #expect(text.code == 0)
        try E2E.expectGolden(text.stdout, "graph.txt")
        let dot = try E2E.run(["graph", "Pipelines/news.yaml", "--format", "dot"])
        #expect(dot.code == 0)
        try E2E.expectGolden(dot.stdout, "graph.dot")
    }

    @Test func stagesAndSchemaPrintFromTheRegistry() throws {
        let stages = try E2E.run(["stages"])
        #expect(stages.code == 0)
        try E2E.expectGolden(stages.stdout, "stages.txt")
        let schema = try E2E.run(["schema"])
        #expect(schema.code == 0)
        try E2E.expectGolden(schema.stdout, "schema.txt")
    }
}

/// The README carries `glean stages` and `glean schema` verbatim; they must not drift apart.
@Suite struct ReadmeTests {
    static func section(_ name: String) throws -> String {
        let readme = try E2E.read(E2E.root + "/README.md")
        let begin = "<!-- BEGIN \(name) -->\n", end = "<!-- END \(name) -->"
        let start = try #require(readme.range(of: begin)).upperBound
        let stop = try #require(readme.range(of: end, range: start..<readme.endIndex)).lowerBound
        return String(readme[start..<stop])
    }

    @Test func stagesSectionMatchesTheCommand() throws {
        let r = try E2E.run(["stages"])
        #expect(try Self.section("glean stages") == "```text\n" + r.stdout.trimmingCharacters(in: .newlines) + "\n```\n")
    }

    @Test func schemaSectionMatchesTheCommand() throws {
        let r = try E2E.run(["schema", "--format", "markdown"])
        #expect(try Self.section("glean schema") == r.stdout.trimmingCharacters(in: .newlines) + "\n")
    }
}
