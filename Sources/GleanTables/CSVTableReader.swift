import Foundation

/// Reads a CSV table back, row by row and in 1 MiB chunks: what `CSVTableWriter` writes (either
/// mode, any one-byte delimiter) or any RFC 4180 file with a header row.
///
/// A cell is `nil` when its field is empty and unquoted (how the writer writes a null), and `""`
/// when it is `""`. In the writer's spreadsheet mode every text cell is quoted, so null and empty
/// text stay apart; in plain mode both read as `nil`. The apostrophe the writer puts before a cell
/// starting with = + - @, a tab or a carriage return (against formula injection) is taken off, so
/// a text reads back as the run produced it.
public final class CSVTableReader {
    public let path: String
    /// The header's column names.
    public private(set) var header: [String] = []
    /// The field separator's UTF-8 bytes, found in the header: the first character outside quotes
    /// that cannot be part of a column name (`,` `;` a tab, or any other the writer was given).
    public private(set) var delimiter: [UInt8] = [44]
    private let handle: FileHandle
    private var chunk: [UInt8] = []
    private var index = 0
    private var atEnd = false

    /// Opens `path` and reads its header (a UTF-8 byte order mark before it is skipped).
    public init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TableReadError(path: path, message: "cannot open the file for reading; check that it exists and is readable")
        }
        self.handle = handle
        _ = try ensure(1 << 16)
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        delimiter = Self.sniffDelimiter(chunk[index...])
        guard let names = try next() else {
            throw TableReadError(path: path, message: "empty file: a CSV table starts with its header row")
        }
        header = names.map { $0 ?? "" }
    }

    deinit { try? handle.close() }

    /// The next row's cells, or nil after the last row.
    public func next() throws -> [String?]? {
        guard try ensure(1) else { return nil }
        var cells: [String?] = []
        var field: [UInt8] = []
        var quoted = false
        while true {
            // A quoted field: up to its closing quote, a doubled quote being one quote.
            if field.isEmpty && !quoted, try ensure(1), chunk[index] == 34 {
                quoted = true
                index += 1
                while try ensure(1) {
                    guard let q = find(34, from: index, to: chunk.count) else {
                        field += chunk[index...]
                        index = chunk.count
                        continue
                    }
                    field += chunk[index..<q]
                    index = q + 1
                    if try ensure(1), chunk[index] == 34 {
                        field.append(34)
                        index += 1
                    } else {
                        break
                    }
                }
            }
            // The rest of the field (all of an unquoted one) up to a delimiter, a line end or the end.
            guard try ensure(1) else {
                cells.append(Self.cell(field, quoted: quoted))
                return cells
            }
            let end = chunk.count
            var stop = find(10, from: index, to: end) ?? end
            stop = find(13, from: index, to: stop) ?? stop
            stop = find(delimiter[0], from: index, to: stop) ?? stop
            field += chunk[index..<stop]
            index = stop
            guard stop < end else { continue }
            let b = chunk[index]
            index += 1
            if b == delimiter[0] {
                if try delimiterFollows() {
                    cells.append(Self.cell(field, quoted: quoted))
                    field.removeAll(keepingCapacity: true)
                    quoted = false
                } else {
                    field.append(b)
                }
            } else {
                if b == 13, try ensure(1), chunk[index] == 10 { index += 1 }
                cells.append(Self.cell(field, quoted: quoted))
                return cells
            }
        }
    }

    /// Where `byte` first is in `chunk[from..<to]` (memchr), or nil.
    private func find(_ byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        return chunk.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    /// Calls `body` with each row's cells keyed by the header's names.
    public func forEachRow(_ body: ([String: String?]) throws -> Void) throws {
        while let cells = try next() {
            var row: [String: String?] = [:]
            for (i, name) in header.enumerated() { row[name] = i < cells.count ? cells[i] : nil }
            try body(row)
        }
    }

    static func cell(_ bytes: [UInt8], quoted: Bool) -> String? {
        if bytes.isEmpty && !quoted { return nil }
        return unneutralised(String(decoding: bytes, as: UTF8.self))
    }

    /// A cell as the run produced it: without the apostrophe `CSVTableWriter.neutralised` added.
    public static func unneutralised(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first else { return s }
        switch second {
        case "=", "+", "-", "@", "\t", "\r": return String(scalars.dropFirst())
        default: return s
        }
    }

    static func sniffDelimiter(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var inQuotes = false
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if scalar == "\n" || scalar == "\r" { break }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" || scalar == " " || scalar == "-" { continue }
            return Array(String(scalar).utf8)
        }
        return [44]
    }

    // MARK: - Bytes

    /// Whether the rest of a multi-byte delimiter follows the byte just taken (then taken too).
    private func delimiterFollows() throws -> Bool {
        let rest = delimiter.count - 1
        guard rest > 0 else { return true }
        guard try ensure(rest), chunk[index..<(index + rest)].elementsEqual(delimiter[1...]) else { return false }
        index += rest
        return true
    }

    /// Reads on until `count` bytes are buffered past `index`, or the file ends.
    private func ensure(_ count: Int) throws -> Bool {
        while chunk.count - index < count && !atEnd {
            let data = try handle.read(upToCount: max(1 << 20, count)) ?? Data()
            if data.isEmpty { atEnd = true; break }
            chunk.removeFirst(index)
            index = 0
            chunk.append(contentsOf: data)
        }
        return chunk.count - index >= count
    }
}

/// A table file that could not be read.
public struct TableReadError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
