import Foundation
import GleanTables

/// A manifest checked beyond its syntax: stage order and the tables reaching each stage.
public struct Plan: Sendable {
    public var manifest: Manifest
    /// Stage ids, every stage after the stages it needs.
    public var order: [String]
    /// For each stage id, the tables that reach it from upstream.
    public var tables: [String: [TableSchema]]

    /// Checks every stage's options against what reaches it (tables to export, patterns).
    public init(manifest: Manifest, registry: StageRegistry) throws {
        self.manifest = manifest
        order = StageGraph.topologicalOrder(manifest.stages)
        tables = [:]
        var produced: [String: [TableSchema]] = [:]
        for id in order {
            guard let decl = manifest.stage(id), let kind = registry.kind(decl.use) else { continue }
            produced[id] = kind.tables(decl.options)
        }
        var mistakes: [GleanError] = []
        for id in order {
            guard let decl = manifest.stage(id), let kind = registry.kind(decl.use) else { continue }
            let upstream = StageGraph.ancestors(of: id, in: manifest.stages)
            var available = [BuiltInTables.documents]
            var seen: Set<String> = [BuiltInTables.documents.name, BuiltInTables.rejects.name]
            for upstreamId in order where upstream.contains(upstreamId) {
                for schema in produced[upstreamId] ?? [] where seen.insert(schema.name).inserted {
                    available.append(schema)
                }
            }
            available.append(BuiltInTables.rejects)
            tables[id] = available
            if let problem = kind.check(decl, available) {
                let location = decl.optionLocations[problem.option] ?? decl.location
                mistakes.append(GleanError(.manifest, problem.message, location: location, stage: id, snippet: Self.snippet(manifest, location)))
            }
        }
        if !mistakes.isEmpty {
            throw GleanError.combined(mistakes.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) })
        }
    }

    /// The manifest file's line at `location` with a caret, read back from the file.
    package static func snippet(_ manifest: Manifest, _ location: SourceLocation) -> String? {
        guard let text = try? String(contentsOfFile: manifest.path, encoding: .utf8) else { return nil }
        return location.snippet(in: text)
    }
}
