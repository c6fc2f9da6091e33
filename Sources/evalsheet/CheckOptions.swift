import ArgumentParser
import EvalSheet
import Foundation

/// Options of commands that check forms: import mode, the system's baseline, message language.
struct CheckOptions: ParsableArguments {
    @Option(help: "export: every field as read (default); import: greyed fields belong to the system (see --baseline).")
    var mode: String?

    @Option(help: "The system's own record of the same form (any format); implies --mode import. Greyed fields are taken from it.")
    var baseline: String?

    @OptionGroup var messages: LanguageOption

    @Option(help: "The sheet to read, when the input is a workbook (default: the first sheet holding the form).")
    var sheet: String?

    @Option(help: "The layout to read the input in (see evalsheet layouts); default: found from its labels.")
    var inputLayout: String?

    func validate() throws {
        if let mode, ImportMode(rawValue: mode) == nil { throw ValidationError(CommandLanguage.text("unknown mode \"\(mode)\"; use export or import", zh: "未知模式 \"\(mode)\"；请使用 export 或 import")) }
        if mode == "export", baseline != nil { throw ValidationError(CommandLanguage.text("--baseline belongs to --mode import", zh: "--baseline 只用于 --mode import")) }
    }

    var importMode: ImportMode { baseline != nil ? .import : mode.flatMap(ImportMode.init(rawValue:)) ?? .export }
    var language: Language { CommandLanguage.current }

    /// Reads `input` (format from `format` or its extension) and checks it in the chosen mode against the baseline;
    /// a file of several forms is refused, naming their sheets.
    func check(_ input: String, format: (any FormFormat)? = nil, recompute: Bool = false) throws -> (reading: FormReading, checked: CheckedForm) {
        try check(try FormFiles.readOne(input, format: format, options: ReadOptions(sheet: sheet, layout: inputLayout)), from: input,
                  system: try systemForm(), recompute: recompute)
    }

    /// The form of `--baseline`, read once for every form checked against it.
    func systemForm() throws -> Form? {
        try baseline.map { try FormFiles.readOne($0, canChooseSheet: false).form }
    }

    /// Every form in `input` (on the chosen sheet, in the chosen layout).
    func read(_ input: String, format: (any FormFormat)? = nil) throws -> [FormReading] {
        try FormFiles.read(input, format: format, options: ReadOptions(sheet: sheet, layout: inputLayout))
    }

    /// Checks `reading`, read from `input`, in the chosen mode against `system`, the baseline's form.
    func check(_ reading: FormReading, from input: String, system: Form?, recompute: Bool = false) throws -> (reading: FormReading, checked: CheckedForm) {
        if let note = FormFiles.hiddenSheetNote(reading) {
            FileHandle.standardError.write(Data("evalsheet: \(input): \(note.text(language))\n".utf8))
        }
        do {
            return (reading, try FormImport.check(reading, mode: importMode, baseline: system, recompute: recompute))
        } catch let error as EvalSheetError {
            throw error.located(in: input)
        }
    }
}

/// Shared `--format text|json` for reports.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
