import Testing
@testable import GleanHTML

/// The class/id hint matcher: the union of the hints of every pattern found as a substring.
@Suite struct HintMatcherTests {
    static let cases: [(input: String, hints: Hints)] = [
        ("", []),
        ("x", []),
        ("article-body", [.maybe, .positive]),
        ("sidebar", [.unlikely, .strongNegative, .negative]),
        // "comment" inside "comments", and "com-" is no part of it.
        ("comments", [.unlikely, .strongNegative, .negative, .discussion]),
        // Overlapping matches: "byline" holds no other pattern, but gives three hints.
        ("byline", [.negative, .dateish, .authorish]),
        // A pattern at the very end; a pattern with a digit.
        ("post-meta", [.positive, .negative, .dateish]),
        ("g-ai2html", [.unlikely]),
        // A failed long prefix falls back onto a shorter pattern: "shar" then "e" of "share".
        ("sharshare", [.unlikely, .strongNegative, .negative]),
        ("-ad-", [.unlikely]),
        // Inside a longer pattern ("jp-relatedposts"), a shorter one ends ("related").
        ("jp-related", [.unlikely, .strongNegative, .negative]),
        // Unfinished patterns ("header", "-ad-") give nothing.
        ("head-ad", []),
        ("masthead", [.unlikely, .negative]),
        ("entry-content main", [.maybe, .positive]),
        // Non-ASCII bytes and bytes in no pattern reset the match.
        ("date\u{00E9}time", [.dateish]),
        ("dat\u{00E9}e", []),
        ("author writer", [.negative, .authorish]),
        // Purchase chrome (reviews, ratings, prices, cart widgets); accordions.
        ("product-reviews star-rating", [.review]),
        ("add-to-cart qty", [.review]),
        ("accordion__panel", [.accordion]),
        ("collapse", [.accordion]),
    ]

    @Test(arguments: cases.indices)
    func knownInputs(_ i: Int) {
        let (input, hints) = Self.cases[i]
        let got = Array(input.utf8).withUnsafeBufferPointer { HintMatcher.match($0) }
        #expect(got == hints, "\(input)")
    }

    /// Same answer as checking every pattern at every position, on generated class strings
    /// made of pattern pieces, separators and noise (a fixed seed: the same strings each run).
    @Test func agreesWithTheNaiveSearch() {
        let pieces = HintMatcher.patterns.map(\.bytes) + [Array("-".utf8), Array(" ".utf8), Array("x".utf8), [0xC3, 0xA9]]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var checked = 0
        for _ in 0..<3000 {
            var s: [UInt8] = []
            for _ in 0..<(1 + random(6)) {
                let piece = pieces[random(pieces.count)]
                // Often only a prefix or a suffix of a piece: near-misses.
                switch random(3) {
                case 0: s += piece
                case 1: s += piece.prefix(max(1, piece.count - 1))
                default: s += piece.suffix(max(1, piece.count - 1))
                }
            }
            var expected = Hints()
            for p in HintMatcher.patterns where s.count >= p.bytes.count {
                for start in 0...(s.count - p.bytes.count) where Array(s[start..<(start + p.bytes.count)]) == p.bytes {
                    expected.formUnion(p.hints)
                }
            }
            let got = s.withUnsafeBufferPointer { HintMatcher.match($0) }
            #expect(got == expected, "\(String(decoding: s, as: UTF8.self))")
            if got != expected { break }
            checked += 1
        }
        #expect(checked == 3000)
    }
}
