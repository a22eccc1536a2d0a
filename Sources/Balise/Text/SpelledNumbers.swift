@_implementationOnly import CICU

/// Reads French spelled-out numbers (`soixante et onze`, `deux cent mille`) with ICU's
/// rule-based spell-out in lenient mode. One instance per thread; results are cached
/// because a lenient parse costs tens of microseconds.
public final class SpelledNumberParser {
    private let formatter: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    private var cache: [String: Int64?] = [:]

    nonisolated(unsafe) private static let template: UnsafeMutablePointer<UnsafeMutableRawPointer?>? = {
        var status = U_ZERO_ERROR
        guard let f = unum_open(UNUM_SPELLOUT, nil, 0, "fr", nil, &status), status.rawValue <= 0 else { return nil }
        unum_setAttribute(f, UNUM_LENIENT_PARSE, 1)
        return f
    }()

    public init() throws {
        guard let template = SpelledNumberParser.template else {
            throw ICUError(code: U_MISSING_RESOURCE_ERROR.rawValue, operation: "unum_open(SPELLOUT, fr)")
        }
        formatter = try icuCall("unum_clone") { unum_clone(template, $0) }!
    }

    deinit { unum_close(formatter) }

    /// The value of the whole phrase, or nil when ICU cannot read all of it.
    public func parse(_ phrase: String) -> Int64? {
        if let cached = cache[phrase] { return cached }
        let units = Array(phrase.utf16)
        var position: Int32 = 0
        var status = U_ZERO_ERROR
        let value = units.withUnsafeBufferPointer {
            unum_parseInt64(formatter, $0.baseAddress, Int32($0.count), &position, &status)
        }
        let result: Int64? = (status.rawValue <= 0 && Int(position) == units.count) ? value : nil
        if cache.count > 4096 { cache.removeAll(keepingCapacity: true) }
        cache[phrase] = result
        return result
    }

    /// The French spelling of `value` (for tests and examples).
    public func spell(_ value: Int64) -> String {
        (try? icuString("unum_formatInt64") { unum_formatInt64(formatter, value, $0, $1, nil, $2) }) ?? String(value)
    }
}
