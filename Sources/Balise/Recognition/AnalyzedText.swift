/// A document after the text layer: original and normalised buffers, tokens with their
/// folded keys and vocabulary ids, sentences. Recognizers read it; nothing changes it.
public final class AnalyzedText {
    public let document: Document
    public let original: TextBuffer
    public let view: NormalizedView
    public let tokens: [Token]
    public let sentences: [Range<Int>]
    public let keys: [UInt16]
    public let gazetteer: Gazetteer
    public let services: TextServices
    /// Each token's first step in the gazetteer, from the tokenizer (empty if it gave none).
    private let roots: [Int32]

    init(document: Document, tokenizer: Tokenizer, gazetteer: Gazetteer, services: TextServices) {
        self.document = document
        (self.original, self.view) = TextBuffer.withView(document.text)
        var keys = [UInt16]()
        var roots = [Int32]()
        (self.tokens, self.sentences) = tokenizer.tokenizeWithSentences(view.units, keys: &keys, roots: &roots)
        self.keys = keys
        // The tokenizer's gazetteer is `gazetteer` (see `Annotator`).
        self.roots = roots
        self.gazetteer = gazetteer
        self.services = services
    }

    public var count: Int { tokens.count }

    /// The folded key of token `i` (allocates: for rules that run rarely and for tests).
    public func key(_ i: Int) -> String {
        UTF16String.make(keys, Int(tokens[i].keyStart)..<Int(tokens[i].keyEnd))
    }

    /// Whether token `i`'s folded key equals `folded` (already folded, e.g. `"milliards"`).
    @inline(__always)
    public func keyIs(_ i: Int, _ folded: String) -> Bool {
        guard i >= 0 && i < tokens.count else { return false }
        let t = tokens[i]
        let start = Int(t.keyStart), end = Int(t.keyEnd)
        // Most questions fail on the length, which a String knows without reading itself:
        // equal lengths in UTF-16 need at least as many UTF-8 bytes, and exactly as many
        // when the literal is ASCII (nearly all the rules' words are). Asking for the bytes
        // first, in a closure, cost more than the comparison.
        let byteCount = folded.utf8.count
        if byteCount < end - start { return false }
        if byteCount > end - start {
            return folded.utf16.count == end - start && keyIsByUnits(start, end, folded)
        }
        // The rules' words are literals, nearly all ASCII: compared on their UTF-8 bytes.
        // Walking a String's UTF-16 view cost more than the comparison (the name rules ask
        // this at nearly every token).
        let ascii: Bool? = folded.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            keys.withUnsafeBufferPointer { keys -> Bool? in
                for n in 0..<bytes.count {
                    let byte = bytes[n]
                    if byte >= 0x80 { return nil }
                    if keys[start + n] != UInt16(byte) { return false }
                }
                return true
            }
        } ?? nil
        if let ascii { return ascii }
        return keyIsByUnits(start, end, folded)
    }

    /// `keyIs` unit by unit, for the rare literal beyond ASCII.
    @inline(never)
    private func keyIsByUnits(_ start: Int, _ end: Int, _ folded: String) -> Bool {
        var k = start
        for unit in folded.utf16 {
            if k >= end || keys[k] != unit { return false }
            k += 1
        }
        return k == end
    }

    /// Token `i` as it reads in the normalised view.
    public func surface(_ i: Int) -> String {
        UTF16String.make(view.units, Int(tokens[i].start)..<Int(tokens[i].end))
    }

    /// The normalised-view units of token `i`.
    public func units(_ i: Int) -> ArraySlice<UInt16> {
        view.units[Int(tokens[i].start)..<Int(tokens[i].end)]
    }

    /// The normalised text of a token range, tokens separated by one space where the text has any.
    public func normalizedText(_ range: Range<Int>) -> String {
        var units = [UInt16]()
        units.reserveCapacity(Int(tokens[range.upperBound - 1].end - tokens[range.lowerBound].start) + 1)
        for i in range {
            if i > range.lowerBound && tokens[i].has(.spaceBefore) { units.append(0x20) }
            units.append(contentsOf: view.units[Int(tokens[i].start)..<Int(tokens[i].end)])
        }
        return units.withUnsafeBufferPointer(UTF16String.make)
    }

    /// Original UTF-16 range of a token range.
    public func utf16Range(_ range: Range<Int>) -> Range<Int> {
        let start = view.originalStart(Int(tokens[range.lowerBound].start))
        let end = view.originalEnd(Int(tokens[range.upperBound - 1].end))
        return start..<end
    }

    /// Scalar (code point) range of a token range, as reported in entities.
    public func scalarRange(_ range: Range<Int>) -> Range<Int> {
        let u = utf16Range(range)
        return original.scalarOffset(utf16: u.lowerBound)..<original.scalarOffset(utf16: u.upperBound)
    }

    /// The original text of a token range.
    public func originalText(_ range: Range<Int>) -> String {
        original.string(utf16Range(range))
    }

    /// The index of the sentence that holds token `i`.
    public func sentenceIndex(of i: Int) -> Int {
        var low = 0, high = sentences.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if sentences[mid].lowerBound <= i { low = mid } else { high = mid - 1 }
        }
        return low
    }

    public func sentence(of i: Int) -> Range<Int> { sentences[sentenceIndex(of: i)] }

    /// Whether token `i`'s folded key is an entry of a sorted word list.
    public func isListed(_ i: Int, in list: SortedWordList) -> Bool {
        let t = tokens[i]
        return keys.withUnsafeBufferPointer { list.contains(UnsafeBufferPointer(rebasing: $0[Int(t.keyStart)..<Int(t.keyEnd)])) }
    }

    /// The longest entry of a lexicon category that starts at token `i` (and ends at or
    /// before token `limit`).
    public func lexicon(_ category: LexiconCategory, at i: Int, limit: Int? = nil) -> LexiconMatch? {
        lexiconIndex.longest(category: category.id, at: i, limit: limit)
    }

    /// `lexicon(_:at:limit:)` by category id: callers that keep their category in a class
    /// pass its id alone, since copying the category out retained and released its name.
    func lexicon(category id: Int16, at i: Int, limit: Int? = nil) -> LexiconMatch? {
        lexiconIndex.longest(category: id, at: i, limit: limit)
    }

    /// Whether any lexicon entry (of any category) starts at token `i`.
    public func startsLexiconEntry(_ i: Int) -> Bool {
        lexiconIndex.startsEntry(i)
    }

    /// Every lexicon entry starting at each token, found by one gazetteer walk per token
    /// the first time a recognizer asks: recognizers query many categories per token.
    var lexiconIndex: LexiconMatchIndex {
        if let index { return index }
        let built = LexiconMatchIndex(tokens: tokens, gazetteer: gazetteer, roots: roots)
        index = built
        return built
    }

    private var index: LexiconMatchIndex?
}

