/// French tokenizer on ICU word and sentence breaks. One instance per thread: it owns
/// cloned ICU iterators.
public final class Tokenizer {
    public let rules: TokenizerRules
    public let vocabulary: Vocabulary
    /// The gazetteer whose first steps (`Gazetteer.rootRecord`) the tokenizer gives with the
    /// tokens (see `tokenizeWithSentences(_:keys:roots:)`), if any: its ids must be the
    /// vocabulary's.
    let gazetteer: Gazetteer?
    private let words: BreakIterator
    private let sentenceBreaks: BreakIterator

    nonisolated(unsafe) private static let templates: Result<(BreakIterator, BreakIterator), Error> = Result {
        (try BreakIterator(kind: .word, locale: "fr"), try BreakIterator(kind: .sentence, locale: "fr"))
    }

    public convenience init(rules: TokenizerRules, vocabulary: Vocabulary = Vocabulary()) throws {
        try self.init(rules: rules, vocabulary: vocabulary, gazetteer: nil)
    }

    /// A tokenizer that also gives each token's first step in `gazetteer` (which must be
    /// frozen over `vocabulary`'s ids).
    init(rules: TokenizerRules, vocabulary: Vocabulary, gazetteer: Gazetteer?) throws {
        let (word, sentence) = try Tokenizer.templates.get()
        self.rules = rules
        self.vocabulary = vocabulary
        self.gazetteer = gazetteer
        // The memo is asked only when there is a vocabulary to give ids from.
        self.memo = TokenKeyMemo(sizeBits: vocabulary.count > 0 ? TokenKeyMemo.fullSizeBits : 1)
        self.words = try word.clone()
        self.sentenceBreaks = try sentence.clone()
    }

    /// A tokenizer for another thread, sharing the rules and vocabulary.
    public func clone() throws -> Tokenizer {
        try Tokenizer(rules: rules, vocabulary: vocabulary, gazetteer: gazetteer)
    }

    /// A raw piece of text between two ICU word boundaries, before French fix-ups.
    /// Kept to 16 bytes: every pass below reads and writes the whole array. Everything but
    /// the bounds and the kind is packed in one 32-bit word (`bits`): with seven stored
    /// fields the compiler loaded and stored each field on its own at every copy of a piece
    /// (the join pass spent about 90 instructions per piece). The kind stays a field of its
    /// own: its spare values mark a missing piece in a `Piece?`, which would otherwise take
    /// a byte more and be handled the slow way.
    private struct Piece {
        var start: Int32
        var end: Int32
        /// The token's flags (bits 0-15; its position flags `spaceBefore`, `lineStart` and
        /// `paragraphStart` set when the piece is read, so that the token needs only copy
        /// them), hasApostrophe (25), the unit of a one-unit punctuation or symbol piece
        /// that the joins look for (`Mark`, bits 26-27).
        private var bits: UInt32
        var kind: Token.Kind

        /// The position flags (the bits of `bits` that `clearSpaceBefore` clears).
        private static let position = UInt32(Token.Flags.spaceBefore.rawValue | Token.Flags.lineStart.rawValue
            | Token.Flags.paragraphStart.rawValue)

        /// A piece with no flags but its position: after white space, after `newlines` line
        /// breaks (a line start after one, a paragraph start after two).
        init(start: Int32, end: Int32, kind: Token.Kind, spaceBefore: Bool,
             newlines: Int, hasApostrophe: Bool, mark: Mark) {
            self.start = start
            self.end = end
            self.kind = kind
            bits = (spaceBefore ? UInt32(Token.Flags.spaceBefore.rawValue) : 0)
                | (newlines > 0 ? UInt32(Token.Flags.lineStart.rawValue) : 0)
                | (newlines > 1 ? UInt32(Token.Flags.paragraphStart.rawValue) : 0)
                | (hasApostrophe ? 1 << 25 : 0) | UInt32(mark.rawValue) << 26
        }

        /// A one-unit punctuation or symbol piece the joins look for, known when it is read,
        /// so that they need not read the text to recognize it.
        enum Mark: UInt8 {
            case none = 0, fullStop, hyphen, degree
        }

        @inline(__always) var lower: Int { Int(start) }
        @inline(__always) var upper: Int { Int(end) }
        @inline(__always) var length: Int { Int(end &- start) }

        @inline(__always) var flags: Token.Flags {
            get { Token.Flags(rawValue: UInt16(truncatingIfNeeded: bits)) }
            set { bits = bits & ~0xFFFF | UInt32(newValue.rawValue) }
        }
        @inline(__always) var spaceBefore: Bool { bits & UInt32(Token.Flags.spaceBefore.rawValue) != 0 }
        /// Whether a line break comes before the piece.
        @inline(__always) var startsLine: Bool { bits & UInt32(Token.Flags.lineStart.rawValue) != 0 }
        @inline(__always) var hasApostrophe: Bool {
            get { bits & 1 << 25 != 0 }
            set { bits = newValue ? bits | 1 << 25 : bits & ~(1 << 25) }
        }
        @inline(__always) var isFullStop: Bool { bits & 3 << 26 == UInt32(Mark.fullStop.rawValue) << 26 }
        @inline(__always) var isHyphen: Bool { bits & 3 << 26 == UInt32(Mark.hyphen.rawValue) << 26 }
        @inline(__always) var isDegree: Bool { bits & 3 << 26 == UInt32(Mark.degree.rawValue) << 26 }

        /// A piece that continues the one before it: no space nor line break before it.
        @inline(__always) mutating func clearSpaceBefore() {
            bits &= ~Piece.position
        }
    }

