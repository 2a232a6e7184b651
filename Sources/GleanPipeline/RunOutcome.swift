import Foundation
import GleanCore
import GleanRunState
import GleanStages
import GleanTables
import Logging

/// What a finished run reports.
public struct RunOutcome: Sendable {
    public var report: RunReport
    /// 0 when every document went through, 3 when some were rejected.
    public var exitCode: Int32 { report.exitCode }
}
