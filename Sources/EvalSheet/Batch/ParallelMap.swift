import Foundation

/// Work on up to `jobs` threads whose results come back in input order.
enum ParallelMap {
    /// `body(0) … body(count - 1)`, run on up to `jobs` threads, in index order.
    static func map<T>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let store = Store<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: min(max(1, jobs), max(1, count))) { _ in
            while let index = store.next() { store.set(index, body(index)) }
        }
        return store.results
    }

    /// The next index to take and the results so far, behind one lock.
    private final class Store<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private var values: [T?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func next() -> Int? {
            lock.withLock {
                guard nextIndex < values.count else { return nil }
                defer { nextIndex += 1 }
                return nextIndex
            }
        }
        func set(_ index: Int, _ value: T) { lock.withLock { values[index] = value } }
        var results: [T] { lock.withLock { values.map { $0! } } }
    }
}
