/// Reads a document date from a file's relative path, for archives laid out by day
/// (`2024/10/01/article.txt`, `lemonde-20241001-0042.txt`).
///
/// The pattern is a regular expression (Swift `Regex` syntax, close to PCRE) searched in
/// the path relative to the input directory, `/`-separated. It gives the year, month
/// and day either by named groups `(?<year>...)`, `(?<month>...)`, `(?<day>...)` or,
/// without names, by its first three capture groups in that order:
///
///     (\d{4})/(\d{2})/(\d{2})/                          2024/10/01/article.txt
///     (?<day>\d{2})-(?<month>\d{2})-(?<year>\d{4})      01-10-2024.txt
///
/// A path that does not match, or whose groups do not make a real day, has no date from
/// its path (the batch then uses `--date`, if given).
public struct DateFromPath {
    public let pattern: String
    private let regex: Regex<AnyRegexOutput>
    private let named: Bool

    public struct PatternError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public init(pattern: String) throws {
        self.pattern = pattern
        let compiled: Regex<AnyRegexOutput>
        do {
            compiled = try Regex(pattern)
        } catch {
            throw PatternError(description: "--date-from-path: not a regular expression: \(error)")
        }
        regex = compiled
        let hasNames = ["year", "month", "day"].map { compiled.contains(captureNamed: $0) }
        if hasNames.contains(true) && hasNames.contains(false) {
            throw PatternError(description: "--date-from-path: name all three groups year, month and day, or none")
        }
        named = hasNames.contains(true)
    }

    /// The day named by `relativePath`, nil when there is none.
    public func day(in relativePath: String) -> CalendarDay? {
        guard let match = try? regex.firstMatch(in: relativePath) else { return nil }
        let output = match.output
        func number(_ element: AnyRegexOutput.Element?) -> Int? {
            guard let text = element?.substring, !text.isEmpty, text.count <= 9,
                  text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int(text)
        }
        let year, month, day: Int?
        if named {
            (year, month, day) = (number(output["year"]), number(output["month"]), number(output["day"]))
        } else {
            guard output.count >= 4 else { return nil }
            (year, month, day) = (number(output[1]), number(output[2]), number(output[3]))
        }
        guard let year, let month, let day else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }
}

