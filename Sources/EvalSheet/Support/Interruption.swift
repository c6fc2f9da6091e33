import Synchronization

/// Set from the interrupt handler (an atomic store is safe there), so long work such as a batch stops between files
/// and still reports what it did.
public enum Interruption {
    private static let flag = Atomic<Bool>(false)

    public static func request() { flag.store(true, ordering: .relaxed) }
    public static var requested: Bool { flag.load(ordering: .relaxed) }
}
