import Foundation
internal import CSpawn
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a child process wrote and how it ended.
struct ChildResult: Sendable {
    var end: ChildEnd
    var stdout: [UInt8]
    var stderr: [UInt8]
}
