// Words looked up by their UTF-8 bytes, for the lexicons that every token is looked up in.
//
// Swift compares and hashes a String by canonical equivalence: a word with any non-ASCII letter
// ("Nguyễn", "الوزير", "ministère") is normalised on every hash and every comparison, and that took
// about half of extract.facts' time. Here a word is hashed once (FNV-1a over its UTF-8 bytes: a token
// carries the hashes of its text and of its lower-cased text from the tokenizer) and compared by its
// bytes. That is canonical equality as long as both sides are NFC: the text is (clean.text normalises,
// and the tokenizer normalises a word that carries a combining mark), and every word read from a
// language file is normalised here when it is loaded.

import Foundation
import GleanText

/// Hashing and byte equality of words (NFC on both sides: see above).
enum Word {
    @inline(__always) static func hash(_ s: String) -> UInt64 {
        if let h = s.utf8.withContiguousStorageIfAvailable({ FNV1a.hash($0) }) { return h }
        return FNV1a.hash(Array(s.utf8))
    }

    /// `s` in NFC: for words read from a language file, never on the hot path.
    static func normalised(_ s: String) -> String {
        s.utf8.allSatisfy({ $0 < 0x80 }) ? s : s.precomposedStringWithCanonicalMapping
    }

    /// Byte equality of two strings.
    @inline(__always) static func same(_ a: String, _ b: String) -> Bool {
        let n = a.utf8.count
        guard n == b.utf8.count else { return false }
        let r = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in n == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, n) == 0 }
        }
        if let r, let r { return r }
        return a.utf8.elementsEqual(b.utf8)
    }
}

/// An open-addressing table from words to their insertion index (the storage of WordSet and WordMap).
/// Iteration follows insertion order, so nothing that walks a lexicon depends on a per-process seed.
struct WordIndex: Sendable {
    private var slots: [Int32] = Array(repeating: -1, count: 8)
    private(set) var hashes: [UInt64] = []
    private(set) var words: [String] = []

    @inline(__always) private static func slot(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) & mask }

    /// The index of `s` (whose hash is `h`), or nil.
    @inline(__always) func find(_ h: UInt64, _ s: String) -> Int? {
        let mask = slots.count - 1
        var i = Self.slot(h, mask)
        while true {
            let k = Int(slots[i])
            if k < 0 { return nil }
            if hashes[k] == h, Word.same(words[k], s) { return k }
            i = (i + 1) & mask
        }
    }

    /// Inserts `s` (as it is) unless present: its index, and whether it was new.
    mutating func insert(_ s: String) -> (index: Int, inserted: Bool) { insert(s, hash: Word.hash(s)) }

    /// Inserts `s`, whose hash `h` is known (a token's).
    mutating func insert(_ s: String, hash h: UInt64) -> (index: Int, inserted: Bool) {
        if let k = find(h, s) { return (k, false) }
        hashes.append(h)
        words.append(s)
        if words.count * 2 > slots.count { rehash(slots.count * 2) } else { place(words.count - 1) }
        return (words.count - 1, true)
    }

    /// Room for `n` words without growing.
    mutating func reserveCapacity(_ n: Int) {
        var capacity = slots.count
        while n * 2 > capacity { capacity *= 2 }
        if capacity > slots.count { rehash(capacity) }
        hashes.reserveCapacity(n)
        words.reserveCapacity(n)
    }

    private mutating func place(_ k: Int) {
        let mask = slots.count - 1
        var i = Self.slot(hashes[k], mask)
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(k)
    }

    private mutating func rehash(_ capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        for k in words.indices { place(k) }
    }
}

/// A set of words (see `Word`), immutable: the lexicons' sets, looked up without normalising. A class, so that
/// reading one through `p.entities.orgHeads` shares it instead of copying its three arrays on every lookup.
/// `init(_:)` normalises what it is given (words read from a language file); an array literal takes its words
/// as they are (a literal in the source: NFC already). For a set built word by word, see MutableWordSet.
final class WordSet: Sendable, Sequence, ExpressibleByArrayLiteral {
    private let index: WordIndex

