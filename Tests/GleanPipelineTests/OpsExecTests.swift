import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import Testing

@Suite struct OpsExecTests {
    /// One plugin that behaves according to the document: records for most, a crash, a hang
    /// or bad JSON for the ones that ask for it.
    static let plugin = """
        read -r line
        case "$line" in
          *CRASH*) echo "boom: cannot parse this" >&2; exit 3 ;;
          *HANG*) echo "thinking..." >&2; sleep 30 ;;
          *BADJSON*) echo "this is not json" ;;
          *WRONGTYPE*) echo '{"word": "x", "n": "seven"}' ;;
          *) echo '{"word": "first", "n": 1}'; echo; echo '{"word": "second", "n": 2, "score": 0.5}' ;;
        esac
        """

    @Test func aCrashATimeoutAndBadJSONEachRejectTheirDocumentAndTheRunGoesOn() throws {
        let tree = try TempTree()
        try tree.write("in/a_ok.txt", "Fine text.")
        try tree.write("in/b_crash.txt", "CRASH please")
        try tree.write("in/c_hang.txt", "HANG please")
        try tree.write("in/d_bad.txt", "BADJSON please")
        try tree.write("in/e_type.txt", "WRONGTYPE please")
        try tree.write("in/f_ok.txt", "Also fine.")
        try Ops.script(tree, "plugins/p.sh", Self.plugin)
        let plan = try Ops.plan(tree, Ops.yaml(middle: """
              - id: words
                use: exec
                needs: fetch
                with: {command: [sh, plugins/p.sh], table: words, columns: ["word", "n:int64", "score:double"], timeout_seconds: 1}
            """, csvNeeds: "words"))
        let report = try Ops.run(plan, out: tree.root + "/out", jobs: 3, incremental: false)
        #expect(report.exitCode == 3)
        #expect(report.documentsOK == 2)
        #expect(try tree.read("out/csv/words.csv") == "\u{FEFF}\"doc_id\",\"word\",\"n\",\"score\"\r\n"
            + "\"a_ok\",\"first\",1,\r\n\"a_ok\",\"second\",2,0.5\r\n\"f_ok\",\"first\",1,\r\n\"f_ok\",\"second\",2,0.5\r\n")
        #expect(try tree.read("out/csv/rejects.csv") == "\u{FEFF}\"doc_id\",\"source\",\"stage\",\"reason\"\r\n"
            + "\"b_crash\",\"in/b_crash.txt\",\"words\",\"plugin exited with status 3; stderr: boom: cannot parse this\"\r\n"
            + "\"c_hang\",\"in/c_hang.txt\",\"words\",\"plugin timed out after 1 s and was stopped (raise timeout_seconds if it is genuinely slow); stderr: thinking...\"\r\n"
            + "\"d_bad\",\"in/d_bad.txt\",\"words\",\"plugin output line 1 is not a JSON object: 'this is not json'; stderr: (empty)\"\r\n"
            + "\"e_type\",\"in/e_type.txt\",\"words\",\"plugin output line 1: column 'n' expects int64, got a string; stderr: (empty)\"\r\n")
    }

    @Test func aPluginThatWritesMuchBeforeReadingALargeDocumentDoesNotStall() throws {
        let tree = try TempTree()
        try tree.write("in/big.txt", String(repeating: "word ", count: 80_000))
        try Ops.script(tree, "chatty.sh", """
            i=0
            while [ $i -lt 3000 ]; do echo '{"word": "w'$i'", "n": '$i'}'; i=$((i+1)); done
            cat >/dev/null
            """)
        let plan = try Ops.plan(tree, Ops.yaml(maxBytes: 1_000_000, middle: """
              - id: words
                use: exec
                needs: fetch
                with: {command: [./chatty.sh], table: words, columns: ["word", "n:int64"], timeout_seconds: 60}
            """, csvNeeds: "words"))
        let report = try Ops.run(plan, out: tree.root + "/out", incremental: false)
        #expect(report.exitCode == 0)
        let rows = try tree.read("out/csv/words.csv").components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == 3000)
        #expect(rows.last == "\"big\",\"w2999\",2999")
    }

    @Test func aPluginProgramThatDoesNotExistIsAManifestErrorBeforeAnythingIsWritten() throws {
        let tree = try TempTree()
        try tree.write("in/a.txt", "Text.")
        let plan = try Ops.plan(tree, Ops.yaml(middle: """
              - id: words
                use: exec
                needs: fetch
                with: {command: [./no-such-plugin], table: words, columns: [word]}
            """, csvNeeds: "words"))
        let error = try #require(throws: GleanError.self) { try Ops.run(plan, out: tree.root + "/out", incremental: false) }
        #expect(error.kind == .manifest)
        #expect(error.message == "cannot find the plugin program './no-such-plugin' relative to the manifest's folder \(plan.manifest.directory), or it is not executable")
        #expect(!FileManager.default.fileExists(atPath: tree.root + "/out"))
    }

    struct BadOption: Sendable, CustomStringConvertible {
        var with: String
        var message: String
        var description: String { with }
    }

    static let badOptions: [BadOption] = [
        .init(with: "{command: [x], table: documents}", message: "table 'documents' is a built-in table; choose another name"),
        .init(with: "{command: [x], table: Words}", message: "table 'Words' must be a table name: lower-case letters, digits and '_', starting with a letter"),
        .init(with: "{command: [x], table: w, columns: [\"n:float\"]}", message: "column 'n' has the unknown type 'float'; use one of: boolean, double, int64, string"),
        .init(with: "{command: [x], table: w, columns: [a, a]}", message: "column 'a' is declared twice (doc_id comes first on its own)"),
        .init(with: "{command: [x], table: w, timeout_seconds: 0}", message: "timeout_seconds must be positive"),
    ]

    @Test(arguments: badOptions)
    func badExecOptionsAreManifestErrors(_ bad: BadOption) throws {
        let tree = try TempTree()
        let error = try #require(throws: GleanError.self) {
            _ = try Ops.plan(tree, Ops.yaml(middle: """
                  - id: words
                    use: exec
                    needs: fetch
                    with: \(bad.with)
                """, csvNeeds: "words"))
        }
        #expect(error.message == bad.message)
        #expect(error.stage == "words")
    }
}
