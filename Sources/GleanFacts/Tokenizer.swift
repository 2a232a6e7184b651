// Tokens over Unicode scalars: every offset here counts scalars.

import Foundation
import GleanText

enum TokKind: Sendable, Equatable { case word, number, punct }

struct Tok: Sendable {
    var kind: TokKind
    var start: Int
    var end: Int
    var text: String
    var lower: String
    /// Numeric value for `.number` tokens (grouping and decimal mark resolved).
    var value: Double
    /// Number of integer digits as written, without separators (".number" only).
    var intDigits: Int
    /// The number used a group separator or a decimal mark.
    var formatted: Bool
    /// A paragraph break (blank line) precedes this token.
    var paragraphBefore: Bool
    /// Whitespace precedes this token.
    var spaceBefore: Bool
    /// The lower-cased text occurs in the language's lexicons (false: no lexicon lookup can match; saves hashing).
    var known = true
    /// The text as written occurs in the language's lexicons.
    var knownExact = true
    /// FNV-1a of `text`'s and of `lower`'s UTF-8 bytes, for lexicon lookups (see WordSet).
    var textHash: UInt64 = 0
    var lowerHash: UInt64 = 0
}

struct NumberStyle: Sendable {
    var decimalMarks: Set<Unicode.Scalar>
    var groupMarks: Set<Unicode.Scalar>
    var spaceGrouping: Bool
    var frenchElision: Bool
}

/// Builds a String from scalars via UTF-8 (much faster than appending scalars one by one).
func makeString(_ sc: ArraySlice<Unicode.Scalar>) -> String { String(decoding: utf8Bytes(sc), as: UTF8.self) }

/// A String from scalars, with the FNV-1a hash of its UTF-8 bytes (WordSet's hash).
func makeHashedString(_ sc: ArraySlice<Unicode.Scalar>) -> (string: String, hash: UInt64) {
    let bytes = utf8Bytes(sc)
    return (String(decoding: bytes, as: UTF8.self), FNV1a.hash(bytes))
}

/// The UTF-8 bytes of scalars.
private func utf8Bytes(_ sc: ArraySlice<Unicode.Scalar>) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(sc.count + 8)
    for s in sc {
        let v = s.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
    return bytes
}

enum Scalars {
    static func isDigit(_ s: Unicode.Scalar) -> Bool { digitValue(s) != nil }

    @inline(__always)
    static func digitValue(_ s: Unicode.Scalar) -> Int? { Digits.value(s) }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if isDigit(s) { return false }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .modifierLetter: return true
        default: return false
        }
    }

    static func isNewline(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s.value == 0x2028 || s.value == 0x2029 || s.value == 0x85
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return s.properties.isWhitespace
    }

    /// Spaces that may group digits in any language (no-break, narrow no-break, thin).
    static func isNumberSpace(_ s: Unicode.Scalar) -> Bool {
        s.value == 0xA0 || s.value == 0x202F || s.value == 0x2009
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool { s.value < 0x80 ? (s.value >= 0x41 && s.value <= 0x5A) : s.properties.isUppercase }
    static func isLower(_ s: Unicode.Scalar) -> Bool { s.value < 0x80 ? (s.value >= 0x61 && s.value <= 0x7A) : s.properties.isLowercase }

    /// A combining mark that NFC may compose or reorder (combining diacritics, Hebrew and Arabic points,
    /// combining marks for symbols and half marks): a word holding one is normalised before lookups.
    /// Arabic fatha, damma, kasra, shadda, sukun and the superscript alef (not tanween).
    @inline(__always) static func isArabicVowelMark(_ s: Unicode.Scalar) -> Bool {
        (0x64E...0x652).contains(s.value) || s.value == 0x670
    }

    @inline(__always) static func mayCombine(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        guard v >= 0x300 else { return false }
        return v <= 0x36F || (v >= 0x483 && v <= 0x489) || (v >= 0x591 && v <= 0x5C7) || (v >= 0x610 && v <= 0x61A)
            || (v >= 0x64B && v <= 0x65F) || v == 0x670 || (v >= 0x6D6 && v <= 0x6ED) || (v >= 0x1AB0 && v <= 0x1AFF)
            || (v >= 0x1DC0 && v <= 0x1DFF) || (v >= 0x20D0 && v <= 0x20FF) || (v >= 0xFE20 && v <= 0xFE2F)
            || (v >= 0x1100 && v <= 0x11FF) || (v >= 0x3099 && v <= 0x309A)
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s.value == 0x2019 }
    static func isHyphen(_ s: Unicode.Scalar) -> Bool { s == "-" || s.value == 0x2011 }
}

