import CXlsxWriter
import Foundation

/// Owns one libxlsxwriter workbook and turns every C result code into an EvalSheetError.
final class XLSXWorkbook {
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    let path: String

    /// Where libxlsxwriter keeps the parts of a workbook until `close()` zips them: memory (/dev/shm) when the system
    /// has it, else its own default. About ten files a workbook, created, read back and removed: on a disk they
    /// cost more system time than the rest of the writing.
    nonisolated(unsafe) private static let partsFolder: UnsafeMutablePointer<CChar>? = access("/dev/shm", W_OK | X_OK) == 0 ? strdup("/dev/shm") : nil

    /// Starts a workbook that libxlsxwriter will write to `path` on `close()`.
    init(path: String) throws {
        _ = LibraryMessages.filtered
        self.path = path
        var options = lxw_workbook_options()
        options.tmpdir = Self.partsFolder
        guard let workbook = workbook_new_opt(path, &options) else {
            throw EvalSheetError(.unreadable, "libxlsxwriter could not start a workbook at \(path); check the temporary folder is writable", zh: "libxlsxwriter 无法在 \(path) 新建工作簿；请检查临时文件夹可写")
        }
        self.workbook = workbook
    }

    deinit {
        // A workbook not closed was abandoned on an error: free it without writing.
        if let workbook { lxw_workbook_free(workbook) }
    }

    func addWorksheet(named name: String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw EvalSheetError(.invalidForm, "libxlsxwriter refused the sheet name \"\(name)\"", zh: "libxlsxwriter 拒绝了工作表名\u{201C}\(name)\u{201D}")
        }
        return sheet
    }

    func addFormat() -> UnsafeMutablePointer<lxw_format> { workbook_add_format(workbook)! }

    /// Writes the file; the workbook is freed whatever happens. A failure here is the disk's (full, or past a size
    /// limit): one line with the system's reason, exit 2, and none of libxlsxwriter's own `[ERROR]` lines.
    func close() throws {
        errno = 0
        let (result, reason) = (workbook_close(workbook), errno)
        workbook = nil
        guard result == LXW_NO_ERROR else {
            let why = reason != 0 ? String(cString: strerror(reason)) : String(cString: lxw_strerror(result))
            throw EvalSheetError(.unreadable, "cannot write the workbook (\(why)); check the disk has room and the folder is writable", zh: "无法写入工作簿（\(why)）；请检查磁盘空间和文件夹可写")
        }
    }

    /// Throws libxlsxwriter's own message for a failed call, with what we were doing.
    static func check(_ result: lxw_error, _ context: @autoclosure () -> String) throws {
        guard result != LXW_NO_ERROR else { return }
        let message = String(cString: lxw_strerror(result))
        throw EvalSheetError(.invalidForm, "\(context()): libxlsxwriter: \(message)", zh: "\(context())：libxlsxwriter：\(message)")
    }
}
