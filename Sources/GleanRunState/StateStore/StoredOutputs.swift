import Foundation
import GleanCore
import GleanTables

/// What the state store keeps of one document: the documents the exports read (by the id of
/// the stage that produced them) and the failures, so a later run can route them to its
/// exports exactly as if the document had just been processed. Raw input bytes are not kept:
/// no export writes them.
package struct StoredOutputs: Codable, Sendable {
    /// Output documents of the stages some export reads, by stage id.
    package var documents: [String: StoredDocument]
    /// The stage that rejected the document, by stage id.
    package var failures: [String: StoredReject]

    package init(outputs: [String: Document], failures: [String: Reject], keep: Set<String>) {
        var documents: [String: StoredDocument] = [:]
        for (id, document) in outputs where keep.contains(id) { documents[id] = StoredDocument(document) }
        self.documents = documents
        self.failures = failures.mapValues(StoredReject.init)
    }

    /// The outputs and failures, as `Runner.process` produces them.
    package var restored: (outputs: [String: Document], failures: [String: Reject]) {
        (documents.mapValues(\.document), failures.mapValues(\.reject))
    }

    package static func encode(_ value: StoredOutputs) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(value)
    }

    package static func decode(_ data: Data) throws -> StoredOutputs {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(StoredOutputs.self, from: data)
    }
}
