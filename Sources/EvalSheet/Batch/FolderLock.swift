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
            let reason = String(cString: strerror(errno))
            throw EvalSheetError(.unreadable, "\(folder.path): cannot lock the output folder (\(reason)); check it is writable",
                                 zh: "\(folder.path)：无法锁定输出文件夹（\(reason)）；请检查是否可写")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw EvalSheetError(.usage, "\(folder.path): another batch is writing into this folder; wait for it to finish or choose another folder",
                                 zh: "\(folder.path)：另一个批量转换正在写入此文件夹；请等它完成或换一个文件夹")
        }
    }

    /// Removes the lock file and lets go of the lock.
    public func release() {
        unlink(path)
        close(descriptor)
    }
}
