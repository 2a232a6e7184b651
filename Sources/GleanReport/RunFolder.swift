import Foundation
import GleanCore

/// What a run left in its output folder, found the way a reader finds it: the run reports
/// (`_run.json`, or each shard's) and the published CSV tables.
public struct RunFolder: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The committed generation folder of an unsharded run, or of each shard (in shard order).
    public var generations: [String] {
        let meta = path + "/.glean"
        let fm = FileManager.default
        var folders: [String] = []
        if let target = try? fm.destinationOfSymbolicLink(atPath: meta + "/current") { folders.append(meta + "/" + target) }
        for name in ((try? fm.contentsOfDirectory(atPath: meta)) ?? []).sorted() where name.hasPrefix("shard-") {
            if let target = try? fm.destinationOfSymbolicLink(atPath: meta + "/" + name + "/current") {
                folders.append(meta + "/" + name + "/" + target)
            }
        }
        return folders.filter { fm.fileExists(atPath: $0 + "/_SUCCESS") }
    }

    /// The run report of each committed generation (one, or one per finished shard).
    public func runReports() throws -> [RunReport] {
        try generations.map { folder in
            let file = folder + "/_run.json"
            do {
                return try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                throw RunFolderError(path: file, message: "unreadable run report (\(error)); run the pipeline again to rewrite it")
            }
        }
    }

    /// Each published CSV table with its files: `csv/<table>.csv` of an unsharded run, or the
    /// part files `csv/<table>/part-*.csv` of a sharded one, in name order.
    public var csvTables: [(name: String, files: [String])] {
        let folder = path + "/csv"
        let fm = FileManager.default
        var tables: [(String, [String])] = []
        for entry in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            let full = folder + "/" + entry
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                let parts = ((try? fm.contentsOfDirectory(atPath: full)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
                if !parts.isEmpty { tables.append((entry, parts.map { full + "/" + $0 })) }
            } else if entry.hasSuffix(".csv") {
                tables.append((String(entry.dropLast(4)), [full]))
            }
        }
        return tables
    }
}

/// A run folder that cannot be read.
public struct RunFolderError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
