import Foundation
import Testing

/// Locates the built `glean` binary: env GLEAN_BIN (set by `make test`), else
/// <package root>/.build/debug/glean found from this file's path.
enum OpsBinary {
    static var path: String {
        if let bin = ProcessInfo.processInfo.environment["GLEAN_BIN"], !bin.isEmpty { return bin }
        return packageRoot + "/.build/debug/glean"
    }

    /// The package's root folder (three levels above this file).
    static var packageRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    /// The first `name` on PATH, if any.
    static func onPath(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = String(folder) + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// A temporary folder for one end-to-end test, removed afterwards.
final class OpsTree {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("glean-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ text: String, executable: Bool = false) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        if executable { chmod(full, 0o755) }
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)), as: UTF8.self)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + path) }
}

/// A `glean` process: started, then waited for.
final class GleanProcess: @unchecked Sendable {
    let process = Process()
    private let outPipe = Pipe()
    private let errPipe = Pipe()
    private var outData = Data()
    private var errData = Data()
    private let group = DispatchGroup()

    init(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: OpsBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for key in ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "GLEAN_SHARD_COUNT"] {
            env[key] = nil
        }
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain both pipes so a chatty child never blocks.
        for (pipe, isOut) in [(outPipe, true), (errPipe, false)] {
            group.enter()
            Thread.detachNewThread { [self] in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                if isOut { outData = data } else { errData = data }
                group.leave()
            }
        }
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Waits for the end; returns the exit status (128 + signal when killed by one).
    @discardableResult
    func wait() -> (code: Int32, stdout: String, stderr: String) {
        process.waitUntilExit()
        group.wait()
        let code = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (code, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Runs glean to the end.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> (code: Int32, stdout: String, stderr: String) {
        try GleanProcess(arguments, in: directory, environment: environment).wait()
    }
}

enum Poll {
    /// Waits until `condition` holds, checking every 20 ms, for at most `limit` seconds (a
    /// safety net against a hang, not a timing assertion). Returns whether it held.
    static func until(limit: Double = 60, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(limit)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }

    /// True while process `pid` exists and is not a zombie.
    static func alive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
            return kill(pid, 0) == 0
        }
        guard let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }
}
