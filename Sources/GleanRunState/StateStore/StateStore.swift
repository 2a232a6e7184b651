import Foundation
import GleanCore
import Synchronization
internal import GRDB

/// The incremental state of one output folder (or one shard of it), in SQLite through GRDB:
/// per document its input's content hash, the stages it went through with their configuration
/// hashes, and its outputs, so a later run re-exports it without processing it.
///
/// The store is a cache keyed by content and configuration, never a record of the published
/// tables: an interrupted run leaves it consistent. A file that is not SQLite, fails SQLite's
/// check, or is not Glean's state is moved aside and rebuilt, never trusted.
package final class StateStore: Sendable {
    package static let format = "glean-state"
    package static let schemaVersion = "1"

    package let path: String
    private let pool: any DatabaseWriter
    /// This run's number: every document seen by it is stamped with it (0 when read-only).
    let run: Int64
    /// Writes not yet flushed (the run's consuming thread adds them; any thread may flush).
    private let pending = Mutex<[(sql: String, arguments: StatementArguments)]>([])

    /// Opens the store at `path`, creating it, or rebuilding it when it cannot be trusted.
    /// Returns the store and, when it was rebuilt, why (for the log and the run report).
    package static func open(path: String) throws -> (StateStore, rebuilt: String?) {
        var rebuilt: String?
        if FileManager.default.fileExists(atPath: path) {
            if let problem = check(path: path) {
                rebuilt = "the state store '\(path)' cannot be trusted (\(problem)); it was rebuilt, so every document runs again"
                remove(path: path)
            }
        }
        do {
            return (try StateStore(path: path), rebuilt)
        } catch {
            throw GleanError(.run, "cannot open the state store '\(path)': \(error)", hint: "check free space and permissions on --out, or delete the file to start afresh")
        }
    }

    /// Opens the store at `path` read-only (for `--dry-run`, which writes nothing): nil when
    /// there is none, or it cannot be trusted, with why.
    package static func openReadOnly(path: String) -> (StateStore?, problem: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (nil, nil) }
        if let problem = check(path: path, immutable: true) { return (nil, problem) }
        do {
            var config = Configuration()
            config.readonly = true
            config.label = "glean-state-readonly"
            return (try StateStore(path: path, reader: DatabaseQueue(path: immutableURI(path), configuration: config)), nil)
        } catch {
            return (nil, "SQLite cannot read it: \(error)")
        }
    }

    /// The store as an SQLite URI opened `immutable`: no lock and no -wal or -shm file is created
    /// (a read-only WAL connection would create both). A run writing at the same moment may make
    /// such a read stale, which a dry run accepts.
    private static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        return "file:" + escaped + "?immutable=1"
    }

    private init(path: String, reader: DatabaseQueue) throws {
        self.path = path
        pool = reader
        run = 0
    }

    private init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.label = "glean-state"
        let pool = try DatabasePool(path: path, configuration: config)
        self.pool = pool
        run = try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS glean_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS doc_state (
                    doc_id TEXT PRIMARY KEY NOT NULL,
                    source TEXT NOT NULL,
                    content_sha256 TEXT NOT NULL,
                    stages TEXT NOT NULL,
                    run INTEGER NOT NULL,
                    outputs BLOB NOT NULL
                );
                INSERT OR IGNORE INTO glean_meta (key, value) VALUES ('format', '\(Self.format)');
                INSERT OR IGNORE INTO glean_meta (key, value) VALUES ('schema', '\(Self.schemaVersion)');
                """)
            let last = try String.fetchOne(db, sql: "SELECT value FROM glean_meta WHERE key = 'last_run'").flatMap { Int64($0) } ?? 0
            try db.execute(sql: "INSERT OR REPLACE INTO glean_meta (key, value) VALUES ('last_run', ?)", arguments: [String(last + 1)])
            return last + 1
        }
    }

    /// Why the file at `path` cannot be used, or nil when it is a sound Glean state store.
    package static func check(path: String, immutable: Bool = false) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "it cannot be read" }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { return "it is not an SQLite database" }
        do {
            var config = Configuration()
            config.readonly = true
            let queue = try DatabaseQueue(path: immutable ? immutableURI(path) : path, configuration: config)
            return try queue.read { db -> String? in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else { return "SQLite reports: " + check.prefix(3).joined(separator: "; ") }
                guard try db.tableExists("glean_meta"), try db.tableExists("doc_state") else { return "it is not a Glean state store" }
                let format = try String.fetchOne(db, sql: "SELECT value FROM glean_meta WHERE key = 'format'")
                guard format == Self.format else { return "it is not a Glean state store" }
                let schema = try String.fetchOne(db, sql: "SELECT value FROM glean_meta WHERE key = 'schema'")
                guard schema == Self.schemaVersion else { return "its schema version is \(schema ?? "unknown"), this Glean writes \(Self.schemaVersion)" }
                let columns = try db.columns(in: "doc_state").map(\.name)
                guard columns == ["doc_id", "source", "content_sha256", "stages", "run", "outputs"] else { return "its tables are not the expected ones" }
                return nil
            }
        } catch {
            return "SQLite cannot read it: \(error)"
        }
    }

    package static func remove(path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    // MARK: - Meta

    package func meta(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM glean_meta WHERE key = ?", arguments: [key]) }
    }

    package func setMeta(_ values: [String: String]) throws {
        try pool.write { db in
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT OR REPLACE INTO glean_meta (key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }
    }

    /// How many documents the store holds.
    package func count() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM doc_state") ?? 0 }
    }

    // MARK: - Documents (safe from any thread)

    /// The stored state of `docId`, if any. A row that cannot be decoded counts as absent.
    package func state(of docId: String) throws -> StoredState? {
        try pool.read { db -> StoredState? in
            let statement = try db.cachedStatement(sql: "SELECT source, content_sha256, stages FROM doc_state WHERE doc_id = ?")
            guard let row = try GRDB.Row.fetchOne(statement, arguments: [docId]) else {
                return nil
            }
            let source: String = row["source"]
            let sha: String = row["content_sha256"]
            let stagesJSON: String = row["stages"]
            guard let stages = try? JSONDecoder().decode([StageTrace].self, from: Data(stagesJSON.utf8)) else { return nil }
            return StoredState(source: source, contentSHA256: sha, stages: stages)
        }
    }

    /// The stored outputs of `docId`.
    package func outputs(of docId: String) throws -> StoredOutputs? {
        let data = try pool.read { db in
            try Data.fetchOne(db.cachedStatement(sql: "SELECT outputs FROM doc_state WHERE doc_id = ?"), arguments: [docId])
        }
        return try data.map(StoredOutputs.decode)
    }

    // MARK: - Writes (from the run's consuming thread only)

    /// Records a processed document (written in batches; see `flush`).
    package func record(docId: String, state: StoredState, outputs: Data) throws {
        let stages = String(decoding: try JSONEncoder().encode(state.stages), as: UTF8.self)
        try add("INSERT OR REPLACE INTO doc_state (doc_id, source, content_sha256, stages, run, outputs) VALUES (?, ?, ?, ?, ?, ?)",
                [docId, state.source, state.contentSHA256, stages, run, outputs])
    }

    /// Marks a reused document as part of this run.
    package func touch(docId: String) throws {
        try add("UPDATE doc_state SET run = ? WHERE doc_id = ?", [run, docId])
    }

    /// Marks every stored document as part of this run (when nothing changed).
    package func touchAll() throws {
        try flush()
        try pool.write { db in try db.execute(sql: "UPDATE doc_state SET run = ?", arguments: [run]) }
    }

    /// Queues one write; every 256 are written together.
    private func add(_ sql: String, _ arguments: StatementArguments) throws {
        let full = pending.withLock { queue in
            queue.append((sql, arguments))
            return queue.count >= 256
        }
        if full { try flush() }
    }

    /// Writes the pending changes in one transaction.
    package func flush() throws {
        let batch = pending.withLock { queue in
            defer { queue = [] }
            return queue
        }
        guard !batch.isEmpty else { return }
        try pool.write { db in
            for item in batch { try db.cachedStatement(sql: item.sql).execute(arguments: item.arguments) }
        }
    }

    /// Drops every document this run did not see (inputs that were removed); returns their
    /// doc_ids, sorted.
    package func dropUnseen() throws -> [String] {
        try flush()
        return try pool.write { db in
            let gone = try String.fetchAll(db, sql: "SELECT doc_id FROM doc_state WHERE run != ? ORDER BY doc_id", arguments: [run])
            try db.execute(sql: "DELETE FROM doc_state WHERE run != ?", arguments: [run])
            return gone
        }
    }

    /// The doc_ids this run did not see, sorted, without dropping them.
    package func unseen(limit: Int) throws -> (count: Int, first: [String]) {
        try pool.read { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM doc_state WHERE run != ?", arguments: [run]) ?? 0
            let first = try String.fetchAll(db, sql: "SELECT doc_id FROM doc_state WHERE run != ? ORDER BY doc_id LIMIT ?", arguments: [run, limit])
            return (count, first)
        }
    }
}
