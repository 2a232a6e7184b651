internal import Foundation
import GleanText

/// A calendar date with the optional time and offset the source gave.
struct ParsedDate: Equatable {
    var year: Int, month: Int, day: Int
    var hour: Int?, minute: Int?, second: Int?
    var fraction: String?
    /// Offset from UTC in minutes, when the source gives a zone.
    var offset: Int?
    /// Only the month is known ("November 2015"); `day` is then 1 and unused.
    var monthOnly = false
    /// Written with numbers that read as day-month and as month-day ("03-09-2026"): day first
    /// was guessed. ``dayMonthSwapped`` is the other reading.
    var guessed = false

    /// The same instant with day and month exchanged, when that is a valid date.
    var dayMonthSwapped: ParsedDate? {
        var d = self
        d.day = month
        d.month = day
        d.guessed = false
        return d.isValid ? d : nil
    }

    /// ISO 8601 with the source's precision.
    var iso: String {
        if monthOnly { return pad(year, 4) + "-" + pad(month, 2) }
        var s = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard let hour, let minute else { return s }
        s += "T" + pad(hour, 2) + ":" + pad(minute, 2)
        if let second { s += ":" + pad(second, 2) + (fraction.map { "." + $0 } ?? "") }
        if let offset {
            if offset == 0 { return s + "Z" }
            let a = abs(offset)
            s += (offset < 0 ? "-" : "+") + pad(a / 60, 2) + ":" + pad(a % 60, 2)
        }
        return s
    }

    /// Microseconds since the epoch, when time and zone are known.
    var utcMicros: Int64? {
        guard let hour, let minute, let offset else { return nil }
        let days = Int64(CivilDate.days(year: year, month: month, day: day))
        var secs = days * 86400 + Int64(hour * 3600 + minute * 60 + (second ?? 0)) - Int64(offset * 60)
        var micros: Int64 = 0
        if let fraction {
            let digits = Array(fraction.prefix(6))
            var v: Int64 = 0
            for ch in digits { v = v * 10 + Int64(ch.wholeNumberValue ?? 0) }
            for _ in digits.count..<6 { v *= 10 }
            micros = v
        }
        secs *= 1_000_000
        return secs + micros
    }

    var isValid: Bool {
        guard (1..<13).contains(month), day >= 1, day <= daysIn(month, year) else { return false }
        if let hour, hour > 23 { return false }
        if let minute, minute > 59 { return false }
        if let second, second > 60 { return false }
        return true
    }
}

func pad(_ v: Int, _ w: Int) -> String { CivilDate.pad(v, w) }

