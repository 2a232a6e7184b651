/// A language as ``LanguageDetector/closest(_:among:)`` compares it: its code, its common words (lower-case)
/// and whether it is written in Arabic script.
public struct StopwordProfile: Sendable {
    public let code: String
    public let stopwords: Set<String>
    public let arabicScript: Bool

    public init(code: String, stopwords: Set<String>, arabicScript: Bool) {
        self.code = code
        self.stopwords = stopwords
        self.arabicScript = arabicScript
    }
}
