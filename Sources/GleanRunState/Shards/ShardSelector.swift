import Foundation
import GleanCore

/// Which documents a shard takes: a stable hash of the doc_id, so the split does not depend
/// on the order, the number or the machine of the runs.
package enum ShardSelector {
    /// The shard (0-based) of `docId` among `count`.
    package static func shard(of docId: String, count: Int) -> Int {
        guard count > 1 else { return 0 }
        let digest = ContentHash.hex(Array(docId.utf8))
        let prefix = UInt64(digest.prefix(16), radix: 16) ?? 0
        return Int(prefix % UInt64(count))
    }
}
