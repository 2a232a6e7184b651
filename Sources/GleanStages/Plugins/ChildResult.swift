import Foundation
internal import CSpawn
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GleanCore

/// What a child process wrote and how it ended.
package struct ChildResult: Sendable {
    package var end: ChildEnd
    package var stdout: [UInt8]
    package var stderr: [UInt8]
}
