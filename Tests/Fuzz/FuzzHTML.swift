// libFuzzer target for the HTML reader (GleanHTML). Built by Tests/Fuzz/run.sh, not by SwiftPM.
// One input = the raw bytes of a page. The first byte also picks one of a few option sets, so
// the content/exclude XPath and depth-limit paths are exercised too (the whole input is still
// the page). A crash, a sanitizer report, a hang (-timeout) or runaway memory (-rss_limit_mb)
// is a finding; a thrown HTMLError is the expected answer to bad input.
import GleanHTML

/// Extractors built once: option sets that change which code paths a page goes through.
private let extractors: [HTMLExtractor] = {
    let sets: [HTMLOptions] = [
        HTMLOptions(),
        HTMLOptions(contentXPath: "//article | //main", excludeXPath: "//aside | //*[@class='ad']"),
        HTMLOptions(titleXPath: "//h1", dateXPath: "//time/@datetime | //meta[@name='date']/@content"),
        HTMLOptions(maxBytes: 4096, maxDepth: 8),
    ]
    var built: [HTMLExtractor] = []
    for options in sets {
        do { built.append(try HTMLExtractor(options: options)) } catch {
            fatalError("fuzz harness: option set does not build: \(error)")
        }
    }
    return built
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    let extractor = extractors[Int(bytes.first ?? 0) % extractors.count]
    if let page = try? extractor.extract(bytes) {
        // The text is the paragraphs joined; reading every field makes sure none is a dangling view.
        var total = page.text.utf8.count + page.encoding.utf8.count
        for paragraph in page.paragraphs { total &+= paragraph.utf8.count }
        let m = page.metadata
        for field in [m.title, m.published, m.language, m.author, m.site, m.url] { total &+= field?.utf8.count ?? 0 }
        blackHole(total &+ Int(truncatingIfNeeded: m.publishedUTC ?? 0))
    }
    // The plain-text metadata reader takes any string: feed it the same bytes as (repaired) UTF-8.
    let meta = TextMetadata.extract(String(decoding: bytes, as: UTF8.self))
    blackHole((meta.title?.utf8.count ?? 0) &+ (meta.published?.utf8.count ?? 0) &+ (meta.language?.utf8.count ?? 0))
    return 0
}

@inline(never)
private func blackHole(_ value: Int) {
    if value == Int.min { print("") }
}
