import Foundation

/// A time limit for the work on one file (`batch --file-seconds`), bound to the thread doing it; long loops (the XML
/// parser) check it and refuse the file once it has passed.
public enum Deadline {
    @TaskLocal static var current: DispatchTime?

    /// Runs `body` with `seconds` to do it in.
    public static func within<T>(seconds: Double, _ body: () throws -> T) rethrows -> T {
        try $current.withValue(.now() + seconds, operation: body)
    }

    /// True once the deadline of the work in hand has passed.
    static var passed: Bool { current.map { DispatchTime.now() > $0 } ?? false }
}
