import Foundation

/// Writes output files so they are never half-written: a temporary file beside the target, then a rename.
public enum AtomicFile {
    /// Writes `data` to `path`; with `noClobber`, refuses to replace an existing file.
    public static func write(_ data: Data, to path: String, noClobber: Bool = false) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        if noClobber, FileManager.default.fileExists(atPath: path) {
            throw EvalSheetError(.usage, "\(path): already exists; remove it or leave out --no-clobber")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw EvalSheetError(.unreadable, "\(path): cannot write here; check the folder exists and is writable")
        }
        TemporaryFiles.register(temporary.path)
        defer { TemporaryFiles.unregister(temporary.path) }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw EvalSheetError(.unreadable, "\(path): cannot write (\(reason)); check the folder is writable")
        }
    }
}

/// Temporary files in flight, removed if the process is interrupted.
public enum TemporaryFiles {
    nonisolated(unsafe) private static var paths = Set<String>()
    private static let lock = NSLock()

    static func register(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    static func unregister(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Removes every temporary file still registered; called from the interrupt handler.
    public static func removeAll() {
        lock.withLock { for path in paths { unlink(path) } }
    }
}
