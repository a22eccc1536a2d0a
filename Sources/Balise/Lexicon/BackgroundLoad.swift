/// A value built on a thread of its own while the caller goes on loading the other
/// lexicons: start-up time counts in wall time, and the machine has more than one core.
/// `value()` waits for it and rethrows its error, so that a failure is reported where
/// the value is used, as a load on the caller's thread would report it.
final class BackgroundLoad<Value: Sendable> {
    /// Written by the worker thread before it ends, read only after `join`.
    private final class Outcome: @unchecked Sendable {
        var result: Result<Value, any Error>?
    }

    private let outcome = Outcome()
    private var thread: WorkerThread?

    init(_ build: @escaping @Sendable () throws -> Value) {
        let outcome = self.outcome
        thread = WorkerThread { outcome.result = Result { try build() } }
    }

    /// Joins a thread whose value nobody asked for (a load that failed earlier).
    deinit { thread?.join() }

    func value() throws -> Value {
        if let thread {
            thread.join()
            self.thread = nil
        }
        return try outcome.result!.get()
    }
}
