#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The run's inputs, held compactly. A source lists its files as paths relative to a folder
/// (an ``Origin``: the glob's base folder, the manifest's folder and the stage id); the list
/// keeps only those relative paths, in one byte arena with a 32-byte entry each, and the doc_id
/// as the length of a prefix of them (a WARC record's doc_id is stored before its file's path). A run over 100,000 files then keeps about 5 MB of
/// listing instead of three heap strings per input (about 40 MB). Elements come out as
/// ``InputRef`` values, built on access.
public struct InputList: RandomAccessCollection, Sendable {
    /// Where a group of inputs was found.
    public struct Origin: Sendable, Hashable {
        /// The folder the relative paths start from (absolute, standardized).
        public var base: String
        /// The folder `source` paths are relative to (the manifest's folder).
        public var root: String
        /// The id of the source stage that found them.
        public var stage: String

        public init(base: String, root: String, stage: String) {
            self.base = base
            self.root = root
            self.stage = stage
        }
    }

    private struct Entry: Sendable {
        var offset: Int
        var count: UInt32
        var docIdCount: UInt32
        var origin: UInt32
        /// An ``InputProblem`` raw value, 0 for none (fits the entry's padding).
        var problem: UInt8 = 0
        /// Where the relative path starts in the entry's bytes: 0 when the doc_id is a prefix of
        /// it, else the doc_id's length (a record's doc_id is stored before its file's path).
        var pathStart: UInt32 = 0
        /// The index of the entry's ``InputRecord`` in `records`, or -1 for a whole file.
        var record: Int32 = -1
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    private var origins: [Origin] = []
    /// Each origin's index, so registering the origin of one more glob is not a scan.
    private var originIndex: [Origin: Int] = [:]
    /// Each origin's `base` relative to its `root`, so an input's `source` is a join, not a
    /// path standardization per document.
    private var originSources: [String] = []
    /// The records of inputs that are parts of files (WARC records), by entry.
    private var records: [InputRecord] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    public subscript(position: Int) -> InputRef {
        let e = entries[position]
        let origin = origins[Int(e.origin)]
        let pathStart = e.offset + Int(e.pathStart)
        let relative = bytes.withUnsafeBufferPointer { String(decoding: $0[pathStart..<(e.offset + Int(e.count))], as: UTF8.self) }
        let path = origin.base + "/" + relative
        let source: String
        if Self.isPlainRelative(relative) {
            let base = originSources[Int(e.origin)]
            source = base.isEmpty ? relative : base + "/" + relative
        } else {
            source = RelativePath.of(path, from: origin.root)
        }
        return InputRef(docId: docId(at: position), path: path, source: source, stage: origin.stage,
                        problem: InputProblem(rawValue: e.problem), record: e.record >= 0 ? records[Int(e.record)] : nil)
    }

