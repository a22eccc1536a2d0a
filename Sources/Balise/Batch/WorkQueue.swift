/// A bounded first-in first-out queue between the directory walk and the workers.
/// The bound keeps memory flat however many files the walk finds: the walk waits while
/// the queue is full. Waits wake up regularly to look at `stop`. `@unchecked Sendable`:
/// every access to the items goes through the monitor's lock.
public final class WorkQueue<Element: Sendable>: @unchecked Sendable {
    private let monitor = Monitor()
    private let capacity: Int
    private let stop: StopFlag
    // Guarded by `monitor`.
    private var items: [Element?] = []
    private var head = 0
    private var closed = false

    public init(capacity: Int, stop: StopFlag) {
        self.capacity = max(1, capacity)
        self.stop = stop
    }

    /// Adds an item, waiting for room; false when the batch is stopping.
    public func push(_ item: Element) -> Bool {
        monitor.locked {
            while items.count - head >= capacity && !stop.isRequested && !closed {
                monitor.wait(seconds: 0.1)
            }
            if stop.isRequested || closed { return false }
            let wasEmpty = items.count == head
            items.append(item)
            // Only a change between empty and not empty can wake anyone up: fewer
            // wake-ups, fewer context switches per file.
            if wasEmpty { monitor.broadcast() }
            return true
        }
    }

    /// The next item, waiting for one; nil once the queue is closed and empty or the
    /// batch is stopping (items still queued are then left undone).
    public func pop() -> Element? {
        monitor.locked {
            while head == items.count && !closed && !stop.isRequested {
                monitor.wait(seconds: 0.1)
            }
            if stop.isRequested || head == items.count { return nil }
            let item = items[head]
            items[head] = nil
            head += 1
            if head >= 64 && head * 2 >= items.count {
                items.removeFirst(head)
                head = 0
            }
            // The walk, waiting on a full queue, is woken once the queue is half empty
            // rather than at every free slot: one wake-up per capacity/2 files.
            if items.count - head == capacity / 2 { monitor.broadcast() }
            return item
        }
    }

    /// No more items will come.
    public func close() {
        monitor.locked {
            closed = true
            monitor.broadcast()
        }
    }
}
