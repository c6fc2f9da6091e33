import Foundation

/// One thing found under a batch's input folder: a file or unzipped spreadsheet to convert, or something reported
/// instead (a file that is not a form, a link loop, a link out of the tree, an unreadable folder).
public struct BatchInput: Sendable {
    /// The path below the input folder as people see it (a name that is not UTF-8 read as GB18030).
    public let relative: String
    /// The path's bytes below the input folder, as the file system holds them.
    let bytes: [UInt8]
    let isFolder: Bool
    /// Why this is reported instead of converted, with its status in the report; nil to convert it.
    let problem: (status: BatchConverter.Outcome.Status, message: BilingualText)?
    /// Said in the report beside the outcome (a name that is not UTF-8).
    let notes: [BilingualText]

    /// The input's path under `root`, as messages show it; joined saying whether it is a folder, since Foundation
    /// stats the path to find out otherwise.
    func shown(under root: URL) -> String { root.appendingPathComponent(relative, isDirectory: isFolder).path }
}

/// Walks the input tree by bytes: every name but hidden ones (`.name`) is converted or reported; directory links are
/// followed only inside the tree and never twice into one folder (device and inode), so loops end.
struct BatchInputWalker {
    let root: [UInt8]
    /// Folders (device, inode) left out when they lie inside the input: the output, the baselines.
    let excluded: [(dev_t, ino_t)]
    let extensions: Set<String>
    /// The folders walked so far, by device and inode (a struct key: a set of `[UInt64]` had its hashing looked up
    /// at run time, 670,000 instructions before the first file).
    private var visited = Set<FileID>()
    private var realRoot: [UInt8] = []
    private(set) var found: [BatchInput] = []

    init(root: [UInt8], excluded: [(dev_t, ino_t)], extensions: Set<String>) {
        self.root = root
        self.excluded = excluded
        self.extensions = extensions
    }

    mutating func walk() -> [BatchInput] {
        realRoot = Self.realPath(root) ?? root
        var info = Glibc.stat()
        if Self.fileStatus(root, &info, follow: true) { visited.insert(FileID(info)) }
        walk(folder: [])
        return found
    }

    /// Whether the file at `path` begins as a zip archive does (an .xlsx, whatever its name).
    private static func isZip(_ path: [UInt8]) -> Bool {
        (try? PathBytes.withOpenFile(path) { FileHandle(forReadingAtPath: $0)?.readData(ofLength: 4) == Data([0x50, 0x4B, 0x03, 0x04]) }) == true
    }

    private mutating func walk(folder relative: [UInt8]) {
        let path = join(root, relative)
        guard let names = Self.names(in: path) else {
            report(relative, BatchMessages.unreadableFolder(String(cString: strerror(errno))), status: .failed)
            return
        }
        for name in names where name.first != UInt8(ascii: ".") {
            let child = relative.isEmpty ? name : join(relative, name)
            let full = join(root, child)
            var info = Glibc.stat()
            guard Self.fileStatus(full, &info, follow: false) else { continue }
            let isLink = (info.st_mode & S_IFMT) == S_IFLNK
            if isLink {
                guard let target = Self.realPath(full), target == realRoot || target.starts(with: realRoot + [UInt8(ascii: "/")]) else {
                    let target = Self.realPath(full).map { PathBytes.legible($0).text } ?? "a missing file"
                    report(child, BatchMessages.linkOutside(target), status: .skipped)
                    continue
                }
                guard Self.fileStatus(full, &info, follow: true) else { continue }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if excluded.contains(where: { info.st_dev == $0.0 && info.st_ino == $0.1 }) { continue }
                guard visited.insert(FileID(info)).inserted else {
                    report(child, BatchMessages.linkLoop, status: .skipped)
                    continue
                }
                var marker = Glibc.stat()
                if Self.fileStatus(join(full, Array("[Content_Types].xml".utf8)), &marker, follow: false) {
                    add(child, isFolder: true)
                } else {
                    walk(folder: child)
                }
            case S_IFREG:
                let shown = PathBytes.legible(name).text, ext = PathExtension.of(shown).lowercased()
                if shown.hasPrefix("~$") {
                    report(child, BatchMessages.excelLockFile, status: .notAForm)
                } else if extensions.contains(ext) || (ext == "xls" && Self.isZip(full)) {
                    add(child, isFolder: false)  // an .xlsx renamed .xls is read as what it is
                } else {
                    report(child, ext == "xls" ? BatchMessages.excel97 : BatchMessages.notAFormFile, status: .notAForm)
                }
            default:
                continue
            }
        }
    }

    private mutating func add(_ bytes: [UInt8], isFolder: Bool) {
        let (text, isUTF8) = PathBytes.legible(bytes)
        let notes = isUTF8 ? [] : [BatchMessages.notUTF8Name]
        found.append(BatchInput(relative: text, bytes: bytes, isFolder: isFolder, problem: nil, notes: notes))
    }

    private mutating func report(_ bytes: [UInt8], _ message: BilingualText, status: BatchConverter.Outcome.Status) {
        found.append(BatchInput(relative: PathBytes.legible(bytes).text, bytes: bytes, isFolder: false, problem: (status, message), notes: []))
    }

    private func join(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] { b.isEmpty ? a : a + [UInt8(ascii: "/")] + b }

    /// The entry names of a folder, sorted by bytes; nil when it cannot be read (errno set).
    private static func names(in path: [UInt8]) -> [[UInt8]]? {
        guard let directory = withCString(path, { opendir($0) }) else { return nil }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != [0x2E], name != [0x2E, 0x2E] { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    private static func fileStatus(_ path: [UInt8], _ info: inout Glibc.stat, follow: Bool) -> Bool {
        withCString(path) { follow ? stat($0, &info) == 0 : lstat($0, &info) == 0 }
    }

    private static func realPath(_ path: [UInt8]) -> [UInt8]? {
        guard let resolved = withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
    }

    private static func withCString<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }
}

/// A file's identity on this machine: its device and inode.
private struct FileID: Hashable {
    let device: UInt64
    let inode: UInt64
    init(_ info: Glibc.stat) { device = UInt64(info.st_dev); inode = UInt64(info.st_ino) }
}