    /// A relative path with no empty, "." or ".." component: joining it to a standardized
    /// folder needs no standardization.
    package static func isPlainRelative(_ relative: String) -> Bool {
        var length = 0
        var dots = 0
        for b in relative.utf8 {
            if b == 0x2F {
                if length == 0 || dots == length && dots <= 2 { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if b == 0x2E { dots += 1 }
            }
        }
        return length > 0 && !(dots == length && dots <= 2)
    }

    /// The doc_id of input `position`, without building its path and source.
    public func docId(at position: Int) -> String {
        let e = entries[position]
        return bytes.withUnsafeBufferPointer { String(decoding: $0[e.offset..<(e.offset + Int(e.docIdCount))], as: UTF8.self) }
    }

    /// Registers where the next inputs come from; returns its index for ``append(relative:docIdCount:origin:)``.
    public mutating func addOrigin(_ origin: Origin) -> Int {
        if let i = originIndex[origin] { return i }
        originIndex[origin] = origins.count
        origins.append(origin)
        originSources.append(RelativePath.of(origin.base, from: origin.root))
        return origins.count - 1
    }

    /// Adds the input at `origin.base + "/" + relative`, whose doc_id is the first
    /// `docIdCount` UTF-8 bytes of `relative`.
    public mutating func append(relative: String, docIdCount: Int, origin: Int, problem: InputProblem? = nil) {
        let count = relative.utf8.count
        precondition(docIdCount >= 0 && docIdCount <= count && origins.indices.contains(origin),
                     "the doc_id must be a prefix of the relative path, from a registered origin")
        let offset = bytes.count
        bytes.append(contentsOf: relative.utf8)
        entries.append(Entry(offset: offset, count: UInt32(count), docIdCount: UInt32(docIdCount), origin: UInt32(origin),
                             problem: problem?.rawValue ?? 0))
    }

    /// Adds one record of the file at `origin.base + "/" + relative`, with its own doc_id.
    public mutating func append(record: InputRecord, docId: String, relative: String, origin: Int) {
        precondition(origins.indices.contains(origin), "a record from a registered origin")
        let offset = bytes.count
        bytes.append(contentsOf: docId.utf8)
        bytes.append(contentsOf: relative.utf8)
        let idCount = docId.utf8.count
        entries.append(Entry(offset: offset, count: UInt32(bytes.count - offset), docIdCount: UInt32(idCount), origin: UInt32(origin),
                             pathStart: UInt32(idCount), record: Int32(records.count)))
        records.append(record)
    }

    /// Adds every input of `other`, in order.
    public mutating func append(contentsOf other: InputList) {
        if entries.isEmpty && origins.isEmpty {
            self = other
            return
        }
        let originMap = other.origins.map { addOrigin($0) }
        let shift = bytes.count
        let recordShift = Int32(records.count)
        bytes.append(contentsOf: other.bytes)
        records.append(contentsOf: other.records)
        for var e in other.entries {
            e.offset += shift
            e.origin = UInt32(originMap[Int(e.origin)])
            if e.record >= 0 { e.record += recordShift }
            entries.append(e)
        }
    }

    /// Orders the inputs by doc_id (byte order of UTF-8), then by path, so the order never
    /// depends on the listing order.
    public mutating func sortByDocId() {
        let bytes = self.bytes
        let origins = self.origins
        bytes.withUnsafeBufferPointer { b in
            entries.sort { x, y in
                let c = Self.compare(b, x.offset, Int(x.docIdCount), y.offset, Int(y.docIdCount))
                if c != 0 { return c < 0 }
                // Equal doc_ids (an error the runner reports): a fixed order all the same.
                return Self.path(b, x, origins).utf8.lexicographicallyPrecedes(Self.path(b, y, origins).utf8)
            }
        }
    }

    /// Drops inputs whose path an earlier input already has (several globs may match one file);
    /// the first one listed is kept. For whole files only: records of one file share its path.
    public mutating func removeDuplicatePaths() {
        let paths = bytes.withUnsafeBufferPointer { b in entries.map { Self.path(b, $0, origins) } }
        var seen: Set<String> = []
        var keep: [Entry] = []
        keep.reserveCapacity(entries.count)
        for (e, path) in zip(entries, paths) where seen.insert(path).inserted { keep.append(e) }
        entries = keep
    }

    /// The first two neighbouring inputs (after ``sortByDocId()``) that share a doc_id.
    public func firstDuplicateDocId() -> (InputRef, InputRef)? {
        let found: Int? = bytes.withUnsafeBufferPointer { b in
            for i in entries.indices.dropFirst() {
                let x = entries[i - 1], y = entries[i]
                if Self.compare(b, x.offset, Int(x.docIdCount), y.offset, Int(y.docIdCount)) == 0 { return i }
            }
            return nil
        }
        return found.map { (self[$0 - 1], self[$0]) }
    }

    /// The inputs whose doc_id satisfies `isIncluded`, in order.
    public func filter(docId isIncluded: (String) throws -> Bool) rethrows -> InputList {
        var result = self
        result.entries = []
        for i in entries.indices where try isIncluded(docId(at: i)) { result.entries.append(entries[i]) }
        return result
    }

    private static func path(_ b: UnsafeBufferPointer<UInt8>, _ e: Entry, _ origins: [Origin]) -> String {
        origins[Int(e.origin)].base + "/" + String(decoding: b[(e.offset + Int(e.pathStart))..<(e.offset + Int(e.count))], as: UTF8.self)
    }

    /// memcmp order of two byte ranges of the arena, the shorter first on a common prefix.
    private static func compare(_ b: UnsafeBufferPointer<UInt8>, _ xStart: Int, _ xCount: Int,
                                _ yStart: Int, _ yCount: Int) -> Int32 {
        guard let base = b.baseAddress else { return Int32(xCount - yCount) }
        let c = memcmp(base + xStart, base + yStart, Swift.min(xCount, yCount))
        if c != 0 { return c }
        return xCount == yCount ? 0 : (xCount < yCount ? -1 : 1)
    }
}
