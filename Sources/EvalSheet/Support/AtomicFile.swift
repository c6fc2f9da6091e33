import Foundation
import Synchronization

/// Writes output files so they are never half-written: a temporary file beside the target, then a rename.
public enum AtomicFile {
    /// Writes `data` to `path`; with `noClobber`, refuses to replace an existing file.
    public static func write(_ data: Data, to path: String, noClobber: Bool = false) throws {
        try write(to: path, noClobber: noClobber) { try writeNew(data, at: $0) }
    }

    /// Writes `data` into a new file at `path` with plain POSIX calls (no hidden extra copy or temporary file).
    static func writeNew(_ data: Data, at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EvalSheetError(.unreadable, "cannot write here (\(String(cString: strerror(errno)))); check the folder exists and is writable", zh: "无法在此写入（\(String(cString: strerror(errno)))）；请检查文件夹存在且可写")
        }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor)
    }

    /// Writes the whole of `data` to an open descriptor, going on after interrupted or partial writes.
    static func writeAll(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else {
                    throw EvalSheetError(.unreadable, "cannot write (\(String(cString: strerror(errno)))); check the disk has room", zh: "无法写入（\(String(cString: strerror(errno)))）；请检查磁盘空间")
                }
                offset += written
            }
        }
    }

    /// Lets `produce` write a temporary file beside `path`, then renames it into place; removes it on failure.
    /// Refuses a target that is not a regular file or a new name (a device, a FIFO, a folder): it is never renamed over.
    public static func write(to target: String, noClobber: Bool = false, _ produce: (String) throws -> Void) throws {
        if noClobber { try refuseExisting(target) }
        let classified: OutputTarget
        do { classified = try OutputTarget.of(target) } catch let error as EvalSheetError { throw error.located(in: target) }
        guard case .file(let path) = classified else {
            throw EvalSheetError(.usage, "\(target): standard output cannot be replaced; write it with - instead", zh: "\(target)：标准输出不能被替换；请改用 -")
        }
        try write(toFile: path, as: target, produce)
    }

    /// The same for a target `OutputTarget.of` has already found to be the file `path`; with `noClobber`, refuses
    /// `target` when it exists.
    static func write(to target: String, file path: String, noClobber: Bool, _ produce: (String) throws -> Void) throws {
        if noClobber { try refuseExisting(target) }
        try write(toFile: path, as: target, produce)
    }

    private static func refuseExisting(_ target: String) throws {
        guard access(target, F_OK) == 0 else { return }
        throw EvalSheetError(.usage, "\(target): already exists; remove it or leave out --no-clobber", zh: "\(target)：已存在；请删除它，或去掉 --no-clobber")
    }

    /// Writes the regular file (or new name) `path` through a temporary file beside it; `target` as the user gave it.
    private static func write(toFile path: String, as target: String, _ produce: (String) throws -> Void) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(directory).\(name).\(TemporaryName.next()).tmp"
        TemporaryFiles.register(temporary)
        defer { TemporaryFiles.unregister(temporary) }
        do {
            try produce(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            unlink(temporary)
            do { try OutputTarget.requireRegular(info.st_mode) } catch let error as EvalSheetError { throw error.located(in: target) }
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw EvalSheetError(.unreadable, "\(path): cannot write (\(reason)); check the folder is writable", zh: "\(path)：无法写入（\(reason)）；请检查文件夹可写")
        }
    }
}

/// The middle of a temporary file's name: this process's id, a random number drawn once, and a count, so no two
/// names repeat (asking the kernel for the id and a random number for every file cost two system calls a file).
enum TemporaryName {
    private static let process = "\(getpid()).\(UInt64.random(in: 0...UInt64.max))"
    private static let count = Atomic<UInt64>(0)

    static func next() -> String { "\(process).\(count.add(1, ordering: .relaxed).newValue)" }
}

/// Temporary files in flight, removed if the process is interrupted.
public enum TemporaryFiles {
    nonisolated(unsafe) private static var paths = Set<String>()
    private static let lock = NSLock()

    static func register(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    static func unregister(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Removes every temporary file still registered; called from the interrupt handler, so it never waits for the lock.
    public static func removeAll() {
        let locked = lock.try()
        for path in paths { unlink(path) }
        if locked { lock.unlock() }
    }
}
