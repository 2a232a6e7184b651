import ArgumentParser
import Foundation
#if os(Linux)
internal import CMalloc
#endif

extension Glean {
    /// Parses the command line and runs the verb, with usage errors mapped to exit code 2
    /// (argument-parser's default is 64) so every usage or manifest mistake exits the same way.
    public static func runMain() -> Never {
        #if os(Linux)
        // A fixed threshold: blocks of 1 MiB and more (Parquet page and dictionary buffers) are
        // mapped on their own and go back to the system when freed. glibc's default raises the
        // threshold after each such free (up to 32 MiB), after which freed large blocks stay in
        // the heap and a long run's resident memory creeps up with its length. Smaller blocks
        // (most pages' bytes) stay in the heap: mapping each one costs page faults and
        // serializes the worker threads on the process's mapping lock.
        _ = mallopt(M_MMAP_THRESHOLD, 1024 * 1024)
        // No fastbins: libxml2 frees a page's tree as thousands of small blocks, and the next
        // free of a block of 64 KiB or more (a page's bytes) made glibc consolidate them all
        // (malloc_consolidate and unlink_chunk, 4-5% of an HTML run). Without fastbins part
        // of that moves to free(): 1.5-4% less CPU in alternating runs. Small blocks still go
        // through the per-thread cache; peak memory is unchanged.
        _ = mallopt(M_MXFAST, 0)
        #endif
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
