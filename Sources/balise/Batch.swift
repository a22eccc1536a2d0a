import ArgumentParser
import Balise
#if canImport(Glibc)
import Glibc
#endif

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate a directory tree of .txt and .jsonl files on every core.",
        discussion: """
        Walks INPUT_DIR recursively for *.txt (one document each, its id the relative path \
        without extension) and *.jsonl (one document a line) and writes each result to \
        OUTPUT_DIR under the same relative path with the format's extension (a/b.txt gives \
        a/b.jsonl; brat gives a/b.txt + a/b.ann, and a folder a/c.brat/ for a/c.jsonl). \
        Names starting with '.' are skipped. Each output is written under a temporary name \
        and renamed when complete. Bad files and bad JSON lines are listed in \
        OUTPUT_DIR/errors.jsonl and the batch goes on; the exit status is then 1. Ctrl-C or \
        SIGTERM stops after the files in flight (a .jsonl file in flight is dropped at the \
        next line) with no partial output left: run again with --resume to finish. If balise \
        itself stops on an internal error, the batch resumes on its own: the files in flight \
        are retried one at a time, and one that stops balise again is left out and listed in \
        errors.jsonl (OUTPUT_DIR/.balise-journal remembers it for later runs with --resume).

        Document dates, first found wins: the "date" field of a JSON line, the date in the \
        file's path (--date-from-path), --date. --date-from-path takes a regular expression \
        searched in the relative path, with groups (?<year>...), (?<month>...), (?<day>...) \
        or else its first three groups as year, month, day: \
        '(\\d{4})/(\\d{2})/(\\d{2})/' reads 2024/10/01/article.txt.
        """
    )

    @Argument(help: "The directory to walk.")
    var inputDirectory: String

    @Option(name: .shortAndLong, help: "The directory to write to (created when missing).")
    var output: String

    @Option(help: "Output format: jsonl, json (indented), conll, brat or html.")
    var format: OutputFormat = .jsonl

    @Option(name: [.customShort("j"), .long], help: "Worker threads (default: every core).")
    var jobs: Int?

    @Option(help: "Date YYYY-MM-DD of documents that get none from their line or path.")
    var date: String?

    @Option(help: "A regular expression that reads each file's date from its relative path.")
    var dateFromPath: String?

    @Option(help: "Keep only these types, comma-separated (PER,ORG,LOC,MONEY,DATE).")
    var types: String?

    @Flag(help: "Add to each entity the rule that produced it.")
    var explain = false

    @Flag(help: "Skip inputs whose output is complete and newer than the input.")
    var resume = false

    @Flag(name: .shortAndLong, help: "No progress bar and no summary.")
    var quiet = false

    @OptionGroup var extraction: ExtractionOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl, json, conll, brat, html
        var batchFormat: BatchFormat {
            switch self {
            case .jsonl: .jsonl
            case .json: .json
            case .conll: .conll
            case .brat: .brat
            case .html: .html
            }
        }
    }

    func run() throws {
        // The batch proper runs in a child process that this one resumes if it dies on an internal error.
        if !BatchSupervisor.isChild {
            let status = try BatchSupervisor.run(outputDirectory: output, quiet: quiet)
            if status != 0 { throw ExitCode(status) }
            return
        }
        var configuration = BatchConfiguration(inputDirectory: inputDirectory, outputDirectory: output)
        configuration.format = format.batchFormat
        if let jobs {
            guard jobs >= 1 else { throw usageError("--jobs must be at least 1") }
            configuration.jobs = jobs
        }
        if let day = try parseDateOption(date) { configuration.date = day }
        if let set = try parseTypesOption(types) { configuration.types = set }
        configuration.datePattern = dateFromPath
        configuration.explain = explain
        configuration.resume = resume

        let runner: BatchRunner
        do {
            runner = try BatchRunner(configuration: configuration, extractor: try extraction.loadExtractor())
        } catch let error as BatchSetupError {
            throw usageError(error.description)
        }
        StopFlag.installSignalHandlers()
        let drawsProgress = !quiet && isatty(2) == 1
        let summary: BatchSummary
        do {
            summary = try runner.run(progress: drawsProgress ? ProgressBar.draw : nil)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if !quiet {
            for line in summary.report.split(separator: "\n") { printError(String(line)) }
        }
        if summary.interrupted {
            // The conventional status of a process stopped by a signal: 128 + its number.
            let signal = StopFlag.signals.signal
            throw ExitCode(128 + (signal == 0 ? SIGINT : signal))
        }
        if summary.errors > 0 { throw ExitCode(1) }
    }
}

/// The progress line on a terminal's standard error, redrawn in place.
enum ProgressBar {
    @Sendable static func draw(_ snapshot: BatchProgress.Snapshot, finished: Bool) {
        var size = winsize()
        let width = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        var line = finished ? "\r\u{1B}[K" : "\r" + snapshot.progressLine(width: width - 1) + "\u{1B}[K"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
