@_implementationOnly import CICU

/// A failure reported by ICU, with ICU's own name for the error.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let operation: String
    public var description: String {
        let name = String(cString: u_errorName(UErrorCode(rawValue: code)))
        return "ICU \(operation) failed: \(name)"
    }
}

/// Runs an ICU call with a fresh status; warnings (negative codes) are not failures.
func icuCall<T>(_ operation: String, _ body: (UnsafeMutablePointer<UErrorCode>) -> T) throws -> T {
    var status = U_ZERO_ERROR
    let result = body(&status)
    if status.rawValue > 0 { throw ICUError(code: status.rawValue, operation: operation) }
    return result
}

/// Reads an ICU string-returning API that fills a caller buffer.
func icuString(_ operation: String, capacity: Int = 128,
               _ fill: (UnsafeMutablePointer<UInt16>, Int32, UnsafeMutablePointer<UErrorCode>) -> Int32) throws -> String {
    var buffer = [UInt16](repeating: 0, count: capacity)
    var status = U_ZERO_ERROR
    var length = fill(&buffer, Int32(capacity), &status)
    if status == U_BUFFER_OVERFLOW_ERROR {
        buffer = [UInt16](repeating: 0, count: Int(length) + 1)
        status = U_ZERO_ERROR
        length = fill(&buffer, length + 1, &status)
    }
    if status.rawValue > 0 { throw ICUError(code: status.rawValue, operation: operation) }
    return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
}

/// Owns one ICU break iterator. Not thread-safe: each worker clones the template.
final class BreakIterator {
    enum Kind { case word, sentence }
    private let handle: OpaquePointer

    init(kind: Kind, locale: String) throws {
        let type = kind == .word ? UBRK_WORD : UBRK_SENTENCE
        handle = try icuCall("ubrk_open(\(locale))") { ubrk_open(type, locale, nil, 0, $0) }!
    }

    private init(handle: OpaquePointer) { self.handle = handle }

    func clone() throws -> BreakIterator {
        BreakIterator(handle: try icuCall("ubrk_clone") { ubrk_clone(handle, $0) }!)
    }

    deinit { ubrk_close(handle) }

    /// Calls `visit(start, end)` for every segment of `text`. ICU keeps the pointer, so
    /// the whole iteration happens while the buffer is pinned.
    func forEachSegment(_ text: UnsafeBufferPointer<UInt16>, _ visit: (Int, Int) -> Void) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        var status = U_ZERO_ERROR
        ubrk_setText(handle, base, Int32(text.count), &status)
        guard status.rawValue <= 0 else { return }
        var start = Int(ubrk_first(handle))
        while true {
            let end = Int(ubrk_next(handle))
            if end < 0 { break }
            visit(start, end)
            start = end
        }
    }

    /// The rule status of the segment `forEachSegment` is visiting (100s numbers, 200s
    /// letters). Asked only where needed: half the word segments are spaces, which need none.
    var ruleStatus: Int32 { ubrk_getRuleStatus(handle) }

    /// Segment boundaries only (for sentences).
    func boundaries(_ text: UnsafeBufferPointer<UInt16>) -> [Int] {
        var result: [Int] = []
        forEachSegment(text) { _, end in result.append(end) }
        return result
    }
}
