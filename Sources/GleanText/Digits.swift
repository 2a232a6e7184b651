/// Decimal digits of the scripts Glean reads: ASCII, Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic
/// (U+06F0–06F9, Persian and Urdu). One definition for the page-metadata date parser and the fact tokenizer.
public enum Digits {
    /// The value 0–9 of a digit scalar, or nil when `s` is not one.
    @inline(__always)
    public static func value(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0x660...0x669: return Int(s.value - 0x660)
        case 0x6F0...0x6F9: return Int(s.value - 0x6F0)
        default: return nil
        }
    }

    /// Whether `s` is a digit of one of those scripts.
    @inline(__always)
    public static func isDigit(_ s: Unicode.Scalar) -> Bool { value(s) != nil }
}
