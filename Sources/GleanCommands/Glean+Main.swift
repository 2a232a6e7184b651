import ArgumentParser
import Foundation

extension Glean {
    /// Parses the command line and runs the verb, with usage errors mapped to exit code 2
    /// (argument-parser's default is 64) so every usage or manifest mistake exits the same way.
    public static func runMain() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            Self.exit()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Self.exit(withError: ExitCode(GleanExit.usage))
            }
            Self.exit(withError: error)
        }
    }
}
