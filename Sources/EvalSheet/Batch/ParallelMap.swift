import Foundation

/// Work on up to `jobs` threads (the caller's and new POSIX threads) whose results come back in input order.
enum ParallelMap {
    /// `body(0) … body(count - 1)` on up to `jobs` threads, in index order; `finished` hears of each result with the
    /// number done so far. Once `stop()` is true no index is started, and those not started are nil.
    static func map<T>(_ count: Int, jobs: Int, stop: @Sendable () -> Bool = { false }, _ body: @Sendable (Int) -> T,
                       finished: @Sendable (Int, T) -> Void = { _, _ in }) -> [T?] {
        let store = Store<T>(count: count)
        withoutActuallyEscaping(stop) { stop in
            withoutActuallyEscaping(body) { body in
                withoutActuallyEscaping(finished) { finished in
                    let work: @Sendable () -> Void = {
                        while !stop(), let index = store.next() {
                            let value = body(index)
                            finished(store.set(index, value), value)
                        }
                    }
                    let helpers = (1..<min(max(1, jobs), max(1, count), maximumThreads)).map { _ in JoinableThread(work) }
                    work()
                    for helper in helpers { helper.join() }
                }
            }
        }
        return store.results
    }

    /// Most threads one map runs on, whatever `jobs` asks: past the cores they only share them, and a `--jobs` in the
    /// thousands would otherwise make a thread for every file.
    static let maximumThreads = 64

    /// The next index to take and the results so far, behind one lock.
    private final class Store<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private var done = 0
        private var values: [T?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func next() -> Int? {
            lock.withLock {
                guard nextIndex < values.count else { return nil }
                defer { nextIndex += 1 }
                return nextIndex
            }
        }
        /// Stores a result; the number done so far.
        func set(_ index: Int, _ value: T) -> Int { lock.withLock { values[index] = value; done += 1; return done } }
        var results: [T?] { lock.withLock { values } }
    }
}
