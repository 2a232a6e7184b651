// libFuzzer target for the number and date parsers and the fact extractor (GleanFacts). Built by
// Tests/Fuzz/run.sh, not by SwiftPM.
// One input = one control byte, then UTF-8 text (invalid sequences are repaired, as the pipeline
// does). The control byte picks the language hint (nil, en, fr, ar, an unknown code) and whether a
// publication date is given. Besides crashes, hangs and runaway memory, the documented contracts
// are checked: every span is the exact Unicode-scalar slice of the text it indexes, values are
// finite, ISO dates are YYYY, YYYY-MM or YYYY-MM-DD.
import GleanFacts

private let languages: [String?] = [nil, "en", "fr", "ar", "xx"]
private let cleaner = TextCleaner()
private let extractor = FactExtractor()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let control = bytes.first else { return 0 }
    let language = languages[Int(control) % languages.count]
    let published: String? = control & 0x80 != 0 ? "2024-05-01" : nil
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)

    if let value = NumberParser.parse(text, language: language), !value.isFinite {
        violation("NumberParser.parse returned \(value)", text)
    }
    if let iso = DateParser.parse(text, language: language), !isISO(iso) {
        violation("DateParser.parse returned '\(iso)'", text)
    }
    let cleaned = cleaner.clean(text, language: language)
    check(extractor.extract(text, language: language, published: published), text)
    check(extractor.extract(cleaned.text, language: language, published: published), cleaned.text)
    return 0
}

/// Checks one extraction's spans and values against `text`.
private func check(_ facts: Facts, _ text: String) {
    let scalars = Array(text.unicodeScalars)
    func slice(_ offset: Int, _ length: Int) -> String? {
        guard offset >= 0, length >= 0, offset <= scalars.count, length <= scalars.count - offset else { return nil }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[offset ..< offset + length])
        return String(s)
    }
    for m in facts.metrics {
        if slice(m.offset, m.length) != m.text { violation("metric span \(m.offset)+\(m.length) is not '\(m.text)'", text) }
        if !m.value.isFinite || !(m.denominator?.isFinite ?? true) { violation("metric value \(m.value)/\(String(describing: m.denominator))", text) }
    }
    for d in facts.dates {
        if slice(d.offset, d.length) != d.text { violation("date span \(d.offset)+\(d.length) is not '\(d.text)'", text) }
        if !isISO(d.iso) { violation("date iso '\(d.iso)'", text) }
    }
    for r in facts.references where slice(r.offset, r.length) != r.text {
        violation("reference span \(r.offset)+\(r.length) is not '\(r.text)'", text)
    }
    for p in facts.people where p.firstOffset < 0 || p.firstOffset > scalars.count || p.mentions < 1 {
        violation("person '\(p.name)' at \(p.firstOffset), \(p.mentions) mentions", text)
    }
}

/// YYYY, YYYY-MM or YYYY-MM-DD with a real month and day-of-month range.
private func isISO(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4, parts[0].allSatisfy(\.isASCII), Int(parts[0]) != nil else { return false }
    if parts.count >= 2 {
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
    }
    if parts.count == 3 {
        guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return false }
    }
    return true
}

/// A broken contract: stop here so libFuzzer saves the input.
private func violation(_ what: String, _ text: String) -> Never {
    fatalError("fuzz: \(what) in \(String(reflecting: String(text.prefix(300))))")
}
