import Synchronization

/// Live counters of a running batch, updated by the workers without locks and read by
/// whoever draws a progress bar.
public final class BatchProgress: Sendable {
    let filesDone = Atomic<Int>(0)
    let filesSkipped = Atomic<Int>(0)
    let bytesDone = Atomic<Int>(0)
    let bytesSkipped = Atomic<Int>(0)
    let documents = Atomic<Int>(0)
    let filesFailed = Atomic<Int>(0)
    /// Totals of the input tree, -1 until the survey walk has counted them.
    let totalFiles = Atomic<Int>(-1)
    let totalBytes = Atomic<Int>(-1)
    let started = monotonicNow()

    init() {}

    public struct Snapshot: Sendable {
        public var files: Int
        public var skipped: Int
        public var failed: Int
        public var bytes: Int
        public var documents: Int
        public var totalFiles: Int?
        public var totalBytes: Int?
        public var seconds: Double
        /// Bytes processed (not skipped) since the start.
        public var bytesProcessed: Int

        public init(files: Int, skipped: Int, failed: Int, bytes: Int, documents: Int, totalFiles: Int?,
                    totalBytes: Int?, seconds: Double, bytesProcessed: Int) {
            self.files = files
            self.skipped = skipped
            self.failed = failed
            self.bytes = bytes
            self.documents = documents
            self.totalFiles = totalFiles
            self.totalBytes = totalBytes
            self.seconds = seconds
            self.bytesProcessed = bytesProcessed
        }
    }

    public var snapshot: Snapshot {
        let total = totalFiles.load(ordering: .relaxed)
        let totalB = totalBytes.load(ordering: .relaxed)
        let done = bytesDone.load(ordering: .relaxed)
        let skipped = bytesSkipped.load(ordering: .relaxed)
        return Snapshot(files: filesDone.load(ordering: .relaxed), skipped: filesSkipped.load(ordering: .relaxed),
                        failed: filesFailed.load(ordering: .relaxed), bytes: done + skipped,
                        documents: documents.load(ordering: .relaxed),
                        totalFiles: total < 0 ? nil : total, totalBytes: totalB < 0 ? nil : totalB,
                        seconds: monotonicNow() - started, bytesProcessed: done)
    }
}

extension BatchProgress.Snapshot {
    /// One terminal line: `[#####.....]  512/1000 files  12.3/25.0 MB  843 docs/s  ETA 0:14`.
    public func progressLine(width: Int = 80) -> String {
        let mb = Double(bytes) / 1e6
        let rate = seconds > 0 ? Double(documents) / seconds : 0
        var fraction: Double?
        var eta = "ETA ?"
        if let totalBytes, totalBytes > 0 {
            fraction = min(1, Double(bytes) / Double(totalBytes))
            let remaining = Double(totalBytes - bytes)
            if bytesProcessed > 0 && seconds > 0.5 {
                eta = "ETA " + Self.clock(remaining / (Double(bytesProcessed) / seconds))
            }
        } else if let totalFiles, totalFiles > 0 {
            fraction = min(1, Double(files) / Double(totalFiles))
        }
        let filesPart = totalFiles.map { "\(files)/\($0) files" } ?? "\(files) files"
        let mbPart = totalBytes.map { "\(Self.decimal(mb))/\(Self.decimal(Double($0) / 1e6)) MB" } ?? "\(Self.decimal(mb)) MB"
        var text = "\(filesPart)  \(mbPart)  \(Int(rate)) docs/s  \(eta)"
        if failed > 0 { text += "  \(failed) failed" }
        let barWidth = max(0, min(30, width - text.count - 4))
        if barWidth >= 5, let fraction {
            let filled = Int((fraction * Double(barWidth)).rounded(.down))
            text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "] " + text
        }
        return text
    }

    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let s = Int(seconds.rounded())
        let (h, m, r) = (s / 3600, (s % 3600) / 60, s % 60)
        return h > 0 ? "\(h):\(pad(m, 2)):\(pad(r, 2))" : "\(m):\(pad(r, 2))"
    }

    static func decimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
