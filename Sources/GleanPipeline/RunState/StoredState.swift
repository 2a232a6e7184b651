import Foundation
internal import GRDB

/// What the state store remembers of one document from the run that last processed it.
struct StoredState: Sendable, Equatable {
    var source: String
    var contentSHA256: String
    /// Every stage the document reached, in run order.
    var stages: [StageTrace]
}
