import ArgumentParser
import Balise
#if canImport(Glibc)
import Glibc
#endif

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure throughput on a JSON Lines corpus (use a release build).",
        discussion: "Reads every document first, then times the chosen layer alone on one core.")

    enum Layer: String, ExpressibleByArgument, CaseIterable { case text, annotate }

    @Argument(help: "A JSON Lines file of documents.")
    var file: String

    @Option(help: "text: tokenizer, sentences and keys only; annotate: the whole pipeline.")
    var layer: Layer = .text

    @Option(help: "Repeat the pass this many times and report the best.")
    var repeats: Int = 1

    @OptionGroup var extraction: ExtractionOptions

    func run() throws {
        let reader: LineReader
        do { reader = try LineReader(path: file) } catch { throw usageError("\(error)") }
        var documents: [Document] = []
        var bytes = 0
        while let line = try reader.next() {
            guard let doc = try? JSONLinesFormat.decode(line, fallbackID: "\(reader.lineNumber)") else { continue }
            bytes += doc.text.utf8.count
            documents.append(doc.document)
        }
        let annotator = try extraction.loadExtractor().makeAnnotator()
        var best = Double.infinity, bestCPU = Double.infinity
        var tokens = 0, entities = 0
        for _ in 0..<max(1, repeats) {
            tokens = 0
            entities = 0
            let start = monotonicSeconds(), startCPU = threadCPUSeconds()
            for doc in documents {
                let analysis = annotator.analyze(doc)
                tokens += analysis.count
                if layer == .annotate { entities += annotator.entities(in: analysis).count }
            }
            best = min(best, monotonicSeconds() - start)
            bestCPU = min(bestCPU, threadCPUSeconds() - startCPU)
        }
        let mb = Double(bytes) / 1_000_000
        var report = "layer=\(layer.rawValue) documents=\(documents.count) MB=\(format(mb)) tokens=\(tokens)"
        if layer == .annotate { report += " entities=\(entities)" }
        // CPU time of this thread is what one core delivers, whatever else the machine runs.
        report += " wall-seconds=\(format(best)) cpu-seconds=\(format(bestCPU)) MB/s=\(format(mb / bestCPU)) tokens/s=\(Int(Double(tokens) / bestCPU)) docs/s=\(Int(Double(documents.count) / bestCPU))\n"
        let sink = try OutputSink(path: nil)
        sink.write(report)
        try sink.close()
    }

    private func format(_ x: Double) -> String {
        let scaled = (x * 100).rounded() / 100
        return String(scaled)
    }
}

func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
