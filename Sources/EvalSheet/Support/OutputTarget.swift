import Foundation

/// What an output path names: a file to replace atomically, or a stream (standard output and its aliases) to write
/// through; anything else (a device, a FIFO, a folder) is refused so it is never renamed over.
public enum OutputTarget: Equatable, Sendable {
    /// A regular file or a new name, at this path (a symbolic link's target, so the link survives).
    case file(String)
    /// `-`, `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`, or a link to one of them: written as a stream.
    case stream(String)

    /// Classifies `path` by what it is now.
    public static func of(_ path: String) throws -> OutputTarget {
        if path == "-" || isStreamName(path) { return .stream(path) }
        var info = stat()
        guard lstat(path, &info) == 0 else { return .file(path) }
        var resolved = path
        if (info.st_mode & S_IFMT) == S_IFLNK {
            if linkChain(path).contains(where: isStreamName) { return .stream(path) }
            guard stat(path, &info) == 0, let real = realpath(path, nil) else {
                throw EvalSheetError(.usage, "a symbolic link to a missing file; give the path of a file or a new name", zh: "指向不存在文件的符号链接；请给出文件路径或新文件名")
            }
            resolved = String(cString: real)
            free(real)
        }
        try requireRegular(info.st_mode)
        return .file(resolved)
    }

    /// Throws unless `mode` is a regular file's.
    static func requireRegular(_ mode: mode_t) throws {
        let kind: String
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: kind = "a folder"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        throw EvalSheetError(.usage, "\(kind), not a regular file; refused so it is never replaced (write to a file, or - for standard output)", zh: "\(kind)，不是普通文件；为避免被替换而拒绝写入（请写入文件，或用 - 写到标准输出）")
    }

    /// Names that mean one of this process's open descriptors.
    private static func isStreamName(_ path: String) -> Bool {
        if path == "/dev/stdout" || path == "/dev/stderr" { return true }
        // this process's id is asked for only where it can matter (every output file asked it)
        let folders = path.hasPrefix("/proc/") ? ["/proc/self/fd/", "/proc/\(getpid())/fd/"] : ["/dev/fd/"]
        return folders.contains { path.hasPrefix($0) && Int(path.dropFirst($0.count)) != nil }
    }

    /// The targets a symbolic link leads through, at most eight deep.
    private static func linkChain(_ path: String) -> [String] {
        var chain: [String] = []
        var current = path
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        while chain.count < 8 {
            let count = readlink(current, &buffer, buffer.count)
            guard count > 0 else { break }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : (current as NSString).deletingLastPathComponent + "/" + target
            chain.append(current)
        }
        return chain
    }
}
