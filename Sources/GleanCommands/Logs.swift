import ArgumentParser
import Foundation
import Logging

/// How log lines are written to stderr.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    /// `2026-01-01T00:00:00+0000 warning glean : message`, for people.
    case text
    /// One JSON object per line (`ts`, `level`, `label`, `message`, metadata), for log collectors.
    case json
}

/// The levels `--log-level` accepts.
enum LogLevelOption: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .notice }
}

enum Logs {
    /// A logger writing to stderr in `format` at `level`.
    static func make(format: LogFormat, level: Logger.Level) -> Logger {
        var logger = Logger(label: "glean") { label in
            switch format {
            case .text: return StreamLogHandler.standardError(label: label)
            case .json: return JSONLogHandler(label: label)
            }
        }
        logger.logLevel = level
        return logger
    }
}

/// A swift-log handler writing one JSON object per line to stderr.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String) { self.label = label }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = [:]
        for (key, value) in metadata { object[key] = "\(value)" }
        for (key, value) in metadataProvider?.get() ?? [:] { object[key] = "\(value)" }
        for (key, value) in event.metadata ?? [:] { object[key] = "\(value)" }
        object["ts"] = JSONLogHandler.timestamp()
        object["level"] = event.level.rawValue
        object["label"] = label
        object["message"] = "\(event.message)"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(object) else { return }
        FileHandle.standardError.write(data + Data([10]))
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}
