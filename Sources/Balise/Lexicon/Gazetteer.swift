/// A named group of lexicon entries (one lexicon file, usually).
public struct LexiconCategory: Hashable, Sendable {
    public let id: Int16
    public let name: String
}

/// One phrase found in the text: `length` tokens from the start token, entry `entry`
/// of its category's file.
public struct LexiconMatch: Sendable, Equatable {
    public var length: Int
    public var entry: Int32
}

/// All lexicon phrases as a trie over vocabulary ids: one walk from a token finds every
/// entry of every category that starts there.
public struct Gazetteer: Sendable {
    struct Terminal: Sendable {
        var category: Int16
        var entry: Int32
    }

    private var children = EdgeTable()
    /// Per node, its first terminal in `terminals` (-1: none); terminals of a node are
    /// chained through `nextTerminal`. Flat arrays keep loading fast.
    private var firstTerminal: [Int32] = [-1]
    private var terminals: [Terminal] = []
    private var nextTerminal: [Int32] = []

    @inline(__always) private static func edge(_ node: Int32, _ word: Int32) -> Int64 {
        Int64(node) << 32 | Int64(UInt32(bitPattern: word))
    }

    mutating func add(words: [Int32], category: Int16, entry: Int32) {
        var node: Int32 = 0
        for word in words {
            let edge = Gazetteer.edge(node, word)
            let existing = children.find(edge)
            if existing >= 0 {
                node = existing
            } else {
                let next = Int32(firstTerminal.count)
                firstTerminal.append(-1)
                children.insert(edge, next)
                node = next
            }
        }
        var t = firstTerminal[Int(node)]
        var last: Int32 = -1
        while t >= 0 {
            if terminals[Int(t)].category == category && terminals[Int(t)].entry == entry { return }
            last = t
            t = nextTerminal[Int(t)]
        }
        let new = Int32(terminals.count)
        terminals.append(Terminal(category: category, entry: entry))
        nextTerminal.append(-1)
        if last < 0 { firstTerminal[Int(node)] = new } else { nextTerminal[Int(last)] = new }
    }

    /// The longest entry of `category` starting at token `start`.
    public func longest(_ category: LexiconCategory, in tokens: [Token], at start: Int, limit: Int? = nil) -> LexiconMatch? {
        var best: LexiconMatch?
        walk(tokens, from: start, to: min(tokens.count, limit ?? tokens.count)) { c, match in
            if c == category.id { best = match }
        }
        return best
    }

    /// Every entry (any category) starting at `start`, shortest first.
    public func all(in tokens: [Token], at start: Int) -> [(category: Int16, match: LexiconMatch)] {
        var result: [(category: Int16, match: LexiconMatch)] = []
        appendAll(in: tokens, at: start, to: &result)
        return result
    }

    /// `all(in:at:)` appended to an existing array (no allocation per token).
    public func appendAll(in tokens: [Token], at start: Int, to result: inout [(category: Int16, match: LexiconMatch)]) {
        walk(tokens, from: start, to: tokens.count) { result.append(($0, $1)) }
    }

    /// Follows the trie along the tokens from `start`, reporting each entry that ends on the way.
    @inline(__always)
    private func walk(_ tokens: [Token], from start: Int, to end: Int, _ found: (Int16, LexiconMatch) -> Void) {
        var node: Int32 = 0
        var i = start
        while i < end {
            let word = tokens[i].word
            if word < 0 { break }
            let next = children.find(Gazetteer.edge(node, word))
            if next < 0 { break }
            node = next
            i += 1
            var t = firstTerminal[Int(node)]
            while t >= 0 {
                found(terminals[Int(t)].category, LexiconMatch(length: i - start, entry: terminals[Int(t)].entry))
                t = nextTerminal[Int(t)]
            }
        }
    }
}

/// Builds the shared vocabulary and gazetteer while the recognizers load their lexicons.
public final class LexiconLoader {
    public let directory: LexiconDirectory
    public let rules: TokenizerRules
    private let tokenizer: Tokenizer
    private(set) var vocabulary = Vocabulary(capacity: 1 << 16)
    private(set) var gazetteer = Gazetteer()
    private var categories: [String: LexiconCategory] = [:]
    private var cache: [String: [LexiconEntry]] = [:]
    private var sharedObjects: [String: Any] = [:]

