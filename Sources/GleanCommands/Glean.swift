import ArgumentParser
import Foundation
import GleanCore
import GleanPipeline
import GleanReport
import GleanRunState
import GleanStages
import GleanTables
import Logging

/// The `glean` command tree.
public struct Glean: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "glean",
        abstract: "Reads documents, cleans them, extracts facts and writes tables (CSV, Parquet), as a pipeline of stages described in a YAML manifest.",
        discussion: GleanExit.help,
        version: gleanVersion,
        subcommands: [Run.self, Validate.self, Graph.self, Stages.self, Schema.self, Status.self, Explain.self, ReportCommand.self]
    )

    public init() {}
}

/// Prints a Glean error to stderr and exits with its code.
func fail(_ error: GleanError) -> ExitCode {
    FileHandle.standardError.write(Data(("glean: " + error.detailed + "\n").utf8))
    return ExitCode(GleanExit.code(for: error))
}

/// Loads and plans a manifest, or exits 2 with a located message.
func loadPlan(_ path: String) throws -> Plan {
    do {
        let manifest = try ManifestLoader().load(path: path)
        return try Plan(manifest: manifest, registry: .builtIn)
    } catch let error as GleanError {
        throw fail(error)
    }
}

// MARK: - run

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a pipeline: read the inputs, run every stage, commit all tables together.",
        discussion: GleanExit.help)

    @Argument(help: "The pipeline manifest (YAML).")
    var manifest: String

    @Option(name: .shortAndLong, help: "Worker threads for per-document stages (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .shortAndLong, help: "The output root: tables go to <out>/csv, <out>/parquet, the report to <out>/_run.json.")
    var out: String = "out"

    @Flag(name: .shortAndLong, help: "Print only warnings and errors.")
    var quiet = false

    @Flag(help: "If another run holds the output folder, wait for it instead of exiting with code 4.")
    var wait = false

    @Flag(help: "Keep a state store in <out>/.glean and process only new or changed documents; a rerun with nothing changed rewrites no table file.")
    var incremental = false

    @Option(help: ArgumentHelp("Run shard i of n (0 <= i < n): a stable, hash-based share of the inputs, written as part files named part-<i>of<n>.", valueName: "i/n"))
    var shard: String?

    @Option(name: .customLong("shard-count"), help: "The number of shards, with the index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (Slurm array). Also read from GLEAN_SHARD_COUNT or SLURM_ARRAY_TASK_COUNT.")
    var shardCount: Int?

    @Option(help: "Log lines on stderr as text or json (one object per line, for log collectors).")
    var logFormat: LogFormat = .text

    @Option(help: "Least level logged: trace, debug, info, notice, warning, error (default notice; warning with --quiet).")
    var logLevel: LogLevelOption?

    @Flag(name: .customLong("dry-run"), help: "Say what the run would do and why (with --incremental: which documents would be processed and why, which tables rewritten), writing nothing at all; exit 0.")
    var dryRun = false

    @Option(name: .customLong("metrics-file"), help: ArgumentHelp("Write the run's figures in Prometheus text format to this file at the end of every run, failed ones too (atomically; for node_exporter's textfile collector, name it *.prom).", valueName: "path"))
    var metricsFile: String?

    @Flag(name: .customLong("report"), help: "At the end of the run, write <out>/report.html (as glean report does): one page to look at the run, its tables and its facts in their sentences.")
    var reportPage = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var pipeline = ((manifest as NSString).lastPathComponent as NSString).deletingPathExtension
        var report: RunReport?
        if dryRun {
            // Writes nothing: no output folder, no state, no metrics file.
            return try runDry()
        }
        do {
            try runPipeline(pipeline: &pipeline, report: &report)
            writeMetrics(pipeline: pipeline, report: report, exitCode: 0)
        } catch let exit as ExitCode {
            writeMetrics(pipeline: pipeline, report: report, exitCode: exit.rawValue)
            throw exit
        }
    }

    /// Writes `--metrics-file` (if given), keeping the previous file's last-success time when this
    /// run failed. A file that cannot be written is a warning: the run's own outcome stands.
    func writeMetrics(pipeline: String, report: RunReport?, exitCode: Int32) {
        guard let metricsFile else { return }
        let now = Date().timeIntervalSince1970
        let previous = (try? String(contentsOfFile: metricsFile, encoding: .utf8)).flatMap(PrometheusMetrics.lastSuccess(in:))
        let metrics = PrometheusMetrics(report: report, pipeline: pipeline, exitCode: exitCode, finishedAt: now,
                                        lastSuccess: PrometheusMetrics.isSuccess(exitCode) ? now : previous)
        let temp = metricsFile + ".tmp"
        do {
            try Data(metrics.text.utf8).write(to: URL(fileURLWithPath: temp))
            guard rename(temp, metricsFile) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            FileHandle.standardError.write(Data("glean: warning: cannot write the metrics file '\(metricsFile)': \(error.localizedDescription)\n".utf8))
        }
    }

    /// `--report`: a report that cannot be written is a warning; the run's own outcome stands.
    func writeReport() {
        do {
            let path = try ReportWriter.write(out: out)
            if !quiet { print("glean: report in \(path)") }
        } catch {
            FileHandle.standardError.write(Data("glean: warning: cannot write the report: \(error)\n".utf8))
        }
    }

    /// The shard from --shard, --shard-count and the scheduler's environment, or the exit code
    /// `failing` gives a bad one.
    func resolveShard(failing: (GleanError) -> ExitCode) throws -> ShardSpec? {
        do {
            return try ShardSpec.resolve(flag: shard, count: shardCount, environment: ProcessInfo.processInfo.environment)
        } catch let error as GleanError {
            throw failing(error)
        }
    }

    /// `--dry-run`: prints what a run would do, from the same decisions a run makes.
    func runDry() throws {
        let logger = Logs.make(format: logFormat, level: logLevel?.level ?? .warning)
        let shardSpec = try resolveShard(failing: fail)
        let plan = try loadPlan(manifest)
        let options = RunOptions(jobs: jobs, out: out, incremental: incremental, shard: shardSpec)
        let dry: DryRunReport
        do {
            dry = try Runner(plan: plan, options: options, logger: logger).dryRun()
        } catch let error as GleanError {
            throw fail(error)
        }
        print(DryRunText.render(dry, pipeline: plan.manifest.name, out: out), terminator: "")
    }

    func runPipeline(pipeline: inout String, report: inout RunReport?) throws {
        let logger = Logs.make(format: logFormat, level: logLevel?.level ?? (quiet ? .warning : .notice))
        func failing(_ error: GleanError) -> ExitCode {
            if logFormat == .json {
                logger.error("\(error.description)")
                return ExitCode(GleanExit.code(for: error))
            }
            return fail(error)
        }
        let shardSpec = try resolveShard(failing: failing)
        let plan = try loadPlan(manifest)
        pipeline = plan.manifest.name
        let cancel = CancellationFlag()
        let signals = SignalTrap(cancel: cancel)
        defer { signals.restore() }
        let progressLine = !quiet && ProgressLine.stderrIsTerminal ? ProgressLine() : nil
        do {
            var progress: (@Sendable ([StageProgress]) -> Void)?
            if let progressLine { progress = { stages in progressLine.update(stages) } }
            let options = RunOptions(jobs: jobs, out: out, wait: wait, incremental: incremental, shard: shardSpec, progress: progress)
            let runner = Runner(plan: plan, options: options, logger: logger, cancel: cancel)
            let outcome: RunOutcome
            do {
                outcome = try runner.run()
                progressLine?.clear()
            } catch {
                progressLine?.clear()
                throw error
            }
            let r = outcome.report
            report = r
            let reportPath = shardSpec.map { "\(out)/_shards/\($0.index)/_run.json" } ?? "\(out)/_run.json"
            if !quiet {
                var line = "glean: \(r.inputs) documents, \(r.documentsOK) ok, \(r.documentsRejected) rejected"
                if let inc = r.incremental {
                    line += "; \(inc.reused) reused, \(inc.processed) processed, \(inc.removed) removed"
                    if inc.tablesReused { line += " (nothing changed: tables kept)" }
                }
                if let s = r.shard { line += "; shard \(s.index)/\(s.count)" }
                line += ", in \(String(format: "%.2f", r.wallSeconds)) s; tables in \(out)"
                print(line)
            }
            if reportPage { writeReport() }
            if outcome.exitCode != 0 {
                var messages: [String] = []
                if r.documentsRejected > 0 {
                    messages.append("\(r.documentsRejected) document(s) rejected; see the rejects table under \(out) or \(reportPath)")
                }
                for glob in r.unmatchedGlobs ?? [] {
                    messages.append("stage '\(glob.stage)': glob '\(glob.glob)' matched no file (looked in \(glob.folder)) and allow_empty is false")
                }
                for message in messages {
                    if logFormat == .json { logger.warning("\(message)") } else { FileHandle.standardError.write(Data("glean: \(message)\n".utf8)) }
                }
                throw ExitCode(outcome.exitCode)
            }
        } catch let error as GleanError {
            throw failing(error)
        }
    }
}

