import Foundation

/// The spreadsheet: written as the import/export template through libxlsxwriter, read through libzip and expat.
public struct XLSXFormat: FormFormat {
    public let name = "xlsx"
    public let extensions = ["xlsx"]

    public init() {}

    public func read(_ data: Data, options: ReadOptions) throws -> [FormReading] {
        guard !data.isEmpty else { throw EvalSheetError(.unreadable, "the file is empty; not a spreadsheet") }
        if let refusal = CompoundFile.refusal(data) { throw refusal }
        return try XLSXReader(parts: try ZipParts(data: data)).read(options: options)
    }

    /// Reads an XLSX that someone unzipped into a folder (`[Content_Types].xml` at its root).
    public func read(directory: URL, options: ReadOptions) throws -> [FormReading] {
        try XLSXReader(parts: try FolderParts(root: directory)).read(options: options)
    }

    public func write(_ form: Form, options: WriteOptions, toFile path: String) throws {
        let target = try LayoutConversion.target(for: form, requested: options.layout)
        let layout = SheetLayout(form: LayoutConversion.prepare(form, for: target), template: target)
        try XLSXSheetWriter(layout: layout, password: options.password).write(to: path)
    }

    public func write(_ form: Form, options: WriteOptions) throws -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evalsheet-\(UUID().uuidString).xlsx").path
        defer { unlink(path) }
        try write(form, options: options, toFile: path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
