import Foundation

/// Counters and times for one stage in one run.
public struct StageReport: Codable, Sendable, Equatable {
    public var id: String
    public var use: String
    /// The stages it reads from (the manifest's `needs`, or the stage before when not written).
    public var needs: [String]?
    public var documentsIn = 0
    public var documentsOut = 0
    public var rejected = 0
    /// Documents this stage did not run on because their stored outputs were reused
    /// (incremental runs).
    public var reused = 0
    /// Time spent inside the stage, summed over documents (seconds).
    public var wallSeconds = 0.0
    /// CPU time of the threads while inside the stage (seconds).
    public var cpuSeconds = 0.0
    /// A source's listed items that are not documents, counted by reason (fetch.warc: records
    /// that are requests, metadata, not-200 responses, images, ...); absent when none.
    public var skipped: [String: Int]?
    /// What a sink counted besides rows, by name (export.xlsx: `cells_cut`); absent when none.
    public var counts: [String: Int]?

    package init(id: String, use: String, needs: [String]? = nil, documentsIn: Int = 0, documentsOut: Int = 0, rejected: Int = 0, reused: Int = 0, wallSeconds: Double = 0.0, cpuSeconds: Double = 0.0) {
        self.id = id
        self.use = use
        self.needs = needs
        self.documentsIn = documentsIn
        self.documentsOut = documentsOut
        self.rejected = rejected
        self.reused = reused
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
    }

    package enum CodingKeys: String, CodingKey {
        case id, use, needs, rejected, reused, skipped, counts
        case documentsIn = "documents_in"
        case documentsOut = "documents_out"
        case wallSeconds = "wall_seconds"
        case cpuSeconds = "cpu_seconds"
    }
}