    private let cache = VocabularyIdCache()
    /// The elision splits of the words already split (see `splitLastWord`).
    private let elisionMemo = ElisionSplitMemo()
    /// Offsets of the units of the text being split that may open a sentence break (see
    /// `tokenizeWithSentences`); reused from one text to the next.
    private var sentenceMarks: [Int32] = []

    /// Tokens of `view`, with their folded keys appended to `keys`.
    ///
    /// The pieces are written once, by the segment reader with the elisions split off as
    /// they come (`PieceWriter`), then joined in place (abbreviations, hyphens, digit
    /// groups), then turned into tokens: each of those steps used to read and write a
    /// whole array of pieces of its own.
    public func tokenize(_ view: [UInt16], keys: inout [UInt16]) -> [Token] {
        var roots: [Int32] = []
        return tokenize(view, keys: &keys, covered: nil, roots: &roots)
    }

    /// Tokens and sentences of `view` (the sentences as `sentences(_:_:)` gives them),
    /// with the folded keys appended to `keys`. Over the Latin fast path the sentence
    /// breaks need not look at every unit for a terminator or a line break: the word
    /// breaks have seen them all (see `LatinSentenceBreaks.boundaries(_:candidates:)`).
    public func tokenizeWithSentences(_ view: [UInt16], keys: inout [UInt16]) -> (tokens: [Token], sentences: [Range<Int>]) {
        var roots: [Int32] = []
        return tokenizeWithSentences(view, keys: &keys, roots: &roots)
    }

    /// `tokenizeWithSentences(_:keys:)`, with `roots` set to each token's
    /// `gazetteer.rootRecord(word)` when the tokenizer has a gazetteer (left empty otherwise).
    func tokenizeWithSentences(_ view: [UInt16], keys: inout [UInt16], roots: inout [Int32]) -> (tokens: [Token], sentences: [Range<Int>]) {
        var covered = false
        var tokens = tokenize(view, keys: &keys, covered: &covered, roots: &roots)
        guard covered, LatinSentenceBreaks.candidatesSeeEveryContext, !tokens.isEmpty else {
            return (tokens, sentences(view, &tokens))
        }
        let boundaries = view.withUnsafeBufferPointer { text in
            sentenceMarks.withUnsafeBufferPointer { LatinSentenceBreaks.boundaries(text, candidates: $0) }
        }
        guard let boundaries else { return (tokens, sentences(view, &tokens)) }
        let sentences = Tokenizer.sentences(boundaries, &tokens)
        return (tokens, sentences)
    }

    /// `tokenize`, telling in `covered` whether the Latin fast path read the whole text;
    /// if so `sentenceMarks` holds the text's candidate sentence contexts.
    private func tokenize(_ view: [UInt16], keys: inout [UInt16], covered isCovered: UnsafeMutablePointer<Bool>?,
                          roots: inout [Int32]) -> [Token] {
        precondition(view.count < Int(Int32.max), "a text of 2^31 UTF-16 units or more")
        // Pieces never overlap and none is empty: at most one per unit.
        let pieces = [Piece](unsafeUninitializedCapacity: max(view.count, 1)) { buffer, count in
            count = view.withUnsafeBufferPointer { text -> Int in
                var writer = PieceWriter(out: buffer.baseAddress!)
                var reader = SegmentReader()
                var marks = self.sentenceMarks
                self.sentenceMarks = []
                marks.removeAll(keepingCapacity: true)
                // The word breaks tell which segments an apostrophe joined (`l'Union`).
                let covered = LatinWordBreaks.forEachSegment(text) { start, end, status, fullStopInside, apostropheInside, afterSpaces in
                    // Segments of plain spaces are not visited: one before is the same as none
                    // before for the reader, but for the piece's `spaceBefore`.
                    if afterSpaces { reader.spaceBefore = true }
                    if let piece = reader.read(start, end, status, fullStopInside, apostropheInside, text, &marks) { splitNumberFromLetters(piece, text, &writer) }
                }
                isCovered?.pointee = covered
                if covered {
                    self.sentenceMarks = marks
                } else {
                    // A unit outside the fast path's classes: ICU segments the whole text.
                    writer = PieceWriter(out: buffer.baseAddress!)
                    reader = SegmentReader()
                    let words = self.words
                    words.forEachSegment(text) { start, end in
                        // Spaces need no rule status, and they are half the segments.
                        let status = Tokenizer.isSpace(text[start]) ? 0 : words.ruleStatus
                        let apostropheInside = status >= 100 && Tokenizer.firstApostrophe(text, start, end) != nil
                        if let piece = reader.read(start, end, status, false, apostropheInside, text, &marks) { splitNumberFromLetters(piece, text, &writer) }
                    }
                }
                finishElisions(text, &writer)
                return joinAbbreviationsHyphensAndDigits(UnsafeMutableBufferPointer(start: buffer.baseAddress!, count: writer.count), text)
            }
        }
        return makeTokens(pieces, view, &keys, &roots)
    }

    /// Turns word-break segments into pieces: white space becomes the next piece's
    /// `spaceBefore` and line count, invisible marks are dropped.
    private struct SegmentReader {
        var spaceBefore = false
        var newlines = 0

