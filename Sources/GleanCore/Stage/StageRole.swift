/// How the runner drives a stage kind.
public enum StageRole: String, Sendable {
    /// Lists the inputs of the run (and reads each one as a document).
    case source
    /// Turns one document into one document; safe to run in parallel.
    case perDocument = "per-document"
    /// Receives every document in order and writes tables: a barrier.
    case sink
}
