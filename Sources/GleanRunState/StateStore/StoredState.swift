import Foundation
import GleanCore
internal import GRDB

/// What the state store remembers of one document from the run that last processed it.
package struct StoredState: Sendable, Equatable {
    package var source: String
    package var contentSHA256: String
    /// Every stage the document reached, in run order.
    package var stages: [StageTrace]

    package init(source: String, contentSHA256: String, stages: [StageTrace]) {
        self.source = source
        self.contentSHA256 = contentSHA256
        self.stages = stages
    }
}
