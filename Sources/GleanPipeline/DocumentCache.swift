import Foundation
import GleanCore
import GleanRunState

/// What an incremental run consults instead of running a document: the state store with the
/// first pass's decisions. The runner asks it for a document's stored outputs (reuse), hands it
/// what a processed document gave (to keep), and asks why a document ran. A run without
/// `--incremental` has no cache and runs every document.
struct DocumentCache: Sendable {
    let state: StateStore
    /// For each input, in doc_id order: nil to reuse it, else why it runs.
    let reasons: [String?]
    /// Each input's content hash.
    let hashes: [String]
    let plan: IncrementalPlan

    /// What the state store keeps of one processed document.
    struct Entry: Sendable {
        var state: StoredState
        var outputs: Data
    }

    /// The stored outputs of input `index` when it is to be reused and they read back; nil when
    /// it must run (new, changed, or its stored outputs are unreadable).
    func stored(_ index: Int, docId: String) -> (outputs: [String: Document], failures: [String: Reject])? {
        guard reasons[index] == nil, let stored = try? state.outputs(of: docId) else { return nil }
        return stored.restored
    }

    /// What to keep of input `index` once processed (encoded on the worker's thread).
    func entry(_ index: Int, source: String, outputs: [String: Document], failures: [String: Reject]) throws -> Entry {
        let encoded = try StoredOutputs.encode(StoredOutputs(outputs: outputs, failures: failures, keep: plan.sinkNeeds))
        return Entry(state: StoredState(source: source, contentSHA256: hashes[index], stages: plan.traces(outputs: outputs, failures: failures)),
                     outputs: encoded)
    }

    /// Keeps a processed document's entry (on the consumer's thread, in doc_id order).
    func keep(docId: String, _ entry: Entry) throws {
        try state.record(docId: docId, state: entry.state, outputs: entry.outputs)
    }

    /// Marks a reused document as seen by this run.
    func touch(docId: String) throws {
        try state.touch(docId: docId)
    }

    /// Why input `index` ran; nil when it was to be reused.
    func reason(_ index: Int) -> String? { reasons[index] }

    func flush() throws { try state.flush() }
}
