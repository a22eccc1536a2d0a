#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input file of a batch.
public struct BatchInput: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A `.txt` file: one document.
        case text
        /// A `.jsonl` file: one document a line.
        case jsonLines
    }

    /// Relative to the input directory, `/`-separated (`2024/10/01/article.txt`).
    public var relativePath: String
    public var kind: Kind
    public var size: Int
    /// Modification time in nanoseconds since the epoch.
    public var modified: Int64

    public init(relativePath: String, kind: Kind, size: Int, modified: Int64) {
        self.relativePath = relativePath
        self.kind = kind
        self.size = size
        self.modified = modified
    }

    /// An input of `kind` whose file has the status `info`.
    init(relativePath: String, kind: Kind, status info: stat) {
        self.init(relativePath: relativePath, kind: kind, size: Int(info.st_size), modified: info.modifiedNanoseconds)
    }

    /// The relative path without its extension (`2024/10/01/article`).
    public var stem: String {
        let dot = relativePath.lastIndex(of: ".")!
        return String(relativePath[..<dot])
    }

    public static func kind(ofName name: String) -> Kind? {
        if name.hasSuffix(".txt") && name.count > 4 { return .text }
        if name.hasSuffix(".jsonl") && name.count > 6 { return .jsonLines }
        return nil
    }
}

/// What the walk of a directory tree reports, in a stable order: within a directory,
/// files by name, then sub-directories by name.
public enum InputTreeEvent: Sendable, Equatable {
    case file(BatchInput)
    /// A file or directory that cannot be taken (unreadable directory, two inputs with
    /// the same output); the batch records it and goes on.
    case problem(relativePath: String, reason: String)
}

/// Walks an input directory recursively for `*.txt` and `*.jsonl` files, one directory
/// in memory at a time. Names starting with `.` are skipped (version-control folders,
/// temporary files), as are symbolic links to directories (they can make cycles) and
/// the output directory when it lies inside the input.
public struct InputTree: Sendable {
    public let root: String
    /// Device and inode of a directory not to enter (the output directory).
    private let excluded: FileIdentity?

    public init(root: String, excluding excludedPath: String? = nil) {
        self.root = root
        self.excluded = excludedPath.flatMap(FileIdentity.init(path:))
    }

    /// Calls `visit` for each event until it returns false.
    public func walk(_ visit: (InputTreeEvent) -> Bool) {
        var pending = [""]  // relative directories, "" for the root
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let names = Self.list(directory) else {
                if !visit(.problem(relativePath: relative.isEmpty ? "." : relative, reason: "cannot read the directory: \(String(cString: strerror(errno)))")) { return }
                continue
            }
            var subdirectories: [String] = []
            var outputStems: [String: String] = [:]
            for name in names where !name.hasPrefix(".") {
                let path = directory + "/" + name
                let relativePath = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard stat(path, &info) == 0 else {
                    // A dangling link or a vanished file: only inputs are worth a record.
                    if Self.kind(ofName: name) != nil {
                        if !visit(.problem(relativePath: relativePath, reason: "cannot read the file: \(String(cString: strerror(errno)))")) { return }
                    }
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    var link = stat()
                    let isLink = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
                    if !isLink && FileIdentity(info) != excluded { subdirectories.append(relativePath) }
                case S_IFREG:
                    guard let kind = Self.kind(ofName: name) else { continue }
                    let input = BatchInput(relativePath: relativePath, kind: kind, status: info)
                    // `a.txt` and `a.jsonl` would both write `a.jsonl`: the first one by name wins.
                    if let first = outputStems.updateValue(relativePath, forKey: input.stem) {
                        outputStems[input.stem] = first
                        if !visit(.problem(relativePath: relativePath, reason: "same output as \(first): rename one of them")) { return }
                        continue
                    }
                    if !visit(.file(input)) { return }
                default:
                    continue
                }
            }
            pending.append(contentsOf: subdirectories.reversed())
        }
    }

    private static func kind(ofName name: String) -> BatchInput.Kind? { BatchInput.kind(ofName: name) }

    /// The names in a directory, sorted by their UTF-8 bytes; nil when it cannot be read.
    static func list(_ directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return names
    }
}

/// A file's device and inode: what tells two paths to the same directory apart.
struct FileIdentity: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}

extension stat {
    /// The modification time in nanoseconds since the epoch.
    var modifiedNanoseconds: Int64 { Int64(st_mtim.tv_sec) * 1_000_000_000 + Int64(st_mtim.tv_nsec) }
}
