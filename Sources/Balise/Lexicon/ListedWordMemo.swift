/// Whether words are entries of one sorted word list, remembered by one worker from one
/// document to the next. The name rules ask about nearly every capitalised word, the
/// answer is a binary search in a list of ~370 000 forms, and the same words come back in
/// every document. Owned by one worker, it needs no lock (a table shared by the workers
/// cost a lock and a hash per question); words outside the vocabulary are remembered by
/// their key.
final class ListedWordMemo {
    /// By vocabulary id: 0 not asked yet, 1 not listed, 2 listed.
    private var byWord: [UInt8] = []
    private let byKey = ShortKeyCache()

    /// `key` (the folded key of a word with vocabulary id `word`, -1 when it has none)
    /// is an entry of `list`. Always ask about the same list.
    func isListed(word: Int32, key: UnsafeBufferPointer<UInt16>, in list: SortedWordList) -> Bool {
        guard word >= 0 else {
            return byKey.value(key) { list.contains($0) ? 1 : 0 } == 1
        }
        let w = Int(word)
        if w >= byWord.count { byWord.append(contentsOf: repeatElement(0, count: max(w + 1 - byWord.count, byWord.count))) }
        let known = byWord[w]
        if known != 0 { return known == 2 }
        let listed = list.contains(key)
        byWord[w] = listed ? 2 : 1
        return listed
    }
}
