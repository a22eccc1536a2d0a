/// The folded keys of a lexicon's entries, token by token, in one flat pool: what the
/// gazetteer interns. Computing them (UTF-8 decoding, folding, the tokenizer for phrases)
/// needs no shared state, so another thread can do it while the loader interns.
struct PhraseKeyList: Sendable {
    private var units: [UInt16] = []
    /// End of each key in `units`.
    private var keyEnds: [Int32] = []
    /// End of each entry's keys in `keyEnds`.
    private var entryEnds: [Int32] = []

    init(_ phrases: [String], tokenizer: Tokenizer) {
        units.reserveCapacity(phrases.count * 12)
        keyEnds.reserveCapacity(phrases.count * 2)
        entryEnds.reserveCapacity(phrases.count)
        for phrase in phrases {
            if !appendPlainWord(phrase) {
                let view = NormalizedView(original: Array(phrase.utf16))
                var keys = [UInt16]()
                for token in tokenizer.tokenize(view.units, keys: &keys) {
                    units.append(contentsOf: keys[Int(token.keyStart)..<Int(token.keyEnd)])
                    keyEnds.append(Int32(units.count))
                }
            }
            entryEnds.append(Int32(keyEnds.count))
        }
    }

    var count: Int { entryEnds.count }

    /// Calls `body` with each key of entry `index`, in order.
    func forEachKey(ofEntry index: Int, _ body: (UnsafeBufferPointer<UInt16>) -> Void) {
        var key = index == 0 ? 0 : Int(entryEnds[index - 1])
        let end = Int(entryEnds[index])
        units.withUnsafeBufferPointer { all in
            while key < end {
                let start = key == 0 ? 0 : Int(keyEnds[key - 1])
                body(UnsafeBufferPointer(rebasing: all[start..<Int(keyEnds[key])]))
                key += 1
            }
        }
    }

    /// Appends the key of a phrase made of plain letters only (none when empty), folded
    /// straight from its UTF-8; false for any other phrase, which the tokenizer reads.
    private mutating func appendPlainWord(_ phrase: String) -> Bool {
        var phrase = phrase
        return phrase.withUTF8 { utf8 in
            guard PlainWord.isPlain(utf8) else { return false }
            guard !utf8.isEmpty else { return true }
            let start = units.count
            units.append(contentsOf: repeatElement(0, count: 2 * utf8.count))
            let count = units.withUnsafeMutableBufferPointer { out in
                KeyFolder.shared.foldUTF8(utf8, to: out.baseAddress! + start)
            }
            units.removeLast(2 * utf8.count - count)
            keyEnds.append(Int32(units.count))
            return true
        }
    }
}

/// Words of plain letters, which fold alone and never split: ASCII and Latin-1 to Latin
/// Extended-B letters (not × and ÷). Most lexicon entries are one such word.
enum PlainWord {
    @inline(__always)
    static func isPlainLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
            || (value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7)
    }

    /// Whether valid UTF-8 holds plain letters only (true when empty).
    static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < utf8.count {
            let b0 = utf8[i]
            if b0 < 0x80 {
                guard isPlainLetter(Unicode.Scalar(b0)) else { return false }
                i += 1
            } else {
                // U+00C0-U+024F are the two-byte sequences led by 0xC3-0xC9.
                guard b0 >= 0xC3 && b0 <= 0xC9, i + 1 < utf8.count else { return false }
                let value = (UInt32(b0 & 0x1F) << 6) | UInt32(utf8[i + 1] & 0x3F)
                guard let scalar = Unicode.Scalar(value), isPlainLetter(scalar) else { return false }
                i += 2
            }
        }
        return true
    }
}

/// A lexicon file read and split into keys ahead of its use.
struct PreparedLexicon: Sendable {
    let entries: [LexiconEntry]
    let keys: PhraseKeyList
}

/// Reads lexicon files and computes their keys on a thread of its own while the loader
/// works through the same files on the caller's thread, so that start-up uses two cores.
/// The worker takes the files from the end of the list and the caller from the front:
/// a file is done by whichever thread reaches it first, the caller never waits for a file
/// the worker has not started, and the result is the same whoever computed it.
final class LexiconPreparation {
    private enum State {
        case waiting
        case preparing
        case prepared(Result<PreparedLexicon, any Error>)
        case takenByCaller
    }

    /// The states of the files, shared with the worker; every access holds the monitor.
    private final class Board: @unchecked Sendable {
        let monitor = Monitor()
        var states: [String: State] = [:]
    }

    private let board = Board()
    private var worker: BackgroundLoad<Void>?

    init(directory: LexiconDirectory, rules: TokenizerRules, names: [String]) {
        let board = self.board
        for name in names { board.states[name] = .waiting }
        worker = BackgroundLoad {
            // Its own tokenizer: ICU iterators belong to one thread.
            guard let tokenizer = try? Tokenizer(rules: rules) else { return }
            for name in names.reversed() {
                let claimed = board.monitor.locked { () -> Bool in
                    guard case .waiting = board.states[name] else { return false }
                    board.states[name] = .preparing
                    return true
                }
                guard claimed else { continue }
                let result = Result { () throws -> PreparedLexicon in
                    let entries = try directory.entries(name)
                    return PreparedLexicon(entries: entries, keys: PhraseKeyList(entries.map(\.text), tokenizer: tokenizer))
                }
                board.monitor.locked {
                    board.states[name] = .prepared(result)
                    board.monitor.broadcast()
                }
            }
        }
    }

    /// The prepared file, waiting while the worker prepares it; nil when the worker has
    /// not started it (the caller then reads it itself, and the worker skips it).
    func take(_ name: String) throws -> PreparedLexicon? {
        try board.monitor.locked { () throws -> PreparedLexicon? in
            while true {
                switch board.states[name] {
                case .waiting:
                    board.states[name] = .takenByCaller
                    return nil
                case .preparing:
                    board.monitor.wait(seconds: 0.1)
                case .prepared(let result):
                    board.states[name] = .takenByCaller
                    return try result.get()
                case .takenByCaller, nil:
                    return nil
                }
            }
        }
    }

    /// Waits for the worker to end (it only has files nobody asked for left).
    func finish() {
        _ = try? worker?.value()
        worker = nil
    }
}
