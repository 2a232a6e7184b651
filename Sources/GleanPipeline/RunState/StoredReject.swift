import Foundation
import GleanTables

/// A `Reject`, stored.
struct StoredReject: Codable, Sendable {
    var docId: String
    var source: String
    var stage: String
    var reason: String

    init(_ r: Reject) {
        docId = r.docId
        source = r.source
        stage = r.stage
        reason = r.reason
    }

    var reject: Reject { Reject(docId: docId, source: source, stage: stage, reason: reason) }
}
