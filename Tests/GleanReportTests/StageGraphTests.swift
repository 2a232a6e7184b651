@testable import GleanCore
@testable import GleanReport
import Testing

@Suite struct StageGraphTests {
    static func stage(_ id: String, _ needs: [String]) -> StageReport {
        StageReport(id: id, use: "k", needs: needs)
    }

    /// A stage's column is one more than its deepest need's; a cycle or an unknown need never loops.
    @Test func columnsFollowTheDeepestNeed() {
        let stages = [Self.stage("fetch", []), Self.stage("parse", ["fetch"]), Self.stage("facts", ["parse"]),
                      Self.stage("csv", ["facts", "fetch"]), Self.stage("side", ["nowhere"]), Self.stage("a", ["b"]), Self.stage("b", ["a"])]
        let depths = StageGraphSVG.depths(stages)
        #expect(depths["fetch"] == 0 && depths["parse"] == 1 && depths["facts"] == 2 && depths["csv"] == 3 && depths["side"] == 0)
        #expect(depths["a"] != nil && depths["b"] != nil)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1\u{202F}000"), (1_234_567, "1\u{202F}234\u{202F}567"), (-5_000, "-5\u{202F}000")])
    func countsAreGroupedByThousands(n: Int, text: String) {
        #expect(HTMLText.count(n) == text)
    }

    @Test(arguments: [(0.0004, "0.4 ms"), (0.0123, "12 ms"), (0.5, "500 ms"), (2.345, "2.3 s"), (250.4, "250 s")])
    func secondsSuitTheirSize(s: Double, text: String) {
        #expect(HTMLText.seconds(s) == text)
    }
}
