import Foundation

/// The output folder and its all-or-nothing commits.
///
/// Each run writes a new generation under `<out>/.glean/gen-*`. `<out>/.glean/current` is a
/// symbolic link to the committed generation, and `<out>/csv`, `<out>/parquet`,
/// `<out>/_run.json` and `<out>/_SUCCESS` are links through it. Committing is one atomic
/// rename of `current`, so after a `kill -9` at any moment readers see the complete previous set
/// of tables or the complete new one, never a mix. A leftover generation is removed at the next
/// start. A table file whose bytes did not change is hard-linked from the previous generation,
/// so it keeps its mtime and make does not rebuild what depends on it.
public final class OutputStore {
    public let root: String
    /// The entries published at the top of the output folder.
    public static let published = ["csv", "parquet", "_run.json", "_SUCCESS"]
    private var lockFD: Int32 = -1
    private var metaDir: String { root + "/.glean" }
    private var currentLink: String { metaDir + "/current" }

    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    deinit {
        if lockFD >= 0 { close(lockFD) }
    }

    /// Creates the folder, takes the run lock (or fails with exit code 4 unless `wait`), checks
    /// that the published names are free or ours, and clears leftovers of interrupted runs.
    public func prepare(wait: Bool) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: metaDir, withIntermediateDirectories: true)
        } catch {
            throw GleanError(.run, "cannot create the output folder '\(root)': \(error.localizedDescription)", hint: "choose a writable --out")
        }
        let fd = open(metaDir + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw GleanError(.run, "cannot open the lock file in '\(metaDir)'", hint: "check permissions on --out")
        }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            close(fd)
            throw GleanError(.busy, "the output folder '\(root)' is in use by another glean run",
                             hint: "wait for it to finish, pass --wait to queue behind it, or choose another --out")
        }
        lockFD = fd
        for name in Self.published {
            let path = root + "/" + name
            if let attrs = try? fm.attributesOfItem(atPath: path), attrs[.type] as? FileAttributeType != .typeSymbolicLink {
                throw GleanError(.run, "'\(path)' exists and was not written by glean", hint: "move it away or choose another --out")
            }
        }
        clearLeftovers()
    }

    /// The committed generation's folder, if any.
    public var currentGeneration: String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: currentLink) else { return nil }
        return metaDir + "/" + target
    }

    /// Removes every generation but the committed one.
    func clearLeftovers() {
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
        syncFolder(generation)
        let name = (generation as NSString).lastPathComponent
        let temp = currentLink + ".new"
        try? fm.removeItem(atPath: temp)
        guard symlink(name, temp) == 0, rename(temp, currentLink) == 0 else {
            throw GleanError(.run, "cannot publish the run in '\(root)': \(String(cString: strerror(errno)))")
        }
        syncFolder(metaDir)
        for entry in Self.published {
            let link = root + "/" + entry
            let target = ".glean/current/" + entry
            if (try? fm.destinationOfSymbolicLink(atPath: link)) != target {
                try? fm.removeItem(atPath: link)
                _ = symlink(target, link)
            }
        }
        if let previous, previous != generation { try? fm.removeItem(atPath: previous) }
    }

    /// Drops an unfinished generation.
    public func abort(generation: String) {
        try? FileManager.default.removeItem(atPath: generation)
    }

    /// Replaces each file of `new` that is byte-identical to the same path in `old` by a hard
    /// link to the old file (same inode, same mtime).
    static func linkUnchanged(new: String, old: String) {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: new) else { return }
        while let relative = walker.nextObject() as? String {
            let newPath = new + "/" + relative
            let oldPath = old + "/" + relative
            guard let attrs = try? fm.attributesOfItem(atPath: newPath), attrs[.type] as? FileAttributeType == .typeRegular,
                  let oldAttrs = try? fm.attributesOfItem(atPath: oldPath), oldAttrs[.type] as? FileAttributeType == .typeRegular,
                  (attrs[.size] as? Int) == (oldAttrs[.size] as? Int),
                  fm.contentsEqual(atPath: newPath, andPath: oldPath) else { continue }
            let temp = newPath + ".link"
            if link(oldPath, temp) == 0 {
                if rename(temp, newPath) != 0 { unlink(temp) }
            }
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
