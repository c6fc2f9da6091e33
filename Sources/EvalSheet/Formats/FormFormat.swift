import Foundation

/// What a reader may be told about its input.
public struct ReadOptions: Sendable {
    /// The sheet to read, for workbooks; the form is searched for on every sheet when nil.
    public var sheet: String?
    /// The layout id to read in; found by the labels when nil.
    public var layout: String?
    public init(sheet: String? = nil, layout: String? = nil) { self.sheet = sheet; self.layout = layout }
}

/// What a writer may be told about its output.
public struct WriteOptions: Sendable {
    /// Password for the protected sheet, for spreadsheets.
    public var password: String?
    /// The layout id to write TSV and XLSX in; the form's own layout when nil.
    public var layout: String?
    public init(password: String? = nil, layout: String? = nil) { self.password = password; self.layout = layout }
}

/// One file format: reads bytes into forms and writes a form back to bytes.
public protocol FormFormat: Sendable {
    /// The name used by `--from`/`--to`.
    var name: String { get }
    /// File extensions that select this format.
    var extensions: [String] { get }
    /// Every form in the input (a workbook may hold several).
    func read(_ data: Data, options: ReadOptions) throws -> [FormReading]
    func write(_ form: Form, options: WriteOptions) throws -> Data
    /// Writes straight into the file at `path` (a temporary file that the caller renames).
    func write(_ form: Form, options: WriteOptions, toFile path: String) throws
    /// What writing `form` changes or leaves out, one note each (a layout without a cell for a field, money
    /// converted, digits a spreadsheet cannot hold).
    func notes(for form: Form, options: WriteOptions) throws -> [BilingualText]
}

extension FormFormat {
    public func notes(for form: Form, options: WriteOptions) throws -> [BilingualText] {
        LayoutConversion.notes(for: form, in: try LayoutConversion.target(for: form, requested: options.layout))
    }

    public func write(_ form: Form, options: WriteOptions, toFile path: String) throws {
        try AtomicFile.writeNew(try write(form, options: options), at: path)
    }
}

/// The one list of formats evalsheet knows, chosen by name or by file extension.
public enum FormatRegistry {
    /// Every format, with its defaults.
    public static func all(encoding: TextEncoding? = nil) -> [any FormFormat] {
        [TSVFormat(encoding: encoding), TSVFormat.csv(encoding: encoding), JSONFormat(), XLSXFormat()]
    }

    public static func format(named name: String, encoding: TextEncoding? = nil) throws -> any FormFormat {
        guard let format = all(encoding: encoding).first(where: { $0.name == name.lowercased() }) else {
            throw EvalSheetError(.usage, "unknown format \"\(name)\"; use one of \(names)", zh: "未知格式\u{201C}\(name)\u{201D}；请使用 \(names) 之一")
        }
        return format
    }

    public static func format(forPath path: String) throws -> any FormFormat {
        let ext = PathExtension.of(path).lowercased()
        guard let format = all().first(where: { $0.extensions.contains(ext) }) else {
            throw EvalSheetError(.usage, "\(path): cannot tell the format from the extension \".\(ext)\"; name it with --from or --to (\(names))", zh: "\(path)：无法从扩展名 \".\(ext)\" 判断格式；请用 --from 或 --to 指定（\(names)）")
        }
        return format
    }

    /// The format of unnamed bytes (standard input): zip → xlsx, `{` first → json, anything else a text table.
    public static func format(ofContent data: Data) -> any FormFormat {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return XLSXFormat() }
        let first = data.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        return first == UInt8(ascii: "{") ? JSONFormat() : TSVFormat()
    }

    public static var names: String { all().map(\.name).joined(separator: ", ") }
}