    init(index: WordIndex) { self.index = index }
    convenience init() { self.init(index: WordIndex()) }
    convenience init<S: Sequence>(_ s: S) where S.Element == String {
        var index = WordIndex()
        for w in s { _ = index.insert(Word.normalised(w)) }
        self.init(index: index)
    }
    convenience init(arrayLiteral elements: String...) {
        var index = WordIndex()
        for w in elements { _ = index.insert(w) }
        self.init(index: index)
    }

    @inline(__always) func contains(_ s: String) -> Bool { index.find(Word.hash(s), s) != nil }
    /// Whether the set holds token `t`'s lower-cased text (hashed once by the tokenizer).
    @inline(__always) func containsLower(_ t: Tok) -> Bool { index.find(t.lowerHash, t.lower) != nil }
    /// Whether the set holds token `t`'s text as written.
    @inline(__always) func containsText(_ t: Tok) -> Bool { index.find(t.textHash, t.text) != nil }

    func union<S: Sequence>(_ s: S) -> WordSet where S.Element == String {
        var u = index
        for w in s { _ = u.insert(Word.normalised(w)) }
        return WordSet(index: u)
    }
    func subtracting<S: Sequence>(_ s: S) -> WordSet where S.Element == String {
        let gone = WordSet(s)
        return WordSet(index.words.filter { !gone.contains($0) })
    }
    var isEmpty: Bool { index.words.isEmpty }
    var count: Int { index.words.count }
    func makeIterator() -> IndexingIterator<[String]> { index.words.makeIterator() }
}

/// A set of words built word by word (a document's own words); `insert` takes its words as they are (NFC).
struct MutableWordSet: Sendable, Sequence {
    private var index = WordIndex()

    init() {}

    @inline(__always) func contains(_ s: String) -> Bool { index.find(Word.hash(s), s) != nil }
    @inline(__always) func containsLower(_ t: Tok) -> Bool { index.find(t.lowerHash, t.lower) != nil }
    @inline(__always) func containsText(_ t: Tok) -> Bool { index.find(t.textHash, t.text) != nil }

    @discardableResult mutating func insert(_ s: String) -> (inserted: Bool, memberAfterInsert: String) {
        let r = index.insert(s)
        return (r.inserted, index.words[r.index])
    }
    /// Inserts token `t`'s text as written (hashed once by the tokenizer).
    mutating func insertText(_ t: Tok) { _ = index.insert(t.text, hash: t.textHash) }
    mutating func reserveCapacity(_ n: Int) { index.reserveCapacity(n) }
    mutating func formUnion<S: Sequence>(_ s: S) where S.Element == String { for w in s { insert(w) } }
    var isEmpty: Bool { index.words.isEmpty }
    var count: Int { index.words.count }
    func makeIterator() -> IndexingIterator<[String]> { index.words.makeIterator() }
}

/// A map keyed by words (see `Word`), immutable: the lexicons' dictionaries, looked up without normalising
/// (a class, shared rather than copied on every lookup, as WordSet).
final class WordMap<Value: Sendable>: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    private let index: WordIndex
    private let values: [Value]

    /// Normalises the keys (words read from a language file); in the order of the keys, for a stable iteration.
    init(_ d: [String: Value]) {
        var index = WordIndex()
        var values: [Value] = []
        for key in d.keys.sorted() {
            let r = index.insert(Word.normalised(key))
            if r.inserted { values.append(d[key]!) }
        }
        self.index = index
        self.values = values
    }
    convenience init() { self.init([:]) }
    convenience init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }

    @inline(__always) subscript(_ key: String) -> Value? { index.find(Word.hash(key), key).map { values[$0] } }
    /// The value for token `t`'s lower-cased text (hashed once by the tokenizer).
    @inline(__always) subscript(lowerOf t: Tok) -> Value? { index.find(t.lowerHash, t.lower).map { values[$0] } }
    /// The value for token `t`'s text as written.
    @inline(__always) subscript(textOf t: Tok) -> Value? { index.find(t.textHash, t.text).map { values[$0] } }

    var isEmpty: Bool { values.isEmpty }
    var count: Int { values.count }
    var keys: [String] { index.words }
    func makeIterator() -> Zip2Sequence<[String], [Value]>.Iterator { zip(index.words, values).makeIterator() }
}
