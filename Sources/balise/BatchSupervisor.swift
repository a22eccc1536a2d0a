import ArgumentParser
import Balise
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Runs `balise batch` in a child process and resumes it when it dies on an internal error.
///
/// A trap in the annotator (an index out of range, say) cannot be caught: it ends the
/// process, every worker with it. So the batch proper runs in a child, and this parent only
/// waits. When the child dies of such a signal, the parent removes the temporary files it
/// left and starts it again with `--resume`: the files complete so far are skipped, the
/// ones in flight are retried one at a time, and a file that stops balise again is left out
/// and listed in errors.jsonl (see `CrashJournal`). A file can stop balise at most twice
/// (once beside others, once alone), so the restarts end.
enum BatchSupervisor {
    /// Set in the child's environment: that process runs the batch itself.
    static let childVariable = "BALISE_BATCH_CHILD"

    static var isChild: Bool { getenv(childVariable) != nil }

    /// The child being waited for, for the signal handlers (0 when none).
    private static let child = Atomic<Int32>(0)

    /// Runs the batch in children until one ends on its own; returns its exit status.
    static func run(outputDirectory: String, quiet: Bool) throws -> Int32 {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let executable = try currentExecutable()
        forwardStopSignals()
        var restarts = 0
        while true {
            let pid = try spawn(executable, arguments)
            child.store(pid, ordering: .relaxed)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            child.store(0, ordering: .relaxed)
            let signal = status & 0x7F
            if signal == 0 { return (status >> 8) & 0xFF }
            // Stopped from outside (a SIGINT or SIGTERM the child did not outlive, SIGKILL, a hang-up):
            // not an internal error, and not ours to undo.
            if [SIGINT, SIGTERM, SIGKILL, SIGHUP, SIGPIPE].contains(signal) { return 128 + signal }
            BatchRunner.removeTemporaries(leftBy: pid, in: outputDirectory)
            restarts += 1
            // Each restart leaves out or retries alone the files in flight: a bound for safety only.
            guard restarts <= 1000 else {
                printError("the batch stopped on internal errors \(restarts) times; giving up")
                return 70
            }
            if !quiet {
                printError("the batch stopped on an internal error (signal \(signal)); resuming it: the files in flight "
                           + "are retried one at a time, and one that stops balise again is left out and listed in errors.jsonl")
            }
            if !arguments.contains("--resume") { arguments.append("--resume") }
        }
    }

    private static func failure(_ message: String) -> ExitCode {
        printError("error: " + message)
        return ExitCode(2)
    }

    private static func currentExecutable() throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { throw failure("cannot find the balise executable (/proc/self/exe)") }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func spawn(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var environment = [strdup("\(childVariable)=1")]
        var e = environ
        while let entry = e.pointee {
            if !String(cString: entry).hasPrefix(childVariable + "=") { environment.append(strdup(entry)) }
            e += 1
        }
        environment.append(nil)
        defer { for p in environment { free(p) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, nil, nil, argv, environment)
        guard code == 0 else { throw failure("cannot start \(executable): \(String(cString: strerror(code)))") }
        return pid
    }

    /// SIGINT and SIGTERM sent to this process are passed on to the child, which stops
    /// cleanly after its files in flight (a Ctrl-C at a terminal reaches both anyway).
    private static func forwardStopSignals() {
        _ = child.load(ordering: .relaxed)
        StopFlag.handleStopSignals { number in
            let pid = BatchSupervisor.child.load(ordering: .relaxed)
            if pid > 0 { kill(pid, number) }
        }
    }
}
