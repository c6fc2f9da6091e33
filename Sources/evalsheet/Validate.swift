import ArgumentParser
import EvalSheet
import Foundation

/// `evalsheet validate FILE`: what a finance office checks before accepting a form.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a form: required inputs, types, arithmetic; with --baseline, greyed fields against the system.",
        discussion: """
        Exit codes: 0 no error (warnings allowed), 1 errors found, 2 the file cannot be read.
        --format json prints {file, sheet, mode, valid, blankTemplate, errors, warnings, findings: [{severity, code, path, label, cell, expected, found, message}]} (see README.md).

        Examples:
          evalsheet validate 党建事务.xlsx
          evalsheet validate 党建事务-已填.xlsx --baseline 系统导出.json --lang en
          evalsheet validate 党建事务.txt --format json
          evalsheet validate 已填.xlsx --baseline 系统导出.json --annotate 已填-问题标注.xlsx
        """
    )

    @Argument(help: "The form to check.")
    var file: String

    @OptionGroup var checks: CheckOptions

    @Option(help: "Report format.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Also write the form as an .xlsx with each finding's cell coloured (error red, warning amber) and commented, and a 问题清单 sheet listing them.", valueName: "OUT.xlsx"))
    var annotate: String?

    @Option(help: "Password that protects the annotated workbook's sheets (default: protected without a password).")
    var password: String?

    func validate() throws {
        if let annotate, !annotate.lowercased().hasSuffix(".xlsx") {
            throw ValidationError(CommandLanguage.text("--annotate writes a workbook; give a name ending in .xlsx",
                                                       zh: "--annotate 写出工作簿；请给出以 .xlsx 结尾的文件名"))
        }
    }

    func run() throws {
        if let annotate { try FormFiles.refuseOverwriting(input: file, with: annotate) }
        let (reading, checked) = try checks.check(file)
        if let annotate {
            // The form as the file holds it, in its own layout: the cells the clerk will correct.
            try AtomicFile.write(to: annotate) {
                try XLSXFormat().writeAnnotated(reading.form, findings: checked.findings, language: checks.language,
                                                options: WriteOptions(password: password), toFile: $0)
            }
        }
        let output: String
        switch format {
        case .text:
            output = Reports.text(checked.findings, file: file, language: checks.language)
                + summary(checked, language: checks.language)
        case .json:
            output = Reports.json(checked.findings, file: file, sheet: reading.sheet, mode: checks.importMode, language: checks.language)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if checked.errorCount > 0 { throw ExitCode(1) }
    }

    private func summary(_ checked: CheckedForm, language: Language) -> String {
        let warnings = checked.findings.count - checked.errorCount
        switch language {
        case .zh: return "\(file): \(checked.errorCount) 个错误，\(warnings) 个警告\n"
        case .en: return "\(file): \(checked.errorCount) errors, \(warnings) warnings\n"
        }
    }
}
