import ArgumentParser
import Foundation
import GleanCore
import GleanPipeline
import GleanRunState
import GleanStages

/// `glean status OUT`: is the output complete, and for a sharded dataset which shards are.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say whether an output folder holds a complete run, or which shards of a sharded run are complete.",
        discussion: GleanExit.statusHelp)

    @Argument(help: "The output folder (what --out named).")
    var out: String

    func run() throws {
        guard FileManager.default.fileExists(atPath: out) else {
            throw fail(GleanError(.manifest, "no output folder '\(out)'", hint: "name the folder a run wrote with --out"))
        }
        let status = OutputStatus.inspect(root: out)
        print(status.text, terminator: "")
        if !status.complete { throw ExitCode(GleanExit.incomplete) }
    }
}
