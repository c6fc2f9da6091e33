/// Every failure evalsheet reports: one line saying what, where and what to do, and the exit code it maps to.
public struct EvalSheetError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The class of failure, which decides the command's exit code.
    public enum Kind: Sendable, Equatable {
        /// The input was read but is not a valid form (exit 1).
        case invalidForm
        /// The input could not be read at all, or the output not written (exit 2).
        case unreadable
        /// The command was called wrongly (exit 2).
        case usage
    }

    public let kind: Kind
    public let message: String
    /// The message in Chinese, for finance staff.
    public let messageZH: String
    /// A value refused in a cell the layout places (`badValue`): the layout fits and the cell is wrong.
    public let isBadCellValue: Bool

    public init(_ kind: Kind, _ message: String, zh: String) {
        self.init(kind, message, zh: zh, isBadCellValue: false)
    }

    private init(_ kind: Kind, _ message: String, zh: String, isBadCellValue: Bool) {
        self.kind = kind
        self.message = message
        self.messageZH = zh
        self.isBadCellValue = isBadCellValue
    }

    /// The message in `language`.
    public func message(_ language: Language) -> String { language == .zh ? messageZH : message }

    public var description: String { message }

    public var exitCode: Int32 { kind == .invalidForm ? 1 : 2 }

    /// The same error with the file (and sheet) it came from in front, as `seed.tsv: …`.
    public func located(in file: String) -> EvalSheetError {
        message.hasPrefix(file + ":") ? self : EvalSheetError(kind, "\(file): \(message)", zh: "\(file)：\(messageZH)")
    }

    static func notTheForm(missing label: String, after: (en: String, zh: String)? = nil) -> EvalSheetError {
        let place = after.map { " after \($0.en)" } ?? ""
        return EvalSheetError(.invalidForm,
            "not a 项目支出绩效自评表: label \u{201C}\(label)\u{201D} not found\(place); check that this file is the form",
            zh: "不是项目支出绩效自评表：\(after.map { "在\($0.zh)之后" } ?? "")找不到标签\u{201C}\(label)\u{201D}；请确认此文件是该表")
    }

    static func badValue(cell: String, path: String, label: String, expected: (en: String, zh: String), found: String) -> EvalSheetError {
        EvalSheetError(.invalidForm,
            "cell \(cell) (\(path), \(label)): expected \(expected.en), found \"\(found.prefix(60))\"; correct the cell and convert again",
            zh: "单元格 \(cell)（\(label)，\(path)）：应为\(expected.zh)，实为\u{201C}\(found.prefix(60))\u{201D}；请更正该单元格后重新转换",
            isBadCellValue: true)
    }
}
