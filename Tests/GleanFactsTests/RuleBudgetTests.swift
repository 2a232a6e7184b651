import Foundation
@testable import GleanFacts
import Testing

/// Issue 19, case 1: a rule whose pattern backtracks catastrophically is stopped at its budget.
@Suite struct RuleBudgetTests {
    @Test func aBacktrackingPatternIsStoppedAtTheDeadlineNamingTheRule() throws {
        let rule = try CustomRule(name: "greedy", pattern: "(?<x>(a+)+$)")
        let text = String(repeating: "a", count: 101) + "!"
        let started = ContinuousClock.now
        let error = try #require(throws: CustomRuleError.self) {
            _ = try rule.matches(in: text, deadline: .now.advanced(by: .milliseconds(200)))
        }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(error.description == "custom rule 'greedy' ran out of the document's time budget (its pattern backtracks on this text: make it more specific, or raise rule_ms)")
    }

    @Test func cancellationStopsARule() throws {
        let rule = try CustomRule(name: "greedy", pattern: "(?<x>(a+)+$)")
        let error = try #require(throws: CustomRuleError.self) {
            _ = try rule.matches(in: String(repeating: "a", count: 101) + "!", deadline: .distantFuture, isCancelled: { true })
        }
        #expect(error.description == "custom rule 'greedy' was stopped: the run was interrupted")
    }

    @Test func aWellBehavedRuleGivesTheSameMatchesWithABudget() throws {
        let rule = try CustomRule(name: "case", pattern: "case (?<n>\\d+)/(?<year>\\d{4})")
        let text = "See case 12/2024 and case 7/2023; also Case 9/2020."
        let budgeted = try rule.matches(in: text, deadline: .now.advanced(by: .seconds(5)))
        #expect(budgeted == rule.matches(in: text))
        #expect(budgeted.map(\.text) == ["case 12/2024", "case 7/2023"])
        #expect(budgeted.map { $0.groups["n"] ?? "" } == ["12", "7"])
    }
}
