// GleanBench: times the GleanParquet writer on a table already in memory, for `make bench`
// (Tests/Bench/run.sh), side by side with pyarrow's write_table on the same rows.
//
// usage: GleanBench parquet TABLE.jsonl OUT.parquet [--runs N] [--codec C] [--level L] [--api batch|rows]
//
// TABLE.jsonl (written by Tests/Bench/parquet_compare.py from a table Glean exported): the first
// line is {"name": ..., "columns": [{"name", "type", "nullable"}]}, with type one of string,
// int32, int64, double, boolean, date (days since 1970-01-01), timestamp (microseconds, UTC),
// string_list; then one JSON array of values per row (null for a missing value).
// Prints one JSON object: {"table", "rows", "bytes", "seconds": [wall time, one per run],
// "cpu_seconds": [process CPU time, one per run]}. Loading the table (into one
// ParquetRowBatch, as pyarrow is handed one Arrow table) is not timed; each run times opening
// the writer, write(batch:) (the API the pipeline's ParquetTableWriter feeds, 1024 rows at a
// time) and closing it. `--api rows` times write(row:) for every row instead. Without --level
// the codec's default level is used (what the pipeline writes).
import Foundation
import GleanParquet

/// A failure that ends the program with a message on stderr and exit code 2.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// The type names of TABLE.jsonl's header, mapped to Parquet column types.
func parquetType(_ name: String) throws -> ParquetType {
    switch name {
    case "string": return .string
    case "int32": return .int32
    case "int64": return .int64
    case "double": return .double
    case "boolean": return .boolean
    case "date": return .date
    case "timestamp": return .timestampMicros
    case "string_list": return .stringList
    default: throw BenchFailure("unknown column type '\(name)'")
    }
}

/// Converts one JSON value to a Parquet value of `type`.
func value(_ raw: Any, _ type: ParquetType, column: String) throws -> ParquetValue {
    if raw is NSNull { return .null }
    switch type {
    case .string:
        guard let s = raw as? String else { throw BenchFailure("column \(column): expected a string") }
        return .string(s)
    case .int32:
        guard let n = raw as? NSNumber else { throw BenchFailure("column \(column): expected a number") }
        return .int32(n.int32Value)
    case .int64:
        guard let n = raw as? NSNumber else { throw BenchFailure("column \(column): expected a number") }
        return .int64(n.int64Value)
    case .double:
        guard let n = raw as? NSNumber else { throw BenchFailure("column \(column): expected a number") }
        return .double(n.doubleValue)
    case .boolean:
        guard let n = raw as? NSNumber else { throw BenchFailure("column \(column): expected a boolean") }
        return .boolean(n.boolValue)
    case .date:
        guard let n = raw as? NSNumber else { throw BenchFailure("column \(column): expected a day number") }
        return .date(n.int32Value)
    case .timestampMicros:
        guard let n = raw as? NSNumber else { throw BenchFailure("column \(column): expected microseconds") }
        return .timestampMicros(n.int64Value)
    case .stringList:
        guard let items = raw as? [Any] else { throw BenchFailure("column \(column): expected a list") }
        var list: [String?] = []
        for item in items {
            if item is NSNull { list.append(nil) } else if let s = item as? String { list.append(s) } else {
                throw BenchFailure("column \(column): expected strings in the list")
            }
        }
        if list.contains(where: { $0 == nil }) { return .stringListWithNulls(list) }
        return .stringList(list.compactMap { $0 })
    }
}

