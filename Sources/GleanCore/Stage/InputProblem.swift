/// Why a listed input cannot be read, known when it is listed. The input still goes through the
/// run, as a reject with this reason, so every name a glob matched is accounted for.
public enum InputProblem: UInt8, Sendable, Equatable {
    /// A component of the name is not valid UTF-8 (shown with `\xFF` escapes).
    case nameNotUTF8 = 1
    /// A FIFO, socket or device.
    case notRegularFile = 2
    /// A symbolic link whose target does not exist.
    case brokenLink = 3

    /// The reject's reason, in words a user can act on.
    public var reason: String {
        switch self {
        case .nameNotUTF8: "the file name is not valid UTF-8 (its invalid bytes are shown as \\xFF); rename the file to read it"
        case .notRegularFile: "not a regular file (a FIFO, socket or device); only regular files are read"
        case .brokenLink: "a symbolic link whose target does not exist"
        }
    }
}
