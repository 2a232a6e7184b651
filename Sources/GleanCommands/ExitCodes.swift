import ArgumentParser
import GleanCore
import GleanPipeline
import GleanRunState
import GleanStages

/// Glean's exit codes: part of its interface, read by make and cron.
public enum GleanExit {
    /// All went well.
    public static let ok: Int32 = 0
    /// The run failed (an output could not be written, an internal error).
    public static let failed: Int32 = 1
    /// The command line or the manifest is wrong; nothing was written.
    public static let usage: Int32 = 2
    /// The run finished, but some documents were rejected (see the rejects table).
    public static let rejected: Int32 = 3
    /// The output folder is in use by another run.
    public static let busy: Int32 = 4
    /// Interrupted by SIGINT (130) or SIGTERM (143).
    public static func interrupted(_ signal: Int32) -> Int32 { 128 + signal }

    /// `glean status`: the output is not complete (a shard or the run is missing or unfinished).
    public static let incomplete: Int32 = 1

    /// What `glean status` exits with.
    public static let statusHelp = """
        EXIT CODES
          0    the output is complete (every shard, for a sharded run)
          1    it is not: a shard or the run is missing, failed or never finished
          2    usage error (no such folder)
        """

    /// The table printed by `--help` and the README.
    public static let help = """
        EXIT CODES
          0    all went well
          1    the run failed (an output could not be written, an internal error)
          2    usage or manifest error; nothing was written
          3    the run finished, but some documents were rejected (see the rejects table)
          4    the output folder is in use by another run (see --wait)
          130  interrupted by SIGINT; 143 interrupted by SIGTERM (previous outputs left intact)
        """

    /// The one place that maps a failure to an exit code.
    public static func code(for error: GleanError) -> Int32 {
        switch error.kind {
        case .manifest: return usage
        case .run: return failed
        case .busy: return busy
        case .interrupted(let signal): return interrupted(signal)
        }
    }
}
