import Foundation
import Yams

/// Reads and validates manifests against a stage registry.
public struct ManifestLoader: Sendable {
    public var registry: StageRegistry

    public init(registry: StageRegistry) {
        self.registry = registry
    }

    /// Loads the manifest at `path`. Throws a `GleanError` of kind `.manifest` naming
    /// file:line:column and the stage for every mistake.
    public func load(path: String) throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GleanError(.manifest, "cannot read manifest '\(path)'", hint: "check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GleanError(.manifest, "manifest '\(path)' is not UTF-8 text")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var manifest = try parse(yaml: text, file: path)
        manifest.directory = absolute.deletingLastPathComponent().path
        manifest.sha256 = ContentHash.hex(Array(data))
        return manifest
    }

    /// Parses manifest text; `file` names it in errors.
    public func parse(yaml text: String, file: String) throws -> Manifest {
        let context = Context(file: file, text: text)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw context.error("the manifest is empty", at: nil, hint: "start with 'version: 1', 'name:' and 'stages:'")
            }
            root = node
        } catch let error as GleanError {
            throw error
        } catch let error as YamlError {
            throw context.yamlError(error)
        }
        guard let mapping = root.mapping else {
            throw context.error("the manifest must be a mapping with 'version', 'name' and 'stages'", at: root.mark)
        }
        try context.checkKeys(mapping, allowed: ["version", "name", "description", "stages"], what: "top-level key", stage: nil)

        guard let versionNode = mapping["version"] else {
            throw context.error("missing 'version'", at: root.mark, hint: "add 'version: 1' at the top")
        }
        guard let version = versionNode.int, supportedManifestVersions.contains(version) else {
            throw context.error("unsupported manifest version '\(versionNode.string ?? "?")'", at: versionNode.mark,
                                hint: "this Glean reads version \(supportedManifestVersions.map(String.init).joined(separator: ", "))")
        }
        guard let nameNode = mapping["name"], let name = nameNode.scalar?.string, !name.isEmpty else {
            throw context.error("missing 'name'", at: root.mark, hint: "add 'name: <pipeline name>'")
        }
        guard let stagesNode = mapping["stages"] else {
            throw context.error("missing 'stages'", at: root.mark, hint: "list the stages under 'stages:'")
        }
        guard let stageNodes = stagesNode.sequence, !stageNodes.isEmpty else {
            throw context.error("'stages' must be a non-empty list", at: stagesNode.mark)
        }

        // Every stage is checked, and every mistake reported in one pass, as a compiler does.
        var stages: [StageDecl] = []
        var mistakes: [GleanError] = []
        var seen: [String: SourceLocation] = [:]
        var previous: String?
        for (index, node) in stageNodes.enumerated() {
            let decl: StageDecl
            do {
                decl = try parseStage(node, index: index, previous: previous, context: context)
            } catch let error as GleanError {
                mistakes.append(error)
                if let id = node["id"]?.scalar?.string, let mark = node["id"]?.mark, seen[id] == nil {
                    seen[id] = context.location(mark)
                }
                previous = node["id"]?.scalar?.string ?? previous
                continue
            }
            previous = decl.id
            if let first = seen[decl.id] {
                mistakes.append(context.error("duplicate stage id '\(decl.id)' (first declared at \(first))", at: node["id"]?.mark ?? node.mark,
                                              stage: decl.id, hint: "give each stage its own id"))
                continue
            }
            seen[decl.id] = decl.location
            stages.append(decl)
        }
        // The graph is checked only over sound stages: a stage dropped for its own mistake would
        // make every 'needs' of it a second, misleading one.
        if !mistakes.isEmpty { throw GleanError.combined(mistakes) }
        var manifest = Manifest(path: file, directory: "", version: version, name: name, stages: stages, sha256: ContentHash.hex(Array(text.utf8)))
        try validateGraph(&manifest, context: context)
        return manifest
    }

    private func parseStage(_ node: Node, index: Int, previous: String?, context: Context) throws -> StageDecl {
        guard let mapping = node.mapping else {
            throw context.error("stage \(index + 1) must be a mapping with 'id' and 'use'", at: node.mark)
        }
        guard let idNode = mapping["id"], let id = idNode.scalar?.string, !id.isEmpty else {
            throw context.error("stage \(index + 1) has no 'id'", at: node.mark, hint: "add 'id: <name>'")
        }
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else {
            throw context.error("stage id '\(id)' may hold only letters, digits, '_', '-' and '.'", at: idNode.mark, stage: id)
        }
        try context.checkKeys(mapping, allowed: ["id", "use", "needs", "with"], what: "stage key", stage: id)
        guard let useNode = mapping["use"], let use = useNode.scalar?.string else {
            throw context.error("stage has no 'use'", at: node.mark, stage: id, hint: "name a stage kind; 'glean stages' lists them")
        }
        guard let spec = registry.spec(use) else {
            let hint = suggestion(for: use, among: registry.kinds).map { "did you mean '\($0)'? ('glean stages' lists every kind)" }
                ?? "'glean stages' lists every kind"
            throw context.error("unknown stage kind '\(use)'", at: useNode.mark, stage: id, hint: hint)
        }
        var needs: [String] = []
        var defaulted = false
        let needsNode = mapping["needs"]
        if let needsNode {
            if let scalar = needsNode.scalar {
                needs = [scalar.string]
            } else if let seq = needsNode.sequence {
                for item in seq {
                    guard let s = item.scalar?.string else {
                        throw context.error("'needs' must list stage ids", at: item.mark, stage: id)
                    }
                    needs.append(s)
                }
            } else {
                throw context.error("'needs' must be a stage id or a list of them", at: needsNode.mark, stage: id)
            }
        } else if spec.role != .source, let previous {
            needs = [previous]
            defaulted = true
        }
        let (options, optionLocations) = try parseOptions(mapping["with"], spec: spec, stage: id, at: node.mark, context: context)
        let location = context.location(idNode.mark ?? node.mark)
        return StageDecl(id: id, use: use, needs: needs, needsDefaulted: defaulted, options: options, optionLocations: optionLocations,
                         location: location, useLocation: context.location(useNode.mark),
                         needsLocation: context.location(needsNode?.mark ?? node.mark))
    }

    private func parseOptions(_ node: Node?, spec: StageSpec, stage: String, at mark: Mark?, context: Context) throws -> (StageOptions, [String: SourceLocation]) {
        var values: [String: OptionValue] = [:]
        var given: [String: SourceLocation] = [:]
        var mistakes: [GleanError] = []
        if let node {
            if case .scalar(let s) = node, s.string.isEmpty || s.tag.description.hasSuffix("null") {
                // `with:` left empty
            } else {
                guard let mapping = node.mapping else {
                    throw context.error("'with' must be a mapping of options", at: node.mark, stage: stage)
                }
                for (keyNode, valueNode) in mapping {
                    guard let key = keyNode.scalar?.string else {
                        mistakes.append(context.error("option names must be plain words", at: keyNode.mark, stage: stage))
                        continue
                    }
                    guard let option = spec.option(key) else {
                        let names = spec.options.map(\.name)
                        var hint = suggestion(for: key, among: names).map { "did you mean '\($0)'?" } ?? ""
                        hint += (hint.isEmpty ? "" : " ") + "'\(spec.kind)' takes: " + (names.isEmpty ? "no options" : names.joined(separator: ", "))
                        mistakes.append(context.error("unknown option '\(key)' for \(spec.kind)", at: keyNode.mark, stage: stage, hint: hint))
                        continue
                    }
                    do {
                        values[key] = try convert(valueNode, to: option, stage: stage, context: context)
                    } catch let error as GleanError {
                        mistakes.append(error)
                        continue
                    }
                    given[key] = context.location(keyNode.mark)
                }
            }
        }
        for option in spec.options where values[option.name] == nil {
            if option.required, given[option.name] == nil, !mistakes.contains(where: { $0.message.contains("option '\(option.name)'") }) {
                mistakes.append(context.error("missing required option '\(option.name)' for \(spec.kind)", at: node?.mark ?? mark, stage: stage,
                                              hint: "\(option.name) (\(option.type)): \(option.doc)"))
            }
            if let value = option.defaultValue { values[option.name] = value }
        }
        if !mistakes.isEmpty { throw GleanError.combined(mistakes) }
        return (StageOptions(values: values), given)
    }

    private func convert(_ node: Node, to option: OptionSpec, stage: String, context: Context) throws -> OptionValue {
        func mistyped(_ got: String) -> GleanError {
            context.error("option '\(option.name)' expects \(option.type), got \(got)", at: node.mark, stage: stage, hint: option.doc)
        }
        func describe(_ node: Node) -> String {
            if let s = node.scalar?.string { return "'\(s)'" }
            return node.sequence != nil ? "a list" : "a mapping"
        }
        switch option.type {
        case .string:
            guard let s = node.scalar?.string else { throw mistyped(describe(node)) }
            return .string(s)
        case .int:
            guard node.scalar != nil, let i = node.int else { throw mistyped(describe(node)) }
            return .int(i)
        case .bool:
            guard node.scalar != nil, let b = node.bool else { throw mistyped(describe(node)) }
            return .bool(b)
        case .choice(let choices):
            guard let s = node.scalar?.string else { throw mistyped(describe(node)) }
            guard choices.contains(s) else {
                let near = suggestion(for: s, among: choices).map { "did you mean '\($0)'? " } ?? ""
                throw context.error("option '\(option.name)' must be one of \(choices.joined(separator: ", ")), got '\(s)'",
                                    at: node.mark, stage: stage, hint: near.isEmpty ? nil : String(near.dropLast()))
            }
            return .string(s)
        case .stringList:
            if let s = node.scalar?.string { return .stringList([s]) }
            guard let seq = node.sequence else { throw mistyped(describe(node)) }
            var list: [String] = []
            for item in seq {
                guard let s = item.scalar?.string else {
                    throw context.error("option '\(option.name)' expects a list of strings", at: item.mark, stage: stage)
                }
                list.append(s)
            }
            return .stringList(list)
        case .rules:
            guard let seq = node.sequence else { throw mistyped(describe(node)) }
            var rules: [RuleSpec] = []
            for item in seq {
                guard let m = item.mapping else {
                    throw context.error("each rule must be a mapping with 'name' and 'pattern'", at: item.mark, stage: stage)
                }
                try context.checkKeys(m, allowed: ["name", "pattern"], what: "rule key", stage: stage)
                guard let name = m["name"]?.scalar?.string, !name.isEmpty else {
                    throw context.error("a rule has no 'name'", at: item.mark, stage: stage, hint: "the name is the table its matches go to")
                }
                guard name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }), name.first?.isLetter == true else {
                    throw context.error("rule name '\(name)' must be a table name: lower-case letters, digits and '_'", at: m["name"]?.mark, stage: stage)
                }
                guard let pattern = m["pattern"]?.scalar?.string, !pattern.isEmpty else {
                    throw context.error("rule '\(name)' has no 'pattern'", at: item.mark, stage: stage)
                }
                rules.append(RuleSpec(name: name, pattern: pattern, location: context.location(m["pattern"]?.mark ?? item.mark)))
            }
            return .rules(rules)
        }
    }

    // MARK: - Graph

    private func validateGraph(_ manifest: inout Manifest, context: Context) throws {
        let ids = Set(manifest.stages.map(\.id))
        for stage in manifest.stages {
            guard let spec = registry.spec(stage.use) else { continue }
            if spec.role == .source && !stage.needs.isEmpty {
                throw GleanError(.manifest, "\(stage.use) is a source and takes no 'needs'", location: stage.needsLocation, stage: stage.id,
                                 hint: "remove 'needs'", snippet: context.snippet(stage.needsLocation))
            }
            if spec.role != .source && stage.needs.isEmpty {
                throw GleanError(.manifest, "\(stage.use) needs an input stage", location: stage.location, stage: stage.id,
                                 hint: "add 'needs: <stage id>'", snippet: context.snippet(stage.location))
            }
            for need in stage.needs where !ids.contains(need) {
                let hint = suggestion(for: need, among: Array(ids)).map { "did you mean '\($0)'?" } ?? "stages are: \(manifest.stages.map(\.id).joined(separator: ", "))"
                throw GleanError(.manifest, "'needs' names no stage '\(need)'", location: stage.needsLocation, stage: stage.id,
                                 hint: hint, snippet: context.snippet(stage.needsLocation))
            }
            for need in stage.needs {
                if let upstream = manifest.stage(need), registry.spec(upstream.use)?.role == .sink {
                    throw GleanError(.manifest, "stage '\(need)' is an export and produces no documents to consume", location: stage.needsLocation,
                                     stage: stage.id, hint: "need the stage that feeds '\(need)' instead", snippet: context.snippet(stage.needsLocation))
                }
            }
        }
        if let cycle = StageGraph.findCycle(manifest.stages) {
            let first = manifest.stage(cycle[0])!
            throw GleanError(.manifest, "the stages form a cycle: \(cycle.joined(separator: " -> ")) -> \(cycle[0])", location: first.needsLocation,
                             stage: first.id, hint: "a stage cannot depend on itself, directly or through others", snippet: context.snippet(first.needsLocation))
        }
    }

    // MARK: - Errors with positions

    package struct Context {
        package var file: String
        package var text: String

        package func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }

        package func snippet(_ location: SourceLocation) -> String? {
            location.snippet(in: text)
        }

        package func error(_ message: String, at mark: Mark?, stage: String? = nil, hint: String? = nil) -> GleanError {
            let loc = location(mark)
            return GleanError(.manifest, message, location: loc, stage: stage, hint: hint, snippet: snippet(loc))
        }

        package func yamlError(_ error: YamlError) -> GleanError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return self.error("YAML syntax: \(problem)", at: mark, hint: "fix the YAML at this position")
            default:
                return GleanError(.manifest, "YAML: \(error)", location: SourceLocation(file: file, line: 1, column: 1))
            }
        }

        package func checkKeys(_ mapping: Node.Mapping, allowed: [String], what: String, stage: String?) throws {
            for key in mapping.keys {
                guard let name = key.scalar?.string else {
                    throw self.error("keys must be plain words", at: key.mark, stage: stage)
                }
                if !allowed.contains(name) {
                    let hint = suggestion(for: name, among: allowed).map { "did you mean '\($0)'?" } ?? "expected one of: \(allowed.joined(separator: ", "))"
                    throw self.error("unknown \(what) '\(name)'", at: key.mark, stage: stage, hint: hint)
                }
            }
        }
    }
}