struct Tokenizer: Sendable {
    var style: NumberStyle

    func tokenize(_ sc: [Unicode.Scalar]) -> [Tok] {
        var toks: [Tok] = []
        toks.reserveCapacity(sc.count / 4)
        var i = 0
        let n = sc.count
        var newlines = 0
        var space = false
        while i < n {
            let s = sc[i]
            if Scalars.isSpace(s) {
                if Scalars.isNewline(s) { newlines += 1 }
                space = true
                i += 1
                continue
            }
            let para = newlines >= 2 || (newlines >= 1 && toks.isEmpty == false)
            let start = i
            if Scalars.isDigit(s) {
                let (end, value, intDigits, formatted) = scanNumber(sc, from: i)
                let (text, hash) = makeHashedString(sc[start..<end])
                toks.append(Tok(kind: .number, start: start, end: end, text: text, lower: text, value: value,
                                intDigits: intDigits, formatted: formatted, paragraphBefore: para, spaceBefore: space,
                                textHash: hash, lowerHash: hash))
                i = end
            } else if Scalars.isLetter(s) {
                var j = i + 1
                var upper = Scalars.isUpper(s)
                var mark = Scalars.mayCombine(s)
                while j < n {
                    let c = sc[j]
                    if Scalars.isLetter(c) {
                        if !upper && Scalars.isUpper(c) { upper = true }
                        if !mark && Scalars.mayCombine(c) { mark = true }
                        j += 1
                        continue
                    }
                    if (Scalars.isApostrophe(c) || Scalars.isHyphen(c)) && j + 1 < n && Scalars.isLetter(sc[j + 1]) {
                        if Scalars.isApostrophe(c) && style.frenchElision && j - start <= 2 {
                            j += 1
                            break
                        }
                        j += 2
                        continue
                    }
                    break
                }
                var (text, hash) = makeHashedString(sc[start..<j])
                if mark {
                    // a combining mark: compare the word in NFC, as the lexicons are (WordSet)
                    let nfc = text.precomposedStringWithCanonicalMapping
                    if !Word.same(nfc, text) { text = nfc; hash = Word.hash(nfc) }
                    // Arabic short vowels, shadda and sukun are optional in print ("النّاطق الرّسمي" is "الناطق الرسمي"): the
                    // lexicons write words without them (tanween stays: it marks the indefinite accusative)
                    if text.unicodeScalars.contains(where: Scalars.isArabicVowelMark) {
                        var bare = String.UnicodeScalarView()
                        bare.append(contentsOf: text.unicodeScalars.lazy.filter { !Scalars.isArabicVowelMark($0) })
                        text = String(bare)
                        hash = Word.hash(text)
                    }
                }
                let lower = upper ? text.lowercased() : text
                toks.append(Tok(kind: .word, start: start, end: j, text: text, lower: lower, value: 0,
                                intDigits: 0, formatted: false, paragraphBefore: para, spaceBefore: space,
                                textHash: hash, lowerHash: upper ? Word.hash(lower) : hash))
                i = j
            } else {
                let text = String(s)
                let hash = Word.hash(text)
                toks.append(Tok(kind: .punct, start: start, end: i + 1, text: text, lower: text, value: 0,
                                intDigits: 0, formatted: false, paragraphBefore: para, spaceBefore: space,
                                textHash: hash, lowerHash: hash))
                i += 1
            }
            newlines = 0
            space = false
        }
        return toks
    }

