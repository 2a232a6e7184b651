import Foundation

/// An error in a manifest's custom rule.
public struct CustomRuleError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the rule.
    public var description: String
}

/// A manifest-defined extraction rule: a regular expression with named groups; its matches go to a table named after the rule.
public struct CustomRule: Sendable {
    /// Rule (and table) name.
    public let name: String
    /// The pattern as given.
    public let pattern: String
    /// Named groups in pattern order.
    public let groupNames: [String]
    let regex: RegexBox

    /// Compiles the rule; throws a clear error for a bad pattern, a bad name or a pattern without named groups.
    public init(name: String, pattern: String) throws {
        let okName = !name.isEmpty && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" }
        guard okName else { throw CustomRuleError(description: "custom rule name \"\(name)\" must be letters, digits, _ or -") }
        guard pattern.utf16.count <= 10_000 else { throw CustomRuleError(description: "custom rule \(name): pattern too long") }
        do {
            regex = RegexBox(try NSRegularExpression(pattern: pattern, options: []))
        } catch {
            throw CustomRuleError(description: "custom rule \(name): invalid regular expression \"\(pattern)\": \(error.localizedDescription)")
        }
        self.name = name
        self.pattern = pattern
        groupNames = Self.namedGroups(pattern)
        guard !groupNames.isEmpty else {
            throw CustomRuleError(description: "custom rule \(name): the pattern has no named group (?<name>...)")
        }
    }

    static func namedGroups(_ pattern: String) -> [String] {
        let sc = Array(pattern.unicodeScalars)
        var names: [String] = []
        var i = 0
        var inClass = false
        while i < sc.count {
            let c = sc[i]
            if c == "\\" { i += 2; continue }
            if inClass { if c == "]" { inClass = false }; i += 1; continue }
            if c == "[" { inClass = true; i += 1; continue }
            if c == "(", i + 2 < sc.count, sc[i + 1] == "?" {
                var j = i + 2
                if sc[j] == "P", j + 1 < sc.count, sc[j + 1] == "<" { j += 1 }
                if sc[j] == "<", j + 1 < sc.count, sc[j + 1] != "=", sc[j + 1] != "!" {
                    var k = j + 1
                    var nm = String.UnicodeScalarView()
                    while k < sc.count, sc[k] != ">" { nm.append(sc[k]); k += 1 }
                    if !nm.isEmpty { names.append(String(nm)) }
                }
            }
            i += 1
        }
        return names
    }
}

/// A compiled rule pattern (NSRegularExpression is immutable once built and Sendable).
final class RegexBox: Sendable {
    let re: NSRegularExpression
    init(_ re: NSRegularExpression) { self.re = re }
}

/// One match of a ``CustomRule``.
public struct CustomMatch: Sendable, Equatable {
    /// Group name -> matched text ("" when the group did not take part).
    public var groups: [String: String]
    /// The whole match.
    public var text: String
    /// Unicode scalar offset in the text.
    public var offset: Int
    /// Length in Unicode scalars.
    public var length: Int

    /// Creates a match.
    public init(groups: [String: String], text: String, offset: Int, length: Int) {
        self.groups = groups
        self.text = text
        self.offset = offset
        self.length = length
    }
}

extension CustomRule {
    /// Every non-overlapping match in `text`, with scalar offsets; no time limit.
    public func matches(in text: String) -> [CustomMatch] {
        (try? matches(in: text, deadline: .distantFuture)) ?? []
    }

    /// Every non-overlapping match in `text`, with scalar offsets. A pattern that backtracks
    /// past `deadline`, or runs when `isCancelled` turns true, is stopped (ICU reports progress
    /// about every millisecond while it searches) and a ``CustomRuleError`` says which rule.
    public func matches(in text: String, deadline: ContinuousClock.Instant,
                        isCancelled: () -> Bool = { false }) throws -> [CustomMatch] {
        let ns = text as NSString
        var results: [NSTextCheckingResult] = []
        var stoppedBy: String?
        withoutActuallyEscaping(isCancelled) { isCancelled in
            regex.re.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: ns.length)) { result, _, stop in
                if let result { results.append(result) }
                if ContinuousClock.now > deadline {
                    stoppedBy = "time"
                    stop.pointee = true
                } else if isCancelled() {
                    stoppedBy = "cancel"
                    stop.pointee = true
                }
            }
        }
        if stoppedBy == "time" {
            throw CustomRuleError(description: "custom rule '\(name)' ran out of the document's time budget (its pattern backtracks on this text: make it more specific, or raise rule_ms)")
        }
        if stoppedBy == "cancel" {
            throw CustomRuleError(description: "custom rule '\(name)' was stopped: the run was interrupted")
        }
        guard !results.isEmpty else { return [] }
        // UTF-16 offset -> scalar offset
        var map = [Int](repeating: 0, count: ns.length + 1)
        var u = 0, s = 0
        for c in text.unicodeScalars {
            let w = c.value > 0xFFFF ? 2 : 1
            for k in 0..<w { map[u + k] = s }
            u += w
            s += 1
        }
        map[ns.length] = s
        return results.compactMap { r in
            guard r.range.location != NSNotFound, r.range.length > 0 else { return nil }
            var groups: [String: String] = [:]
            for g in groupNames {
                let gr = r.range(withName: g)
                groups[g] = gr.location == NSNotFound ? "" : ns.substring(with: gr)
            }
            let a = map[r.range.location], b = map[r.range.location + r.range.length]
            return CustomMatch(groups: groups, text: ns.substring(with: r.range), offset: a, length: b - a)
        }
    }
}

extension ContinuousClock.Instant {
    /// An instant no run reaches: no time limit.
    public static var distantFuture: ContinuousClock.Instant { .now.advanced(by: .seconds(1 << 40)) }
}
