import Foundation
import Yams

/// One stage as declared in a manifest, with where each part was written.
public struct StageDecl: Sendable {
    public var id: String
    public var use: String
    public var needs: [String]
    /// True when `needs` was not written and defaults to the stage before.
    public var needsDefaulted: Bool
    public var options: StageOptions
    /// Where each option given under `with:` was written.
    public var optionLocations: [String: SourceLocation]
    public var location: SourceLocation
    public var useLocation: SourceLocation
    public var needsLocation: SourceLocation
}
