/// Yes/no answers about words (is it a common word, does it end like an adjective),
/// remembered by one worker from one document to the next. The name rules ask about
/// nearly every capitalised word, an answer costs a binary search in a list of ~370 000
/// forms or a scan of fifty endings, and the same words come back in every document.
/// Owned by one worker, it needs no lock (a table shared by the workers cost a lock and a
/// hash per question); words outside the vocabulary are remembered by their key.
final class WordAnswerMemo {
    /// By vocabulary id: 0 not asked yet, 1 no, 2 yes.
    private var byWord: [UInt8] = []
    private let byKey = ShortKeyCache()

    /// The answer for the word with vocabulary id `word` (-1 when it has none) and folded
    /// key `key`. `compute` must answer from the key alone, and always the same way for
    /// one memo.
    @inline(__always)
    func answer(word: Int32, key: UnsafeBufferPointer<UInt16>, compute: (UnsafeBufferPointer<UInt16>) -> Bool) -> Bool {
        guard word >= 0 else {
            return byKey.value(key) { compute($0) ? 1 : 0 } == 1
        }
        let w = Int(word)
        if w >= byWord.count { byWord.append(contentsOf: repeatElement(0, count: max(w + 1 - byWord.count, byWord.count))) }
        let known = byWord[w]
        if known != 0 { return known == 2 }
        let yes = compute(key)
        byWord[w] = yes ? 2 : 1
        return yes
    }
}
