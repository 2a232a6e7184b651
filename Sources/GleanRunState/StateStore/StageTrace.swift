import Foundation
import GleanCore
internal import GRDB

/// One stage a document reached: whether it came out of it, the stage's configuration hash
/// then, and whether its output document is kept in the store (for the exports).
package struct StageTrace: Codable, Sendable, Equatable {
    package var id: String
    package var ok: Bool
    package var fp: String
    package var kept: Bool
}