    private func digitsRun(_ sc: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < sc.count, Scalars.isDigit(sc[j]) { j += 1 }
        return j - i
    }

    /// Scans a number at `i`: digits, group separators followed by exactly three digits, one decimal part.
    func scanNumber(_ sc: [Unicode.Scalar], from i: Int) -> (end: Int, value: Double, intDigits: Int, formatted: Bool) {
        let n = sc.count
        var intDigits: [Int] = []
        var j = i
        while j < n, let d = Scalars.digitValue(sc[j]) { intDigits.append(d); j += 1 }
        let firstRun = intDigits.count
        var formatted = false
        // Grouping: only when the leading run has 1...3 digits.
        // Indian grouping "2,20,000", "1,25,00,000": two-digit groups, then one of three, all with the same mark.
        if firstRun <= 2, j + 1 < n, style.groupMarks.contains(sc[j]), digitsRun(sc, j + 1) == 2 {
            let mark = sc[j]
            var k = j
            var pairs = 0
            while k + 3 < n, sc[k] == mark, digitsRun(sc, k + 1) == 2, sc[k + 3] == mark { k += 3; pairs += 1 }
            if pairs > 0, k < n, sc[k] == mark, digitsRun(sc, k + 1) == 3, !(k + 4 < n && (sc[k + 4] == mark && k + 5 < n && Scalars.isDigit(sc[k + 5]))) {
                for m in (j + 1)..<(k + 4) { if let d = Scalars.digitValue(sc[m]) { intDigits.append(d) } }
                j = k + 4
                formatted = true
            }
        }
        if firstRun <= 3, !formatted {
            // A language that does not group by plain spaces still reads "12 000" and "1 500 000" as one number: a chain
            // of three-digit groups after spaces is grouping when one group starts with 0 (no quantity is written so).
            var spaceChain = style.spaceGrouping
            if !spaceChain {
                var k = j
                while k + 1 < n, sc[k] == " ", digitsRun(sc, k + 1) == 3 {
                    if sc[k + 1] == "0" { spaceChain = true }
                    k += 4
                }
            }
            while j + 1 < n {
                let m = sc[j]
                let isGroup = style.groupMarks.contains(m) || Scalars.isNumberSpace(m) || (spaceChain && m == " ")
                guard isGroup, digitsRun(sc, j + 1) == 3 else { break }
                // "3 156" is a group; a following letter-free digit after the group would break the rule anyway.
                for k in (j + 1)..<(j + 4) { if let d = Scalars.digitValue(sc[k]) { intDigits.append(d) } }
                j += 4
                formatted = true
            }
        }
        var frac: [Int] = []
        if j + 1 < n, style.decimalMarks.contains(sc[j]) || sc[j].value == 0x66B, Scalars.isDigit(sc[j + 1]) {
            let run = digitsRun(sc, j + 1)
            // In a language whose decimal mark is also a group mark elsewhere, 3 digits after "," in English is grouping (handled above).
            var k = j + 1
            for _ in 0..<run { if frac.count < 15, let d = Scalars.digitValue(sc[k]) { frac.append(d) }; k += 1 }
            j = k
            formatted = true
        }
        var value = 0.0
        for d in intDigits { value = value * 10 + Double(d) }
        var scale = 0.1
        for d in frac { value += Double(d) * scale; scale /= 10 }
        if !frac.isEmpty {
            // Round to the written precision to avoid binary noise (32.1 stays 32.1).
            let p = Double(frac.count)
            let f = pow10(p)
            value = (value * f).rounded() / f
        }
        return (j, value, intDigits.count, formatted)
    }

    private func pow10(_ p: Double) -> Double {
        var r = 1.0
        var k = 0.0
        while k < p { r *= 10; k += 1 }
        return r
    }
}
