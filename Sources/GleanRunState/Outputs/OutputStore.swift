import Foundation
import GleanCore
import Synchronization

/// The output folder and its all-or-nothing commits.
///
/// Each run writes a new generation under `<out>/.glean/gen-*`. `<out>/.glean/current` is a
/// symbolic link to the committed generation, and `<out>/csv`, `<out>/parquet`,
/// `<out>/_run.json` and `<out>/_SUCCESS` are links through it. Committing is one atomic
/// rename of `current`, so after a `kill -9` at any moment readers see the complete previous set
/// of tables or the complete new one, never a mix; every file of a generation is flushed to
/// disk before that rename, so a power cut does not leave a published generation half-written.
/// A leftover generation is removed at the next start. A table file whose bytes did not change
/// is hard-linked from the previous generation, so it keeps its mtime and make does not rebuild
/// what depends on it.
///
/// In shard mode (`shard` set) every shard keeps its own lock, state and generations under
/// `<out>/.glean/shard-<i>of<n>/`, and publishes each of its part files as its own link
/// (`<out>/csv/<table>/part-<i>of<n>.csv` → `../../.glean/shard-<i>of<n>/current/...`), so the
/// shards of one dataset share the table folders without ever touching each other's files.
/// Its report and completion marker are published as `<out>/_shards/<i>/_run.json` and
/// `<out>/_shards/<i>/_SUCCESS`.
public final class OutputStore {
    public let root: String
    public let shard: ShardSpec?
    /// The folders holding tables: those the sinks write into (`StageRegistry.outputFolders`).
    public let tableFolders: [String]
    /// The entries published at the top of the output folder.
    public var published: [String] { tableFolders + ["_run.json", "_SUCCESS"] }
    /// Everything a run keeps in the output folder, so that listing inputs never reads it back:
    /// the published entries, the shards' reports, the `.glean` state and the page `glean report`
    /// (or `run --report`) writes.
    public var ownEntries: [String] {
        (published + ["_shards", ".glean", "report.html"]).map { root + "/" + $0 }
    }
    private var lockFD: Int32 = -1

    /// Where this store keeps its lock, state and generations.
    public var metaDir: String {
        if let shard { return root + "/.glean/" + Self.shardFolderName(shard) }
        return root + "/.glean"
    }
    private var currentLink: String { metaDir + "/current" }
    /// The incremental state store's file.
    public var stateFile: String { metaDir + "/state.sqlite" }
    /// The run lock's file.
    public var lockFile: String { metaDir + "/lock" }

