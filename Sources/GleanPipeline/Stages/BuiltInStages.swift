/// The built-in stage kinds, in the order `glean stages` prints them.
enum BuiltInStages {
    static var all: [StageKind] {
        [FetchFilesStage.kind, ParseHTMLStage.kind, CleanTextStage.kind, ExtractFactsStage.kind, ExecStage.kind, ExportCSVStage.kind, ExportParquetStage.kind]
    }
}
