import Foundation
import GleanCore
import GleanTables

/// A `Reject`, stored.
package struct StoredReject: Codable, Sendable {
    package var docId: String
    package var source: String
    package var stage: String
    package var reason: String

    package init(_ r: Reject) {
        docId = r.docId
        source = r.source
        stage = r.stage
        reason = r.reason
    }

    package var reject: Reject { Reject(docId: docId, source: source, stage: stage, reason: reason) }
}
