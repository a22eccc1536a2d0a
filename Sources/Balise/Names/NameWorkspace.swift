#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the name recognizer and the name pass keep on one thread from one document to the
/// next, and from the one to the other within a document. The name pass builds a reader of
/// its own over the document the recognizer has just scanned: sharing the scan's answers
/// spares it asking again (first names, places, common words), and buffers kept from the
/// previous document spare allocating and freeing them for each document (both together
/// cost about 2 % of the run). A workspace belongs to its thread, so it needs no lock.
final class NameWorkspace {
    /// The answers about the tokens of the document read last (see `NameReader.Memo`).
    private var memo: NameReader.Memo?

    /// The memo for `text`: the one already about it, or the last one started again when no
    /// reader holds it any more and it has room enough, or a new one.
    func memo(for text: AnalyzedText, _ lexicons: NameLexicons) -> NameReader.Memo {
        if let memo, memo.text === text && memo.lexicons === lexicons { return memo }
        if isKnownUniquelyReferenced(&memo), let memo, memo.capacity >= text.count,
           memo.lexicons === lexicons && memo.services === text.services {
            memo.start(text)
            return memo
        }
        // Room for the usual document, or for this one and half as much again.
        let capacity = max(text.count + text.count / 2, memo?.capacity ?? 0, 1024)
        let fresh = NameReader.Memo(capacity: capacity, lexicons, text.services, communeWords: communeWords(lexicons))
        fresh.start(text)
        memo = fresh
        return fresh
    }

    /// Whether a word is a commune's name, by the lexicons that say it.
    private var communeAnswers: (lexicons: NameLexicons, words: WordAnswerMemo)?

    private func communeWords(_ lexicons: NameLexicons) -> WordAnswerMemo {
        if let communeAnswers, communeAnswers.lexicons === lexicons { return communeAnswers.words }
        let words = WordAnswerMemo()
        communeAnswers = (lexicons, words)
        return words
    }

    /// The name pass's tables and marks, between two documents.
    private var spareNames: DocumentNames?
    private var spareMarks: NamePropagation.Marks?

    /// Tables for the names of `text`: those of the previous document, emptied, or new ones.
    func documentNames(for text: AnalyzedText, expected: Int) -> DocumentNames {
        guard var names = spareNames else { return DocumentNames(text, expected: expected) }
        // Taken out, so that the tables are the caller's alone when they are emptied.
        spareNames = nil
        names.start(text, expected: expected)
        return names
    }

    /// The pass's marks of the previous document (to be started again), or new ones.
    func passMarks() -> NamePropagation.Marks {
        guard let marks = spareMarks else { return NamePropagation.Marks() }
        spareMarks = nil
        return marks
    }

    /// Keeps the pass's tables and marks for the next document.
    func keep(_ names: DocumentNames, _ marks: NamePropagation.Marks) {
        spareNames = names
        spareMarks = marks
    }

    /// The calling thread's workspace.
    static var current: NameWorkspace {
        if let stored = pthread_getspecific(key) {
            return Unmanaged<NameWorkspace>.fromOpaque(stored).takeUnretainedValue()
        }
        let workspace = NameWorkspace()
        pthread_setspecific(key, Unmanaged.passRetained(workspace).toOpaque())
        return workspace
    }

    /// The thread-specific slot of the workspaces; a thread's is released when it ends.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { stored in
            NameWorkspace.release(stored)
        }
        precondition(status == 0, "no thread-specific slot for the name workspaces")
        return key
    }()

    private static func release(_ stored: UnsafeMutableRawPointer?) {
        guard let stored else { return }
        Unmanaged<NameWorkspace>.fromOpaque(stored).release()
    }
}
