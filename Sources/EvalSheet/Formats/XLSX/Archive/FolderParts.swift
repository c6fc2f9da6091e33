import Foundation

/// XLSX parts read from a folder that someone unzipped a spreadsheet into.
struct FolderParts: XLSXParts {
    let root: URL

    init(root: URL) throws {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        guard FileManager.default.fileExists(atPath: self.root.appendingPathComponent("[Content_Types].xml").path) else {
            throw EvalSheetError(.unreadable, "a folder without [Content_Types].xml; give an .xlsx file or a folder holding an unzipped one", zh: "文件夹中没有 [Content_Types].xml；请给出 .xlsx 文件，或存放解压后 .xlsx 的文件夹")
        }
    }

    func read(_ name: String) throws -> Data? {
        let url = root.appendingPathComponent(name).standardizedFileURL.resolvingSymlinksInPath()
        guard url.path.hasPrefix(root.path + "/") else {
            throw EvalSheetError(.unreadable, "part \(name) points outside the folder; refused", zh: "部件 \(name) 指向文件夹之外；已拒绝")
        }
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard info.st_size <= XLSXLimits.maximumPartBytes else {
            throw EvalSheetError(.unreadable, "\(name) is larger than \(XLSXLimits.maximumPartBytes >> 20) MiB; not a form", zh: "\(name) 大于 \(XLSXLimits.maximumPartBytes >> 20) MiB；不是表")
        }
        return try Data(contentsOf: url)
    }
}