/// The lexicon entries that start at each token of one text, in raw memory, which the
/// name rules read at nearly every token: an Array there cost a retain and a release per
/// query. Rules that query it in a loop keep a reference to it (see `NameReader`): asked
/// through `AnalyzedText`, each query might build it, and around that possible call the
/// compiler retained and released whatever the caller held.
final class LexiconMatchIndex {
    /// One match, 12 bytes (a `LexiconMatch` with its category took 24): the queries read
    /// every match of a token.
    private struct Stored {
        var category: Int16
        var length: Int32
        var entry: Int32
    }

    /// Matches of token `i` are `matches[starts[i]..<starts[i + 1]]`.
    private let starts: UnsafeMutablePointer<Int32>
    private let matches: UnsafeMutableBufferPointer<Stored>
    private let tokenCount: Int

    /// `roots`: each token's `gazetteer.rootRecord(word)` if the tokenizer gave them (its
    /// token memo remembers them with the ids), else empty.
    init(tokens: [Token], gazetteer: Gazetteer, roots: [Int32] = []) {
        tokenCount = tokens.count
        let starts = UnsafeMutablePointer<Int32>.allocate(capacity: tokens.count + 1)
        self.starts = starts
        var found = StoredMatches(capacity: max(16, tokens.count))
        // The first step of every walk first, in a loop of its own: each step misses the
        // caches, and with nothing in the loop waiting on the answer the processor keeps
        // many of them in flight, where the walks between two steps kept it to about one.
        // The steps are kept in `starts`, which the second loop overwrites as it goes.
        if roots.count == tokens.count {
            roots.withUnsafeBufferPointer { roots in
                if let first = roots.baseAddress { starts.initialize(from: first, count: roots.count) }
            }
        } else {
            gazetteer.rootRecords(of: tokens, into: starts)
        }
        for i in tokens.indices {
            let root = starts[i]
            // Fewer matches than 2^31: each is a distinct (token, entry) pair of one text,
            // and `Token` offsets are 32-bit.
            starts[i] = Int32(truncatingIfNeeded: found.count)
            if root == Gazetteer.noEntry { continue }
            // Closures written in place: one kept in a variable boxed `found`, and every
            // append then paid a dynamic exclusivity check.
            if root == Gazetteer.unfrozen {
                gazetteer.forEachEntry(in: tokens, at: i) { category, match in
                    found.append(Stored(category: category, length: Int32(truncatingIfNeeded: match.length), entry: match.entry))
                }
            } else {
                gazetteer.forEachEntry(in: tokens, at: i, root: root) { category, match in
                    found.append(Stored(category: category, length: Int32(truncatingIfNeeded: match.length), entry: match.entry))
                }
            }
        }
        starts[tokens.count] = Int32(truncatingIfNeeded: found.count)
        matches = UnsafeMutableBufferPointer(start: found.base, count: found.count)
    }

