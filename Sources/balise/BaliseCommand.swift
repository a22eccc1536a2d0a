import ArgumentParser
import Balise

@main
struct BaliseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balise",
        abstract: "French named-entity extraction: people, organisations, places, money, dates.",
        subcommands: [Annotate.self, Batch.self, Tokens.self, Convert.self, Eval.self, Bench.self]
    )
}

/// Options every subcommand that runs the extractor shares.
struct ExtractionOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of the lexicons (default: found beside the binary or the sources, or $BALISE_LEXICONS).")
    var lexicons: String?

    func loadExtractor() throws -> Extractor {
        let directory: LexiconDirectory
        if let lexicons {
            directory = LexiconDirectory(path: lexicons)
        } else if let found = LexiconDirectory.locate() {
            directory = found
        } else {
            printError("error: cannot find the Lexicons directory: pass --lexicons DIR or set BALISE_LEXICONS")
            throw ExitCode(2)
        }
        do {
            return try Extractor.load(lexicons: directory)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

/// The day of a `--date` option (nil when absent); a bad one is a usage error.
func parseDateOption(_ date: String?) throws -> CalendarDay? {
    guard let date else { return nil }
    guard let day = CalendarDay(iso: date) else { throw usageError("--date must be a day YYYY-MM-DD, got '\(date)'") }
    return day
}

/// The types of a `--types` option (nil when absent); an unknown type is a usage error.
func parseTypesOption(_ types: String?) throws -> Set<EntityType>? {
    guard let types else { return nil }
    switch EntityType.parseList(types) {
    case .success(let set): return set
    case .failure(let unknown): throw usageError("--types: unknown type '\(unknown.name)' (expected PER, ORG, LOC, MONEY, DATE)")
    }
}

/// Turns a usage problem into one line on stderr and exit status 2.
func usageError(_ message: String) -> ExitCode {
    printError("error: " + message)
    return ExitCode(2)
}
