/// The language files compiled into the library (adding a built-in language = adding its JSON file and one line here;
/// at run time use ``LanguageRegistry/adding(directory:)`` instead).
enum BuiltInLanguages {
    static var files: [[UInt8]] { [PackageResources.en_json, PackageResources.fr_json, PackageResources.ar_json] }
}
