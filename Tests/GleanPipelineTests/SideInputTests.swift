import Foundation
@testable import GleanCore
@testable import GleanPipeline
@testable import GleanRunState
@testable import GleanStages
import Testing

/// Files a stage reads besides the document (declared by its kind as side inputs) are part of
/// its fingerprint: editing one reprocesses, under --incremental, the documents the stage reached.
@Suite struct SideInputTests {
    /// fetch → extract.facts with a languages_dir → csv.
    static let languagesYAML = Ops.yaml(middle: """
          - id: extract
            use: extract.facts
            needs: fetch
            with: {kinds: [dates], languages_dir: lang}
        """, csvNeeds: "extract")

    struct Edit: Sendable, CustomStringConvertible {
        var description: String
        /// Path in the tree and its new content (nil: removed).
        var path: String
        var content: String?
        var reruns: [String]
    }

    static let edits: [Edit] = [
        .init(description: "a language file edited", path: "lang/xx.json", content: #"{"code": "xx", "name": "Edited"}"#,
              reruns: ["a: options of stage 'extract' changed", "b: options of stage 'extract' changed"]),
        .init(description: "a language file added", path: "lang/yy.json", content: #"{"code": "yy", "name": "New"}"#,
              reruns: ["a: options of stage 'extract' changed", "b: options of stage 'extract' changed"]),
        .init(description: "a file outside the folder", path: "notes.txt", content: "unrelated", reruns: []),
    ]

    @Test(arguments: edits)
    func editingALanguagesDirFileReprocesses(_ edit: Edit) throws {
        let tree = try TempTree()
        try tree.write("in/a.txt", "Published on 3 March 2024.")
        try tree.write("in/b.txt", "Nothing dated here.")
        try tree.write("lang/xx.json", #"{"code": "xx", "name": "Test"}"#)
        let plan = try Ops.plan(tree, Self.languagesYAML)
        let out = tree.root + "/out"
        try Ops.run(plan, out: out)
        #expect(try Ops.run(plan, out: out).incremental?.tablesReused == true)

        if let content = edit.content { try tree.write(edit.path, content) }
        let report = try Ops.run(plan, out: out)
        #expect(Ops.reruns(report) == edit.reruns)
    }

    @Test func extractFactsDeclaresItsLanguagesDirAndExecItsCommand() throws {
        let facts = try #require(StageRegistry.builtIn.kind("extract.facts"))
        #expect(facts.sideInputs(StageOptions(values: ["languages_dir": .string("lang")])) == [SideInput("lang", .folder)])
        #expect(facts.sideInputs(StageOptions(values: [:])) == [])
        let exec = try #require(StageRegistry.builtIn.kind("exec"))
        #expect(exec.sideInputs(StageOptions(values: ["command": .stringList(["python3", "plugins/k.py"])]))
                == [SideInput("python3", .file), SideInput("plugins/k.py", .file)])
    }

    @Test func aFolderSideInputHashesEachFileInIt() throws {
        let tree = try TempTree()
        try tree.write("lang/b.json", "2")
        try tree.write("lang/a.json", "1")
        try tree.write("lang/sub/c.json", "3")
        let lines = SideInput("lang", .folder).fingerprintLines(manifestDirectory: tree.root)
        #expect(lines == "file lang/a.json=\(ContentHash.hex(Array("1".utf8)))\nfile lang/b.json=\(ContentHash.hex(Array("2".utf8)))\n")
        // A file named as a folder, or a folder named as a file, adds nothing.
        #expect(SideInput("lang/a.json", .folder).fingerprintLines(manifestDirectory: tree.root) == "")
        #expect(SideInput("lang", .file).fingerprintLines(manifestDirectory: tree.root) == "")
        #expect(SideInput("missing", .file).fingerprintLines(manifestDirectory: tree.root) == "")
    }
}
