// Place gazetteers: the name lists of Languages/places_*.txt (one name a line), written by
// Tools/gazetteer/make_places.py from pinned open data (origin and licence in Languages/SOURCES.md).
// A language file names the lists it uses in `placeGazetteers`; their names join its `placeNames`.

/// The built-in place gazetteers, by name.
enum Gazetteer {
    /// Names usable in `placeGazetteers`.
    static let names = ["latin", "en", "fr", "ar"]

    /// The place names of the gazetteer `name` ("latin": Latin-script names shared by en and fr), or none when unknown.
    static func places(_ name: String) -> [String] {
        let bytes: [UInt8]
        switch name {
        case "latin": bytes = PackageResources.places_latin_txt
        case "en": bytes = PackageResources.places_en_txt
        case "fr": bytes = PackageResources.places_fr_txt
        case "ar": bytes = PackageResources.places_ar_txt
        default: return []
        }
        return lines(bytes)
    }

    /// The non-empty lines of a UTF-8 list.
    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    }
}
