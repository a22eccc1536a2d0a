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
    /// document then reads the root's child for a word from one slot of `rootRecords`, and
    /// everything else about a node from its record in `records`, where the node's
    /// terminals and child edges lie side by side (see `freeze`). The walk missed the caches
    /// three or four times a token when the edge table, its presence bits, the root steps
    /// and the terminals were four arrays; a record is one or two cache lines.
    private var frozen = false
    /// Per word id below the vocabulary's size at freezing: the record of the root's child
    /// along that word, or -1.
    private var rootRecords: [Int32] = []
    /// Two bits per word id below `rootRecords.count`, side by side: whether the word starts
    /// an entry, whether it goes on one. A walk tests the next token's word before searching
    /// a record's children, and that test shares its cache line with the next walk's first test.
    private var wordBits: [UInt64] = []
    /// Node records, one after the other: terminal count T, child count C, T pairs
    /// (category, entry) in the order the entries were added, C pairs (word, child record),
    /// sorted by word when there are more than `shortChildList`.
    private var records: [Int32] = []

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

    /// Lays the trie out for walking (see `frozen`); words with an id of `wordCount` or
    /// more fall back to the edge table.
    mutating func freeze(wordCount: Int) {
        let nodeCount = firstTerminal.count
        // The children of each node, from the edge table.
        var childCount = [Int32](repeating: 0, count: nodeCount)
        children.forEachEdge { node, _, _ in childCount[Int(node)] += 1 }
        var childStart = [Int32](repeating: 0, count: nodeCount + 1)
        for node in 0..<nodeCount { childStart[node + 1] = childStart[node] + childCount[node] }
        var edges = [(word: Int32, child: Int32)](repeating: (0, 0), count: Int(childStart[nodeCount]))
        var filled = childStart
        children.forEachEdge { node, word, child in
            edges[Int(filled[Int(node)])] = (word, child)
            filled[Int(node)] += 1
        }
        // Sorted for the binary search of long child lists (see `child`); short ones are read in turn.
        for node in 0..<nodeCount where childStart[node + 1] - childStart[node] > Gazetteer.shortChildList {
            edges[Int(childStart[node])..<Int(childStart[node + 1])].sort { $0.word < $1.word }
        }
        // Records in depth-first order from the root, so that a phrase's nodes lie close together.
        var recordOf = [Int32](repeating: -1, count: nodeCount)
        var records: [Int32] = []
        records.reserveCapacity(2 * nodeCount + 2 * terminals.count + 2 * edges.count)
        var stack: [Int32] = []
        for k in Int(childStart[0])..<Int(childStart[1]) { stack.append(edges[k].child) }
        stack.reverse()
        var order: [Int32] = []
        order.reserveCapacity(nodeCount)
        while let node = stack.popLast() {
            order.append(node)
            recordOf[Int(node)] = Int32(records.count)
            var t = firstTerminal[Int(node)]
            var count: Int32 = 0
            while t >= 0 { count += 1; t = nextTerminal[Int(t)] }
            records.append(count)
            records.append(childCount[Int(node)])
            t = firstTerminal[Int(node)]
            while t >= 0 {
                records.append(Int32(terminals[Int(t)].category))
                records.append(terminals[Int(t)].entry)
                t = nextTerminal[Int(t)]
            }
            for k in Int(childStart[Int(node)])..<Int(childStart[Int(node) + 1]) {
                records.append(edges[k].word)
                records.append(-1)
            }
            for k in (Int(childStart[Int(node)])..<Int(childStart[Int(node) + 1])).reversed() { stack.append(edges[k].child) }
        }
        // Child records are known once every node has its record.
        for node in order {
            let r = Int(recordOf[Int(node)])
            let childrenAt = r + 2 + 2 * Int(records[r])
            for c in 0..<Int(records[r + 1]) {
                records[childrenAt + 2 * c + 1] = recordOf[Int(edges[Int(childStart[Int(node)]) + c].child)]
            }
        }
        var root = [Int32](repeating: -1, count: wordCount)
        for k in Int(childStart[0])..<Int(childStart[1]) where edges[k].word >= 0 && Int(edges[k].word) < wordCount {
            root[Int(edges[k].word)] = recordOf[Int(edges[k].child)]
        }
        var bits = [UInt64](repeating: 0, count: (wordCount + 31) / 32)
        for word in 0..<wordCount where root[word] >= 0 { bits[word >> 5] |= 1 << UInt64(2 * (word & 31)) }
        children.forEachEdge { node, word, _ in
            let w = Int(word)
            if node != 0 && w >= 0 && w < wordCount { bits[w >> 5] |= 2 << UInt64(2 * (w & 31)) }
        }
        self.rootRecords = root
        self.wordBits = bits
        self.records = records
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

    /// Calls `body` with each entry (any category) starting at `start`, shortest first.
    func forEachEntry(in tokens: [Token], at start: Int, _ body: (Int16, LexiconMatch) -> Void) {
        walk(tokens, from: start, to: tokens.count, body)
    }

    /// The first step of a walk from a token with word `word` (an id of the vocabulary, or
    /// -1): the record of the root's child along it, `noEntry` when no entry starts with
    /// it, `unfrozen` when the frozen layout does not cover it (`forEachEntry(in:at:)`
    /// answers then). Free of branches on what it loads, so that a loop over a document's
    /// tokens has many of these look-ups in flight at once (see `LexiconMatchIndex`).
    @inline(__always)
    func rootRecord(_ word: Int32) -> Int32 {
        guard frozen else { return Gazetteer.unfrozen }
        let w = Int(word)
        guard w >= 0 else { return Gazetteer.noEntry }
        guard w < rootRecords.count else { return Gazetteer.unfrozen }
        return rootRecords.withUnsafeBufferPointer { $0[w] }
    }

    /// `rootRecord` of every token's word, written at `out` (one per token), in one loop
    /// that reads the root steps' table without a check per token.
    func rootRecords(of tokens: [Token], into out: UnsafeMutablePointer<Int32>) {
        guard frozen else {
            for i in tokens.indices { out[i] = Gazetteer.unfrozen }
            return
        }
        rootRecords.withUnsafeBufferPointer { roots in
            tokens.withUnsafeBufferPointer { tokens in
                for i in 0..<tokens.count {
                    let w = Int(tokens[i].word)
                    out[i] = w < 0 ? Gazetteer.noEntry : w < roots.count ? roots[w] : Gazetteer.unfrozen
                }
            }
        }
    }

    static let noEntry: Int32 = -1
    static let unfrozen: Int32 = -2

    /// Calls `body` with each entry starting at `start`, whose first word leads to record
    /// `root` (a record from `rootRecord`, not `noEntry` nor `unfrozen`), shortest first.
    @inline(__always)
    func forEachEntry(in tokens: [Token], at start: Int, root: Int32, _ body: (Int16, LexiconMatch) -> Void) {
        walkFrozen(tokens, from: start, to: tokens.count, root: Int(root), body)
    }

    /// Whether `word` is the second or a later word of some entry (true for ids the bits
    /// do not cover).
    @inline(__always)
    private func continuesEntry(_ word: Int32) -> Bool {
        let w = Int(word)
        guard w < rootRecords.count else { return true }
        return wordBits.withUnsafeBufferPointer { $0[w >> 5] & (2 << UInt64(2 * (w & 31))) != 0 }
    }

    /// Follows the trie along the tokens from `start`, reporting each entry that ends on the way.
    @inline(__always)
    private func walk(_ tokens: [Token], from start: Int, to end: Int, _ found: (Int16, LexiconMatch) -> Void) {
        guard frozen else { return walkWhileLoading(tokens, from: start, to: end, found) }
        guard start < end, tokens[start].word >= 0 else { return }
        // Words the frozen layout does not cover start no entry (they were interned after
        // the phrases), but the edge table answers for them all the same.
        guard Int(tokens[start].word) < rootRecords.count else { return walkWhileLoading(tokens, from: start, to: end, found) }
        walkFrozen(tokens, from: start, to: end, root: Int(rootRecords[Int(tokens[start].word)]), found)
    }

    /// `walk` from the root's child record `root` (or -1) along the tokens after `start`.
    @inline(__always)
    private func walkFrozen(_ tokens: [Token], from start: Int, to end: Int, root: Int, _ found: (Int16, LexiconMatch) -> Void) {
        records.withUnsafeBufferPointer { records in
            var r = root
            var i = start + 1
            while r >= 0 {
                let terminalCount = Int(records[r]), childCount = Int(records[r + 1])
                var t = r + 2
                for _ in 0..<terminalCount {
                    found(Int16(truncatingIfNeeded: records[t]), LexiconMatch(length: i - start, entry: records[t + 1]))
                    t += 2
                }
                guard i < end, childCount > 0 else { return }
                let word = tokens[i].word
                if word < 0 || !continuesEntry(word) { return }
                r = Gazetteer.child(records, at: t, count: childCount, word: word)
                i += 1
            }
        }
    }

    /// Child lists this long or shorter are read in turn (most nodes have a child or two);
    /// longer ones are sorted by word and searched.
    private static let shortChildList = 8

    /// The record of the child along `word` among `count` (word, record) pairs from `at`, or -1.
    @inline(__always)
    private static func child(_ records: UnsafeBufferPointer<Int32>, at first: Int, count: Int, word: Int32) -> Int {
        var low = 0, high = count
        if count <= shortChildList {
            for c in 0..<count where records[first + 2 * c] == word { return Int(records[first + 2 * c + 1]) }
            return -1
        }
        // Indices within a record's child list: no overflow to check.
        while low < high {
            let mid = (low &+ high) >> 1
            if records[first &+ 2 &* mid] < word { low = mid &+ 1 } else { high = mid }
        }
        return low < count && records[first + 2 * low] == word ? Int(records[first + 2 * low + 1]) : -1
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

/// Trie edges (node, word) -> child node while the lexicons load (documents are walked over
/// the records `Gazetteer.freeze` lays out): open addressing on one flat array, because
/// Swift's Dictionary hashing dominated loading. A presence bitset answers most absent
/// edges without probing the table.
struct EdgeTable: Sendable {
    private struct Slot: Sendable {
        var key: Int64 = -1
        var child: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 1 << 12)
    private var count = 0
    private static let presenceBits = 1 << 20
    private var presence = [UInt64](repeating: 0, count: EdgeTable.presenceBits / 64)

    init() {}

    /// A table that holds `capacity` edges without growing.
    init(capacity: Int) {
        var size = 1 << 12
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
    }

    @inline(__always) private static func mixed(_ key: Int64) -> UInt64 {
        UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always) private static func slot(_ key: Int64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: mixed(key) >> 20) & mask
    }

    /// Presence bit from the high bits of the hash, independent of the slot's bits.
    @inline(__always) private static func presenceBit(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: mixed(key) >> 44) & (presenceBits - 1)
    }

    /// The child of an edge, or -1.
    @inline(__always) func find(_ key: Int64) -> Int32 {
        let bit = EdgeTable.presenceBit(key)
        if presence[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return -1 }
        return slots.withUnsafeBufferPointer { table in
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

    mutating func insert(_ key: Int64, _ value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var s = EdgeTable.slot(key, mask)
        while slots[s].key >= 0 && slots[s].key != key { s = (s + 1) & mask }
        if slots[s].key < 0 { count += 1 }
        slots[s] = Slot(key: key, child: value)
        let bit = EdgeTable.presenceBit(key)
        presence[bit >> 6] |= 1 << UInt64(bit & 63)
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
