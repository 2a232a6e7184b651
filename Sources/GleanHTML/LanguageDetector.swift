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

    /// The ISO 639-1 code of `text`'s language, or nil when the text is too short or unclear.
    public static func detect(_ text: String) -> String? {
        var scripts = [Int](repeating: 0, count: 12)  // latin, arabic, cyrillic, greek, hebrew, cjk, kana, hangul, thai, devanagari, vietnamese-marks
        var letters = 0
        var words: [String] = []
        var word = ""
        var seen = 0
        for u in text.unicodeScalars {
            seen += 1
            if seen > 6000 { break }
            let v = u.value
            if u.properties.isAlphabetic {
                letters += 1
                switch v {
                case 0x41...0x24F: scripts[0] += 1
                case 0x1E00...0x1EFF: scripts[0] += 1; scripts[10] += 1
                case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: scripts[1] += 1
                case 0x400...0x4FF: scripts[2] += 1
                case 0x370...0x3FF: scripts[3] += 1
                case 0x590...0x5FF: scripts[4] += 1
                case 0x4E00...0x9FFF, 0x3400...0x4DBF: scripts[5] += 1
                case 0x3040...0x30FF: scripts[6] += 1
                case 0xAC00...0xD7AF, 0x1100...0x11FF: scripts[7] += 1
                case 0xE00...0xE7F: scripts[8] += 1
                case 0x900...0x97F: scripts[9] += 1
                default: break
                }
                if words.count < 600 { word.unicodeScalars.append(u) }
            } else if u == "'" || u == "’" {
                if !word.isEmpty { words.append(word.lowercased()); word = "" }
            } else if !word.isEmpty {
                words.append(word.lowercased())
                word = ""
            }
        }
        if !word.isEmpty { words.append(word.lowercased()) }
        guard letters >= 3 else { return nil }
        let l = Double(letters)
        if Double(scripts[6]) / l > 0.05 { return "ja" }
        if Double(scripts[1]) / l > 0.3 {
            // Persian and Urdu letters
            return "ar"
        }
        if Double(scripts[2]) / l > 0.3 { return "ru" }
        if Double(scripts[3]) / l > 0.3 { return "el" }
        if Double(scripts[4]) / l > 0.3 { return "he" }
        if Double(scripts[7]) / l > 0.2 { return "ko" }
        if Double(scripts[5]) / l > 0.2 { return "zh" }
        if Double(scripts[8]) / l > 0.3 { return "th" }
        if Double(scripts[9]) / l > 0.3 { return "hi" }
        if Double(scripts[10]) / l > 0.03 { return "vi" }
        var best: String?
        var bestHits = 0
        for (code, set) in stopwords {
            var hits = 0
            for w in words where set.contains(w) { hits += 1 }
            if hits > bestHits {
                bestHits = hits
                best = code
            }
        }
        if bestHits == 0 { return nil }
        return best
    }

    /// "en-US" -> "en"; nil when not a language tag.
    static func normalize(_ tag: String) -> String? {
        let t = tag.trimmingPrefix(while: { $0 == " " })
        let head = t.prefix(while: { $0.isLetter }).lowercased()
        guard head.count == 2 || head.count == 3 else { return nil }
        if head.count == 3 {
            let map = ["eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "por": "pt", "ara": "ar", "vie": "vi", "ita": "it", "nld": "nl", "rus": "ru", "zho": "zh", "chi": "zh", "jpn": "ja"]
            return map[head]
        }
        return head
    }
}

extension Substring {
    func trimmingPrefix(while p: (Character) -> Bool) -> Substring { self.drop(while: p) }
}

extension String {
    func trimmingPrefix(while p: (Character) -> Bool) -> Substring { self[...].drop(while: p) }
}
