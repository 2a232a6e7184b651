import ArgumentParser
import Foundation
import GleanReport

/// `glean report OUT [--to FILE]`: one self-contained HTML page about the last run of a folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page about the last run of an output folder: the stage graph with documents and times, reuse, rejects, every table's rows and null shares, facts per language and kind, and a document browser with each fact highlighted at its span.",
        discussion: """
            It reads the run report (each finished shard's, for a sharded run) and the tables: \
            each table's Parquet files under OUT/parquet when there are some, else its CSV files \
            under OUT/csv, so the pipeline needs an export.parquet or export.csv stage for the \
            tables, facts and documents sections. The browser holds at most 200 documents (a sample by a hash of \
            the doc_id when there are more); every count is over all documents.

            EXIT CODES
              0    the report was written
              1    the folder's tables or run report could not be read, or the report not written
              2    no finished run in that folder (or a usage error)
            """)

    @Argument(help: "The output folder (what --out named).")
    var out: String

    @Option(help: ArgumentHelp("Where to write the page (default: <out>/report.html).", valueName: "file"))
    var to: String?

    func run() throws {
        guard !RunFolder(path: out).generations.isEmpty else {
            FileHandle.standardError.write(Data("glean: no finished run in '\(out)'; name the folder a run wrote with --out\n".utf8))
            throw ExitCode(2)
        }
        do {
            print(try ReportWriter.write(out: out, to: to))
        } catch {
            FileHandle.standardError.write(Data("glean: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