/// Reads TABLE.jsonl into a schema and rows.
func loadTable(_ path: String) throws -> (name: String, schema: ParquetSchema, rows: [[ParquetValue]]) {
    guard let data = FileManager.default.contents(atPath: path) else { throw BenchFailure("cannot read \(path)") }
    // Split as [UInt8]: splitting Data itself is many times slower (exclusivity checks per byte).
    var lines = [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
    guard let headLine = lines.popFirst(),
          let head = try JSONSerialization.jsonObject(with: Data(headLine)) as? [String: Any],
          let columns = head["columns"] as? [[String: Any]]
    else { throw BenchFailure("\(path): the first line is not a table header") }
    var parquetColumns: [ParquetColumn] = []
    for column in columns {
        guard let name = column["name"] as? String, let type = column["type"] as? String else {
            throw BenchFailure("\(path): a column has no name or type")
        }
        let nullable = (column["nullable"] as? NSNumber)?.boolValue ?? true
        parquetColumns.append(ParquetColumn(name: name, type: try parquetType(type), nullable: nullable))
    }
    var rows: [[ParquetValue]] = []
    rows.reserveCapacity(lines.count)
    for line in lines {
        guard let cells = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]) as? [Any],
              cells.count == parquetColumns.count
        else { throw BenchFailure("\(path): row \(rows.count + 1) does not have \(parquetColumns.count) cells") }
        var row: [ParquetValue] = []
        row.reserveCapacity(cells.count)
        for (cell, column) in zip(cells, parquetColumns) {
            row.append(try value(cell, column.type, column: column.name))
        }
        rows.append(row)
    }
    return (head["name"] as? String ?? "table", ParquetSchema(columns: parquetColumns), rows)
}

/// Monotonic seconds.
func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

/// CPU seconds used by this process (all threads), user + system.
func cpuNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func runParquet(_ args: [String]) throws {
    guard args.count >= 2 else { throw BenchFailure("usage: GleanBench parquet TABLE.jsonl OUT.parquet [--runs N] [--codec C] [--level L] [--api batch|rows]") }
    var runs = 3
    var codec = ParquetCompression.zstd
    var level: Int?
    var api = "batch"
    var i = 2
    while i < args.count {
        guard i + 1 < args.count else { throw BenchFailure("option \(args[i]) needs a value") }
        switch args[i] {
        case "--runs":
            guard let n = Int(args[i + 1]), n > 0 else { throw BenchFailure("--runs needs a positive number") }
            runs = n
        case "--codec":
            guard let c = ParquetCompression(rawValue: args[i + 1]) else { throw BenchFailure("unknown codec \(args[i + 1])") }
            codec = c
        case "--api":
            guard ["batch", "rows"].contains(args[i + 1]) else { throw BenchFailure("--api is batch or rows") }
            api = args[i + 1]
        case "--level":
            guard let n = Int(args[i + 1]) else { throw BenchFailure("--level needs a number") }
            level = n
        default: throw BenchFailure("unknown option \(args[i])")
        }
        i += 2
    }
    let table = try loadTable(args[0])
    let options = ParquetWriterOptions(compression: codec, compressionLevel: level)
    // The whole table as one batch, like the Arrow table pq.write_table is given.
    let batch = try ParquetRowBatch(schema: table.schema)
    if api == "batch" {
        for row in table.rows { try batch.append(row: row) }
    }
    var seconds: [Double] = []
    var cpuSeconds: [Double] = []
    for _ in 0..<runs {
        try? FileManager.default.removeItem(atPath: args[1])
        let cpuStart = cpuNow()
        let start = now()
        let writer = try ParquetWriter(path: args[1], schema: table.schema, options: options)
        if api == "batch" {
            try writer.write(batch: batch)
        } else {
            for row in table.rows { try writer.write(row: row) }
        }
        try writer.close()
        seconds.append(now() - start)
        cpuSeconds.append(cpuNow() - cpuStart)
    }
    let size = (try FileManager.default.attributesOfItem(atPath: args[1])[.size] as? NSNumber)?.intValue ?? -1
    let result: [String: Any] = ["table": table.name, "rows": table.rows.count, "bytes": size, "seconds": seconds, "cpu_seconds": cpuSeconds]
    let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "parquet": try runParquet(Array(arguments.dropFirst()))
    default: throw BenchFailure("usage: GleanBench parquet TABLE.jsonl OUT.parquet [--runs N] [--codec C] [--level L] [--api batch|rows]")
    }
} catch {
    FileHandle.standardError.write(Data("GleanBench: \(error)\n".utf8))
    exit(2)
}
