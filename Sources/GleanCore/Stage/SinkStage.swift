import GleanTables

/// A stage that writes tables: it receives every document in order, on one thread.
public protocol SinkStage: AnyObject {
    /// Opens its table files under `folder` (the run's staging folder).
    func open(folder: String) throws
    func consume(_ item: SinkItem) throws
    /// Finishes every file.
    func close() throws
    /// What the sink counted besides rows, by name, for the run report (export.xlsx: the
    /// cells cut to Excel's limit); read after `close`.
    var counts: [String: Int] { get }
}

extension SinkStage {
    public var counts: [String: Int] { [:] }
}
