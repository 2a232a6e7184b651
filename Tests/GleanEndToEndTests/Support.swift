import Foundation
import Testing

/// Paths and process helpers for tests that run the built `glean` binary.
enum E2E {
    /// The package root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The binary under test: $GLEAN_BIN (set by `make test`), else the debug build.
    static let binary: String = ProcessInfo.processInfo.environment["GLEAN_BIN"] ?? root + "/.build/debug/glean"

    /// ../shared, or $GLEAN_SHARED.
    static let shared: String = ProcessInfo.processInfo.environment["GLEAN_SHARED"] ?? root + "/../shared"

    static var hasShared: Bool { FileManager.default.fileExists(atPath: shared + "/eval/score_facts.py") }

    /// Python with pyarrow, duckdb and polars: $GLEAN_PYTHON, else .venv.
    static let python: String = ProcessInfo.processInfo.environment["GLEAN_PYTHON"] ?? root + "/.venv/bin/python"

    static var hasPython: Bool { FileManager.default.isExecutableFile(atPath: python) }

    static let golden = root + "/Tests/GleanEndToEndTests/Golden"

    /// Set GLEAN_UPDATE_GOLDEN=1 to rewrite golden files from the current output.
    static let updateGolden = ProcessInfo.processInfo.environment["GLEAN_UPDATE_GOLDEN"] == "1"

    struct Result {
        var code: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments` in `cwd` and waits.
    @discardableResult
    static func run(_ arguments: [String], executable: String = binary, cwd: String = root, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so a full pipe cannot block it.
        let errData = LockedData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.done { Thread.sleep(forTimeInterval: 0.005) }
        return Result(code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.value, as: UTF8.self))
    }

    final class LockedData: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private var finished = false
        func set(_ d: Data) { lock.lock(); data = d; finished = true; lock.unlock() }
        var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
        var value: Data { lock.lock(); defer { lock.unlock() }; return data }
    }

    /// A fresh temporary folder.
    static func tempDir() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("glean-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    static func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Compares `actual` with the golden file `name` (or rewrites it under GLEAN_UPDATE_GOLDEN=1).
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = golden + "/" + name
        if updateGolden {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let expected = try read(path)
        #expect(actual == expected, "differs from golden \(name); rerun with GLEAN_UPDATE_GOLDEN=1 after checking the change", sourceLocation: sourceLocation)
    }

    /// Every regular file below `folder`, relative path to bytes (symbolic links followed).
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let fm = FileManager.default
        let base = (try? fm.destinationOfSymbolicLink(atPath: folder)).map { target in
            target.hasPrefix("/") ? target : (folder as NSString).deletingLastPathComponent + "/" + target
        } ?? folder
        guard let walker = fm.enumerator(atPath: base) else { return [:] }
        while let relative = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: base + "/" + relative, isDirectory: &isDir), !isDir.boolValue {
                result[relative] = try bytes(base + "/" + relative)
            }
        }
        return result
    }
}
