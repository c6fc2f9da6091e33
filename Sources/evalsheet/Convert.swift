import ArgumentParser
import EvalSheet
import Foundation

/// `evalsheet convert INPUT OUTPUT`: one form from any format to any other.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a form from one format to another.",
        discussion: """
        Formats come from the extensions (.tsv/.txt, .csv, .json, .xlsx) or from --from/--to. A folder holding an unzipped .xlsx reads like the file.
        Use - for standard input (its format is known by its content) or output. A file holding several forms needs --sheet or --all.

        Examples:
          evalsheet convert 2023-党建事务.txt 2023-党建事务.json
          evalsheet convert form.json form.tsv --encoding gb18030
          evalsheet convert 2023-党建事务.txt 2023-党建事务.xlsx --password 1234
          evalsheet convert 汇总.xlsx 党建事务.json --sheet 党建事务
          evalsheet convert 汇总.xlsx 汇总.json --all              (汇总-党建事务.json, 汇总-复核.json, …)
          evalsheet convert excel-export.csv form.json
          evalsheet convert 四川-自评表.xlsx 深圳格式.xlsx --layout shenzhen
          evalsheet convert 已填.xlsx 导入.json --mode import --baseline 系统导出.json --strict
          cat old.txt | evalsheet convert --from tsv --to json - -
        """
    )

    @Argument(help: "The form to read, or - for standard input.")
    var input: String

    @Argument(help: "The file to write, or - for standard output.")
    var output: String

    @OptionGroup var formats: FormatOptions

    @OptionGroup var checks: CheckOptions

    @Flag(help: "Fail (exit 1, no output) when the form has errors; by default findings go to stderr and the output is written.")
    var strict = false

    @Flag(help: "Work out the computed system fields (execution rate, funds score, total weight, total score) from the inputs.")
    var recompute = false

    @Option(help: "Password that protects a written sheet (default: protected without a password).")
    var password: String?

    @Option(help: "The layout of TSV and XLSX output (see evalsheet layouts); default: the layout the form was read in.")
    var layout: String?

    @Flag(help: "Write every form of a file holding several, one output each, named as batch names them (out-SHEET.json).")
    var all = false

    func run() throws {
        try FormFiles.refuseOverwriting(input: input, with: output)
        let (reader, writer) = try formats.resolve(input: input, output: output)
        let readings = try checks.read(input, format: reader)
        if readings.count > 1, !all { throw SeveralForms.refusal(readings) }
        // Every form is checked and reported before any is written, so --strict leaves nothing half done.
        let system = try checks.systemForm()
        let checked = try readings.map { reading in
            let checked = try checks.check(reading, from: input, system: system, recompute: recompute).checked
            let file = readings.count > 1 ? "\(input) (\(reading.sheet ?? ""))" : input
            FileHandle.standardError.write(Data(Reports.text(checked.findings, file: file, language: checks.language).utf8))
            return checked
        }
        let errors = checked.reduce(0) { $0 + $1.errorCount }
        if strict, errors > 0 {
            throw EvalSheetError(.invalidForm, "\(input): \(errors) errors; nothing written (--strict)", zh: "\(input)：\(errors) 个错误；未写入（--strict）")
        }
        for (form, path) in zip(checked, try SeveralForms.outputs(for: readings, output: output, format: writer)) {
            WriteNotes.print(try writer.notes(for: form.form, options: WriteOptions(layout: layout)))
            try FormFiles.write(form.form, to: path, format: writer, options: WriteOptions(password: password, layout: layout),
                                noClobber: formats.noClobber)
        }
    }
}
