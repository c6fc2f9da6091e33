import Foundation
import Synchronization
import Testing
@testable import EvalSheet

/// ParallelMap on POSIX threads: every result in input order, at most `maximumThreads` threads however many jobs are
/// asked for, and nothing started once told to stop.
struct ParallelMapTests {
    @Test func resultsComeBackInOrderOnAtMostTheMaximumOfThreads() {
        let threads = Mutex<Set<pthread_t>>([])
        let done = Mutex(0)
        let results = ParallelMap.map(1000, jobs: 100_000) { index -> Int in
            threads.withLock { _ = $0.insert(pthread_self()) }
            usleep(100)
            return index * index
        } finished: { count, _ in done.withLock { $0 = max($0, count) } }
        #expect(results.map { $0! } == (0..<1000).map { $0 * $0 })
        #expect(done.withLock { $0 } == 1000)
        let used = threads.withLock { $0.count }
        #expect(used > 1 && used <= ParallelMap.maximumThreads, "\(used) threads")
    }

    @Test func oneJobRunsOnTheCallersThread() {
        let caller = pthread_self()
        let results = ParallelMap.map(50, jobs: 1) { _ in pthread_self() }
        #expect(results.allSatisfy { $0 == caller })
    }

    @Test func nothingStartsOnceStopped() {
        let started = Mutex(0)
        let results = ParallelMap.map(500, jobs: 4, stop: { started.withLock { $0 } >= 20 }) { index -> Int in
            started.withLock { $0 += 1 }
            return index
        }
        let ran = results.compactMap { $0 }.count
        #expect(ran >= 20 && ran < 500, "\(ran) ran")
    }
}
