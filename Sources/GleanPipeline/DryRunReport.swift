import GleanCore
import GleanRunState

/// What `glean run --dry-run` found: what a run would do, decided as a run decides it, with
/// nothing written.
public struct DryRunReport: Sendable {
    /// A document that would be processed, and why.
    public struct Planned: Sendable, Equatable {
        public var docId: String
        public var source: String
        public var reason: String
    }

    /// Inputs listed (this shard's share, for a shard).
    public var inputs: Int
    public var shard: RunReport.ShardInfo?
    public var incremental: Bool
    /// Why the state store is not used, when it is not (none yet; cannot be trusted).
    public var stateProblem: String?
    /// The documents that would be processed, in doc_id order.
    public var planned: [Planned]
    /// Documents whose stored outputs would be reused.
    public var reused: Int
    /// Stored documents whose input is gone.
    public var removed: Int
    /// The table files the exports would rewrite (relative to the output folder); empty when
    /// nothing changed and every table would be kept.
    public var tables: [String]
    public var unmatchedGlobs: [RunReport.UnmatchedGlob]
    public var warnings: [String]

    /// Counts of `planned` by the kind of their reason ("content changed", "new", ...), sorted.
    public var reasons: [(kind: String, count: Int)] {
        var counts: [String: Int] = [:]
        for p in planned { counts[IncrementalPlan.kind(of: p.reason), default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
