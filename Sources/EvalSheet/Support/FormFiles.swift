import Foundation

/// Reading forms from paths (or `-` for standard input) and writing them safely, with the file named in every error.
public enum FormFiles {
    /// Largest input read, so a hostile file cannot exhaust memory.
    public static let maximumInputBytes = 256 << 20

    /// The one form in `path`; a file of several is refused, naming their sheets (and, where the command has
    /// `--sheet`, asking for one).
    public static func readOne(_ path: String, format: (any FormFormat)? = nil, options: ReadOptions = ReadOptions(),
                               canChooseSheet: Bool = true) throws -> FormReading {
        let readings = try read(path, format: format, options: options)
        guard readings.count == 1 else {
            throw SeveralForms.refusal(readings, canWriteAll: false, canChooseSheet: canChooseSheet).located(in: displayName(path))
        }
        return readings[0]
    }

    /// Reads every form in `path`, with the format from `format`, the extension of `shownAs` (the name errors give,
    /// default the path) or, for standard input, the content; an .xls is told by its bytes, whatever its name.
    /// A command-line path whose bytes are not UTF-8 is opened by its bytes and shown as GB18030.
    public static func read(_ path: String, format: (any FormFormat)? = nil,
                            options: ReadOptions = ReadOptions(), shownAs: String? = nil) throws -> [FormReading] {
        if shownAs == nil, access(path, F_OK) != 0, let bytes = PathBytes.commandLineBytes(for: path) {
            let shown = PathBytes.legible(bytes).text
            do {
                return try PathBytes.withOpenFile(bytes) { try read($0, format: format, options: options, shownAs: shown) }
            } catch let error as EvalSheetError {
                throw error.located(in: shown)
            }
        }
        do {
            guard case .bytes(let data) = try readInput(path) else {
                return try XLSXFormat().read(directory: URL(fileURLWithPath: path, isDirectory: true), options: options)
            }
            if path == "-", data.isEmpty {
                throw EvalSheetError(.unreadable, "standard input is empty; pipe a form into it, or give the form's file name instead of -",
                                     zh: "标准输入为空；请把表通过管道输入，或用表的文件名代替 -")
            }
            if let refusal = CompoundFile.refusal(data) { throw refusal }
            // standard input, and an .xls that is not Excel 97-2003's (an .xlsx renamed), are known by their content
            let byContent = path == "-" || PathExtension.of(shownAs ?? path).lowercased() == "xls"
            let chosen = try format ?? (byContent ? FormatRegistry.format(ofContent: data) : FormatRegistry.format(forPath: shownAs ?? path))
            return try chosen.read(data, options: options)
        } catch let error as EvalSheetError {
            throw error.located(in: shownAs ?? displayName(path))
        }
    }

    /// Writes `form` to `path` (or standard output for `-`), atomically.
    public static func write(_ form: Form, to path: String, format: (any FormFormat)? = nil,
                             options: WriteOptions = WriteOptions(), noClobber: Bool = false) throws {
        do {
            let chosen = try format ?? FormatRegistry.format(forPath: path)
            switch try OutputTarget.of(path) {
            case .stream(let stream):
                try writeStream(try chosen.write(form, options: options), to: stream)
            case .file(let file):
                try AtomicFile.write(to: path, file: file, noClobber: noClobber) { try chosen.write(form, options: options, toFile: $0) }
            }
        } catch let error as EvalSheetError {
            throw error.located(in: displayName(path))
        }
    }

    /// What to tell the user when `reading` came from a sheet hidden in Excel, nil otherwise.
    public static func hiddenSheetNote(_ reading: FormReading) -> BilingualText? {
        guard let sheet = reading.sheet, reading.sheetIsHidden else { return nil }
        return BilingualText(en: "the form was read from sheet \u{201C}\(sheet)\u{201D}, which is hidden in Excel; unhide it to check it is the form you mean",
                             zh: "表读自工作表\u{201C}\(sheet)\u{201D}，它在 Excel 中是隐藏的；请取消隐藏，确认是您要的表")
    }