        /// The piece of a segment, nil for white space and invisible marks.
        @inline(__always)
        /// Notes in `marks` the units that may open a sentence break (`LatinSentenceBreaks`):
        /// line breaks, `.` `!` `?`, and the full stops inside the segment when
        /// `fullStopInside` (the word breaks join `U.S` and `1.000`).
        mutating func read(_ start: Int, _ end: Int, _ status: Int32, _ fullStopInside: Bool, _ apostropheInside: Bool,
                           _ text: UnsafeBufferPointer<UInt16>, _ marks: inout [Int32]) -> Piece? {
            let first = text[start]
            // A word or number (status 100 or more) is never white space: half the segments
            // skip these tests.
            if status < 100 {
                // A lone space, most white space: no line break to count or note.
                if first == 0x20 && end == start + 1 { spaceBefore = true; return nil }
                if Tokenizer.isSpace(first) {
                    spaceBefore = true
                    if first == 0x0A || first == 0x0D { SegmentReader.noteLineBreaks(start, end, text, &marks) }
                    for i in start..<end where text[i] == 0x0A || text[i] == 0x2029 || text[i] == 0x2028 { newlines += 1 }
                    if newlines == 0 { for i in start..<end where text[i] == 0x0D { newlines += 1 } }
                    return nil
                }
            }
            // Invisible marks; one comparison passes ASCII and most Latin-1.
            if first >= 0x00AD && (first == 0xFEFF || first == 0x200B || first == 0x00AD) { return nil }
            let kind: Token.Kind
            var mark = Piece.Mark.none
            if status >= 100 && status < 200 { kind = .number }
            else if status >= 200 { kind = .word }
            else {
                kind = Tokenizer.isSymbol(first) ? .symbol : .punctuation
                if first == 0x2E || first == 0x21 || first == 0x3F || first >= 0x80 { SegmentReader.noteTerminator(start, text, &marks) }
                if end == start + 1 { mark = first == 0x2E ? .fullStop : first == 0x2D ? .hyphen : first == 0xB0 ? .degree : .none }
            }
            if fullStopInside { SegmentReader.noteFullStops(start, end, text, &marks) }
            // Offsets fit in 32 bits: `tokenize` checks the text's length once.
            let piece = Piece(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end), kind: kind,
                              spaceBefore: spaceBefore, newlines: newlines,
                              hasApostrophe: apostropheInside, mark: mark)
            spaceBefore = false
            newlines = 0
            return piece
        }

        /// Out of line, as `noteTerminator`: the reader is inlined in the word-break loop.
        @inline(never)
        static func noteLineBreaks(_ start: Int, _ end: Int, _ text: UnsafeBufferPointer<UInt16>, _ marks: inout [Int32]) {
            for i in start..<end where text[i] == 0x0A || text[i] == 0x0D { marks.append(Int32(i)) }
        }

        @inline(never)
        static func noteFullStops(_ start: Int, _ end: Int, _ text: UnsafeBufferPointer<UInt16>, _ marks: inout [Int32]) {
            for i in start..<end where text[i] == 0x2E { marks.append(Int32(i)) }
        }

