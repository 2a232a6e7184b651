import Foundation
internal import CSpawn
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GleanCore

/// How a child process ended.
package enum ChildEnd: Sendable, Equatable {
    case exited(Int32)
    case signaled(Int32)
    /// Still running at the deadline: killed.
    case timedOut
    /// The run was interrupted: killed.
    case cancelled(Int32)
    /// It wrote more than the output cap: killed.
    case tooMuchOutput
}
