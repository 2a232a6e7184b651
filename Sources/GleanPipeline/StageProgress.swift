import Foundation
import GleanCore
import GleanRunState
import GleanStages

/// How far one stage has come in a running run.
public struct StageProgress: Sendable, Equatable {
    /// The stage id (or "hash" while an incremental run hashes its inputs).
    public var id: String
    /// Documents the stage has finished.
    public var done: Int
    /// Documents it will see in this run.
    public var total: Int

    public init(id: String, done: Int, total: Int) {
        self.id = id
        self.done = done
        self.total = total
    }
}
