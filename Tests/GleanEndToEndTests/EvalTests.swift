import Foundation
import Testing

/// The team's scorers in ../shared/eval, run over Glean's output: regression guards at the
/// levels reached (see the README's quality table for the goals).
@Suite(.serialized, .enabled(if: E2E.hasShared, "needs ../shared (the scorers and dev sets); set GLEAN_SHARED to point elsewhere"))
struct EvalTests {
    /// Runs a scorer and returns its stdout.
    static func score(_ script: String, _ arguments: [String]) throws -> String {
        let r = try E2E.run(["python3", E2E.shared + "/eval/" + script] + arguments, executable: "/usr/bin/env", cwd: E2E.root)
        #expect(r.code == 0, "\(script): \(r.stderr)")
        return r.stdout
    }

    /// The number after `key` in a scorer's output line.
    static func value(_ output: String, after key: String) -> Double? {
        guard let range = output.range(of: key) else { return nil }
        let rest = output[range.upperBound...].drop { $0 == " " || $0 == "=" }
        return Double(rest.prefix { $0.isNumber || $0 == "." })
    }

    @Test func factsOnTheGoldSamples() throws {
        let out = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try E2E.run(["run", "Pipelines/news.yaml", "--out", out, "--quiet"]).code == 0)
        let report = try Self.score("score_facts.py", ["--csv", out + "/csv", "--gold", E2E.shared + "/gold"])
        let macro = try #require(Self.value(report, after: "facts macro score"))
        #expect(macro >= 0.90, "\(report)")
        for kind in ["people ", "metrics ", "dates ", "references "] {
            let line = try #require(report.split(separator: "\n").first { $0.hasPrefix(kind) })
            let f1 = try #require(Self.value(String(line), after: "F1="))
            #expect(f1 >= 0.85, "\(line)")
        }
    }

    /// The goals on the dev pages (aeb text 0.97; wcxb text 0.95, title 0.85, date 0.92).
    @Test func mainTextAndMetadataOnTheDevPages() throws {
        let out = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        for corpus in ["aeb", "wcxb"] {
            let r = try E2E.run(["run", "Pipelines/eval-\(corpus).yaml", "--out", out + "/" + corpus, "--quiet"])
            #expect(r.code == 0 || r.code == 3, "\(r.stderr)")
        }
        let aeb = try Self.score("score_text.py", ["--truth", E2E.shared + "/corpora/aeb-dev/ground_truth.jsonl", "--csv", out + "/aeb/csv"])
        #expect(try #require(Self.value(aeb, after: "main-text F1")) >= 0.97, "\(aeb)")
        let wcxb = try Self.score("score_text.py", ["--truth", E2E.shared + "/corpora/wcxb-dev/ground_truth.jsonl", "--csv", out + "/wcxb/csv"])
        #expect(try #require(Self.value(wcxb, after: "main-text F1")) >= 0.95, "\(wcxb)")
        let meta = try Self.score("score_meta.py", ["--truth", E2E.shared + "/corpora/wcxb-dev/ground_truth.jsonl", "--csv", out + "/wcxb/csv"])
        #expect(try #require(Self.value(meta, after: "title_exact")) >= 0.85, "\(meta)")
        #expect(try #require(Self.value(meta, after: "date_exact")) >= 0.92, "\(meta)")
    }
}
