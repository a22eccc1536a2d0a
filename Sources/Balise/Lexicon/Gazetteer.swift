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

    /// Filled by `freeze` once every phrase is added: the walk from every token of every
    /// document then finds the root's child for a word in one array slot, and each node's
    /// terminals and children in one run of `nodes` (usually one cache line), where the
    /// loading layout spread a step over a presence bitset, an edge slot and a terminal list.
    private var frozen = false
    /// Per word id: the offset in `nodes` of the root's child for that word, or -1.
    private var rootChildren: [Int32] = []
    /// Two bits per word id below `rootChildren.count`, side by side: whether the word starts
    /// an entry, whether it goes on one. A walk tests the next token's word before searching
    /// a node's children, and that test shares its cache line with the next walk's first test.
    private var wordBits: [UInt64] = []
    /// Every node but the root, each as one run: terminal count, child count, then
    /// (category, entry) per terminal in the order they were added, then (word, offset of the
    /// child's run) per child, by increasing word.
    private var nodes: [Int32] = []

    init() {}

    /// A gazetteer with room for about `edges` trie edges, so that loading does not
    /// rehash the edge table as it grows.
    init(edges: Int) {
        children = EdgeTable(capacity: edges)
        firstTerminal.reserveCapacity(edges + 1)
        terminals.reserveCapacity(edges)
        nextTerminal.reserveCapacity(edges)
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
        frozen = false
    }

    /// Lays the trie out for walking (see `frozen`). `wordCount` is the vocabulary's size.
    mutating func freeze(wordCount: Int) {
        // Children of every node, sorted by word (the edge table holds them in hash order).
        var edges: [(node: Int32, word: Int32, child: Int32)] = []
        children.forEachEdge { node, word, child in edges.append((node, word, child)) }
        edges.sort { ($0.node, $0.word) < ($1.node, $1.word) }
        var firstEdge = [Int](repeating: edges.count, count: firstTerminal.count + 1)
        for (k, e) in edges.enumerated().reversed() { firstEdge[Int(e.node)] = k }
        for node in stride(from: firstTerminal.count - 1, through: 0, by: -1) where firstEdge[node] == edges.count {
            firstEdge[node] = firstEdge[node + 1]
        }
        // Runs in node order: offsets first, then contents.
        var offset = [Int32](repeating: -1, count: firstTerminal.count)
        var size = 0
        func terminalCount(_ node: Int) -> Int {
            var count = 0, t = firstTerminal[node]
            while t >= 0 { count += 1; t = nextTerminal[Int(t)] }
            return count
        }
        for node in 1..<firstTerminal.count {
            offset[node] = Int32(size)
            size += 2 + 2 * terminalCount(node) + 2 * (firstEdge[node + 1] - firstEdge[node])
        }
        var nodes = [Int32]()
        nodes.reserveCapacity(size)
        for node in 1..<firstTerminal.count {
            nodes.append(Int32(terminalCount(node)))
            nodes.append(Int32(firstEdge[node + 1] - firstEdge[node]))
            var t = firstTerminal[node]
            while t >= 0 {
                nodes.append(Int32(terminals[Int(t)].category))
                nodes.append(terminals[Int(t)].entry)
                t = nextTerminal[Int(t)]
            }
            for e in edges[firstEdge[node]..<firstEdge[node + 1]] {
                nodes.append(e.word)
                nodes.append(offset[Int(e.child)])
            }
        }
        // Root children by word id; ids beyond the vocabulary (none, in practice) widen the table.
        let words = max(wordCount, (edges.map { Int($0.word) }.max() ?? -1) + 1)
        var root = [Int32](repeating: -1, count: words)
        for e in edges[firstEdge[0]..<firstEdge[1]] where e.word >= 0 { root[Int(e.word)] = offset[Int(e.child)] }
        var bits = [UInt64](repeating: 0, count: (words + 31) / 32)
        for word in 0..<words where root[word] >= 0 { bits[word >> 5] |= 1 << UInt64(2 * (word & 31)) }
        for e in edges where e.node != 0 && e.word >= 0 { bits[Int(e.word) >> 5] |= 2 << UInt64(2 * (Int(e.word) & 31)) }
        self.rootChildren = root
        self.wordBits = bits
        self.nodes = nodes
        frozen = true
    }

    @inline(__always) private static func edge(_ node: Int32, _ word: Int32) -> Int64 {
        Int64(node) << 32 | Int64(UInt32(bitPattern: word))
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

    /// Whether some entry starts with the word `word` (an id of the vocabulary), from
    /// `wordBits`: the index of a document asks it for every word token, and the root step
    /// it saves (8 bytes a word) missed the caches.
    @inline(__always)
    func startsEntry(_ word: Int32) -> Bool {
        guard frozen else { return true }
        let w = Int(word)
        guard w < rootChildren.count else { return false }
        return wordBits.withUnsafeBufferPointer { $0[w >> 5] & (1 << UInt64(2 * (w & 31))) != 0 }
    }

    /// Whether `word` is the second or a later word of some entry.
    @inline(__always)
    private func continuesEntry(_ word: Int32) -> Bool {
        let w = Int(word)
        guard w < rootChildren.count else { return false }
        return wordBits.withUnsafeBufferPointer { $0[w >> 5] & (2 << UInt64(2 * (w & 31))) != 0 }
    }

    /// Follows the trie along the tokens from `start`, reporting each entry that ends on the way.
    @inline(__always)
    private func walk(_ tokens: [Token], from start: Int, to end: Int, _ found: (Int16, LexiconMatch) -> Void) {
        guard frozen else { return walkWhileLoading(tokens, from: start, to: end, found) }
        guard start < end else { return }
        let first = tokens[start].word
        guard first >= 0 && Int(first) < rootChildren.count else { return }
        var node = Int(rootChildren[Int(first)])
        guard node >= 0 else { return }
        nodes.withUnsafeBufferPointer { nodes in
            var i = start + 1
            while true {
                // Terminals of the node reached with token i - 1.
                let terminalCount = Int(nodes[node]), childCount = Int(nodes[node + 1])
                var t = node + 2
                for _ in 0..<terminalCount {
                    found(Int16(truncatingIfNeeded: nodes[t]), LexiconMatch(length: i - start, entry: nodes[t + 1]))
                    t += 2
                }
                guard childCount > 0, i < end else { return }
                let word = tokens[i].word
                guard word >= 0, continuesEntry(word) else { return }
                guard let child = Gazetteer.child(word, in: nodes, from: t, count: childCount) else { return }
                node = child
                i += 1
            }
        }
    }

    /// The offset of the child for `word` among `count` (word, offset) pairs from `first`,
    /// sorted by word: a scan for the usual few, a binary search for the wide nodes.
    @inline(__always)
    private static func child(_ word: Int32, in nodes: UnsafeBufferPointer<Int32>, from first: Int, count: Int) -> Int? {
        var low = 0, high = count
        while high - low > 8 {
            let mid = (low + high) / 2
            if nodes[first + 2 * mid] <= word { low = mid } else { high = mid }
        }
        for k in low..<high where nodes[first + 2 * k] == word { return Int(nodes[first + 2 * k + 1]) }
        return nil
    }

    /// `walk` over the loading layout, before `freeze`.
    private func walkWhileLoading(_ tokens: [Token], from start: Int, to end: Int, _ found: (Int16, LexiconMatch) -> Void) {
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
    /// Sized for the default lexicons (about 25 000 edges): growing the edge table
    /// rehashed it four times during start-up.
    private(set) var gazetteer = Gazetteer(edges: 1 << 15)
    private var categories: [String: LexiconCategory] = [:]
    private var cache: [String: [LexiconEntry]] = [:]
    /// Keys computed by `preparation`, kept from `entries` until `category` interns them.
    private var preparedKeys: [String: PhraseKeyList] = [:]
    private var preparation: LexiconPreparation?
    private var sharedObjects: [String: Any] = [:]

    /// `prepare` lists the files the recognizers will register, in the order they ask for
    /// them: another thread reads them and computes their keys meanwhile. It is only a
    /// hint for speed; a file it leaves out is read when asked for.
    public init(directory: LexiconDirectory, prepare: [String] = []) throws {
        self.directory = directory
        self.rules = try TokenizerRules(lexicons: directory)
        self.tokenizer = try Tokenizer(rules: rules)
        if !prepare.isEmpty {
            preparation = LexiconPreparation(directory: directory, rules: rules, names: prepare)
        }
    }

    /// The entries of `NAME.txt` (read once).
    public func entries(_ name: String) throws -> [LexiconEntry] {
        if let cached = cache[name] { return cached }
        let entries: [LexiconEntry]
        if let prepared = try preparation?.take(name) {
            entries = prepared.entries
            preparedKeys[name] = prepared.keys
        } else {
            entries = try directory.entries(name)
        }
        cache[name] = entries
        return entries
    }

    /// Registers `NAME.txt` in the gazetteer (each entry, or `entryText` of it, tokenized
    /// like running text) and returns its category and entries; `LexiconMatch.entry`
    /// indexes the entries.
    @discardableResult
    public func category(_ name: String, entryText: ((LexiconEntry) -> String)? = nil) throws -> (LexiconCategory, [LexiconEntry]) {
        let entries = try self.entries(name)
        if let existing = categories[name] { return (existing, entries) }
        let category = LexiconCategory(id: Int16(categories.count), name: name)
        categories[name] = category
        if let entryText {
            for (index, entry) in entries.enumerated() {
                addPhrase(entryText(entry), category: category, entry: Int32(index))
            }
        } else {
            let keys = preparedKeys.removeValue(forKey: name) ?? PhraseKeyList(entries.map(\.text), tokenizer: tokenizer)
            add(keys, category: category)
        }
        return (category, entries)
    }

    /// Interns each entry's keys and adds the entry to the gazetteer, as `addPhrase` does.
    private func add(_ keys: PhraseKeyList, category: LexiconCategory) {
        var words: [Int32] = []
        for index in 0..<keys.count {
            words.removeAll(keepingCapacity: true)
            keys.forEachKey(ofEntry: index) { words.append(vocabulary.intern($0)) }
            if !words.isEmpty { gazetteer.add(words: words, category: category.id, entry: Int32(index)) }
        }
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

    /// `sortedList` built on a thread of its own; `value()` waits for it.
    func sortedListInBackground(_ name: String) -> BackgroundLoad<SortedWordList> {
        BackgroundLoad { [directory] in try SortedWordList(directory: directory, name: name) }
    }

    /// Adds one phrase (for entries that come from ICU rather than a file).
    public func addPhrase(_ phrase: String, category: LexiconCategory, entry: Int32) {
        let words = phraseWords(phrase)
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
        if let plain = internPlainWord(text) { return plain }
        let keys = phraseKeys(text)
        return keys.count == 1 ? vocabulary.intern(keys[0]) : -1
    }

    /// The folded keys of `phrase`'s tokens.
    public func phraseKeys(_ phrase: String) -> [[UInt16]] {
        // Plain words skip the tokenizer: most entries are one word.
        if phrase.unicodeScalars.allSatisfy(PlainWord.isPlainLetter) {
            let key = KeyFolder.shared.fold(phrase)
            return key.isEmpty ? [] : [key]
        }
        let (keys, tokens) = tokenKeys(phrase)
        return tokens.map { Array(keys[Int($0.keyStart)..<Int($0.keyEnd)]) }
    }

    /// The vocabulary ids of `phrase`'s tokens (interned): `phraseKeys` without an array
    /// per token, since every lexicon entry goes through here at start-up.
    private func phraseWords(_ phrase: String) -> [Int32] {
        if let plain = internPlainWord(phrase) { return plain < 0 ? [] : [plain] }
        let (keys, tokens) = tokenKeys(phrase)
        return tokens.map { vocabulary.intern(keys[Int($0.keyStart)..<Int($0.keyEnd)]) }
    }

    private func tokenKeys(_ phrase: String) -> (keys: [UInt16], tokens: [Token]) {
        let view = NormalizedView(original: Array(phrase.utf16))
        var keys = [UInt16]()
        let tokens = tokenizer.tokenize(view.units, keys: &keys)
        return (keys, tokens)
    }

    /// The interned id of a phrase made of plain letters only (-1 when empty), folded from
    /// its UTF-8 without building arrays; nil for any other phrase, which the tokenizer reads.
    private func internPlainWord(_ phrase: String) -> Int32? {
        var phrase = phrase
        return phrase.withUTF8 { utf8 -> Int32? in
            guard PlainWord.isPlain(utf8) else { return nil }
            if utf8.isEmpty { return -1 }
            return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 2 * utf8.count) { out in
                let count = KeyFolder.shared.foldUTF8(utf8, to: out.baseAddress!)
                return vocabulary.intern(UnsafeBufferPointer(rebasing: out[..<count]))
            }
        }
    }

    func finish() -> (Vocabulary, Gazetteer) {
        preparation?.finish()
        gazetteer.freeze(wordCount: vocabulary.count)
        return (vocabulary, gazetteer)
    }
}

/// Trie edges (node, word) -> child node while the lexicons load: open addressing on one
/// flat array (Swift's Dictionary hashing dominated loading). `Gazetteer.freeze` then lays
/// the edges out per node for walking.
struct EdgeTable: Sendable {
    private struct Slot: Sendable {
        var key: Int64 = -1
        var child: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 1 << 12)
    private var count = 0

    init() {}

    /// A table that holds `capacity` edges without growing.
    init(capacity: Int) {
        var size = 1 << 12
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
    }

    @inline(__always) private static func slot(_ key: Int64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The child of an edge, or -1.
    func find(_ key: Int64) -> Int32 {
        slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var s = EdgeTable.slot(key, mask)
            while true {
                let here = table[s]
                if here.key == key { return here.child }
                if here.key < 0 { return -1 }
                s = (s + 1) & mask
            }
        }
    }

    mutating func insert(_ key: Int64, _ child: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var s = EdgeTable.slot(key, mask)
        while slots[s].key >= 0 && slots[s].key != key { s = (s + 1) & mask }
        if slots[s].key < 0 { count += 1 }
        slots[s] = Slot(key: key, child: child)
    }

    /// Calls `body` with the node, the word and the child of every edge.
    func forEachEdge(_ body: (Int32, Int32, Int32) -> Void) {
        for slot in slots where slot.key >= 0 {
            body(Int32(truncatingIfNeeded: slot.key >> 32), Int32(bitPattern: UInt32(truncatingIfNeeded: slot.key)), slot.child)
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        count = 0
        for slot in old where slot.key >= 0 { insert(slot.key, slot.child) }
    }
}
