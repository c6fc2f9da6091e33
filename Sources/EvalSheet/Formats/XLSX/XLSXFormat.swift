import Foundation

/// The spreadsheet: written as the import/export template through libxlsxwriter, read through libzip (libdeflate
/// inflating small parts) and the XML readers of `XML/`.
public struct XLSXFormat: FormFormat {
    public let name = "xlsx"
    public let extensions = ["xlsx"]

    public init() {}

    public func read(_ data: Data, options: ReadOptions) throws -> [FormReading] {
        guard !data.isEmpty else { throw EvalSheetError(.unreadable, "the file is empty; not a spreadsheet", zh: "文件为空；不是电子表格") }
        if let refusal = CompoundFile.refusal(data) { throw refusal }
        return try XLSXReader(parts: try ZipParts(data: data)).read(options: options)
    }

    /// Reads an XLSX that someone unzipped into a folder (`[Content_Types].xml` at its root).
    public func read(directory: URL, options: ReadOptions) throws -> [FormReading] {
        try XLSXReader(parts: try FolderParts(root: directory)).read(options: options)
    }

    /// The layout's notes, and each number with more significant digits than the 15 Excel keeps.
    public func notes(for form: Form, options: WriteOptions) throws -> [BilingualText] {
        let target = try LayoutConversion.target(for: form, requested: options.layout)
        let written = LayoutConversion.prepare(form, for: target)
        var notes = LayoutConversion.notes(for: form, in: target)
        // paths are made for the few long numbers only (these notes took 351M of a 10,000-item convert's 3,531M
        // instructions when every item value had one made and sorted; 161M since)
        func tooLong(_ value: FieldValue) -> FormDecimal? { value.decimal.flatMap { $0.significantDigits > 15 ? $0 : nil } }
        let decimals = written.values.compactMap { path, value in tooLong(value).map { (path, $0) } }
            + written.indicators.enumerated().flatMap { i, indicator in
                indicator.categories.enumerated().flatMap { c, category in
                    category.items.enumerated().flatMap { n, item in
                        item.values.compactMap { key, value in tooLong(value).map { (IndicatorPath.item(i, c, n, field: key), $0) } }
                    }
                }
            }
        for (path, value) in decimals.sorted(by: { $0.0 < $1.0 }) {
            notes.append(BilingualText(en: "\(path): \(value) has \(value.significantDigits) significant digits; Excel keeps 15, so the spreadsheet holds it rounded",
                                   zh: "\(path)：\(value) 有 \(value.significantDigits) 位有效数字；Excel 只保留 15 位，表格中是四舍五入后的值"))
        }
        return notes
    }

    public func write(_ form: Form, options: WriteOptions, toFile path: String) throws {
        try sheetWriter(form, options: options).write(to: path)
    }

    /// Writes `form` in its layout with each finding's cell marked and commented, and a 问题清单 sheet listing them.
    public func writeAnnotated(_ form: Form, findings: [Finding], language: Language, options: WriteOptions, toFile path: String) throws {
        var writer = try sheetWriter(form, options: options)
        writer.annotations = XLSXAnnotations(findings: findings, language: language)
        try writer.write(to: path)
    }

    /// The same workbook as bytes.
    public func annotated(_ form: Form, findings: [Finding], language: Language, options: WriteOptions) throws -> Data {
        try bytes { try writeAnnotated(form, findings: findings, language: language, options: options, toFile: $0) }
    }

    public func write(_ form: Form, options: WriteOptions) throws -> Data {
        try bytes { try write(form, options: options, toFile: $0) }
    }

    /// What `write` puts into a file (libxlsxwriter writes files only), read back from a temporary one.
    private func bytes(_ write: (String) throws -> Void) throws -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evalsheet-\(UUID().uuidString).xlsx").path
        defer { unlink(path) }
        try write(path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The writer of `form` laid out in the layout `options` name, else its own.
    private func sheetWriter(_ form: Form, options: WriteOptions) throws -> XLSXSheetWriter {
        let target = try LayoutConversion.target(for: form, requested: options.layout)
        return XLSXSheetWriter(layout: SheetLayout(form: LayoutConversion.prepare(form, for: target), template: target), password: options.password)
    }
}
