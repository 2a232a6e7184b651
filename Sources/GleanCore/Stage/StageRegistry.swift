import GleanTables

/// The explicit list of stage kinds a run may use. Tests may start from an empty or custom one.
public struct StageRegistry: Sendable {
    public private(set) var kinds: [String] = []
    private var byName: [String: StageKind] = [:]

    public init(_ kinds: [StageKind] = []) {
        for kind in kinds { register(kind) }
    }

    public mutating func register(_ kind: StageKind) {
        if byName[kind.spec.kind] == nil { kinds.append(kind.spec.kind) }
        byName[kind.spec.kind] = kind
    }

    public func spec(_ kind: String) -> StageSpec? { byName[kind]?.spec }
    public func kind(_ kind: String) -> StageKind? { byName[kind] }
    public var specs: [StageSpec] { kinds.compactMap { byName[$0]?.spec } }

    /// The folders the registered sinks write under the output root, in registration order.
    public var outputFolders: [String] {
        var folders: [String] = []
        for name in kinds { if let folder = byName[name]?.outputFolder, !folders.contains(folder) { folders.append(folder) } }
        return folders
    }
}
