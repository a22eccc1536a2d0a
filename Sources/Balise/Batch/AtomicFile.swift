#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A file written under a temporary name in its final directory and renamed into place
/// by `commit`: readers, and `--resume`, see either the old file, or the whole new one,
/// never a half-written one. `abandon` removes the temporary file.
///
/// Temporary names are `.NAME.balise-tmp-PID-N`: hidden from the input walk and easy to
/// find if a process is killed with SIGKILL, which no handler can catch.
final class AtomicFile {
    let finalPath: String
    let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 16

    init(path: String) throws {
        finalPath = path
        temporaryPath = AtomicFile.temporaryPath(for: path)
        try makeParentDirectories(of: path)
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw InputError("\(temporaryPath): cannot create: \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(AtomicFile.flushThreshold)
    }

    deinit { if fd >= 0 { abandon() } }

    func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= AtomicFile.flushThreshold { try flush() }
    }

    func commit() throws {
        do {
            try flush()
            guard close(fd) == 0 else { throw InputError("\(temporaryPath): close failed: \(String(cString: strerror(errno)))") }
            fd = -1
            guard rename(temporaryPath, finalPath) == 0 else {
                throw InputError("\(finalPath): cannot rename the finished file into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            abandon()
            throw error
        }
    }

    func abandon() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temporaryPath)
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError("\(finalPath): write failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static let counter = Atomic<Int>(0)

    static let marker = ".balise-tmp-"

    /// A name in the same directory (rename is atomic only within one file system).
    static func temporaryPath(for path: String) -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return directory + "." + name + marker + "\(getpid())-\(n)"
    }
}

extension AtomicFile {
    /// Removes, under `root`, the temporary files and folders that process `pid` left when it
    /// died without a chance to remove them (see `temporaryPath`).
    static func removeTemporaries(of pid: Int32, under root: String) {
        let tag = marker + "\(pid)-"
        var pending = [root]
        while let directory = pending.popLast() {
            for name in InputTree.list(directory) ?? [] {
                let path = directory + "/" + name
                if name.hasPrefix(".") && name.contains(tag) {
                    removeTree(path)
                    continue
                }
                var info = stat()
                if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { pending.append(path) }
            }
        }
    }
}

/// `mkdir -p` of the directory holding `path`; workers may race to create the same one.
func makeParentDirectories(of path: String) throws {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
    try makeDirectories(String(path[..<slash]))
}

func makeDirectories(_ directory: String) throws {
    var info = stat()
    if stat(directory, &info) == 0 {
        if (info.st_mode & S_IFMT) == S_IFDIR { return }
        throw InputError("\(directory): exists and is not a directory")
    }
    if let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
        try makeDirectories(String(directory[..<slash]))
    }
    if mkdir(directory, 0o777) != 0 && errno != EEXIST {
        throw InputError("\(directory): cannot create the directory: \(String(cString: strerror(errno)))")
    }
}

/// Removes a file or a directory tree (an old brat folder being replaced).
func removeTree(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if (info.st_mode & S_IFMT) == S_IFDIR {
        for name in InputTree.list(path) ?? [] { removeTree(path + "/" + name) }
        rmdir(path)
    } else {
        unlink(path)
    }
}
