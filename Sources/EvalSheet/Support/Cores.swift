import Foundation

/// The cores this process may use, asked once: Foundation reads the cgroup files again on every call, and the command
/// line asks for every command it builds (a start asked seven times).
public enum Cores {
    public static let available = ProcessInfo.processInfo.activeProcessorCount
}
