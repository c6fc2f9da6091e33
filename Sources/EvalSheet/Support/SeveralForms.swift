import Foundation

/// A file holding several forms: the error that asks which one, and the outputs that writing each gives, named as
/// `batch` names them.
public enum SeveralForms {
    /// The error for `readings` of several forms: which sheets hold them, and which forms share a sheet; a command
    /// without `--all` (`canWriteAll` false) is told to split them with `convert --all`, one without `--sheet`
    /// (`canChooseSheet` false) is not told to choose one.
    public static func refusal(_ readings: [FormReading], canWriteAll: Bool = true, canChooseSheet: Bool = true) -> EvalSheetError {
        let all: (en: String, zh: String) = canWriteAll ? ("write each with --all", "用 --all 逐张写出")
            : ("split them with evalsheet convert FILE OUT.json --all first", "先用 evalsheet convert 文件 输出.json --all 拆开")
        let sheets = readings.compactMap(\.sheet).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        func forms(on sheet: String?) -> [String] { readings.filter { $0.sheet == sheet }.map { label($0.form) } }
        guard sheets.count > 1 else {
            let place: (en: String, zh: String) = sheets.first.map { (" on sheet \($0)", "工作表 \($0) 上") } ?? ("", "文件中")
            let list = forms(on: sheets.first).joined(separator: ", ")
            return EvalSheetError(.usage, "\(readings.count) forms\(place.en) (\(list)); \(all.en)",
                                  zh: "\(place.zh)有 \(readings.count) 张表（\(list)）；请\(all.zh)")
        }
        guard canChooseSheet else {
            return EvalSheetError(.usage, "\(readings.count) forms, on sheets \(sheets.joined(separator: ", ")); \(all.en)",
                                  zh: "工作簿中有 \(readings.count) 张表，在工作表 \(sheets.joined(separator: "、")) 上；请\(all.zh)")
        }
        let parts = sheets.map { sheet in
            let here = forms(on: sheet)
            return here.count == 1 ? (en: sheet, zh: sheet)
                : (en: "\(sheet) (\(here.count) forms: \(here.joined(separator: ", ")))", zh: "\(sheet)（\(here.count) 张：\(here.joined(separator: "、"))）")
        }
        return EvalSheetError(.usage,
            "\(readings.count) forms, on sheets \(parts.map(\.en).joined(separator: ", ")); choose one with --sheet NAME, or \(all.en)",
            zh: "工作簿中有 \(readings.count) 张表，在工作表 \(parts.map(\.zh).joined(separator: "、")) 上；请用 --sheet 工作表名 选择一张，或\(all.zh)")
    }

    /// Where each of `readings` is written: `output` for a single form, else `out-党建事务.json` per sheet and
    /// `out-2.json` for a second form of the same name, as `batch` names them, keeping the extension `output` has.
    public static func outputs(for readings: [FormReading], output: String, format: any FormFormat) throws -> [String] {
        guard readings.count > 1 else { return [output] }
        guard output != "-" else {
            throw EvalSheetError(.usage, "several forms cannot all go to standard output; give an output file name, and each form gets its own",
                                 zh: "多张表不能都写到标准输出；请给出输出文件名，每张表各写一个文件")
        }
        let given = PathExtension.of(output)
        let ext = given.isEmpty ? format.extensions[0] : given
        let names = OutputNames()
        return readings.map { names.claim(BatchConverter.outputPath(for: output, sheet: $0.sheet, keepExtension: false, extension: ext)) }
    }

    /// A form as the lists name it: its project code and name.
    private static func label(_ form: Form) -> String {
        [form.text("project.code"), form.text("project.name")].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
