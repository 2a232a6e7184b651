/// Detects the language of a text from its script and its most common words.
public enum LanguageDetector {
    private static let stopwords: [(String, Set<String>)] = [
        ("en", ["the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as", "are", "by", "this", "be", "from", "at", "have", "has", "were", "which", "will"]),
        ("fr", ["le", "la", "les", "de", "des", "et", "est", "un", "une", "du", "en", "que", "qui", "dans", "pour", "pas", "sur", "au", "aux", "avec", "sont", "ce", "cette", "été", "par"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "des", "auf", "für", "im", "dem", "auch", "es", "von", "wird", "sind", "wurde"]),
        ("es", ["el", "la", "los", "las", "de", "y", "que", "en", "un", "una", "es", "por", "con", "para", "del", "se", "no", "al", "lo", "como", "más", "pero", "sus", "fue"]),
        ("pt", ["o", "a", "os", "as", "de", "e", "que", "em", "um", "uma", "do", "da", "dos", "das", "não", "para", "com", "por", "no", "na", "se", "mais", "foi", "são"]),
        ("it", ["il", "di", "che", "e", "la", "per", "un", "una", "non", "sono", "del", "della", "gli", "le", "nel", "con", "da", "si", "è", "anche", "come", "più", "questo"]),
        ("nl", ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "niet", "zijn", "met", "voor", "ook", "aan", "er", "maar", "bij", "wordt", "naar"]),
        ("vi", ["và", "của", "các", "có", "là", "được", "trong", "cho", "với", "những", "không", "người", "này", "một", "đã", "để", "khi", "từ", "về", "theo", "tại", "năm"]),
        ("id", ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada", "juga", "ke", "karena", "ada", "oleh"]),
        ("pl", ["i", "w", "nie", "na", "się", "z", "jest", "do", "że", "to", "o", "jak", "ale", "po", "co", "tak", "za", "od"]),
        ("sv", ["och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "inte", "om", "ett", "var"]),
        ("tr", ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "olan", "gibi", "en", "ne", "ama"]),
    ]

    /// The ISO 639-1 code of `text`'s language, or nil when the text is too short or unclear: first by script,
    /// then by the built-in stopword lists of twelve Latin-script languages (the first 6,000 scalars are read).
    public static func detect(_ text: String) -> String? {
        let sample = TextSample(text, scalarLimit: 6000, wordLimit: 600)
        guard sample.letters >= 3 else { return nil }
        let l = Double(sample.letters)
        func share(_ s: TextSample.Script) -> Double { Double(sample.scripts[s.rawValue]) / l }
        if share(.kana) > 0.05 { return "ja" }
        if share(.arabic) > 0.3 { return "ar" }  // Persian and Urdu letters too
        if share(.cyrillic) > 0.3 { return "ru" }
        if share(.greek) > 0.3 { return "el" }
        if share(.hebrew) > 0.3 { return "he" }
        if share(.hangul) > 0.2 { return "ko" }
        if share(.han) > 0.2 { return "zh" }
        if share(.thai) > 0.3 { return "th" }
        if share(.devanagari) > 0.3 { return "hi" }
        if share(.vietnameseMarks) > 0.03 { return "vi" }
        // One lookup per word: the languages whose list has it.
        var hits = [Int](repeating: 0, count: stopwords.count)
        for w in sample.words {
            guard let languages = stopwordLanguages[w] else { continue }
            for l in languages { hits[l] += 1 }
        }
        var best: String?
        var bestHits = 0
        for (l, (code, _)) in stopwords.enumerated() where hits[l] > bestHits {
            bestHits = hits[l]
            best = code
        }
        return best
    }

    /// Each built-in stopword and the indexes (in ``stopwords``) of the languages that list it.
    private static let stopwordLanguages: [String: [Int]] = {
        var d: [String: [Int]] = [:]
        for (l, (_, words)) in stopwords.enumerated() {
            for w in words { d[w, default: []].append(l) }
        }
        return d
    }()

    /// Which of `profiles` fits `text` best (the fact extractor's question, among the languages it has files
    /// for): an Arabic-script profile when Arabic letters outnumber Latin ones, else the Latin-script profile
    /// whose stopwords (of two letters or more) occur most, the first one on a tie; nil when `profiles` is empty.
    /// The first 20,000 scalars are read.
    public static func closest(_ text: String, among profiles: [StopwordProfile]) -> String? {
        guard let first = profiles.first else { return nil }
        let sample = TextSample(text, scalarLimit: 20000, wordLimit: .max)
        if sample.scripts[TextSample.Script.arabic.rawValue] > sample.scripts[TextSample.Script.latin.rawValue],
           let arabic = profiles.first(where: { $0.arabicScript }) {
            return arabic.code
        }
        var best: String?
        var bestScore = -1
        for p in profiles where !p.arabicScript {
            var score = 0
            for w in sample.words where w.count > 1 && p.stopwords.contains(w) { score += 1 }
            if score > bestScore {
                best = p.code
                bestScore = score
            }
        }
        return best ?? first.code
    }

    /// "en-US" -> "en"; nil when not a language tag.
    public static func normalize(_ tag: String) -> String? {
        let t = tag.drop(while: { $0 == " " })
        let head = t.prefix(while: { $0.isLetter }).lowercased()
        guard head.count == 2 || head.count == 3 else { return nil }
        if head.count == 3 {
            let map = ["eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "por": "pt", "ara": "ar", "vie": "vi", "ita": "it", "nld": "nl", "rus": "ru", "zho": "zh", "chi": "zh", "jpn": "ja"]
            return map[head]
        }
        return head
    }
}
