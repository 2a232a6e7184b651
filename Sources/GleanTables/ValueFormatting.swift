import GleanText

/// Plain text renderings of cell values shared by the writers: "." decimal, no exponent, no
/// thousands separators, ISO 8601 dates.
public enum ValueFormatting {
    /// Formats a double as plain decimal: 9.399e12 is "9399000000000", 94.72 is "94.72".
    /// NaN and infinities have no plain form and come out as nil (an empty cell).
    public static func plain(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        let shortest = "\(value)"
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return shortest }
        // Expand the shortest round-trip form's exponent by moving the decimal point.
        var mantissa = String(shortest[..<e])
        guard let exponent = Int(shortest[shortest.index(after: e)...]) else { return shortest }
        var negative = false
        if mantissa.hasPrefix("-") { negative = true; mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = intPart + fracPart
        var point = intPart.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var whole = String(digits.prefix(point))
        var frac = String(digits.dropFirst(point))
        while frac.hasSuffix("0") { frac.removeLast() }
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        let body = frac.isEmpty ? whole : whole + "." + frac
        return negative ? "-" + body : body
    }

    /// "YYYY-MM-DD" for a count of days since 1970-01-01 (proleptic Gregorian).
    public static func isoDate(days: Int32) -> String {
        CivilDate.iso(days: Int(days))
    }

    /// "YYYY-MM-DDTHH:MM:SSZ" (with ".ffffff" when the instant has sub-second digits).
    public static func isoTimestamp(micros: Int64) -> String {
        let perDay: Int64 = 86_400_000_000
        var days = micros / perDay
        var rest = micros % perDay
        if rest < 0 { rest += perDay; days -= 1 }
        let seconds = rest / 1_000_000
        let fraction = rest % 1_000_000
        let pad = CivilDate.pad
        var s = "\(CivilDate.iso(days: Int(days)))T\(pad(Int(seconds / 3600), 2)):\(pad(Int(seconds / 60 % 60), 2)):\(pad(Int(seconds % 60), 2))"
        if fraction != 0 { s += "." + pad(Int(fraction), 6) }
        return s + "Z"
    }
}
