import Foundation
import GleanCore
import GleanTables

/// What a run left in its output folder, found the way a reader finds it: the run reports
/// (`_run.json`, or each shard's) and the published Parquet and CSV tables.
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

    /// Each published Parquet table with its files: `parquet/<table>.parquet` of an unsharded
    /// run, or every part file under `parquet/<table>/` (a sharded run's shards, Hive partition
    /// folders `<col>=<value>/`, whose values are given with each file), in path order.
    public var parquetTables: [(name: String, files: [TableFile])] {
        let folder = path + "/parquet"
        let fm = FileManager.default
        var tables: [(String, [TableFile])] = []
        for entry in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() where !Self.hidden(entry) {
            let full = folder + "/" + entry
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                var files: [TableFile] = []
                Self.collectParts(full, partitions: [], into: &files)
                if !files.isEmpty { tables.append((entry, files)) }
            } else if entry.hasSuffix(".parquet") {
                tables.append((String(entry.dropLast(8)), [.parquetFile(full, partitions: [])]))
            }
        }
        return tables
    }

    /// The tables the report reads: a table's Parquet files when it has some, else its CSV
    /// files; in name order.
    public var tables: [(name: String, files: [TableFile])] {
        var byName: [String: [TableFile]] = [:]
        for (name, files) in csvTables { byName[name] = files.map { TableFile.csv($0) } }
        for (name, files) in parquetTables { byName[name] = files }
        return byName.keys.sorted().map { ($0, byName[$0]!) }
    }

    /// Files and folders a reader skips: hidden ones (`.part.inprogress`) and markers (`_SUCCESS`).
    static func hidden(_ name: String) -> Bool { name.hasPrefix(".") || name.hasPrefix("_") }

    private static func collectParts(_ folder: String, partitions: [(name: String, value: String?)], into files: inout [TableFile]) {
        let fm = FileManager.default
        for entry in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() where !hidden(entry) {
            let full = folder + "/" + entry
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                guard let eq = entry.firstIndex(of: "=") else { continue }
                let raw = String(entry[entry.index(after: eq)...])
                let value = raw == "__HIVE_DEFAULT_PARTITION__" ? nil : (raw.removingPercentEncoding ?? raw)
                collectParts(full, partitions: partitions + [(name: String(entry[..<eq]), value: value)], into: &files)
            } else if entry.hasSuffix(".parquet") {
                files.append(.parquetFile(full, partitions: partitions))
            }
        }
    }
}

/// One file of a published table.
public enum TableFile: Sendable, Equatable {
    case csv(String)
    /// A Parquet file, with the Hive partition values of its folders (outermost first).
    case parquet(String, partitions: [Partition])

    /// A Hive partition column's value (nil for `__HIVE_DEFAULT_PARTITION__`).
    public struct Partition: Sendable, Equatable {
        public var name: String
        public var value: String?
    }

    static func parquetFile(_ path: String, partitions: [(name: String, value: String?)]) -> TableFile {
        .parquet(path, partitions: partitions.map { Partition(name: $0.name, value: $0.value) })
    }

    public var path: String {
        switch self {
        case .csv(let path), .parquet(let path, _): path
        }
    }

    /// The column names and each row's cells keyed by them (`columns` limits a Parquet
    /// file's decoding to those columns; a CSV file gives every column).
    func read(columns: Set<String>? = nil, header: ([String]) -> Void, _ body: ([String: String?]) throws -> Void) throws {
        switch self {
        case .csv(let path):
            let reader = try CSVTableReader(path: path)
            header(reader.header)
            try reader.forEachRow(body)
        case .parquet(let path, let partitions):
            let reader = try ParquetTableReader(path: path, partitions: partitions.map { ($0.name, $0.value) })
            header(reader.header)
            try reader.forEachRow(columns: columns, body)
        }
    }
}

/// A run folder that cannot be read.
public struct RunFolderError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
