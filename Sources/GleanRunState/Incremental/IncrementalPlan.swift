import Foundation
import GleanCore

/// What incremental runs compare: every stage's configuration hash, and which stages the
/// exports read (whose output documents the state store keeps).
package struct IncrementalPlan: Sendable {
    package struct Step: Sendable {
        package var id: String
        package var role: StageRole
        package var needs: [String]
        package var fp: String
    }

    /// The source and per-document stages, in run order.
    package var steps: [Step]
    /// The ids of the stages the exports read.
    package var sinkNeeds: Set<String>
    /// One hash over every stage, exports included (and Glean's version).
    package var fingerprint: String
    /// Each stage's configuration hash, by id (exports included).
    package var stageFingerprints: [String: String]

    /// - Parameter asOfDay: the run's reference day (``RunOptions/asOfDay``): it changes what
    ///   parse.html finds, so it is part of every stage's hash.
    package init(plan: Plan, registry: StageRegistry, version: String, asOfDay: Int? = nil) {
        var steps: [Step] = []
        var sinkNeeds: Set<String> = []
        var all: [String] = ["glean \(version)"]
        var byId: [String: String] = [:]
        for id in plan.order {
            guard let decl = plan.manifest.stage(id), let kind = registry.kind(decl.use) else { continue }
            let fp = Fingerprint.stage(decl, kind: kind, manifestDirectory: plan.manifest.directory, version: version, asOfDay: asOfDay)
            all.append(id + "=" + fp)
            byId[id] = fp
            if kind.role == .sink {
                sinkNeeds.formUnion(decl.needs)
            } else {
                steps.append(Step(id: id, role: kind.role, needs: decl.needs, fp: fp))
            }
        }
        self.steps = steps
        self.sinkNeeds = sinkNeeds
        self.fingerprint = Fingerprint.combine(all)
        self.stageFingerprints = byId
    }

    /// What a processed document leaves in the state store: each stage it reached.
    package func traces(outputs: [String: Document], failures: [String: Reject]) -> [StageTrace] {
        steps.compactMap { step in
            if outputs[step.id] != nil { return StageTrace(id: step.id, ok: true, fp: step.fp, kept: sinkNeeds.contains(step.id)) }
            if failures[step.id] != nil { return StageTrace(id: step.id, ok: false, fp: step.fp, kept: false) }
            return nil
        }
    }

    /// Why `input` must run again, or nil when its stored outputs are still what this
    /// pipeline would produce: same content, same source path, and every stage it reaches now
    /// is one it reached then, with the same configuration.
    package func reason(input: InputRef, sha: String, stored: StoredState?, versionChange: String?) -> String? {
        guard let stored else { return "new" }
        if stored.contentSHA256 != sha { return "content changed" }
        if stored.source != input.source { return "source path changed (was \(stored.source))" }
        var traced: [String: StageTrace] = [:]
        for trace in stored.stages where traced[trace.id] == nil { traced[trace.id] = trace }
        for step in steps {
            let reachable = step.role == .source ? step.id == input.stage : step.needs.contains { traced[$0]?.ok == true }
            switch (reachable, traced[step.id]) {
            case (true, nil):
                return "stage '\(step.id)' is new"
            case (false, .some):
                return "stage '\(step.id)' no longer applies"
            case (true, .some(let trace)) where trace.fp != step.fp:
                return versionChange ?? "options of stage '\(step.id)' changed"
            default:
                continue
            }
        }
        for need in sinkNeeds.sorted() where traced[need]?.ok == true && traced[need]?.kept == false {
            return "an export now reads stage '\(need)'"
        }
        return nil
    }

    /// The reason's kind, for the report's counts ("options of stage 'x' changed" counts under
    /// itself; "source path changed (was ...)" under "source path changed").
    package static func kind(of reason: String) -> String {
        if let paren = reason.range(of: " (") { return String(reason[..<paren.lowerBound]) }
        return reason
    }
}
