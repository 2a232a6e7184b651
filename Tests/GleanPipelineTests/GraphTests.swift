import GleanCore
import GleanPipeline
import GleanRunState
import GleanStages
import Testing

@Suite struct GraphTests {
    static let registry: StageRegistry = {
        var r = StageRegistry.builtIn
        r.register(StageKind(spec: StageSpec(kind: "test.pass", role: .perDocument, doc: "", options: []),
                             build: { _, _ in .perDocument(PassStage()) }))
        return r
    }()

    static let branching = """
        version: 1
        name: branching
        stages:
          - id: csv
            use: export.csv
            needs: join
          - id: fetch
            use: fetch.files
            with: {paths: ["*.txt"]}
          - id: left
            use: test.pass
            needs: fetch
          - id: right
            use: test.pass
            needs: fetch
          - id: join
            use: test.pass
            needs: [left, right]
          - id: side
            use: export.csv
            needs: left
        """

    @Test func orderPutsEveryStageAfterItsNeeds() throws {
        let manifest = try ManifestLoader(registry: Self.registry).parse(yaml: Self.branching, file: "m.yaml")
        #expect(StageGraph.topologicalOrder(manifest.stages) == ["fetch", "left", "right", "join", "csv", "side"])
    }

    @Test func reachability() throws {
        let manifest = try ManifestLoader(registry: Self.registry).parse(yaml: Self.branching, file: "m.yaml")
        #expect(StageGraph.descendants(of: "left", in: manifest.stages) == ["left", "join", "csv", "side"])
        #expect(StageGraph.ancestors(of: "csv", in: manifest.stages) == ["csv", "join", "left", "right", "fetch"])
        #expect(StageGraph.ancestors(of: "side", in: manifest.stages) == ["side", "left", "fetch"])
    }
}
