/// The head of a text as language detection reads it: letters counted per script, and its words lower-cased.
struct TextSample {
    enum Script: Int, CaseIterable {
        case latin, arabic, cyrillic, greek, hebrew, han, kana, hangul, thai, devanagari
        /// Latin letters with Vietnamese tone marks (U+1E00–1EFF), also counted as Latin.
        case vietnameseMarks
    }

    /// Letters per ``Script`` (indexed by its raw value).
    private(set) var scripts = [Int](repeating: 0, count: Script.allCases.count)
    /// All alphabetic scalars read, of any script.
    private(set) var letters = 0
    /// The words (runs of letters), lower-cased, in order; at most `wordLimit`.
    private(set) var words: [String] = []

    /// Reads the first `scalarLimit` scalars of `text`; no word is started once `wordLimit` words are taken.
    init(_ text: String, scalarLimit: Int, wordLimit: Int) {
        var word = ""
        var seen = 0
        var ascii = true  // the word so far is ASCII, already lower-cased
        for u in text.unicodeScalars {
            seen += 1
            if seen > scalarLimit { break }
            let v = u.value
            if v < 0x80 {
                // ASCII without a property lookup: a letter, lower-cased as it is taken
                if (v | 0x20) &- 0x61 < 26 {
                    letters += 1
                    scripts[Script.latin.rawValue] += 1
                    if words.count < wordLimit { word.unicodeScalars.append(Unicode.Scalar(UInt8(v | 0x20))) }
                    continue
                }
            } else if u.properties.isAlphabetic {
                letters += 1
                if let s = Self.script(of: v) {
                    scripts[s.rawValue] += 1
                    if s == .vietnameseMarks { scripts[Script.latin.rawValue] += 1 }
                }
                if words.count < wordLimit {
                    word.unicodeScalars.append(u)
                    ascii = false
                }
                continue
            }
            if !word.isEmpty {
                words.append(ascii ? word : word.lowercased())
                word = ""
                ascii = true
            }
        }
        if !word.isEmpty { words.append(ascii ? word : word.lowercased()) }
    }

    /// The script a letter counts for (nil for a script not listed); a ``Script/vietnameseMarks`` letter is Latin too.
    static func script(of v: UInt32) -> Script? {
        switch v {
        case 0x41...0x24F: return .latin
        case 0x1E00...0x1EFF: return .vietnameseMarks
        case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        case 0x400...0x4FF: return .cyrillic
        case 0x370...0x3FF: return .greek
        case 0x590...0x5FF: return .hebrew
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return .han
        case 0x3040...0x30FF: return .kana
        case 0xAC00...0xD7AF, 0x1100...0x11FF: return .hangul
        case 0xE00...0xE7F: return .thai
        case 0x900...0x97F: return .devanagari
        default: return nil
        }
    }
}
