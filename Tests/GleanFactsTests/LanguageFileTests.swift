import Foundation
import Testing
@testable import GleanFacts

/// The built-in language files as data: every phrase written with a straight apostrophe has its typographic twin
/// ("chef d'escadrons" and "chef d’escadrons"), since the tokenizer keeps the apostrophe a text was typed with and
/// French newsrooms type both.
@Suite struct LanguageFileTests {
    static func strings(_ x: Any, into out: inout Set<String>) {
        if let d = x as? [String: Any] {
            for (k, v) in d { out.insert(k); strings(v, into: &out) }
        } else if let a = x as? [Any] {
            for v in a { strings(v, into: &out) }
        } else if let s = x as? String {
            out.insert(s)
        }
    }

    @Test(arguments: [("en", PackageResources.en_json), ("fr", PackageResources.fr_json)])
    func everyApostropheHasItsTypographicTwin(_ code: String, _ bytes: [UInt8]) throws {
        let json = try JSONSerialization.jsonObject(with: Data(bytes))
        var all = Set<String>()
        Self.strings(json, into: &all)
        let missing = all.filter { $0.contains("'") && !all.contains($0.replacingOccurrences(of: "'", with: "\u{2019}")) }
        #expect(missing.isEmpty, "\(code): \(missing.sorted())")
    }
}
