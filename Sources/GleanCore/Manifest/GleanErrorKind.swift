/// What kind of failure an error is; decides the exit code.
public enum GleanErrorKind: Sendable, Equatable {
    /// The manifest or the command line is wrong: exit 2, nothing written.
    case manifest
    /// The run could not complete (an output could not be written, inputs collide): exit 1.
    case run
    /// Another run holds the output folder: exit 4.
    case busy
    /// Stopped by a signal: exit 128 + the signal number.
    case interrupted(signal: Int32)
}
