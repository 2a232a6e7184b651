import Foundation

/// A file or folder a stage reads besides the document (a plugin script, a folder of language
/// files, model weights): its content is part of the stage's fingerprint, so editing it makes
/// an incremental run process again every document the stage reached.
public struct SideInput: Sendable, Equatable {
    /// What the path names.
    public enum Kind: Sendable, Equatable {
        /// A file; a path that is a folder or is missing adds nothing (a command argument may
        /// or may not name a script).
        case file
        /// A folder whose files (directly in it) all count.
        case folder
    }

    /// As the manifest names it (written into the fingerprint).
    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// One `file <name>=<sha256>` line per regular file: the file itself, or each file directly
    /// in the folder (sorted by name); nothing when the path does not exist.
    package func fingerprintLines(manifestDirectory: String) -> String {
        let path = name.hasPrefix("/") ? name : manifestDirectory + "/" + name
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue == (kind == .folder) else { return "" }
        if kind == .file {
            return fm.contents(atPath: path).map { "file \(name)=\(ContentHash.hex($0))\n" } ?? ""
        }
        var text = ""
        for child in ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted() {
            var childIsDir: ObjCBool = false
            let childPath = path + "/" + child
            guard fm.fileExists(atPath: childPath, isDirectory: &childIsDir), !childIsDir.boolValue,
                  let data = fm.contents(atPath: childPath) else { continue }
            text += "file \(name)/\(child)=\(ContentHash.hex(data))\n"
        }
        return text
    }
}
