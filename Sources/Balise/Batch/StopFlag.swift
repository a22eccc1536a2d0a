#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Asks a batch to stop: workers take no new file and abandon a JSON Lines file at the
/// next line. Set by SIGINT/SIGTERM (see `installSignalHandlers`) or by code.
public final class StopFlag: Sendable {
    private let requested = Atomic<Bool>(false)
    private let signalNumber = Atomic<Int32>(0)

    public init() {}

    public var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// The signal that asked to stop, 0 when none did.
    public var signal: Int32 { signalNumber.load(ordering: .relaxed) }

    public func request(signal: Int32 = 0) {
        signalNumber.store(signal, ordering: .relaxed)
        requested.store(true, ordering: .relaxed)
    }

    /// The flag that the process's SIGINT and SIGTERM handlers set.
    public static let signals = StopFlag()

    /// Replaces the default action of SIGINT and SIGTERM (dying at once, leaving
    /// half-written files) with setting `StopFlag.signals`. The handler only stores two
    /// lock-free atomics, which is async-signal-safe.
    public static func installSignalHandlers() {
        // Initialises the lazy global now: a lazy initialisation inside the handler would not be signal-safe.
        _ = signals.isRequested
        handleStopSignals { number in StopFlag.signals.request(signal: number) }
    }

    /// Makes `handler` the action of SIGINT and SIGTERM, and lets them through. The handler
    /// must be async-signal-safe (lock-free atomics, `kill`).
    public static func handleStopSignals(with handler: @escaping @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may start us with these signals blocked (test runners do), which would
        // hold them back until the end. Threads started later inherit this mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}
