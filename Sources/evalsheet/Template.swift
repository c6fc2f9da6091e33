import ArgumentParser
import EvalSheet

/// `evalsheet template OUTPUT [--from FORM]`: a blank import template, system cells filled from FORM or empty.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a blank import template: greyed system cells locked, every input cell empty and open.",
        discussion: """
        The greyed system cells are filled from FORM (any format) when given; otherwise they are left empty under the standard indicators (产出, 效益, 满意度 with their level-2 indicators).

        Examples:
          evalsheet template 导入模板.xlsx
          evalsheet template 党建事务-导入.xlsx --from 2023-党建事务.txt
        """
    )

    @OptionGroup var messages: LanguageOption

    @Argument(help: "The template to write (.xlsx; .json or .tsv also work).")
    var output: String

    @Option(name: .customLong("from"), help: "A form whose system fields fill the template.")
    var form: String?

    @Option(help: "The sheet to read in FORM, when it is a workbook.")
    var sheet: String?

    @Option(help: "The layout to write (see evalsheet layouts); default: FORM's layout, else shenzhen.")
    var layout: String?

    @Option(help: "The layout to read FORM in; default: found from its labels.")
    var inputLayout: String?

    @Option(help: "Password that protects the sheet (default: protected without a password).")
    var password: String?

    @Flag(help: "Refuse to replace an existing output file.")
    var noClobber = false

    func run() throws {
        let source = try form.map { try FormFiles.readOne($0, options: ReadOptions(sheet: sheet, layout: inputLayout)).form }
        let target = try LayoutConversion.target(for: source ?? Form(), requested: layout)
        let blank = (source ?? target.emptyForm).clearingInputs(layout: target)
        let options = WriteOptions(password: password, layout: target.id)
        WriteNotes.print(try FormatRegistry.format(forPath: output).notes(for: blank, options: options))
        try FormFiles.write(blank, to: output, options: options, noClobber: noClobber)
    }
}
