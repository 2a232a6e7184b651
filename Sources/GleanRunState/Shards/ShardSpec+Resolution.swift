import GleanCore

extension ShardSpec {
    /// The shard a run takes, from `--shard i/n`, or from `--shard-count N` (or the
    /// environment's `GLEAN_SHARD_COUNT` or Slurm's `SLURM_ARRAY_TASK_COUNT`) with the index from
    /// a Kubernetes Indexed Job (`JOB_COMPLETION_INDEX`) or a Slurm array (`SLURM_ARRAY_TASK_ID`,
    /// counted from `SLURM_ARRAY_TASK_MIN`). nil when none of these is given: an unsharded run.
    /// Throws a usage error (exit 2) saying what to pass.
    public static func resolve(flag: String?, count: Int?, environment env: [String: String]) throws -> ShardSpec? {
        func usage(_ message: String) -> GleanError {
            GleanError(.manifest, message, hint: "pass --shard i/n with 0 <= i < n (e.g. --shard 0/4), or --shard-count n in a Kubernetes Indexed Job or a Slurm array")
        }
        if let flag {
            let parts = flag.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
                throw usage("--shard expects i/n, got '\(flag)'")
            }
            guard n >= 1, i >= 0, i < n else { throw usage("--shard \(flag): the index must be at least 0 and below the count") }
            if let count, count != n { throw usage("--shard \(flag) and --shard-count \(count) disagree") }
            return ShardSpec(index: i, count: n)
        }
        var n = count
        if n == nil, let text = env["GLEAN_SHARD_COUNT"] ?? env["SLURM_ARRAY_TASK_COUNT"] {
            guard let parsed = Int(text) else { throw usage("the shard count '\(text)' from the environment is not a number") }
            n = parsed
        }
        guard let n else { return nil }
        guard n >= 1 else { throw usage("the shard count must be at least 1, got \(n)") }
        let index: Int
        if let text = env["JOB_COMPLETION_INDEX"] {
            guard let i = Int(text) else { throw usage("JOB_COMPLETION_INDEX '\(text)' is not a number") }
            index = i
        } else if let text = env["SLURM_ARRAY_TASK_ID"] {
            guard let i = Int(text) else { throw usage("SLURM_ARRAY_TASK_ID '\(text)' is not a number") }
            let minimum = env["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) } ?? 0
            index = i - minimum
        } else {
            throw usage("a shard count of \(n) was given but no shard index (no --shard, JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID)")
        }
        guard index >= 0, index < n else { throw usage("the shard index \(index) is not below the shard count \(n)") }
        return ShardSpec(index: index, count: n)
    }
}