        /// Notes the segment's unit when it is a terminator (`.`, `!`, `?`, or one of the
        /// rare others beyond ASCII).
        @inline(never)
        static func noteTerminator(_ start: Int, _ text: UnsafeBufferPointer<UInt16>, _ marks: inout [Int32]) {
            if LatinSentenceBreaks.opensContext(text[start]) { marks.append(Int32(start)) }
        }
    }

    /// Where the pieces are written as they are read, and the state of the elision split
    /// (`l'Union` -> `l'` `Union`, `l` `'` -> `l'`), which needs to see the piece after a
    /// word: the word is written at once and changed or split when that piece comes.
    private struct PieceWriter {
        let out: UnsafeMutablePointer<Piece>
        var count = 0
        /// Where the last word or number was written while it is the last piece, else -1.
        var lastWord = -1
        /// Whether that word holds an apostrophe (its split waits for the next piece).
        var lastWordHasApostrophe = false

        init(out: UnsafeMutablePointer<Piece>) {
            self.out = out
        }

        @inline(__always)
        mutating func keep(_ p: Piece) {
            out[count] = p
            count += 1
        }

        /// Writes the elision of `piece` that ends at `end` (`l'` of `l'Union`) and leaves
        /// the rest in `piece`.
        @inline(__always)
        mutating func cutElision(_ piece: inout Piece, at end: Int) {
            var elided = piece
            elided.end = Int32(end)
            elided.kind = .word
            elided.flags.insert(.elision)
            keep(elided)
            piece.start = Int32(end)
            piece.clearSpaceBefore()
        }
    }

    // MARK: - French fix-ups

    /// `3M` -> `3` `M`, `1,5Md` -> `1,5` `Md`; `1er`, `2e`, `XXIe` become ordinals.
    @inline(__always)
    private func splitNumberFromLetters(_ piece: Piece, _ view: UnsafeBufferPointer<UInt16>, _ out: inout PieceWriter) {
        var piece = piece
        let split = Tokenizer.numberKind(&piece, view)
        if split >= 0 {
            var number = piece
            number.end = split
            number.kind = .number
            // Digits, commas and full stops: the apostrophes are in the letters.
            number.hasApostrophe = false
            push(number, view, &out)
            piece.start = split
            piece.clearSpaceBefore()
            piece.kind = .word
        }
        push(piece, view, &out)
    }

    /// Sets the kind of a word or number that is a number or an ordinal; returns where the
    /// letters start in a number glued to letters (`3M`), else -1.
    @inline(__always)
    private static func numberKind(_ piece: inout Piece, _ view: UnsafeBufferPointer<UInt16>) -> Int32 {
        guard piece.kind != .punctuation && piece.kind != .symbol else { return -1 }
        let first = view[piece.lower]
        if Tokenizer.isDigit(first) {
            var split = piece.lower
            while split < piece.upper && (Tokenizer.isDigit(view[split]) || view[split] == 0x2C || view[split] == 0x2E) { split += 1 }
            // A trailing separator belongs to the text, not the number.
            while split > piece.lower + 1 && !Tokenizer.isDigit(view[split - 1]) { split -= 1 }
            if split == piece.upper { piece.kind = .number; return -1 }
            if Tokenizer.isOrdinalSuffix(UnsafeBufferPointer(rebasing: view[split..<piece.upper])) {
                piece.kind = .ordinal
                return -1
            }
            return Int32(split)
        } else if piece.kind == .word && Tokenizer.isRomanOrdinal(UnsafeBufferPointer(rebasing: view[piece.lower..<piece.upper])) {
            piece.kind = .ordinal
        }
        return -1
    }

    /// `l'Union` -> `l'` `Union`; `l` `'` -> `l'`; `aujourd'hui` stays whole.
    /// `N'Guessan`, `M'Bappé`: a capital `N'` or `M'` before a capital letter opens a name; the
    /// negation `n'` and the pronoun `m'` stand before a verb, in lowercase.
    private func isCapitalElidedName(_ view: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard range.count >= 4, view[range.lowerBound] == 0x4E || view[range.lowerBound] == 0x4D,
              view[range.lowerBound + 1] == 0x27 else { return false }
        let next = view[range.lowerBound + 2]
        return (next >= 0x41 && next <= 0x5A) || (next >= 0xC0 && next <= 0xDE && next != 0xD7)
    }

    /// Writes `piece` after the pieces before it, splitting the elisions of the word before
    /// it first, unless the two make an elision (`l` `'`).
    @inline(__always)
    private func push(_ piece: Piece, _ view: UnsafeBufferPointer<UInt16>, _ w: inout PieceWriter) {
        if w.lastWord >= 0 {
            let last = w.lastWord
            w.lastWord = -1
            // A bare elided form followed by its apostrophe.
            if view[piece.lower] == 0x27, piece.length == 1, !piece.spaceBefore,
               isElision(view, w.out[last].lower..<w.out[last].upper) {
                w.out[last].end += 1
                w.out[last].flags.insert(.elision)
                return
            }
            if w.lastWordHasApostrophe { splitLastWord(view, &w) }
        }
        w.out[w.count] = piece
        w.count += 1
        // ICU reads `l'A7` as one number: its elision is split off like a word's.
        guard piece.kind == .word || piece.kind == .number else { return }
        w.lastWord = w.count - 1
        w.lastWordHasApostrophe = piece.hasApostrophe
    }

    /// Splits the elisions of the last word, at the end of the text.
    private func finishElisions(_ view: UnsafeBufferPointer<UInt16>, _ w: inout PieceWriter) {
        if w.lastWord >= 0 && w.lastWordHasApostrophe { splitLastWord(view, &w) }
        w.lastWord = -1
    }

    /// Splits the elisions off the last piece written, a word or number that holds an
    /// apostrophe (`l'Union`, `qu'aujourd'hui`).
    @inline(never)
    private func splitLastWord(_ view: UnsafeBufferPointer<UInt16>, _ w: inout PieceWriter) {
        w.count -= 1
        var piece = w.out[w.count]
        let out = w.out
        // Inside a hyphenated place name the elision belongs to the name (`Gonfreville-l'Orcher`, `Mont-d'Or`).
        let count = w.count
        if !piece.spaceBefore, count >= 1, !out[count - 1].spaceBefore, out[count - 1].end == piece.start,
           out[count - 1].isHyphen,
           count >= 2, out[count - 2].kind == .word, out[count - 2].end == out[count - 1].start {
            w.keep(piece)
            return
        }
        // The ends depend on the word's units alone: remembered by them.
        let start = piece.lower, upper = piece.upper, length = piece.length
        let memoable = length <= ElisionSplitMemo.maxLength
        if memoable, let ends = elisionMemo.find(view.baseAddress! + start, length) {
            for k in 0..<ends.count { w.cutElision(&piece, at: start + ends[k]) }
        } else {
            var ends = ElisionSplitMemo.Ends()
            var lower = start
            while let end = nextElisionEnd(view, lower, upper, first: lower == start) {
                w.cutElision(&piece, at: end)
                ends.append(end - start)
                lower = end
            }
            if memoable { elisionMemo.remember(view.baseAddress! + start, length, ends) }
        }
        w.keep(piece)
    }

    /// The end of the next elision to split off the word `lower..<upper` (`l'` in
    /// `l'Union`), or nil; `first` when no elision was split off the word yet. None for
    /// `aujourd'hui`, `N'Guessan`, nor in a rest that is unsplittable (`qu'aujourd'hui`).
    @inline(__always)
    private func nextElisionEnd(_ view: UnsafeBufferPointer<UInt16>, _ lower: Int, _ upper: Int, first: Bool) -> Int? {
        if isUnsplittable(view, lower..<upper) || (first && isCapitalElidedName(view, lower..<upper)) { return nil }
        guard let apostrophe = Tokenizer.firstApostrophe(view, lower, upper), apostrophe + 1 < upper,
              isElision(view, lower..<apostrophe) else { return nil }
        return apostrophe + 1
    }

    /// `M` `.` -> `M.`; `J` `.` `-` `L` `.` -> `J.-L.`; `janv` `.` before a number -> `janv.`.
    /// Reads the pieces with look-ahead and hands each result to a `HyphenAndDigitJoiner`,
    /// which writes the final pieces back into the same buffer, behind the reading: the two
    /// steps in one pass, where each used to read and write a whole array of pieces.
    /// Returns the number of final pieces.
    private func joinAbbreviationsHyphensAndDigits(_ pieces: UnsafeMutableBufferPointer<Piece>, _ view: UnsafeBufferPointer<UInt16>) -> Int {
        var joiner = HyphenAndDigitJoiner()
        let out = pieces.baseAddress!
        var written = 0
        var i = 0
        @inline(__always) func isDot(_ k: Int) -> Bool {
            k < pieces.count && !pieces[k].spaceBefore && pieces[k].isFullStop
        }
        @inline(__always) func isHyphen(_ k: Int) -> Bool {
            k < pieces.count && !pieces[k].spaceBefore && pieces[k].isHyphen
        }
        func isInitialLetters(_ p: Piece) -> Bool {
            // `J`, or ICU's `S.A` / `U.S.A` (letters joined by full stops).
            guard p.kind == .word else { return false }
            var expectLetter = true
            for k in p.lower..<p.upper {
                let u = view[k]
                if expectLetter { guard Tokenizer.isUpperASCIIorLatin(u) else { return false } } else { guard u == 0x2E else { return false } }
                expectLetter.toggle()
            }
            return !expectLetter
        }
        // Whether the last piece this step gave out is a degree sign.
        var previousIsDegree = false
        while i < pieces.count {
            // Most pieces are words and punctuation that no join touches: a run of them up to
            // the piece before the next full stop, hyphen or number (an abbreviation looks
            // ahead to its full stop) is moved as a block, and the joiner learns of its last
            // piece. One at a time, each cost about fifty instructions.
            if !joiner.holdsHyphen {
                var j = i
                while j < pieces.count && !HyphenAndDigitJoiner.mayJoin(pieces[j]) { j += 1 }
                let runEnd = j < pieces.count ? j - 1 : j
                if runEnd > i {
                    if written != i {
                        UnsafeMutableRawPointer(out + written).copyMemory(from: out + i, byteCount: (runEnd - i) * MemoryLayout<Piece>.stride)
                    }
                    written += runEnd - i
                    let last = pieces[runEnd - 1]
                    joiner.passed(last, at: written - 1)
                    previousIsDegree = last.isDegree
                    i = runEnd
                    if i == pieces.count { break }
                }
            }
            var piece = pieces[i]
            // `−3 °C.`: a letter glued to a degree sign is the unit, and its full stop ends the sentence.
            let afterDegree = !piece.spaceBefore && previousIsDegree
            i += 1
            if piece.kind == .word && isDot(i) && !afterDegree {
                if isInitialLetters(piece) {
                    piece.end = pieces[i].end
                    piece.flags.formUnion([.abbreviation, .initial])
                    i += 1
                    // Hyphenated initials: `J.-L.`
                    while isHyphen(i), i + 1 < pieces.count, isInitialLetters(pieces[i + 1]), isDot(i + 2) {
                        piece.end = pieces[i + 2].end
                        i += 3
                    }
                } else if piece.length <= rules.longestAbbreviation {
                    let id = Tokenizer.findFolded(view, piece.lower..<piece.upper, in: rules.abbreviationKeys)
                    if id >= 0 {
                        let cls = rules.abbreviationClasses[Int(id)]
                        let nextIsNumber = i + 1 < pieces.count && pieces[i + 1].kind == .number
                        if cls != .beforeNumber || nextIsNumber {
                            piece.end = pieces[i].end
                            piece.flags.insert(.abbreviation)
                            if cls == .title { piece.flags.insert(.initial) }
                            i += 1
                        }
                    }
                }
            }
            previousIsDegree = piece.isDegree
            // Writes at most as many pieces as were read: never past `i`.
            joiner.push(piece, view, out, &written)
        }
        return written
    }

    /// `Jean` `-` `Luc` -> `Jean-Luc` and `12` ` ` `000` -> `12 000`, on the pieces as the
    /// abbreviation step gives them out. Each piece is written out at once; the last word
    /// or number stays open and grows in place while the next pieces join it (a hyphen is
    /// written, then taken back when a word follows it). Held pieces were kept in the
    /// joiner's own fields at first, and the compiler spread their fields over a dozen
    /// stack slots copied at every piece. The two joins are independent: the first starts
    /// from a word and takes only hyphens and words, the second starts from a number and
    /// takes only numbers.
    private struct HyphenAndDigitJoiner {
        private static let none: UInt8 = 0, word: UInt8 = 1, number: UInt8 = 2
        /// What the open piece is: `none`, `word` or `number`.
        private var open = HyphenAndDigitJoiner.none
        /// Where the open piece was written.
        private var openAt = 0
        /// Whether the last piece written is a hyphen after the open word.
        private var hyphenAfterOpen = false

        /// Whether the last piece written is a hyphen that the next piece may join.
        var holdsHyphen: Bool { hyphenAfterOpen }

        /// Whether a piece may join the one before it, or change how the piece before it
        /// joins the next: a number, a full stop or a hyphen. Any other piece, after any
        /// piece but such a hyphen, is written as it is and only opens a word or nothing.
        @inline(__always)
        static func mayJoin(_ p: Piece) -> Bool {
            p.kind == .number || p.isFullStop || p.isHyphen
        }

        /// Takes note of a piece written at `at` without `push`: one that does not `mayJoin`,
        /// after a piece that does not hold a hyphen (what `push` would have done with it).
        @inline(__always)
        mutating func passed(_ p: Piece, at: Int) {
            open = HyphenAndDigitJoiner.isJoinableWord(p) ? HyphenAndDigitJoiner.word : HyphenAndDigitJoiner.none
            openAt = at
        }

        @inline(__always)
        mutating func push(_ next: Piece, _ view: UnsafeBufferPointer<UInt16>, _ out: UnsafeMutablePointer<Piece>, _ count: inout Int) {
            if open == HyphenAndDigitJoiner.word {
                if hyphenAfterOpen {
                    hyphenAfterOpen = false
                    if !next.spaceBefore && HyphenAndDigitJoiner.isJoinableWord(next) {
                        count -= 1
                        out[openAt].end = next.end
                        out[openAt].flags.insert(.hyphenated)
                        return
                    }
                } else if !next.spaceBefore && next.isHyphen {
                    out[count] = next
                    count += 1
                    hyphenAfterOpen = true
                    return
                }
            } else if open == HyphenAndDigitJoiner.number {
                // The groups of three digits after a number (any single space kind between groups).
                if next.spaceBefore, !next.startsLine, next.start == out[openAt].end + 1,
                   let group = HyphenAndDigitJoiner.digits(next, view), group.integer == 3 {
                    out[openAt].end = next.end
                    out[openAt].flags.insert(.groupedDigits)
                    if group.decimal { open = HyphenAndDigitJoiner.none }
                    return
                }
            }
            if HyphenAndDigitJoiner.isJoinableWord(next) {
                open = HyphenAndDigitJoiner.word
            } else if next.kind == .number, let head = HyphenAndDigitJoiner.digits(next, view), !head.decimal,
                      (1...3).contains(head.integer) {
                open = HyphenAndDigitJoiner.number
            } else {
                open = HyphenAndDigitJoiner.none
            }
            openAt = count
            out[count] = next
            count += 1
        }

        @inline(__always)
        private static func isJoinableWord(_ p: Piece) -> Bool {
            p.kind == .word && !p.flags.contains(.elision) && !p.flags.contains(.abbreviation)
        }

        /// The integer digits of a number piece and whether a decimal part follows
        /// (`12`, `000,5`), or nil for any other piece.
        private static func digits(_ p: Piece, _ view: UnsafeBufferPointer<UInt16>) -> (integer: Int, decimal: Bool)? {
            guard p.kind == .number else { return nil }
            var k = p.lower
            while k < p.upper && Tokenizer.isDigit(view[k]) { k += 1 }
            if k == p.upper { return (k - p.lower, false) }
            guard view[k] == 0x2C, k + 1 < p.upper else { return nil }
            for m in (k + 1)..<p.upper where !Tokenizer.isDigit(view[m]) { return nil }
            return (k - p.lower, true)
        }
    }

    // MARK: - Tokens

    /// A token whose key was folded here, its vocabulary id still to be found.
    private struct Pending {
        var token: Int32
        /// The shape flags its folding found (`WordShape`), for the memo.
        var shape: UInt16
        /// Whether the memo can hold it (see `TokenKeyMemo`).
        var memoable: Bool
    }

    private let memo: TokenKeyMemo
    /// Reused from one document to the next.
    private var pending: [Pending] = []

    /// Turns final pieces into tokens: flags, folded key and shape (from the memo when it
    /// knows the units), vocabulary id when the memo gave it.
    private struct TokenWriter {
        let out: UnsafeMutablePointer<Token>
        let view: UnsafeBufferPointer<UInt16>
        let keys: UnsafeMutablePointer<UInt16>
        let memo: TokenKeyMemo
        /// Where each token's root record goes (written even without a gazetteer: a plain
        /// store costs less than a test per token).
        let roots: UnsafeMutablePointer<Int32>
        /// The root record of a token without a word (-1).
        let noWordRoot: Int32
        let hasVocabulary: Bool
        var used: Int
        var count = 0
        var pending: [Pending]

        /// The kinds whose tokens have digits, one bit per kind's raw value.
        private static let digitKinds = UInt16(1) << UInt16(Token.Kind.number.rawValue)
            | UInt16(1) << UInt16(Token.Kind.ordinal.rawValue)

        @inline(__always)
        mutating func append(_ piece: Piece) {
            let n = count
            // The piece holds its position flags (`makeTokens` adds the first token's).
            var flags = piece.flags
            let keyStart = used
            let shaped = piece.kind == .word || piece.kind == .ordinal
            let length = piece.length
            // The memo reads whole words past the token's end: not at the view's end.
            let memoable = hasVocabulary && length <= TokenKeyMemo.maxLength
                && piece.lower + TokenKeyMemo.maxLength <= view.count
            var word: Int32 = -1
            if memoable, let known = memo.find(view.baseAddress! + piece.lower, length, shaped: shaped, key: keys + used) {
                used += known.keyLength
                flags.formUnion(known.shape)
                word = known.id
                roots[n] = known.root
            } else {
                // The pending tokens' roots are set with their ids.
                roots[n] = noWordRoot
                var shape: Token.Flags = []
                if shaped {
                    let (written, found) = WordShape.shared.fold(view, piece.lower, piece.upper, to: keys + used)
                    used += written
                    shape = found
                    flags.formUnion(shape)
                } else {
                    used += KeyFolder.shared.fold(view, piece.lower..<piece.upper, to: keys + used)
                }
                if hasVocabulary && used > keyStart {
                    pending.append(Pending(token: Int32(truncatingIfNeeded: n), shape: shape.rawValue,
                                           memoable: memoable && used - keyStart <= TokenKeyMemo.maxLength))
                }
            }
            // Numbers and ordinals have digits: bit `kind` of `digitKinds`, moved to `hasDigit`
            // without a branch on the kind.
            flags = Token.Flags(rawValue: flags.rawValue
                | (TokenWriter.digitKinds >> UInt16(piece.kind.rawValue)) & 1 &* Token.Flags.hasDigit.rawValue)
            (out + n).initialize(to: Token(start: piece.start, end: piece.end, kind: piece.kind, flags: flags,
                                           keyStart: Int32(truncatingIfNeeded: keyStart), keyEnd: Int32(truncatingIfNeeded: used),
                                           word: word))
            count = n + 1
        }
    }

    /// The tokens of the pieces (elisions already split), after the abbreviation, hyphen
    /// and digit-group joins.
    private func makeTokens(_ pieces: [Piece], _ view: [UInt16], _ keys: inout [UInt16], _ roots: inout [Int32]) -> [Token] {
        let base = keys.count
        // The final pieces do not overlap, and folding at most doubles a key (œ -> oe):
        // twice the text is room enough to write every key in place. Plus
        // `VocabularyIdCache.slack` units: the id cache reads whole words past a key's end
        // (as the memo does, which also writes whole words). The keys are written into a
        // new uninitialised array (units past a key's end are read, then masked out):
        // filling the room with zeros first cost more than the copy of the earlier keys.
        let room = base + 2 * view.count + max(VocabularyIdCache.slack, TokenKeyMemo.maxLength)
        // Key offsets and token numbers then fit in a token's 32-bit fields.
        precondition(room < Int(Int32.max), "keys of 2^31 UTF-16 units or more")
        var grown = [UInt16](unsafeUninitializedCapacity: room) { buffer, count in
            _ = keys.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
            count = room
        }
        swap(&keys, &grown)
        let hasVocabulary = vocabulary.count > 0
        let cache = self.cache, vocabulary = self.vocabulary, memo = self.memo
        var pending = self.pending
        self.pending = []
        pending.removeAll(keepingCapacity: true)
        var used = base
        let gazetteer = self.gazetteer
        // One root per token (the pieces are at least as many), written as the tokens are.
        var rootRoom = [Int32](unsafeUninitializedCapacity: max(pieces.count, 1)) { _, count in
            count = max(pieces.count, 1)
        }
        let noWordRoot = gazetteer?.rootRecord(-1) ?? Gazetteer.noEntry
        let tokens = [Token](unsafeUninitializedCapacity: pieces.count) { out, written in
            view.withUnsafeBufferPointer { v in
                keys.withUnsafeMutableBufferPointer { k in
                  rootRoom.withUnsafeMutableBufferPointer { r in
                    let roots = r.baseAddress!
                    var writer = TokenWriter(out: out.baseAddress!, view: v, keys: k.baseAddress!, memo: memo,
                                             roots: roots, noWordRoot: noWordRoot,
                                             hasVocabulary: hasVocabulary, used: base, pending: pending)
                    pending = []
                    for piece in pieces { writer.append(piece) }
                    written = writer.count
                    // The first token is also a line and a paragraph start.
                    if written > 0 { out[0].flags.formUnion([.lineStart, .paragraphStart]) }
                    used = writer.used
                    pending = writer.pending
                    // Vocabulary ids of the tokens the memo did not know, in a second loop:
                    // each look-up may miss the caches, and this short loop lets the processor
                    // have several misses in flight, where the folding between two look-ups
                    // kept it to about one.
                    for p in pending {
                        let n = Int(p.token)
                        let token = out[n]
                        let key = UnsafeBufferPointer(rebasing: k[Int(token.keyStart)..<Int(token.keyEnd)])
                        let id = cache.find(key, in: vocabulary)
                        out[n].word = id
                        let root = gazetteer?.rootRecord(id) ?? Gazetteer.noEntry
                        roots[n] = root
                        if p.memoable {
                            memo.remember(v.baseAddress! + Int(token.start), token.length,
                                          shaped: token.kind == .word || token.kind == .ordinal,
                                          key: key.baseAddress!, keyLength: key.count, shape: Token.Flags(rawValue: p.shape), id: id,
                                          root: root)
                        }
                    }
                  }
                }
            }
        }
        if gazetteer != nil {
            rootRoom.removeLast(rootRoom.count - tokens.count)
            roots = rootRoom
        }
        self.pending = pending
        keys.removeLast(keys.count - used)
        return tokens
    }

    /// Sentences as token ranges: ICU sentence breaks, minus those after titles and initials.
    public func sentences(_ view: [UInt16], _ tokens: inout [Token]) -> [Range<Int>] {
        guard !tokens.isEmpty else { return [] }
        // Latin text without ICU (see `LatinSentenceBreaks`), any other text with it.
        let boundaries = view.withUnsafeBufferPointer { LatinSentenceBreaks.boundaries($0) ?? sentenceBreaks.boundaries($0) }
        return Tokenizer.sentences(boundaries, &tokens)
    }

    /// Sentences as token ranges from the text's sentence ends, minus those after titles and initials.
    private static func sentences(_ boundaries: [Int], _ tokens: inout [Token]) -> [Range<Int>] {
        var result = [Range<Int>]()
        var sentenceStart = 0
        tokens.withUnsafeBufferPointer { tokens in
            var t = 0
            for boundary in boundaries {
                t = Tokenizer.firstToken(startingAtOrAfter: boundary, from: t, tokens)
                guard t > sentenceStart, t < tokens.count else { continue }
                if tokens[t - 1].has(.initial) { continue }
                result.append(sentenceStart..<t)
                sentenceStart = t
            }
        }
        result.append(sentenceStart..<tokens.count)
        for range in result { tokens[range.lowerBound].flags.insert(.sentenceStart) }
        return result
    }

    /// The first token from `t` on that starts at or after `offset`, or the token count.
    /// Sentence boundaries lie about twenty tokens apart: steps that double from `t`, then
    /// a binary search, read a few tokens where a walk token by token read them all.
    @inline(__always)
    private static func firstToken(startingAtOrAfter offset: Int, from t: Int, _ tokens: UnsafeBufferPointer<Token>) -> Int {
        // The answer is in low...high (high: a token at or after `offset`, or the count).
        var low = t, high = t, step = 1
        while high < tokens.count && Int(tokens[high].start) < offset {
            low = high + 1
            high += step
            step *= 2
        }
        high = min(high, tokens.count)
        while low < high {
            let mid = (low + high) >> 1
            if Int(tokens[mid].start) < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: - Character classes

    /// The id of the folded form of `view[range]` in `keys`, folded on the stack.
    private static func findFolded(_ view: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, in keys: Vocabulary) -> Int32 {
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 2 * range.count + 1) { buffer in
            let n = KeyFolder.shared.fold(view, range, to: buffer.baseAddress!)
            return keys.find(UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    private func isElision(_ view: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 8 else { return false }
        return Tokenizer.findFolded(view, range, in: rules.elisionKeys) >= 0
    }

    private func isUnsplittable(_ view: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard Tokenizer.firstApostrophe(view, range.lowerBound, range.upperBound) != nil else { return false }
        return Tokenizer.findFolded(view, range, in: rules.unsplittableKeys) >= 0
    }

    @inline(__always) static func firstApostrophe(_ view: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Int? {
        var k = start
        while k < end {
            if view[k] == 0x27 { return k }
            k += 1
        }
        return nil
    }

    @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }

    /// Space, tab, line breaks (`\n`, `\r`, vertical tab, form feed, NEL, U+2028, U+2029).
    /// Most units are above the space: one comparison rejects the letters below U+0085.
    @inline(__always) static func isSpace(_ u: UInt16) -> Bool {
        if u > 0x20 { return u == 0x85 || u == 0x2028 || u == 0x2029 }
        return u == 0x20 || (u >= 0x09 && u <= 0x0D)
    }

    /// Inlined: the segment reader calls it for every punctuation segment.
    @inline(__always) static func isSymbol(_ u: UInt16) -> Bool {
        switch u {
        case 0x24, 0x25, 0x2B, 0x3C, 0x3D, 0x3E, 0xA2...0xA5, 0xB0, 0x20A0...0x20CF, 0x2030, 0x00A7: return true
        default: return false
        }
    }

    static func isUpperASCIIorLatin(_ u: UInt16) -> Bool {
        (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u <= 0xDE && u != 0xD7)
    }

    static func isLower(_ u: UInt16) -> Bool {
        (u >= 0x61 && u <= 0x7A) || (u >= 0xDF && u <= 0xFF && u != 0xF7) || (u >= 0x100 && u <= 0x24F && u & 1 == 1 && u != 0x131) || u == 0x153
    }

    static func isUpper(_ u: UInt16) -> Bool {
        isUpperASCIIorLatin(u) || (u >= 0x100 && u <= 0x24F && u & 1 == 0) || u == 0x152 || (u >= 0x391 && u <= 0x3A9) || (u >= 0x410 && u <= 0x42F)
    }

    private static let ordinalSuffixes: [[UInt16]] = ["er", "re", "e", "ème", "eme", "nd", "nde", "ers", "res", "es", "èmes", "emes", "d"].map { Array($0.utf16) }

    static func isOrdinalSuffix(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        ordinalSuffixes.contains { $0.elementsEqual(units) }
    }

    /// Cheap guard first, inlined: this runs on every word.
    @inline(__always)
    static func isRomanOrdinal(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        guard units.count >= 2 else { return false }
        let first = units[0], last = units[units.count - 1]
        guard first == 0x49 || first == 0x56 || first == 0x58 || first == 0x4C || first == 0x43,
              last == 0x65 || last == 0x72 else { return false }
        return isRomanOrdinalPassingGuard(units)
    }

    @inline(never)
    private static func isRomanOrdinalPassingGuard(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        // Roman digits, then `e`, `er`, `re` or `ème`.
        func isRomanDigit(_ u: UInt16) -> Bool { u == 0x49 || u == 0x56 || u == 0x58 || u == 0x4C || u == 0x43 }
        var romanEnd = 0
        while romanEnd < units.count, isRomanDigit(units[romanEnd]) { romanEnd += 1 }
        guard romanEnd > 0 else { return false }
        // Compared unit by unit: `Le`, `Ce`, `Ville` pass the guard, and building the
        // suffix list here allocated for each of them.
        let s = UnsafeBufferPointer(rebasing: units[romanEnd...])
        let isSuffix = (s.count == 1 && s[0] == 0x65)
            || (s.count == 2 && ((s[0] == 0x65 && s[1] == 0x72) || (s[0] == 0x72 && s[1] == 0x65)))
            || (s.count == 3 && s[0] == 0xE8 && s[1] == 0x6D && s[2] == 0x65)
        guard isSuffix else { return false }
        // A lone `C`, `L` before `e` is a word (`Ce`, `Le`), not a numeral.
        if romanEnd == 1 && !(units[0] == 0x49 || units[0] == 0x56 || units[0] == 0x58) { return false }
        return true
    }
}
