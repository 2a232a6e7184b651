/// A stage kind's options as typed values. Each kind decodes its validated ``StageOptions``
/// in one place, its ``init(_:)``; the loader has already checked the types and filled in the
/// spec's defaults, and a default is written once, as a constant the spec and `init` share.
public protocol StageConfig: Sendable {
    /// Decodes validated options.
    init(_ options: StageOptions)
}

/// For stage kinds without options of their own.
public struct NoConfig: StageConfig {
    public init(_ options: StageOptions) {}
}
