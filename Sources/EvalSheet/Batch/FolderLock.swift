import Foundation

/// An exclusive lock on a batch's output folder (`.evalsheet-batch.lock`, flock), so two batches never write into
/// one folder at once; released when the process ends.
public final class FolderLock {
    private let descriptor: Int32
    private let path: String

    /// Takes the lock, or refuses at once when another batch holds it.
    public init(folder: URL) throws {
        path = folder.appendingPathComponent(".evalsheet-batch.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EvalSheetError(.unreadable, "\(folder.path): cannot lock the output folder (\(String(cString: strerror(errno)))); check it is writable")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw EvalSheetError(.usage, "\(folder.path): another batch is writing into this folder; wait for it to finish or choose another folder")
        }
    }

    /// Removes the lock file and lets go of the lock.
    public func release() {
        unlink(path)
        close(descriptor)
    }
}