    /// The matches as they are found, in raw memory that `matches` then keeps: an Array
    /// paid a uniqueness and a capacity check per append, then a copy.
    private struct StoredMatches {
        var base: UnsafeMutablePointer<Stored>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        @inline(__always)
        mutating func append(_ match: Stored) {
            if count == capacity { grow() }
            (base + count).initialize(to: match)
            count += 1
        }

        @inline(never)
        private mutating func grow() {
            let larger = UnsafeMutablePointer<Stored>.allocate(capacity: 2 * capacity)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
    }

    deinit {
        starts.deallocate()
        matches.baseAddress?.deallocate()
    }

    /// The longest entry of category `id` that starts at token `i` and ends at or before
    /// token `limit`. Inlined: the rules ask it over a million times per thousand
    /// documents, mostly where no entry starts.
    @inline(__always)
    func longest(category id: Int16, at i: Int, limit: Int? = nil) -> LexiconMatch? {
        let end = limit ?? tokenCount
        var best: LexiconMatch?
        var k = Int(starts[i])
        let stop = Int(starts[i + 1])
        while k < stop {
            let m = matches[k]
            let length = Int(m.length)
            if m.category == id && i + length <= end && length > (best?.length ?? 0) {
                best = LexiconMatch(length: length, entry: m.entry)
            }
            k += 1
        }
        return best
    }

    /// Whether any entry (of any category) starts at token `i`.
    @inline(__always)
    func startsEntry(_ i: Int) -> Bool { starts[i] != starts[i + 1] }

    /// For each category of a small set, the longest entry of that category at token `i`,
    /// the one `longest(category:at:)` answers, in one pass over the token's matches: asking
    /// the categories one by one passed over them once per category (seven for a place).
    /// `slot` gives a category's place in the set, nil outside it; `body` is called once
    /// per category of the set that has an entry at `i`.
    @inline(__always)
    func forEachLongest(at i: Int, slot: (Int16) -> Int?, _ body: (Int, LexiconMatch) -> Void) {
        let first = Int(starts[i])
        let stop = Int(starts[i + 1])
        var k = first
        while k < stop {
            let m = matches[k]
            if let s = slot(m.category), isLongest(k, at: i, first: first, stop: stop) {
                body(s, LexiconMatch(length: Int(m.length), entry: m.entry))
            }
            k += 1
        }
    }

    /// Whether match `k` of token `i` is the one `longest` picks for its category: within the
    /// text, none of its category before it as long, none after it longer.
    private func isLongest(_ k: Int, at i: Int, first: Int, stop: Int) -> Bool {
        let m = matches[k]
        let length = Int(m.length)
        guard length > 0 && i + length <= tokenCount else { return false }
        var j = first
        while j < stop {
            let o = matches[j]
            let other = Int(o.length)
            if j != k && o.category == m.category && i + other <= tokenCount
                && (j < k ? other >= length : other > length) {
                return false
            }
            j += 1
        }
        return true
    }
}

/// Per-thread ICU services that recognizers may need besides the tokenizer.
public final class TextServices {
    private var spelled: SpelledNumberParser?
    /// ICU's answers that need no lenient parse (built with the parser).
    private var spelledShortcut: SpelledNumberShortcut?
    /// Answers of the name rules remembered from one document to the next.
    let commonWords = WordAnswerMemo()
    let adjectiveEndings = WordAnswerMemo()

    public init() {}

    /// The value of a French spelled-out number phrase, or nil.
    /// ICU's answer, without its costly lenient parse where `SpelledNumberShortcut` knows it.
    public func spelledNumber(_ phrase: String) -> Int64? {
        if SpelledNumberShortcut.cannotBeNumber(phrase) { return nil }
        if spelled == nil {
            spelled = try? SpelledNumberParser()
            spelledShortcut = spelled.map { SpelledNumberShortcut(parser: $0) }
        }
        guard let parser = spelled else { return nil }
        if let value = spelledShortcut?.value(of: phrase, parser: parser) { return value }
        return parser.parse(phrase)
    }
}

extension AnalyzedText {
    /// The first token from `i` that `mayStart` accepts, or the token count. For the
    /// recognizers' scans: most tokens can start no phrase, and a tight loop over the tokens'
    /// memory passes them for a few instructions each, where the scan around a matcher cost
    /// twenty to thirty. `mayStart` must accept every token where some rule may start.
    @inline(__always)
    func firstToken(from i: Int, where mayStart: (Token) -> Bool) -> Int {
        tokens.withUnsafeBufferPointer { tokens in
            var k = i
            while k < tokens.count && !mayStart(tokens[k]) { k += 1 }
            return k
        }
    }
}
