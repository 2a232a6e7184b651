import Foundation

/// Month names of each language, one table for every module (`Calendar/months.json`, compiled in).
///
/// A page's metadata date ("Published 3 mars 2024") is read with every language's names and abbreviations
/// together (``all``), because a date line rarely says its language; the fact extractor reads running text
/// with its document's language's names only (``names(for:)``), and abbreviations only where they cannot be
/// ordinary words (English "Jan.", not French "sept", which is also seven).
public enum MonthNames {
    /// The month (1–12) of each lower-case name of a language (ISO 639-1 code); empty for a language the table lacks.
    public static func names(for code: String) -> [String: Int] { table.languages[code]?.names ?? [:] }

    /// The month of each lower-case abbreviation of a language ("janv", "sept").
    public static func abbreviations(for code: String) -> [String: Int] { table.languages[code]?.abbreviations ?? [:] }

    /// Every language's names and abbreviations together (no name means two months).
    public static let all: [String: Int] = {
        var d = [String: Int]()
        for code in table.languages.keys.sorted() {
            d.merge(names(for: code)) { a, _ in a }
            d.merge(abbreviations(for: code)) { a, _ in a }
        }
        return d
    }()

    /// The languages the table has, sorted.
    public static var languages: [String] { table.languages.keys.sorted() }

    struct Language: Decodable {
        var names: [String: Int]
        var abbreviations: [String: Int]?
    }

    struct Table: Decodable {
        var languages: [String: Language]
    }

    static let table: Table = {
        do {
            return try JSONDecoder().decode(Table.self, from: Data(PackageResources.months_json))
        } catch {
            // The file is compiled in and checked by MonthNamesTests: a failure here is a build defect.
            fatalError("Calendar/months.json does not decode: \(error)")
        }
    }()
}
