/// The built-in stage kinds, in the order `glean stages` prints them.
enum BuiltInStages {
    static var all: [StageKind] {
        [FetchFilesStage.kind, ExportCSVStage.kind]
    }
}
