import Foundation
import GleanCore

/// One document's path through a run, one JSON line of `_trace.jsonl` in the run's generation:
/// what `glean explain` prints. Not a table: it holds timings.
public struct DocumentTrace: Codable, Sendable, Equatable {
    /// One stage the document went through.
    public struct Step: Codable, Sendable, Equatable {
        public var id: String
        public var ok: Bool
        public var seconds: Double
    }

    public var docId: String
    public var source: String
    /// Incremental runs: nil when its stored outputs were reused, else why it ran ("new",
    /// "content changed", ...). Runs without --incremental: "processed".
    public var reason: String?
    /// The stages it went through now, in order (empty when reused).
    public var stages: [Step]
    /// Rows it gave each table the exports write (`documents`, `people`, ..., `rejects`).
    public var rows: [String: Int]
    /// Where it was rejected, if it was.
    public var rejectedAt: String?
    public var rejectReason: String?

    package enum CodingKeys: String, CodingKey {
        case source, reason, stages, rows
        case docId = "doc_id"
        case rejectedAt = "rejected_at"
        case rejectReason = "reject_reason"
    }

    /// The file's name inside a generation.
    public static let fileName = "_trace.jsonl"
}

/// Appends traces to a generation's `_trace.jsonl`, buffered, on the consumer thread.
final class DocumentTraceWriter {
    private let handle: FileHandle
    private var buffer = Data()
    private let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    init(generation: String) throws {
        let path = generation + "/" + DocumentTrace.fileName
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw GleanError(.run, "cannot create \(path)", hint: "check free space and permissions on --out")
        }
        self.handle = handle
    }

    func write(_ trace: DocumentTrace) throws {
        buffer.append(try encoder.encode(trace))
        buffer.append(10)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
