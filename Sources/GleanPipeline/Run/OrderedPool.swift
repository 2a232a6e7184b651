import Foundation

/// Runs `work` over indices 0..<count on `jobs` threads and hands the results to `consume` on
/// the calling thread in index order. At most `window` results are in flight or waiting, so
/// memory does not grow with `count`.
enum OrderedPool {
    static func run<Output: Sendable>(count: Int, jobs: Int, window: Int, cancel: CancellationFlag,
                                      work: @escaping @Sendable (Int) -> Output,
                                      consume: (Int, Output) throws -> Void) throws {
        guard count > 0 else { return }
        let state = State<Output>(window: max(window, jobs))
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                Thread.current.threadDictionary[CancellationFlag.threadKey] = cancel
                while let index = state.claim(count: count, cancel: cancel) {
                    let output = work(index)
                    state.deliver(index, output)
                }
            }
        }
        defer {
            state.stop()
            group.wait()
        }
        for index in 0..<count {
            guard let output = state.take(index, cancel: cancel) else { return }
            try consume(index, output)
        }
    }

    private final class State<Output: Sendable>: @unchecked Sendable {
        let condition = NSCondition()
        let window: Int
        var next = 0
        var consumed = 0
        var stopped = false
        var results: [Int: Output] = [:]

        init(window: Int) { self.window = window }

        func claim(count: Int, cancel: CancellationFlag) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !stopped && next < count && next - consumed >= window && cancel.cancelledBy == nil {
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.2))
            }
            guard !stopped, next < count, cancel.cancelledBy == nil else { return nil }
            next += 1
            return next - 1
        }

        func deliver(_ index: Int, _ output: Output) {
            condition.lock()
            results[index] = output
            condition.broadcast()
            condition.unlock()
        }

        func take(_ index: Int, cancel: CancellationFlag) -> Output? {
            condition.lock()
            defer { condition.unlock() }
            while results[index] == nil {
                if cancel.cancelledBy != nil { return nil }
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.2))
            }
            let output = results.removeValue(forKey: index)
            consumed = index + 1
            condition.broadcast()
            return output
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
