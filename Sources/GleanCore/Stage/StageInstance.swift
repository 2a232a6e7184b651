import GleanTables

/// A stage built from its declaration.
public enum StageInstance {
    case source(any SourceStage)
    case perDocument(any DocumentStage)
    case sink(any SinkStage)
}