    /// - Parameters:
    ///   - tableFolders: the folders the run's sinks may write, from the stage registry
    ///     (`registry.outputFolders`): published as links, kept when nothing changed, swept.
    public init(root: String, shard: ShardSpec? = nil, tableFolders: [String]) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
        self.shard = shard
        self.tableFolders = tableFolders
    }

    deinit { release() }

    package static func shardFolderName(_ shard: ShardSpec) -> String { "shard-\(shard.index)of\(shard.count)" }

    /// Where shard `index`'s report and marker are published.
    public static func shardReportFolder(root: String, index: Int) -> String { root + "/_shards/\(index)" }

    /// Creates the folder, takes the run lock (or fails with exit code 4 unless `wait`), checks
    /// that the published names are free or ours, and clears leftovers of interrupted runs.
    public func prepare(wait: Bool) throws {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: root, isDirectory: &isFolder), !isFolder.boolValue {
            throw GleanError(.manifest, "--out '\(root)' is a file, not a folder", hint: "name a folder for --out (it is created if missing)")
        }
        if let failure = Self.makeFolders(metaDir) {
            throw GleanError(.run, "cannot create the output folder '\(root)': \(failure)", hint: "choose a writable --out")
        }
        try claimKind()
        let fd = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw GleanError(.run, "cannot open the lock file '\(lockFile)'", hint: "check permissions on --out")
        }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            // The holder wrote its pid into the lock file when it took the lock.
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            close(fd)
            let holder = n > 0 ? Int(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) : nil
            let what = shard.map { "shard \($0.index) of \($0.count) of the output folder '\(root)'" } ?? "the output folder '\(root)'"
            throw GleanError(.busy, "\(what) is in use by another glean run" + (holder.map { " (pid \($0))" } ?? ""),
                             hint: "wait for it to finish, pass --wait to queue behind it, or choose another --out")
        }
        lockFD = fd
        // The holder's pid, for `glean status`.
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 { _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } }
        if shard == nil {
            for name in published {
                let path = root + "/" + name
                if let attrs = try? fm.attributesOfItem(atPath: path), attrs[.type] as? FileAttributeType != .typeSymbolicLink {
                    if fm.fileExists(atPath: root + "/_shards") {
                        throw GleanError(.run, "'\(root)' holds the outputs of a sharded run", hint: "pass the same --shard, or choose another --out for an unsharded run")
                    }
                    throw GleanError(.run, "'\(path)' exists and was not written by glean", hint: "move it away or choose another --out")
                }
            }
        } else {
            for name in published {
                let path = root + "/" + name
                if let attrs = try? fm.attributesOfItem(atPath: path), attrs[.type] as? FileAttributeType == .typeSymbolicLink {
                    throw GleanError(.run, "'\(root)' holds the outputs of an unsharded run", hint: "choose another --out for a sharded run, or remove '\(root)' first")
                }
            }
        }
        clearLeftovers()
    }

    /// What kind of output folder this run makes: an unsharded one, or the shards of an n-way split.
    package var kind: String { shard.map { "shards \($0.count)\n" } ?? "unsharded\n" }

    /// Claims the folder's kind, or checks it: the first run to take a folder decides, in one
    /// atomic step (a file linked into place, which fails when one is there), so an unsharded run
    /// and a shard started together can never both write into it. A different kind is a usage
    /// error (exit 2) naming both.
    package func claimKind() throws {
        let path = root + "/.glean/kind"
        let temporary = metaDir + "/kind.\(getpid()).tmp"
        let claimed: Bool
        if FileManager.default.fileExists(atPath: path) {
            claimed = false
        } else {
            // A folder from before kinds were recorded tells its kind by what it holds.
            try checkLegacyKind()
            guard FileManager.default.createFile(atPath: temporary, contents: Data(kind.utf8)) else {
                throw GleanError(.run, "cannot write in the output folder '\(root)'", hint: "choose a writable --out")
            }
            claimed = link(temporary, path) == 0
            unlink(temporary)
        }
        if claimed { return }
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard existing != kind else { return }
        let have = existing.hasPrefix("shards ") ? "the shards of a \(existing.dropFirst(7).trimmingCharacters(in: .whitespacesAndNewlines))-way split" : "an unsharded run"
        let want = shard.map { "shard \($0.index) of \($0.count)" } ?? "an unsharded run"
        throw GleanError(.manifest, "'\(root)' holds \(have), and this run is \(want)",
                         hint: shard == nil || existing.hasPrefix("shards ")
                             ? "use the same --shard-count, or clear the folder (rm -r '\(root)') to change it"
                             : "choose another --out for a sharded run, or clear the folder (rm -r '\(root)') first")
    }

    /// The checks a folder written before `.glean/kind` existed gets: its published entries and
    /// shard folders say what it is.
    package func checkLegacyKind() throws {
        let fm = FileManager.default
        if let shard {
            let suffix = "of\(shard.count)"
            for name in (try? fm.contentsOfDirectory(atPath: root + "/.glean")) ?? [] where name.hasPrefix("shard-") && !name.hasSuffix(suffix) {
                let other = name.split(separator: "f").last.map(String.init) ?? "?"
                throw GleanError(.manifest, "'\(root)' holds the shards of a \(other)-way split, and this run is shard \(shard.index) of \(shard.count)",
                                 hint: "use the same --shard-count, or clear the folder (rm -r '\(root)') to change it")
            }
            for name in published {
                if let attrs = try? fm.attributesOfItem(atPath: root + "/" + name), attrs[.type] as? FileAttributeType == .typeSymbolicLink {
                    throw GleanError(.manifest, "'\(root)' holds the outputs of an unsharded run, and this run is shard \(shard.index) of \(shard.count)",
                                     hint: "choose another --out for a sharded run, or clear the folder (rm -r '\(root)') first")
                }
            }
        } else if fm.fileExists(atPath: root + "/_shards") {
            throw GleanError(.manifest, "'\(root)' holds the outputs of a sharded run, and this run is an unsharded run",
                             hint: "pass the same --shard-count, or choose another --out for an unsharded run")
        }
    }

    /// Creates `path` and the folders above it (mkdir -p); nil when done, else the system's
    /// reason in words (Foundation's error would print as "NSCocoaErrorDomain error 512").
    package static func makeFolders(_ path: String) -> String? {
        var current = ""
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                return "\(current): \(String(cString: strerror(errno)))"
            }
        }
        var st = stat()
        guard stat(path, &st) == 0 else { return "\(path): \(String(cString: strerror(errno)))" }
        return (st.st_mode & S_IFMT) == S_IFDIR ? nil : "\(path): \(String(cString: strerror(ENOTDIR)))"
    }

    /// Releases the run lock (also released when the process ends, however it ends).
    /// Unlocks explicitly before closing: a child process being spawned by another thread may
    /// hold a copy of the descriptor for a moment, and closing alone would leave it locked.
    public func release() {
        if lockFD >= 0 {
            _ = ftruncate(lockFD, 0)
            _ = flock(lockFD, LOCK_UN)
            close(lockFD)
            lockFD = -1
        }
    }

    /// The committed generation's folder, if any.
    public var currentGeneration: String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: currentLink) else { return nil }
        return metaDir + "/" + target
    }

    /// Removes every generation but the committed one.
    package func clearLeftovers() {
        let fm = FileManager.default
        let current = (try? fm.destinationOfSymbolicLink(atPath: currentLink)) ?? ""
        for name in (try? fm.contentsOfDirectory(atPath: metaDir)) ?? [] where name.hasPrefix("gen-") && name != current {
            try? fm.removeItem(atPath: metaDir + "/" + name)
        }
        try? fm.removeItem(atPath: currentLink + ".new")
    }

    /// A fresh, empty generation folder to write a run into.
    public func beginGeneration() throws -> String {
        let name = "gen-\(UInt64(Date().timeIntervalSince1970 * 1_000_000))-\(getpid())"
        let path = metaDir + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Publishes `generation` atomically and removes the previous one.
    public func commit(generation: String) throws {
        let fm = FileManager.default
        let previous = currentGeneration
        if let previous { Self.linkUnchanged(new: generation, old: previous) }
        var shardFiles: [String] = []
        if let shard { shardFiles = try publishShardLinks(generation: generation, shard: shard) }
        try syncTree(generation)
        let name = (generation as NSString).lastPathComponent
        let temp = currentLink + ".new"
        try? fm.removeItem(atPath: temp)
        guard symlink(name, temp) == 0, rename(temp, currentLink) == 0 else {
            throw GleanError(.run, "cannot publish the run in '\(root)': \(String(cString: strerror(errno)))")
        }
        syncFolder(metaDir)
        if let shard {
            sweepStaleLinks(shard: shard, keep: Set(shardFiles))
        } else {
            for entry in published {
                let link = root + "/" + entry
                let target = ".glean/current/" + entry
                if (try? fm.destinationOfSymbolicLink(atPath: link)) != target {
                    try? fm.removeItem(atPath: link)
                    _ = symlink(target, link)
                }
            }
        }
        if let previous, previous != generation { try? fm.removeItem(atPath: previous) }
    }

    /// Drops an unfinished generation.
    public func abort(generation: String) {
        try? FileManager.default.removeItem(atPath: generation)
    }

    /// Hard-links every table file of `old` into `new` (used when nothing changed: the tables
    /// are the previous run's, the same inodes).
    package func linkTables(from old: String, into new: String) throws {
        let fm = FileManager.default
        for folder in tableFolders {
            guard let walker = fm.enumerator(atPath: old + "/" + folder) else { continue }
            while let relative = walker.nextObject() as? String {
                let source = old + "/" + folder + "/" + relative
                let target = new + "/" + folder + "/" + relative
                guard let attrs = try? fm.attributesOfItem(atPath: source) else { continue }
                if attrs[.type] as? FileAttributeType == .typeDirectory {
                    try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
                } else if attrs[.type] as? FileAttributeType == .typeRegular {
                    try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    guard link(source, target) == 0 else {
                        throw GleanError(.run, "cannot link '\(source)' into the new run: \(String(cString: strerror(errno)))", hint: "check free space and permissions on --out")
                    }
                }
            }
        }
    }

    /// Replaces each file of `new` that is byte-identical to the same path in `old` by a hard
    /// link to the old file (same inode, same mtime).
    package static func linkUnchanged(new: String, old: String) {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: new) else { return }
        while let relative = walker.nextObject() as? String {
            let newPath = new + "/" + relative
            let oldPath = old + "/" + relative
            guard let attrs = try? fm.attributesOfItem(atPath: newPath), attrs[.type] as? FileAttributeType == .typeRegular,
                  let oldAttrs = try? fm.attributesOfItem(atPath: oldPath), oldAttrs[.type] as? FileAttributeType == .typeRegular,
                  (attrs[.size] as? Int) == (oldAttrs[.size] as? Int) else { continue }
            if (attrs[.systemFileNumber] as? Int) == (oldAttrs[.systemFileNumber] as? Int) { continue }
            guard fm.contentsEqual(atPath: newPath, andPath: oldPath) else { continue }
            let temp = newPath + ".link"
            if link(oldPath, temp) == 0 {
                if rename(temp, newPath) != 0 { unlink(temp) }
            }
        }
    }

    // MARK: - Shard links

    /// Links each table file of `generation` (but `_` and `.` files) at its place under `<out>`, through `current`
    /// (dangling until `current` is switched), and the report and marker under
    /// `<out>/_shards/<i>/`. Returns the published paths, relative to `<out>`.
    private func publishShardLinks(generation: String, shard: ShardSpec) throws -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        for folder in tableFolders {
            guard let walker = fm.enumerator(atPath: generation + "/" + folder) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = generation + "/" + folder + "/" + relative
                guard let attrs = try? fm.attributesOfItem(atPath: path), attrs[.type] as? FileAttributeType == .typeRegular else { continue }
                let name = (relative as NSString).lastPathComponent
                // Markers such as a dataset's `_SUCCESS` are one shard's, not the dataset's: they
                // stay in the shard's generation (readers skip `_` and `.` files anyway).
                if name.hasPrefix("_") || name.hasPrefix(".") { continue }
                guard name.hasPrefix(shard.partStem + ".") || name.hasPrefix(shard.partStem + "-") else {
                    throw GleanError(.run, "in shard mode every table file must be named after its shard ('\(shard.partStem)'), but the export wrote '\(folder)/\(relative)'",
                                     hint: "this export does not support --shard yet; run without --shard")
                }
                files.append(folder + "/" + relative)
            }
        }
        let shardFolder = Self.shardFolderName(shard)
        for relative in files {
            let depth = relative.split(separator: "/").count - 1
            let target = String(repeating: "../", count: depth) + ".glean/" + shardFolder + "/current/" + relative
            try placeLink(at: root + "/" + relative, target: target)
        }
        let reportFolder = Self.shardReportFolder(root: root, index: shard.index)
        for name in ["_run.json", "_SUCCESS"] {
            try placeLink(at: reportFolder + "/" + name, target: "../../.glean/" + shardFolder + "/current/" + name)
        }
        return files
    }

    /// Makes `path` a symbolic link to `target`, replacing an older link atomically.
    private func placeLink(at path: String, target: String) throws {
        let fm = FileManager.default
        if (try? fm.destinationOfSymbolicLink(atPath: path)) == target { return }
        if let attrs = try? fm.attributesOfItem(atPath: path), attrs[.type] as? FileAttributeType != .typeSymbolicLink {
            throw GleanError(.run, "'\(path)' exists and was not written by glean", hint: "move it away or choose another --out")
        }
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temp = path + ".new-link"
        unlink(temp)
        guard symlink(target, temp) == 0, rename(temp, path) == 0 else {
            throw GleanError(.run, "cannot publish '\(path)': \(String(cString: strerror(errno)))", hint: "check permissions on --out")
        }
    }

    /// Removes this shard's links to files the committed generation no longer has.
    private func sweepStaleLinks(shard: ShardSpec, keep: Set<String>) {
        let fm = FileManager.default
        let marker = ".glean/" + Self.shardFolderName(shard) + "/current/"
        for folder in tableFolders {
            guard let walker = fm.enumerator(atPath: root + "/" + folder) else { continue }
            var stale: [String] = []
            while let relative = walker.nextObject() as? String {
                let full = folder + "/" + relative
                guard let target = try? fm.destinationOfSymbolicLink(atPath: root + "/" + full), target.contains(marker) else { continue }
                if !keep.contains(full) { stale.append(full) }
            }
            for relative in stale { unlink(root + "/" + relative) }
        }
    }

    /// Flushes every file and folder of a generation to disk before it is published, so that
    /// a committed generation survives a power loss or a kernel crash, not only a killed
    /// process. The files are synced two at a time: their journal commits overlap.
    private func syncTree(_ path: String) throws {
        var paths: [String] = []
        if let walker = FileManager.default.enumerator(atPath: path) {
            while let relative = walker.nextObject() as? String { paths.append(path + "/" + relative) }
        }
        // The folders too (their entries are names to keep); all are done before the rename.
        paths.append(path)
        let all = paths
        let failures = SyncFailures()
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for i in stride(from: lane, to: all.count, by: 2) {
                let fd = open(all[i], O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { continue }
                // EINVAL and EROFS: a file system that cannot sync (or need not); not a loss.
                if fsync(fd) != 0 {
                    let code = errno
                    if code != EINVAL && code != EROFS { failures.add(all[i], code) }
                }
                close(fd)
            }
        }
        if let (file, code) = failures.first {
            throw GleanError(.run, "cannot flush '\(file)' to disk: \(String(cString: strerror(code)))",
                             hint: "check the disk and free space on --out; the previous outputs are left as they were")
        }
    }

    private func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}

/// The first fsync failure of ``OutputStore``'s sync lanes.
private final class SyncFailures: Sendable {
    private let failure = Mutex<(path: String, code: Int32)?>(nil)

    func add(_ path: String, _ code: Int32) {
        failure.withLock { if $0 == nil { $0 = (path, code) } }
    }

    var first: (String, Int32)? {
        failure.withLock { $0 }
    }
}