func daysIn(_ m: Int, _ y: Int) -> Int {
    switch m {
    case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}

/// The calendar day (UTC) that publication dates are checked against: a page cannot have been
/// published after the day it was fetched, so a later date on it is an expiry, an event or a typo.
///
/// The reference always comes from the input or the run, never from the clock: the `as_of` option
/// of `parse.html` (an ISO date) when the manifest gives one, else the input file's modification
/// time. Without either there is no upper bound. So the same input and manifest give the same
/// dates on any day.
public struct ReferenceDay: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let daysSinceEpoch: Int

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// The UTC day of an instant given in seconds since the epoch (a file's modification time).
    public init(unixSeconds: Int64) {
        let (q, r) = unixSeconds.quotientAndRemainder(dividingBy: 86400)
        daysSinceEpoch = Int(r < 0 ? q - 1 : q)
    }

    /// A day written "YYYY-MM-DD"; nil for any other text or an impossible day.
    public init?(iso: String) {
        let b = Array(iso.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let d = DateParser.iso(b), d.isValid else { return nil }
        daysSinceEpoch = CivilDate.days(year: d.year, month: d.month, day: d.day)
    }

    /// "YYYY-MM-DD".
    public var description: String { CivilDate.iso(days: daysSinceEpoch) }

    public static func < (a: ReferenceDay, b: ReferenceDay) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}

/// Which written dates can be a page's publication date: valid days from 1990 up to the day after
/// the reference day (a publisher's zone runs up to 14 hours ahead of UTC). A plain value, built
/// once per page from its reference day and passed to whatever reads dates.
struct DateRules {
    /// Latest acceptable day (days since the epoch); nil: no upper bound.
    let latestDay: Int?

    init(asOf: ReferenceDay?) {
        latestDay = asOf.map { $0.daysSinceEpoch + 1 }
    }

    /// Dates are read for their form only: no upper bound.
    static let unbounded = DateRules(asOf: nil)

    func plausible(_ d: ParsedDate) -> Bool {
        guard d.isValid && d.year >= DateParser.earliestYear else { return false }
        guard let latestDay else { return true }
        return CivilDate.days(year: d.year, month: d.month, day: d.day) <= latestDay
    }

    /// Parses a machine date: ISO 8601 ("2024-06-14", "2024-06-14T15:28:00+07:00", "2024-06-14 15:28"),
    /// else falls back to the free-text forms.
    func machine(_ raw: String) -> ParsedDate? {
        let s = Array(raw.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        if let d = DateParser.iso(s), plausible(d) { return d }
        if let d = scanText(raw, requireAlone: false), plausible(d) { return d }
        return nil
    }

    /// The first plausible date found in free text (datelines: "September 4, 2025",
    /// "4 septembre 2025", "١٤ يونيو ٢٠٢٤", "14/06/2024", "2024-06-14", with an optional time).
    func scanText(_ text: String, requireAlone: Bool) -> ParsedDate? {
        // Every written date has a number in it (a day or a year): most lines tried have none.
        guard DateParser.hasDigit(text, limit: 4000) else { return nil }
        let t = DateParser.tokenize(text)
        var k = 0
        while k < t.count {
            if let (d, end) = DateParser.dateAt(t, k), plausible(d) {
                var out = d
                DateParser.attachTime(t, start: k, end: end, to: &out)
                return out
            }
            k += 1
        }
        return nil
    }

    /// A line that is only a month and a year ("November 2015", "Date: Nov. 2003").
    func monthYearAlone(_ text: String) -> ParsedDate? {
        var t = DateParser.tokenize(text, limit: 60)
        if let w = DateParser.word(t, 0), ["date", "published", "posted"].contains(w) {
            t.removeFirst()
            if DateParser.sep(t, 0) == ":" { t.removeFirst() }
        }
        guard let (m, after) = DateParser.monthAt(t, 0) else { return nil }
        var j = after
        if DateParser.sep(t, j) == "," { j += 1 }
        guard let (y, dy) = DateParser.num(t, j), dy == 4, j + 1 == t.count else { return nil }
        var d = ParsedDate(year: y, month: m, day: 1)
        d.monthOnly = true
        // The month's first day stands for it: a month under way on the reference day is accepted.
        return plausible(d) ? d : nil
    }
}

enum DateParser {
    static let earliestYear = 1990

    /// Whether `raw` reads as a machine or written date, whatever its day (no reference day: use
    /// ``DateRules`` for a publication date).
    static func machine(_ raw: String) -> ParsedDate? { DateRules.unbounded.machine(raw) }

    static func iso(_ s: [UInt8]) -> ParsedDate? {
        var i = 0
        func num(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = s[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += n
            return v
        }
        func eat(_ c: UInt8) -> Bool {
            if i < s.count && s[i] == c { i += 1; return true }
            return false
        }
        guard let y = num(4) else { return nil }
        let dash = eat(0x2D) || eat(0x2F)
        guard let m = num(2) else { return nil }
        if dash { guard eat(0x2D) || eat(0x2F) else { return nil } }
        guard let d = num(2) else { return nil }
        var out = ParsedDate(year: y, month: m, day: d)
        guard i < s.count, s[i] == 0x54 || s[i] == 0x20 || s[i] == 0x74 else {
            return i == s.count || !(s[i] >= 0x30 && s[i] <= 0x39) ? out : nil
        }
        i += 1
        guard let hh = num(2), eat(0x3A), let mm = num(2) else { return out }
        out.hour = hh
        out.minute = mm
        if eat(0x3A), let ss = num(2) {
            out.second = ss
            if eat(0x2E) || eat(0x2C) {
                var f = ""
                while i < s.count, s[i] >= 0x30 && s[i] <= 0x39 {
                    f.append(Character(Unicode.Scalar(s[i])))
                    i += 1
                }
                if !f.isEmpty { out.fraction = f }
            }
        }
        while i < s.count && s[i] == 0x20 { i += 1 }
        if eat(0x5A) || eat(0x7A) {
            out.offset = 0
        } else if i < s.count, s[i] == 0x2B || s[i] == 0x2D {
            let sign = s[i] == 0x2D ? -1 : 1
            i += 1
            if let oh = num(2) {
                _ = eat(0x3A)
                let om = num(2) ?? 0
                out.offset = sign * (oh * 60 + om)
            }
        }
        return out
    }

    // MARK: Free text

    enum Tok: Equatable {
        case num(Int, digits: Int)
        case word(String)
        case sep(Character)
    }

    struct Token {
        var tok: Tok
        var spaceBefore: Bool
    }

    /// Every language's month names and abbreviations (one table with the fact extractor's: GleanText).
    static var months: [String: Int] { MonthNames.all }

    static let weekdays: [String: Int] = {
        // 0 = Sunday
        var d = [String: Int]()
        let en = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        let enS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        let fr = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
        let ar = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
        for list in [enS, en, fr, ar] { for (k, w) in list.enumerated() { d[w] = k } }
        d["الإثنين"] = 1
        d["tues"] = 2
        d["thurs"] = 4
        return d
    }()

    /// Words that make a following number a reference, phone or expiry, never a date.
    static let blockers: Set<String> = [
        "no", "nr", "n", "ref", "reference", "tel", "phone", "fax", "hotline", "mobile", "call", "số", "expires",
        "expiry", "expiration", "exp", "valid", "until", "ticket", "case", "code", "id", "isbn", "order", "invoice",
        "decision", "decree", "resolution", "circular", "article", "law", "dossier", "réf", "téléphone", "tél", "رقم",
        "هاتف",
    ]

    /// Whether one of the first `limit` scalars is an ASCII, Arabic-Indic or Eastern
    /// Arabic-Indic digit (what `tokenize` reads as a number).
    static func hasDigit(_ text: String, limit: Int) -> Bool {
        var count = 0
        for u in text.unicodeScalars {
            count += 1
            if count > limit { return false }
            if Digits.isDigit(u) { return true }
        }
        return false
    }

    /// Unicode White_Space, answered without a property lookup for ASCII.
    @inline(__always)
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x80 ? v == 0x20 || (v >= 0x09 && v <= 0x0D) : u.properties.isWhitespace
    }

    static func tokenize(_ text: String, limit: Int = 4000) -> [Token] {
        var toks: [Token] = []
        var space = true
        var word = ""
        var num = 0
        var digits = 0
        func flushWord() {
            if !word.isEmpty {
                toks.append(Token(tok: .word(word.lowercased()), spaceBefore: space))
                space = false
                word = ""
            }
        }
        func flushNum() {
            if digits > 0 {
                toks.append(Token(tok: .num(num, digits: digits), spaceBefore: space))
                space = false
                num = 0
                digits = 0
            }
        }
        var count = 0
        for u in text.unicodeScalars {
            count += 1
            if count > limit { break }
            let v = u.value
            if let digit = Digits.value(u) {
                flushWord()
                if digits < 9 { num = num * 10 + digit }
                digits += 1
            } else if v < 0x80 ? (v | 0x20) &- 0x61 < 26 : u.properties.isAlphabetic || (v >= 0x64B && v <= 0x652) {
                flushNum()
                word.unicodeScalars.append(u)
            } else {
                flushWord()
                flushNum()
                if isSpace(u) {
                    space = true
                } else {
                    toks.append(Token(tok: .sep(Character(u)), spaceBefore: space))
                    space = false
                }
            }
        }
        flushWord()
        flushNum()
        return toks
    }

    static func num(_ t: [Token], _ i: Int) -> (Int, Int)? {
        guard i >= 0, i < t.count, case .num(let v, let d) = t[i].tok else { return nil }
        return (v, d)
    }

    static func sep(_ t: [Token], _ i: Int) -> Character? {
        guard i >= 0, i < t.count, case .sep(let c) = t[i].tok else { return nil }
        return c
    }

    static func word(_ t: [Token], _ i: Int) -> String? {
        guard i >= 0, i < t.count, case .word(let w) = t[i].tok else { return nil }
        return w
    }

    static func monthAt(_ t: [Token], _ i: Int) -> (Int, Int)? {
        guard let w = word(t, i) else { return nil }
        if let m = months[w] { 
            // "mar" alone could be French "mardi" abbreviations; accept, checked by the year pattern.
            return (m, i + 1 + (sep(t, i + 1) == "." ? 1 : 0))
        }
        if let w2 = word(t, i + 1), let m = months[w + " " + w2] { return (m, i + 2) }
        return nil
    }

    static func blocked(_ t: [Token], _ k: Int) -> Bool {
        var j = k - 1
        var seen = 0
        while j >= 0 && seen < 3 {
            if let w = word(t, j), blockers.contains(w) { return true }
            if let s = sep(t, j), s == "#" || s == "№" || s == "°" { return true }
            j -= 1
            seen += 1
        }
        return false
    }

    /// A date starting at token `k`; returns it and the index after it.
    static func dateAt(_ t: [Token], _ k: Int) -> (ParsedDate, Int)? {
        // Numeric forms.
        if let (a, da) = num(t, k) {
            // Not glued to a preceding number or separator (reference numbers like 12/2024/QD).
            if k > 0 && !t[k].spaceBefore {
                if num(t, k - 1) != nil || word(t, k - 1) != nil { return nil }
                if let s = sep(t, k - 1), s == "/" || s == "-" || s == "." || s == "_" {
                    if num(t, k - 2) != nil || word(t, k - 2) != nil { return nil }
                }
            }
            if let s1 = sep(t, k + 1), "/-.".contains(s1), !t[k + 1].spaceBefore,
                let (b, db) = num(t, k + 2), !t[k + 2].spaceBefore, sep(t, k + 3) == s1, !t[k + 3].spaceBefore,
                let (c, dc) = num(t, k + 4), !t[k + 4].spaceBefore
            {
                // Not followed by more of the same (IDs, IPs, versions).
                if k + 5 < t.count && !t[k + 5].spaceBefore {
                    // ISO 8601 date-time written out ("2022-11-23T08:10+02:00").
                    let isoTime = da == 4 && s1 == "-" && word(t, k + 5) == "t" && num(t, k + 6) != nil
                    if !isoTime && (num(t, k + 5) != nil || word(t, k + 5) != nil) { return nil }
                    if let s = sep(t, k + 5), "/-.".contains(s), k + 6 < t.count, !t[k + 6].spaceBefore,
                        num(t, k + 6) != nil || word(t, k + 6) != nil
                    { return nil }
                }
                if blocked(t, k) { return nil }
                if da == 4 && db <= 2 && dc <= 2 {
                    let d = ParsedDate(year: a, month: b, day: c)
                    return d.isValid ? (d, k + 5) : nil
                }
                if da <= 2 && db <= 2 && (dc == 4 || (dc == 2 && s1 != ".")) {
                    let y = dc == 4 ? c : 2000 + c
                    if dc == 2 { return nil }
                    var dmy = ParsedDate(year: y, month: b, day: a)
                    let mdy = ParsedDate(year: y, month: a, day: b)
                    if !dmy.isValid { return mdy.isValid ? (mdy, k + 5) : nil }
                    if mdy.isValid && a != b {
                        // Ambiguous: a weekday name nearby decides, else day first (a guess).
                        if let wd = weekdayBefore(t, k) {
                            if weekday(mdy) == wd && weekday(dmy) != wd { return (mdy, k + 5) }
                            dmy.guessed = weekday(dmy) != wd
                        } else {
                            if s1 == "/" && usStyleContext { dmy = mdy }
                            dmy.guessed = true
                        }
                    }
                    return (dmy, k + 5)
                }
                return nil
            }
            // "2023 Jan 7" (bibliographic order)
            if da == 4, !blocked(t, k), let (m, after) = monthAt(t, k + 1), let (d, dd) = num(t, after), dd <= 2,
                num(t, after + 1) == nil
            {
                let out = ParsedDate(year: a, month: m, day: d)
                return out.isValid ? (out, after + 1) : nil
            }
            // "4 September 2025", "1er mars 2024", "4. März 2024", "4 de mayo de 2024"
            if da <= 2 && !blocked(t, k) {
                var j = k + 1
                if let w = word(t, j), ["er", "st", "nd", "rd", "th", "de"].contains(w), !t[j].spaceBefore || w == "de" { j += 1 }
                if sep(t, j) == "." { j += 1 }
                if word(t, j) == "de" { j += 1 }
                if let (m, after) = monthAt(t, j) {
                    var y = after
                    if sep(t, y) == "," { y += 1 }
                    if word(t, y) == "de" { y += 1 }
                    if let (yr, dy) = num(t, y), dy == 4 {
                        let d = ParsedDate(year: yr, month: m, day: a)
                        return d.isValid ? (d, y + 1) : nil
                    }
                }
            }
            return nil
        }
        // "September 4, 2025", "Sept. 4th 2025"
        if let (m, after) = monthAt(t, k) {
            var j = after
            guard let (d, dd) = num(t, j), dd <= 2 else { return nil }
            j += 1
            if let w = word(t, j), ["st", "nd", "rd", "th"].contains(w) { j += 1 }
            if sep(t, j) == "," { j += 1 }
            guard let (y, dy) = num(t, j), dy == 4 else { return nil }
            let out = ParsedDate(year: y, month: m, day: d)
            return out.isValid ? (out, j + 1) : nil
        }
        return nil
    }

    /// Day-first is the default for ambiguous numeric dates; no US context is inferred.
    static let usStyleContext = false

    static func weekdayBefore(_ t: [Token], _ k: Int) -> Int? {
        var j = k - 1
        while j >= 0 && j >= k - 3 {
            if let w = word(t, j), let d = weekdays[w] { return d }
            j -= 1
        }
        return nil
    }

    static func weekday(_ d: ParsedDate) -> Int {
        let days = CivilDate.days(year: d.year, month: d.month, day: d.day)
        return ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
    }

    /// Adds a time written just after ("…, 10:30 AM", "… 15:28") or just before ("15:28 - 14/06/2024") the date.
    static func attachTime(_ t: [Token], start: Int, end: Int, to d: inout ParsedDate) {
        func timeAt(_ i: Int) -> (Int, Int, Int?, Int)? {
            guard let (h, dh) = num(t, i), dh <= 2, sep(t, i + 1) == ":", let (m, dm) = num(t, i + 2), dm == 2 else { return nil }
            var j = i + 3
            var sec: Int?
            if sep(t, j) == ":", let (s, ds) = num(t, j + 1), ds == 2 {
                sec = s
                j += 2
            }
            var hour = h
            if let w = word(t, j), w == "am" || w == "pm" || w == "a" || w == "p" {
                if w.hasPrefix("p") && hour < 12 { hour += 12 }
                if w.hasPrefix("a") && hour == 12 { hour = 0 }
                j += 1
                if sep(t, j) == "." { j += 1 }
                if word(t, j) == "m" { j += 1 }
            }
            guard hour < 24 && m < 60 else { return nil }
            return (hour, m, sec, j)
        }
        var j = end
        while j < t.count && j < end + 3 {
            if let w = word(t, j), ["at", "à", "um", "a", "las", "الساعة", "h"].contains(w) { j += 1; continue }
            if let s = sep(t, j), s == "," || s == "-" || s == "|" || s == "–" || s == "•" || s == "·" { j += 1; continue }
            break
        }
        if let (h, m, s, after) = timeAt(j) {
            d.hour = h
            d.minute = m
            d.second = s
            if let w = word(t, after), w == "utc" || w == "gmt" {
                d.offset = 0
                if let sg = sep(t, after + 1), sg == "+" || sg == "-", let (oh, _) = num(t, after + 2), oh <= 14 {
                    d.offset = (sg == "-" ? -1 : 1) * oh * 60
                }
            }
            return
        }
        // Time before the date.
        var b = start - 1
        while b >= 0 && b >= start - 2, let s = sep(t, b), s == "-" || s == "|" || s == "," || s == "–" { b -= 1 }
        for back in [2, 4] {
            let i = b - back
            if i >= 0, let (h, m, s, after) = timeAt(i), after == b + 1 {
                d.hour = h
                d.minute = m
                d.second = s
                return
            }
        }
    }
}
