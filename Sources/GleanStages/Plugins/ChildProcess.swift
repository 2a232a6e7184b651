import Foundation
internal import CSpawn
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GleanCore

/// Runs one command with bytes on its stdin, collecting stdout and stderr, with a deadline and
/// the run's cancellation: the child runs in its own process group, which is killed (SIGKILL)
/// when the child ends, on timeout or on interruption, so nothing a plugin started outlives its
/// document; on Linux the child is also killed if glean itself dies (PR_SET_PDEATHSIG).
package enum ChildProcess {
    private static let ignorePipe: Void = { signal(SIGPIPE, SIG_IGN) }()
    /// Held while pipes are made and the child is spawned, so no other plugin's child inherits
    /// these pipes (each end is marked close-on-exec under it).
    private static let spawnLock = NSLock()

    private static func makePipe() throws -> [Int32] {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw DocumentError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return fds
    }

    package static func run(_ argv: [String], directory: String, input: [UInt8], timeout: Double, maxOutput: Int,
                    cancel: CancellationFlag?) throws -> ChildResult {
        _ = ignorePipe
        guard let program = argv.first else { throw DocumentError("the plugin command is empty") }
        spawnLock.lock()
        var locked = true
        defer { if locked { spawnLock.unlock() } }
        let inPipe = try makePipe()
        let outPipe: [Int32]
        let errPipe: [Int32]
        do {
            outPipe = try makePipe()
        } catch {
            for fd in inPipe { close(fd) }
            throw error
        }
        do {
            errPipe = try makePipe()
        } catch {
            for fd in inPipe + outPipe { close(fd) }
            throw error
        }

        // The command runs in `directory`, through sh (posix_spawn has no portable chdir).
        let wrapped = ["/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", directory] + argv
        let cArgs: [UnsafeMutablePointer<CChar>?] = wrapped.map { strdup($0) } + [nil]
        defer { for arg in cArgs { free(arg) } }
        var pid: pid_t = 0
        // Its own process group (killed whole when it ends, times out or the run is interrupted),
        // and on Linux killed with us if glean itself is killed.
        let spawned = glean_spawn("/bin/sh", cArgs, environ, inPipe[0], outPipe[1], errPipe[1])
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        spawnLock.unlock()
        locked = false
        guard spawned > 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            throw DocumentError("cannot start the plugin '\(program)': \(String(cString: strerror(-spawned))); check the command in the manifest")
        }
        pid = spawned

        // Our ends never block: a plugin that writes much before reading cannot stall the loop.
        for fd in [inPipe[1], outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var stdinFD: Int32 = inPipe[1]
        var stdoutFD: Int32 = outPipe[0]
        var stderrFD: Int32 = errPipe[0]
        var stdout: [UInt8] = [], stderr: [UInt8] = []
        var written = 0
        var ended: ChildEnd?
        let deadline = RunClock.now() + timeout
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        if input.isEmpty { close(stdinFD); stdinFD = -1 }
        defer {
            for fd in [stdinFD, stdoutFD, stderrFD] where fd >= 0 { close(fd) }
        }

        while stdoutFD >= 0 || stderrFD >= 0 {
            if let signal = cancel?.cancelledBy { ended = .cancelled(signal); break }
            let left = deadline - RunClock.now()
            if left <= 0 { ended = .timedOut; break }
            var fds: [pollfd] = []
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            if stdoutFD >= 0 { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
            if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 0.1) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    let n = input.withUnsafeBytes { raw in
                        write(stdinFD, raw.baseAddress! + written, min(raw.count - written, 1 << 16))
                    }
                    if n > 0 { written += n }
                    if (n < 0 && errno != EAGAIN && errno != EINTR) || written >= input.count {
                        close(stdinFD)
                        stdinFD = -1
                    }
                } else {
                    let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                    if n > 0 {
                        if entry.fd == stdoutFD { stdout += buffer[0..<n] } else if stderr.count < 1 << 20 { stderr += buffer[0..<n] }
                    } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                        close(entry.fd)
                        if entry.fd == stdoutFD { stdoutFD = -1 } else { stderrFD = -1 }
                    }
                }
            }
            if stdout.count > maxOutput { ended = .tooMuchOutput; break }
        }

        if ended != nil {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
        // Wait for the child to end; it has closed its output, so it is ending (or was killed).
        // Its whole group is killed before it is reaped, so nothing it started in the background
        // outlives it, and its group id cannot have been reused meanwhile.
        while glean_has_ended(pid) == 0 {
            if ended == nil {
                if let signal = cancel?.cancelledBy { ended = .cancelled(signal) } else if RunClock.now() > deadline { ended = .timedOut }
                if ended != nil { kill(-pid, SIGKILL); kill(pid, SIGKILL) }
            }
            usleep(2000)
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if let ended { return ChildResult(end: ended, stdout: stdout, stderr: stderr) }
        let low = status & 0x7F
        let end: ChildEnd = low == 0 ? .exited((status >> 8) & 0xFF) : .signaled(low)
        return ChildResult(end: end, stdout: stdout, stderr: stderr)
    }
}