    /// Refuses an output that is the input itself (same device and inode), which writing would replace.
    public static func refuseOverwriting(input: String, with output: String) throws {
        var a = stat(), b = stat()
        guard input != "-", output != "-", stat(input, &a) == 0, stat(output, &b) == 0,
              a.st_dev == b.st_dev, a.st_ino == b.st_ino else { return }
        throw EvalSheetError(.usage, "\(output): is the input itself; write to another file (the input would be replaced, and with it any other sheet)", zh: "\(output)：输出就是输入文件本身；请写到另一个文件（否则输入文件及其中其他工作表会被替换）")
    }

    /// Writes `data` through standard output (`-`) or a descriptor alias such as `/dev/stdout`, never replacing it.
    private static func writeStream(_ data: Data, to path: String) throws {
        let descriptor = path == "-" ? STDOUT_FILENO : open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw EvalSheetError(.unreadable, "cannot open for writing (\(String(cString: strerror(errno)))); write with - instead", zh: "无法打开以写入（\(String(cString: strerror(errno)))）；请改用 -")
        }
        defer { if descriptor != STDOUT_FILENO { close(descriptor) } }
        try AtomicFile.writeAll(data, to: descriptor)
    }

    /// The bytes of `path`, refusing what is not a readable regular file of sane size.
    public static func readData(_ path: String) throws -> Data {
        guard case .bytes(let data) = try readInput(path) else { throw notARegularFile }
        return data
    }

    /// What a path holds: a folder (an unzipped .xlsx), or a file's bytes.
    private enum Input {
        case folder
        case bytes(Data)
    }

    /// The bytes of `path`, or that it is a folder, told by what was opened (stat-ing the name first cost a system
    /// call and Foundation's path handling for every file of a batch); refuses what is neither.
    private static func readInput(_ path: String) throws -> Input {
        if path == "-" {
            let data = try readAll(STDIN_FILENO, size: 64 << 10)
            guard data.count <= maximumInputBytes else { throw tooLarge }
            return .bytes(data)
        }
        // opened without waiting (a FIFO would block), then known by what was opened, not by the name again
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw EvalSheetError(.unreadable, "cannot open (\(reason)); check the path and its permissions", zh: "无法打开（\(reason)）；请检查路径及其权限")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw notARegularFile }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .folder }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw notARegularFile }
        guard info.st_size <= maximumInputBytes else { throw tooLarge }
        let data = try readAll(descriptor, size: Int(info.st_size))
        guard data.count <= maximumInputBytes else { throw tooLarge }
        return .bytes(data)
    }

    private static var notARegularFile: EvalSheetError {
        EvalSheetError(.unreadable, "not a regular file; give the path of a form file", zh: "不是普通文件；请给出表文件的路径")
    }

    /// The rest of the open file, up to one byte past the limit: a buffer of `size` (what fstat gave) takes a file in one
    /// read (FileHandle read it in 4 KiB calls, and stat it again), and grows for more (a file grown since, stdin).
    private static func readAll(_ descriptor: Int32, size: Int) throws -> Data {
        var data = Data(count: min(size, maximumInputBytes) + 1)
        var count = 0
        while count < data.count {
            let got = data.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else {
                let reason = String(cString: strerror(errno))
                throw EvalSheetError(.unreadable, "cannot read (\(reason)); check the disk and the file", zh: "无法读取（\(reason)）；请检查磁盘和文件")
            }
            if got == 0 { break }
            count += got
            if count == data.count, data.count <= maximumInputBytes { data.count = min(2 * data.count, maximumInputBytes + 1) }
        }
        data.count = count
        return data
    }

    private static var tooLarge: EvalSheetError {
        EvalSheetError(.unreadable, "larger than \(maximumInputBytes >> 20) MiB; this is not a single form", zh: "大于 \(maximumInputBytes >> 20) MiB；这不是单张表")
    }

    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }
}
