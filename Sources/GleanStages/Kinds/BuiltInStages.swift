import GleanCore

/// The built-in stage kinds, in the order `glean stages` prints them.
package enum BuiltInStages {
    package static var all: [StageKind] {
        [FetchFilesStage.kind, FetchWARCStage.kind, ParseHTMLStage.kind, CleanTextStage.kind, ExtractFactsStage.kind, ExecStage.kind, ExportCSVStage.kind, ExportParquetStage.kind, ExportXLSXStage.kind]
    }
}

extension StageRegistry {
    /// Every built-in stage kind.
    public static let builtIn = StageRegistry(BuiltInStages.all)
}

extension ManifestLoader {
    /// A loader that knows the built-in stage kinds.
    public init() {
        self.init(registry: .builtIn)
    }
}
