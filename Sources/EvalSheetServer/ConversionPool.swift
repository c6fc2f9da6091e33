import Foundation

/// Runs conversions on at most `limit` threads of their own at once (off the event loops, and off Dispatch, whose timers
/// enforce the time limit), queueing the rest in order; a request that waits and runs longer than the time limit is
/// answered 503 (its conversion still finishes and frees the slot).
final class ConversionPool: @unchecked Sendable {
    private let limit: Int
    private let timeLimit: Double
    private let lock = NSLock()
    private var running = 0
    private var waiting: [(id: UUID, resume: @Sendable (Bool) -> Void)] = []

    init(limit: Int, timeLimit: Double) {
        self.limit = max(1, limit)
        self.timeLimit = timeLimit
    }

    /// Runs `work` when a slot is free, within the time limit.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let deadline = DispatchTime.now() + timeLimit
        guard await acquire(until: deadline) else { throw Self.tooSlow(timeLimit) }
        return try await withCheckedThrowingContinuation { continuation in
            let once = Once(continuation)
            let thread = Thread {
                let result = Result { try work() }
                self.release()
                once.resume(with: result)
            }
            thread.stackSize = 8 << 20
            thread.start()
            DispatchQueue.global().asyncAfter(deadline: deadline) { once.resume(with: .failure(Self.tooSlow(self.timeLimit))) }
        }
    }

    /// Conversions running now (for tests).
    var busy: Int { lock.withLock { running } }

    private static func tooSlow(_ seconds: Double) -> ApiError {
        ApiError(.serviceUnavailable, "the server is busy: the conversion did not finish within \(Int(seconds)) s; try again later")
    }

    private func acquire(until deadline: DispatchTime) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let granted: Bool = lock.withLock {
                if running < limit { running += 1; return true }
                let id = UUID()
                let once = Once(continuation)
                waiting.append((id, { once.resume(with: .success($0)) }))
                DispatchQueue.global().asyncAfter(deadline: deadline) { self.giveUp(id) }
                return false
            }
            if granted { continuation.resume(returning: true) }
        }
    }

    private func giveUp(_ id: UUID) {
        let resume: (@Sendable (Bool) -> Void)? = lock.withLock {
            guard let index = waiting.firstIndex(where: { $0.id == id }) else { return nil }
            return waiting.remove(at: index).resume
        }
        resume?(false)
    }

    /// Hands the slot to the first waiter, or frees it.
    private func release() {
        let next: (@Sendable (Bool) -> Void)? = lock.withLock {
            if waiting.isEmpty { running -= 1; return nil }
            return waiting.removeFirst().resume
        }
        next?(true)
    }
}

/// Resumes a continuation once, whichever of the work and the timer comes first.
private final class Once<T: Sendable, E: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, E>?

    init(_ continuation: CheckedContinuation<T, E>) { self.continuation = continuation }

    func resume(with result: Result<T, E>) {
        let pending: CheckedContinuation<T, E>? = lock.withLock { defer { continuation = nil }; return continuation }
        pending?.resume(with: result)
    }
}
