import FoundationEssentials

/// The few file-system operations the document formats need (brat folders).
enum FileSystem {
    static func isDirectory(_ path: String) -> Bool {
        var isDir = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Creates the directory (and its parents) when missing.
    static func makeDirectory(_ path: String) throws {
        if isDirectory(path) { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError("\(path): cannot create the directory (\(error))")
        }
    }

    /// File names in a directory, sorted.
    static func list(_ path: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw InputError("\(path): cannot list the directory")
        }
    }

    static func write(_ text: String, to path: String) throws {
        let sink = try OutputSink(path: path)
        sink.write(text)
        try sink.close()
    }
}
