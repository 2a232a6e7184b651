import ArgumentParser
import Foundation
import GleanCore
import GleanPipeline
import GleanReport

/// `glean explain OUT DOC_ID`: one document's path through the last run of an output folder.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one document's path through the last run: its stages with their times, reused or not and why, its rows per table, or its reject reason.",
        discussion: "Exit codes: 0 the document was found; 1 the last run has no such document; 2 no run in that folder.")

    @Argument(help: "The output folder (what --out named).")
    var out: String

    @Argument(help: "The document's doc_id (the documents table's first column).")
    var docId: String

    func run() throws {
        let runs = RunFolder(path: out).generations
        guard !runs.isEmpty else {
            throw fail(GleanError(.manifest, "no run in '\(out)'", hint: "name the folder a run wrote with --out"))
        }
        var listed = 0
        for generation in runs {
            let report = (try? Data(contentsOf: URL(fileURLWithPath: generation + "/_run.json"))).flatMap { try? JSONDecoder().decode(RunReport.self, from: $0) }
            listed += report?.inputs ?? 0
            if let trace = try Self.find(docId, in: generation + "/" + DocumentTrace.fileName) {
                print(Self.render(trace, report: report), terminator: "")
                return
            }
        }
        FileHandle.standardError.write(Data("glean: no document '\(docId)' in the last run of '\(out)' (\(listed) documents); doc_ids are the first column of the documents table\n".utf8))
        throw ExitCode(1)
    }

    /// The trace of `docId` in a `_trace.jsonl`, read line by line in 1 MiB chunks (a run of a
    /// million documents has a trace of hundreds of MB).
    static func find(_ docId: String, in path: String) throws -> DocumentTrace? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let key = Data("\"doc_id\":".utf8) + (try JSONEncoder().encode(docId))
        let decoder = JSONDecoder()
        var pending = Data()
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            pending.append(chunk)
            var lines = pending.split(separator: 10, omittingEmptySubsequences: false)
            // The last piece may be a line cut by the chunk: keep it for the next round.
            pending = chunk.isEmpty ? Data() : Data(lines.removeLast())
            for line in lines where line.range(of: key) != nil {
                if let trace = try? decoder.decode(DocumentTrace.self, from: Data(line)), trace.docId == docId { return trace }
            }
            if chunk.isEmpty { return nil }
        }
    }

    static func render(_ trace: DocumentTrace, report: RunReport?) -> String {
        var lines = ["document \(trace.docId) (\(trace.source))"]
        if let r = report {
            var run = "last run: finished \(r.finishedAt), pipeline '\(r.manifestName)' (\(r.manifest)), exit \(r.exitCode)"
            if let s = r.shard { run += ", shard \(s.index)/\(s.count)" }
            lines.append(run)
        }
        if report?.incremental?.tablesReused == true {
            lines.append("reused: nothing changed since the run before, whose tables were kept (stages below are from the run that processed it)")
        } else if let reason = trace.reason {
            lines.append(reason == "processed" ? "processed" : "processed: \(reason)")
        } else {
            lines.append("reused: its input and stages were unchanged, so its stored outputs were exported again")
        }
        if !trace.stages.isEmpty {
            lines.append("stages:")
            let width = trace.stages.map(\.id.count).max() ?? 0
            for step in trace.stages {
                let pad = String(repeating: " ", count: width - step.id.count)
                lines.append("  \(step.id)\(pad)  \(step.ok ? "ok      " : "rejected")  \(String(format: "%.3f", step.seconds * 1000)) ms")
            }
        }
        if let stage = trace.rejectedAt {
            lines.append("rejected at \(stage): \(trace.rejectReason ?? "")")
        }
        if !trace.rows.isEmpty {
            let order = BuiltInTables.all.map(\.name)
            let sorted = trace.rows.sorted { a, b in
                let i = order.firstIndex(of: a.key) ?? order.count, j = order.firstIndex(of: b.key) ?? order.count
                return i != j ? i < j : a.key < b.key
            }
            lines.append("rows: " + sorted.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
