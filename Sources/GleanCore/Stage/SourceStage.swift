import GleanTables

/// A stage that lists the run's inputs and reads each as a document.
public protocol SourceStage: Sendable {
    /// The inputs, with warnings (a glob that matched nothing, a symbolic link not followed)
    /// and the globs that had to match and did not.
    func listInputs(_ context: ListingContext) throws -> SourceListing
    /// Reads one input. Throws `DocumentError` for an input that cannot be read.
    func read(_ input: InputRef, context: StageContext) throws -> Document
}
