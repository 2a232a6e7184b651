import Foundation
internal import GRDB

/// One stage a document reached: whether it came out of it, the stage's configuration hash
/// then, and whether its output document is kept in the store (for the exports).
struct StageTrace: Codable, Sendable, Equatable {
    var id: String
    var ok: Bool
    var fp: String
    var kept: Bool
}