    public init(directory: LexiconDirectory) throws {
        self.directory = directory
        self.rules = try TokenizerRules(lexicons: directory)
        self.tokenizer = try Tokenizer(rules: rules)
    }

    /// The entries of `NAME.txt` (read once).
    public func entries(_ name: String) throws -> [LexiconEntry] {
        if let cached = cache[name] { return cached }
        let entries = try directory.entries(name)
        cache[name] = entries
        return entries
    }

    /// Registers `NAME.txt` in the gazetteer (each entry tokenized like running text)
    /// and returns its category and entries; `LexiconMatch.entry` indexes the entries.
    @discardableResult
    public func category(_ name: String, entryText: (LexiconEntry) -> String = { $0.text }) throws -> (LexiconCategory, [LexiconEntry]) {
        let entries = try self.entries(name)
        if let existing = categories[name] { return (existing, entries) }
        let category = LexiconCategory(id: Int16(categories.count), name: name)
        categories[name] = category
        for (index, entry) in entries.enumerated() {
            addPhrase(entryText(entry), category: category, entry: Int32(index))
        }
        return (category, entries)
    }

    /// Built once per load and shared by the recognizers and passes that ask for `key`
    /// (the name recognizer and the name pass read the same lexicons).
    public func shared<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        if let built = sharedObjects[key] as? T { return built }
        let built = try make()
        sharedObjects[key] = built
        return built
    }

    /// A big one-word list searched in place (see `SortedWordList`), not added to the gazetteer.
    public func sortedList(_ name: String) throws -> SortedWordList {
        try SortedWordList(directory: directory, name: name)
    }

    /// Adds one phrase (for entries that come from ICU rather than a file).
    public func addPhrase(_ phrase: String, category: LexiconCategory, entry: Int32) {
        let words = phraseKeys(phrase).map { vocabulary.intern($0) }
        guard !words.isEmpty else { return }
        gazetteer.add(words: words, category: category.id, entry: entry)
    }

    /// A category for phrases added with `addPhrase`.
    public func customCategory(_ name: String) -> LexiconCategory {
        if let existing = categories[name] { return existing }
        let category = LexiconCategory(id: Int16(categories.count), name: name)
        categories[name] = category
        return category
    }

    /// The vocabulary id of a single word (interned), for recognizers that test words.
    public func word(_ text: String) -> Int32 {
        let keys = phraseKeys(text)
        return keys.count == 1 ? vocabulary.intern(keys[0]) : -1
    }

    /// The folded keys of `phrase`'s tokens.
    public func phraseKeys(_ phrase: String) -> [[UInt16]] {
        // Plain words skip the tokenizer: most entries are one word.
        if phrase.utf16.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0xC0 && $0 <= 0x24F && $0 != 0xD7 && $0 != 0xF7) }) {
            var key = [UInt16]()
            KeyFolder.shared.fold(phrase.utf16, into: &key)
            return key.isEmpty ? [] : [key]
        }
        let view = NormalizedView(original: Array(phrase.utf16))
        var keys = [UInt16]()
        let tokens = tokenizer.tokenize(view.units, keys: &keys)
        return tokens.map { Array(keys[Int($0.keyStart)..<Int($0.keyEnd)]) }
    }

    func finish() -> (Vocabulary, Gazetteer) { (vocabulary, gazetteer) }
}

/// Trie edges (node, word) -> child node: open addressing on flat arrays, because the
/// gazetteer is walked from every token and Swift's Dictionary hashing dominated.
struct EdgeTable: Sendable {
    private var keys: [Int64] = Array(repeating: -1, count: 1 << 12)
    private var values: [Int32] = Array(repeating: -1, count: 1 << 12)
    private var count = 0

    @inline(__always) private static func slot(_ key: Int64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The child of an edge, or -1.
    @inline(__always) func find(_ key: Int64) -> Int32 {
        keys.withUnsafeBufferPointer { k in
            let mask = k.count - 1
            var s = EdgeTable.slot(key, mask)
            while true {
                let here = k[s]
                if here == key { return values[s] }
                if here < 0 { return -1 }
                s = (s + 1) & mask
            }
        }
    }

    mutating func insert(_ key: Int64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var s = EdgeTable.slot(key, mask)
        while keys[s] >= 0 && keys[s] != key { s = (s + 1) & mask }
        if keys[s] < 0 { count += 1 }
        keys[s] = key
        values[s] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: -1, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k >= 0 { insert(k, v) }
    }
}
