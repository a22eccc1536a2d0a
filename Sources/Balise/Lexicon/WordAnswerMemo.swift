/// Yes/no answers about words (is it a common word, does it end like an adjective),
/// remembered by one worker from one document to the next. The name rules ask about
/// nearly every capitalised word, an answer costs a binary search in a list of ~370 000
/// forms or a scan of fifty endings, and the same words come back in every document.
/// Owned by one worker, it needs no lock (a table shared by the workers cost a lock and a
/// hash per question); words outside the vocabulary are remembered by their key.
final class WordAnswerMemo {
    /// By vocabulary id: 0 not asked yet, 1 no, 2 yes, in raw memory reached through a
    /// pointer that never changes: an array in a `var` of this class cost an exclusivity
    /// check, a retain and a release per question (about 60 instructions, for ~30 000
    /// questions per thousand documents).
    private struct Table {
        var answers: UnsafeMutablePointer<UInt8>
        var count: Int
    }

    private let table: UnsafeMutablePointer<Table>
    private let byKey = ShortKeyCache()

    init() {
        table = .allocate(capacity: 1)
        table.initialize(to: Table(answers: .allocate(capacity: 1), count: 0))
    }

    deinit {
        table.pointee.answers.deallocate()
        table.deallocate()
    }

    /// The answer for the word with vocabulary id `word` (-1 when it has none) and folded
    /// key `key`. `compute` must answer from the key alone, and always the same way for
    /// one memo.
    @inline(__always)
    func answer(word: Int32, key: UnsafeBufferPointer<UInt16>, compute: (UnsafeBufferPointer<UInt16>) -> Bool) -> Bool {
        guard word >= 0 else {
            return byKey.value(key) { compute($0) ? 1 : 0 } == 1
        }
        let w = Int(word)
        if w >= table.pointee.count { grow(toHold: w) }
        let answers = table.pointee.answers
        let known = answers[w]
        if known != 0 { return known == 2 }
        let yes = compute(key)
        answers[w] = yes ? 2 : 1
        return yes
    }

    /// Makes room for id `w`, at least doubling the table (the ids asked grow slowly).
    @inline(never)
    private func grow(toHold w: Int) {
        let old = table.pointee
        let count = max(w + 1, 2 * old.count)
        let answers = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        answers.initialize(from: old.answers, count: old.count)
        (answers + old.count).initialize(repeating: 0, count: count - old.count)
        old.answers.deallocate()
        table.pointee = Table(answers: answers, count: count)
    }
}
