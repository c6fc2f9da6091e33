import Foundation

/// A POSIX thread running one closure, waited for with `join()`. Dispatch's queues took 0.5–0.7 ms to bring up their
/// first threads, which every command paid at start.
public final class JoinableThread: @unchecked Sendable {
    private var thread = pthread_t()
    private var started = false
    private let body: @Sendable () -> Void

    /// Starts `body` on a new thread; runs it here, before returning, when no thread can be made.
    public init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
        let retained = Unmanaged.passRetained(self)
        started = pthread_create(&thread, nil, { raw in
            Unmanaged<JoinableThread>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, retained.toOpaque()) == 0
        if !started {
            retained.release()
            body()
        }
    }

    /// Returns once `body` has finished.
    public func join() {
        if started { pthread_join(thread, nil) }
    }
}
