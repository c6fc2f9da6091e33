import Foundation
import Testing
@testable import EvalSheetServer

/// Conversions run at most `limit` at once, the rest queue, and a request past the time limit is answered 503.
@Suite struct ConversionPoolTests {
    /// Counts how many jobs run at the same moment.
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var now = 0
        private(set) var most = 0
        func enter() { lock.withLock { now += 1; most = max(most, now) } }
        func leave() { lock.withLock { now -= 1 } }
    }

    @Test func runsAtMostTheLimitAtOnceAndQueuesTheRest() async throws {
        let pool = ConversionPool(limit: 2, timeLimit: 30)
        let gauge = Gauge()
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for n in 0..<8 {
                group.addTask { try await pool.run { gauge.enter(); usleep(50_000); gauge.leave(); return n } }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.sorted() == Array(0..<8))
        #expect((1...2).contains(gauge.most))
        #expect(pool.busy == 0)
    }

    /// The slow job holds its slot until the waiting request has given up, so the test does not depend on how soon
    /// after the first request the second one starts (under make test's load that took over 0.3 s, and the second
    /// got the slot in time).
    @Test func aRequestPastTheTimeLimitIs503AndTheSlotComesBack() async throws {
        let pool = ConversionPool(limit: 1, timeLimit: 0.3)
        let finish = DispatchSemaphore(value: 0)
        async let slow: Void = pool.run { _ = finish.wait(timeout: .now() + 10) }
        while pool.busy == 0 { try await Task.sleep(nanoseconds: 5_000_000) }
        await #expect(throws: ApiError.self) { try await pool.run { 1 } }
        finish.signal()
        do {
            try await slow
            Issue.record("the slow job should have timed out")
        } catch let error as ApiError {
            #expect(error.status == .serviceUnavailable)
        }
        for _ in 0..<1_000 where pool.busy > 0 { try await Task.sleep(nanoseconds: 5_000_000) }
        #expect(pool.busy == 0)
        #expect(try await pool.run { 7 } == 7)
    }
}
