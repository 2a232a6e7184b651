import Foundation
import Testing

@testable import GleanParquet

/// Locates the Python used for read-back checks and runs Tests/Python/parquet/check_parquet.py.
enum PythonCheck {
    /// The package root (…/main), found from this file's real path (the dev package links here).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `GLEAN_PYTHON`, else `<package root>/.venv/bin/python`, else nil.
    static let python: String? = {
        if let env = ProcessInfo.processInfo.environment["GLEAN_PYTHON"], !env.isEmpty,
            FileManager.default.isExecutableFile(atPath: env)
        {
            return env
        }
        let venv = packageRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }()

    static let script = packageRoot.appendingPathComponent("Tests/Python/parquet/check_parquet.py").path

    /// True when a Python with pyarrow/duckdb/polars is available.
    static var available: Bool { python != nil }

    /// Runs the checker; returns (exit status, output).
    static func run(mode: String, path: String, spec: String) throws -> (status: Int32, output: String) {
        guard let python else { return (-1, "no python") }
        let specURL = URL(fileURLWithPath: path + ".expected.json")
        try spec.write(to: specURL, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, mode, path, specURL.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Asserts that pyarrow, DuckDB and polars read `path` back as `spec` says.
    static func expectFile(_ path: String, spec: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (status, output) = try run(mode: "file", path: path, spec: spec)
        #expect(status == 0, "check_parquet.py failed: \(output)", sourceLocation: sourceLocation)
        let last = output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("OK"), "\(output)", sourceLocation: sourceLocation)
    }
}

/// A fresh temporary directory per test.
func makeTempDirectory(_ name: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("glean-parquet-tests-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
}

/// Builds the expected-values JSON the Python checker reads.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func double(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return "\(d)"
    }

    static func value(_ v: ParquetValue) -> String {
        switch v {
        case .null: return "null"
        case .string(let s): return string(s)
        case .int32(let i), .date(let i): return String(i)
        case .int64(let i), .timestampMicros(let i): return String(i)
        case .double(let d): return double(d)
        case .boolean(let b): return b ? "true" : "false"
        case .stringList(let list): return "[" + list.map(string).joined(separator: ",") + "]"
        case .stringListWithNulls(let list):
            return "[" + list.map { $0.map(string) ?? "null" }.joined(separator: ",") + "]"
        }
    }

    /// `"columns": {...}` from rows.
    static func columns(_ schema: ParquetSchema, _ rows: [[ParquetValue]]) -> String {
        var parts: [String] = []
        for (j, column) in schema.columns.enumerated() {
            parts.append(string(column.name) + ":[" + rows.map { value($0[j]) }.joined(separator: ",") + "]")
        }
        return "\"columns\":{" + parts.joined(separator: ",") + "}"
    }
}

/// Writes `rows` to `path` and returns the file bytes.
@discardableResult
func writeTable(
    _ path: String, _ schema: ParquetSchema, _ rows: [[ParquetValue]], _ options: ParquetWriterOptions = .init()
) throws -> [UInt8] {
    let writer = try ParquetWriter(path: path, schema: schema, options: options)
    for row in rows { try writer.write(row: row) }
    try writer.close()
    return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// Removes a test's temporary directory (best effort; a leftover temp dir is not a test failure).
func removeTempDirectory(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}
