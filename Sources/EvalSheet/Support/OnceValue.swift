import Synchronization

/// A value worked out the first time any thread asks for it, then kept: for what a layout derives that only the
/// layouts in use need (a start loads eight; a batch of one system's exports reads one).
final class OnceValue<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    /// The value, made by `make` on the first call.
    func value(_ make: () -> Value) -> Value {
        state.withLock { kept in
            if let kept { return kept }
            let made = make()
            kept = made
            return made
        }
    }
}
