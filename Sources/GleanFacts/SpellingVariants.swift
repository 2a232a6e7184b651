// Spelling variants of a language's words: the forms a lexicon word is also written in.
//
// Arabic news writes a final yā' as alif maqsūra in much of Egypt and Sudan ("الماضى" for "الماضي", "فى" for "في") and
// often drops the hamza on alif ("احمد" for "أحمد", "الى" for "إلى"). A language file lists such letter variants under
// `spellingVariants`; when it is loaded, every word of its word lists (and every key of its word tables) is added in
// each variant form, so that every lookup (of a token as written or lower-cased) matches the variant with no work per
// token. The text itself is never changed: names and spans keep the document's spelling.

import Foundation

enum SpellingVariants {
    struct Rule: Equatable {
        var from: String
        var to: String
        /// Only as a word's last letter ("ي" → "ى"); else anywhere in the word.
        var final: Bool
        /// Lists the rule leaves as they are: a function word without its hamza is a syllable of transliterated names
        /// ("فإن" → "فان", "بأن" → "بان"), so such lists write the forms they want by hand.
        var exceptIn: Set<String> = []
    }

    /// Fields that hold no words (names of other files, number marks, the rules themselves).
    static let notWords: Set<String> = ["code", "name", "script", "decimalMark", "otherDecimalMarks", "groupMarks", "dateOrder",
                                        "arabicFractionMark", "placeGazetteers", "spellingVariants"]

    /// The language file's JSON with the variants added; the bytes as they are when the file names no variants.
    static func expand(_ data: Data) throws -> Data {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let raw = root["spellingVariants"] as? [[String: Any]], !raw.isEmpty else { return data }
        let rules = raw.compactMap { r -> Rule? in
            guard let f = r["from"] as? String, let t = r["to"] as? String, !f.isEmpty, f != t else { return nil }
            return Rule(from: f, to: t, final: r["final"] as? Bool ?? false, exceptIn: Set(r["exceptIn"] as? [String] ?? []))
        }
        // a variant that is a function word is no other word's variant ("علي" the name is not also "على")
        let stopwords = Set((root["stopwords"] as? [String]) ?? [])
        var out = root
        for (key, value) in root where !notWords.contains(key) {
            out[key] = expand(value, rules: rules.filter { !$0.exceptIn.contains(key) }, keepFunctionWords: key == "stopwords", stopwords: stopwords)
        }
        return try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
    }

    /// `word` and its variant forms, `word` first (each rule applied to every form found so far, to every word of a phrase).
    static func forms(_ word: String, _ rules: [Rule]) -> [String] {
        var all = [word]
        for r in rules {
            for f in all {
                let v = apply(r, f)
                if v != f, !all.contains(v) { all.append(v) }
            }
        }
        return all
    }

    static func apply(_ r: Rule, _ s: String) -> String {
        guard r.final else { return s.replacingOccurrences(of: r.from, with: r.to) }
        return s.split(separator: " ", omittingEmptySubsequences: false).map { w in
            w.hasSuffix(r.from) ? String(w.dropLast(r.from.count)) + r.to : String(w)
        }.joined(separator: " ")
    }

    private static func expand(_ value: Any, rules: [Rule], keepFunctionWords: Bool, stopwords: Set<String>) -> Any {
        func variants(_ w: String) -> [String] {
            // (a function word's variant is that function word: "في" in a list of cues is also "فى")
            let functionWord = keepFunctionWords || stopwords.contains(w)
            return forms(w, rules).enumerated().filter { $0.offset == 0 || functionWord || !stopwords.contains($0.element) }.map(\.element)
        }
        if let list = value as? [Any] {
            guard list.allSatisfy({ $0 is String }) else {
                return list.map { expand($0, rules: rules, keepFunctionWords: keepFunctionWords, stopwords: stopwords) }
            }
            var seen = Set<String>()
            var out: [String] = []
            for case let w as String in list { for v in variants(w) where seen.insert(v).inserted { out.append(v) } }
            return out
        }
        if let table = value as? [String: Any] {
            var out: [String: Any] = [:]
            // a key written in the file wins over another key's variant
            for (k, v) in table { out[k] = expand(v, rules: rules, keepFunctionWords: keepFunctionWords, stopwords: stopwords) }
            for k in table.keys.sorted() {
                let v = table[k]!
                for f in variants(k).dropFirst() where out[f] == nil { out[f] = expand(v, rules: rules, keepFunctionWords: keepFunctionWords, stopwords: stopwords) }
            }
            return out
        }
        return value
    }
}

/// A letter variant as a language file writes it: `{"from": "ي", "to": "ى", "final": true}`, `{"from": "أ", "to": "ا",
/// "exceptIn": ["stopwords"]}`.
struct SpellingVariantRule: Decodable, Sendable {
    var from: String
    var to: String
    var final: Bool?
    var exceptIn: [String]?
}

extension LanguageData {
    /// A language file's data, its words given their spelling variants.
    static func decode(_ data: Data) throws -> LanguageData {
        try JSONDecoder().decode(LanguageData.self, from: SpellingVariants.expand(data))
    }
}
