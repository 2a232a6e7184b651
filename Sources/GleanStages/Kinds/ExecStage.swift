import Foundation
import GleanCore
import GleanTables

/// `exec`: runs a plugin written in any language on each document. The plugin gets the
/// document as one JSON line on stdin and writes records, one JSON object per line, on stdout;
/// they become rows of the table the stage declares. A crash, a timeout or bad JSON rejects
/// that document, with the plugin's stderr in the reason, and the run goes on.
package struct ExecStage: DocumentStage {
    /// The options, typed.
    package struct Config: StageConfig {
        package static let defaultTimeoutSeconds = 30
        package static let defaultMaxOutputBytes = 16 << 20
        package var command: [String]
        package var table: String
        package var columnSpecs: [String]
        package var timeoutSeconds: Int
        package var maxOutputBytes: Int

        package init(_ options: StageOptions) {
            command = options.strings("command")
            table = options.string("table") ?? ""
            columnSpecs = options.strings("columns")
            timeoutSeconds = options.int("timeout_seconds") ?? Self.defaultTimeoutSeconds
            maxOutputBytes = options.int("max_output_bytes") ?? Self.defaultMaxOutputBytes
        }
    }

    package static let spec = StageSpec(kind: "exec", role: .perDocument, doc: "Runs a plugin command per document: one JSON line in on stdin ({doc_id, source, format, text, metadata}), one JSON record per line out on stdout, as rows of 'table'.", options: [
        OptionSpec("command", .stringList, required: true, doc: "The program and its arguments, run in the manifest's folder (e.g. [python3, plugins/keywords.py])."),
        OptionSpec("table", .string, required: true, doc: "The table the records go to (lower-case letters, digits and '_')."),
        OptionSpec("columns", .stringList, default: .stringList([]), doc: "The table's columns after doc_id, each 'name' (string) or 'name:type' with type string, int64, double or boolean."),
        OptionSpec("timeout_seconds", .int, default: .int(Config.defaultTimeoutSeconds), doc: "Longest a plugin may take on one document; past it the plugin is killed and the document rejected."),
        OptionSpec("max_output_bytes", .int, default: .int(Config.defaultMaxOutputBytes), doc: "Most a plugin may write for one document; past it the plugin is killed and the document rejected."),
    ])

    package static let kind = StageKind(spec: spec, config: Config.self, tables: { config in
        guard !config.table.isEmpty, let columns = try? parseColumns(config.columnSpecs) else { return [] }
        return [schema(table: config.table, columns: columns)]
    }, sideInputs: { config in
        // Every argument that names a file in the manifest's folder (the script) counts.
        config.command.map { SideInput($0, .file) }
    }, check: { config, _, _ in
        if config.command.first?.isEmpty ?? true { return ("command", "command must name a program") }
        let table = config.table
        guard table.first?.isLetter == true, table.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }) else {
            return ("table", "table '\(table)' must be a table name: lower-case letters, digits and '_', starting with a letter")
        }
        if BuiltInTables.all.contains(where: { $0.name == table }) {
            return ("table", "table '\(table)' is a built-in table; choose another name")
        }
        do {
            _ = try parseColumns(config.columnSpecs)
        } catch let error as DocumentError {
            return ("columns", error.reason)
        } catch {
            return ("columns", "\(error)")
        }
        if config.timeoutSeconds <= 0 { return ("timeout_seconds", "timeout_seconds must be positive") }
        if config.maxOutputBytes <= 0 { return ("max_output_bytes", "max_output_bytes must be positive") }
        return nil
    }, build: { config, decl, context in
        let columns = try parseColumns(config.columnSpecs)
        if let program = config.command.first, findProgram(program, directory: context.manifest.directory) == nil {
            let where_ = program.contains("/") ? "relative to the manifest's folder \(context.manifest.directory)" : "on PATH"
            throw GleanError(.manifest, "cannot find the plugin program '\(program)' \(where_), or it is not executable",
                             location: decl.optionLocations["command"] ?? decl.location, stage: decl.id,
                             hint: "fix 'command', or make the script executable (chmod +x) or name its interpreter first, e.g. [python3, plugins/x.py]")
        }
        return .perDocument(ExecStage(command: config.command, directory: context.manifest.directory,
                                      table: config.table.isEmpty ? decl.id : config.table, columns: columns,
                                      timeout: Double(config.timeoutSeconds), maxOutput: config.maxOutputBytes))
    })

    /// The executable `program` names: a path (relative to `directory`) when it holds a '/',
    /// else the first match on PATH.
    package static func findProgram(_ program: String, directory: String) -> String? {
        if program.contains("/") {
            let path = program.hasPrefix("/") ? program : directory + "/" + program
            return access(path, X_OK) == 0 ? path : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + program
            var isDir: ObjCBool = false
            if access(candidate, X_OK) == 0, FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue {
                return candidate
            }
        }
        return nil
    }

    /// The types a plugin's columns may have.
    package static let columnTypes: [String: ColumnType] = ["string": .string, "int64": .int64, "double": .double, "boolean": .boolean]

    package static func parseColumns(_ specs: [String]) throws -> [(name: String, type: ColumnType)] {
        var seen: Set<String> = ["doc_id"]
        return try specs.map { spec in
            let parts = spec.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            let name = parts.first ?? ""
            guard name.first?.isLetter == true, name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }) else {
                throw DocumentError("column '\(spec)' must be 'name' or 'name:type' with a name of letters, digits and '_'")
            }
            guard seen.insert(name).inserted else { throw DocumentError("column '\(name)' is declared twice (doc_id comes first on its own)") }
            let typeName = parts.count > 1 ? parts[1] : "string"
            guard let type = columnTypes[typeName] else {
                throw DocumentError("column '\(name)' has the unknown type '\(typeName)'; use one of: \(columnTypes.keys.sorted().joined(separator: ", "))")
            }
            return (name, type)
        }
    }

    package static func schema(table: String, columns: [(name: String, type: ColumnType)]) -> TableSchema {
        TableSchema(name: table, doc: "Records of the exec plugin writing '\(table)'.", columns:
            [Column("doc_id", .string, nullable: false, doc: "The document.")]
            + columns.map { Column($0.name, $0.type, role: $0.type == .string ? .freeText : .value, doc: "Plugin field '\($0.name)'.") })
    }

    package let command: [String]
    package let directory: String
    package let table: String
    package let columns: [(name: String, type: ColumnType)]
    package let timeout: Double
    package let maxOutput: Int

    /// The JSON line a plugin receives.
    package struct PluginInput: Encodable {
        package struct Metadata: Encodable {
            package var title, published, language, author, site, url: String?
        }
        package var doc_id: String
        package var source: String
        package var format: String
        package var text: String
        package var metadata: Metadata
    }

    /// SIGHUP, SIGINT and SIGTERM: the signals a user or a scheduler sends a whole job.
    static func isTermination(_ signal: Int32) -> Bool { signal == SIGHUP || signal == SIGINT || signal == SIGTERM }

    /// Waits up to `seconds` for the run to be cancelled; the signal that cancelled it, or nil.
    static func awaitCancellation(_ flag: CancellationFlag, seconds: Double = 1) -> Int32? {
        let deadline = RunClock.now() + seconds
        while RunClock.now() < deadline {
            if let signal = flag.cancelledBy { return signal }
            usleep(10_000)
        }
        return flag.cancelledBy
    }

    package func process(_ document: Document, context: StageContext) throws -> Document {
        let input = PluginInput(doc_id: document.docId, source: document.source, format: document.format.rawValue, text: document.text ?? "",
                                metadata: .init(title: document.metadata.title, published: document.metadata.published,
                                                language: document.metadata.language, author: document.metadata.author,
                                                site: document.metadata.site, url: document.metadata.url))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = try Array(encoder.encode(input)) + [10]
        let result = try ChildProcess.run(command, directory: directory, input: line, timeout: timeout, maxOutput: maxOutput,
                                          cancel: context.cancellation)
        let stderr = Self.stderrSummary(result.stderr)
        switch result.end {
        case .exited(0): break
        case .exited(let code): throw DocumentError("plugin exited with status \(code); stderr: \(stderr)")
        case .signaled(let signal):
            // A scheduler (scancel, kubectl delete) signals the plugin and glean together: give the run's own
            // handler a moment to mark the run cancelled, so the plugin's death is not taken for the document's fault.
            if Self.isTermination(signal), let cancelled = Self.awaitCancellation(context.cancellation) {
                throw DocumentError("plugin stopped: the run was interrupted by signal \(cancelled)")
            }
            throw DocumentError("plugin was killed by signal \(signal); stderr: \(stderr)")
        case .timedOut: throw DocumentError("plugin timed out after \(Int(timeout)) s and was stopped (raise timeout_seconds if it is genuinely slow); stderr: \(stderr)")
        case .cancelled(let signal): throw DocumentError("plugin stopped: the run was interrupted by signal \(signal)")
        case .tooMuchOutput: throw DocumentError("plugin wrote more than max_output_bytes (\(maxOutput)) and was stopped; stderr: \(stderr)")
        }
        var rows: [Row] = []
        var lineNumber = 0
        for raw in result.stdout.split(separator: 10, omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = raw.last == 13 ? raw.dropLast() : raw
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            rows.append(try row(Array(bytes), line: lineNumber, docId: document.docId, stderr: stderr))
        }
        var out = document
        out.rows[table, default: []] += rows
        return out
    }

    private func row(_ bytes: [UInt8], line: Int, docId: String, stderr: String) throws -> Row {
        // JSON is UTF-8: say so first, or the decoder's complaint points at the wrong thing.
        if String(validating: bytes, as: UTF8.self) == nil {
            let offset = Self.firstInvalidUTF8(bytes)
            throw DocumentError("plugin output line \(line) is not valid UTF-8 (byte \(offset + 1) of the line, 0x\(String(bytes[offset], radix: 16, uppercase: true))); plugins must write UTF-8 JSON; stderr: \(stderr)")
        }
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))
        } catch {
            let shown = String(decoding: bytes.prefix(80), as: UTF8.self)
            throw DocumentError("plugin output line \(line) is not a JSON object: '\(shown)'; stderr: \(stderr)")
        }
        let names = columns.map(\.name)
        if let unknown = object.keys.sorted().first(where: { !names.contains($0) && $0 != "doc_id" }) {
            throw DocumentError("plugin output line \(line) has the field '\(unknown)', which is not a declared column (\(names.joined(separator: ", "))); declare it in 'columns'; stderr: \(stderr)")
        }
        var row: Row = [.string(docId)]
        for (name, type) in columns {
            let value = object[name] ?? .null
            guard let cell = value.cell(as: type) else {
                throw DocumentError("plugin output line \(line): column '\(name)' expects \(type.rawValue), got \(value.kind); stderr: \(stderr)")
            }
            row.append(cell)
        }
        return row
    }

    /// The offset of the first byte of `bytes` that is not part of a valid UTF-8 sequence.
    package static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let length = bytes[i] < 0x80 ? 1 : bytes[i] >> 5 == 0b110 ? 2 : bytes[i] >> 4 == 0b1110 ? 3 : bytes[i] >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.count, String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return i }
            i += length
        }
        return bytes.count
    }

    /// The plugin's stderr for a reject reason: its last 600 bytes, lines joined with " | ".
    package static func stderrSummary(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.suffix(600), as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.isEmpty ? "(empty)" : lines.joined(separator: " | ")
    }
}
