import Dispatch
import GleanCore
import GleanRunState
import GleanStages
import Synchronization

/// Runs `work` over indices 0..<count on at most `jobs` concurrent Dispatch work items and
/// hands the results to `consume` on the calling thread in index order. At most `window`
/// results are in flight or waiting (the reorder window), so memory does not grow with `count`.
/// Nothing polls: workers and the consumer sleep on semaphores until there is something to do.
enum OrderedPool {
    static func run<Output: Sendable>(count: Int, jobs: Int, window: Int, cancel: CancellationFlag,
                                      work: @escaping @Sendable (Int) -> Output,
                                      consume: (Int, Output) throws -> Void) throws {
        guard count > 0 else { return }
        let workers = max(1, min(jobs, count))
        let state = Shared<Output>()
        // One token per result that may be claimed and not yet consumed.
        let slots = DispatchSemaphore(value: max(window, jobs))
        // Signalled once per result delivered and once per worker that ends.
        let delivered = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "glean.workers", attributes: .concurrent)
        for _ in 0..<workers {
            queue.async(group: group) {
                while true {
                    slots.wait()
                    let claimed: Int? = state.mutex.withLock { s in
                        guard !s.stopped, s.next < count, cancel.cancelledBy == nil else { return nil }
                        s.next += 1
                        return s.next - 1
                    }
                    guard let index = claimed else {
                        slots.signal()  // pass the token on to the next worker that is waiting
                        break
                    }
                    let output = work(index)
                    state.mutex.withLock { $0.results[index] = output }
                    delivered.signal()
                }
                state.mutex.withLock { $0.finished += 1 }
                delivered.signal()
            }
        }
        var consumed = 0
        defer {
            let claimed = state.mutex.withLock { s in
                s.stopped = true
                return s.next
            }
            slots.signal()
            group.wait()
            // Return the tokens of results never consumed (cancelled or a failed consumer):
            // a semaphore must not be released below its initial value.
            for _ in consumed..<max(consumed, claimed) { slots.signal() }
        }
        for index in 0..<count {
            while true {
                if cancel.cancelledBy != nil { return }
                let (output, gone) = state.mutex.withLock { s -> (Output?, Bool) in
                    if let output = s.results.removeValue(forKey: index) { return (output, false) }
                    // Never claimed, and no worker is left to claim it (cancelled).
                    return (nil, index >= s.next && s.finished == workers)
                }
                if let output {
                    consumed += 1
                    slots.signal()
                    try consume(index, output)
                    break
                }
                if gone { return }
                delivered.wait()
            }
        }
    }

    /// The state workers and the consumer share.
    private final class Shared<Output: Sendable>: Sendable {
        let mutex = Mutex(State<Output>())
    }

    private struct State<Output> {
        /// The next index to claim.
        var next = 0
        /// Workers that have ended.
        var finished = 0
        var stopped = false
        var results: [Int: Output] = [:]
    }
}