/// Turns SIGINT and SIGTERM into a cancellation the runner sees between documents.
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    init(cancel: CancellationFlag) {
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                // A second signal while the first is being honoured: stop at once. The
                // previous outputs are still intact (the commit is one atomic rename).
                if cancel.cancelledBy != nil { _exit(128 + sig) }
                cancel.cancel(signal: sig)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func restore() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

// MARK: - validate

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a manifest without running it (exit 0 when valid, 2 with a located message when not).")

    @Argument(help: "The pipeline manifest (YAML).")
    var manifest: String

    func run() throws {
        let plan = try loadPlan(manifest)
        print("\(manifest): ok: pipeline '\(plan.manifest.name)', \(plan.manifest.stages.count) stages")
    }
}

// MARK: - graph

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the stage graph, as text or as Graphviz dot.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, dot
    }

    @Argument(help: "The pipeline manifest (YAML).")
    var manifest: String

    @Option(help: "text or dot (render with: glean graph M --format dot | dot -Tsvg > graph.svg).")
    var format: Format = .text

    func run() throws {
        let plan = try loadPlan(manifest)
        print(GraphPrinter.render(plan, format: format == .dot ? .dot : .text), terminator: "")
    }
}

// MARK: - stages

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every stage kind with its options, types, defaults and docs.")

    func run() throws {
        print(GraphPrinter.stages(StageRegistry.builtIn), terminator: "")
    }
}

// MARK: - schema

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print every table's columns with their types and meanings.")

    @Option(help: "text or markdown.")
    var format: String = "text"

    func run() throws {
        print(GraphPrinter.schema(BuiltInTables.all, markdown: format == "markdown"), terminator: "")
    }
}
