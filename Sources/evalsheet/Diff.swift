import ArgumentParser
import EvalSheet
import Foundation

/// `evalsheet diff A B`: field-by-field differences between two forms in any formats.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the fields that differ between two forms (any formats). Exit 0 when equal, 1 when different.",
        discussion: """
        Decimals compare by value (10 equals 10.00). --format json prints {a, b, equal, differences: [{path, label, a, b}]}.

        Example:
          evalsheet diff 系统导出.json 党建事务-已填.xlsx
        """
    )

    @Argument(help: "The first form.") var a: String
    @Argument(help: "The second form.") var b: String

    @Option(help: "Report format.")
    var format: ReportFormat = .text

    @OptionGroup var messages: LanguageOption

    func run() throws {
        let first = try FormFiles.readOne(a, canChooseSheet: false).form
        let second = try FormFiles.readOne(b, canChooseSheet: false).form
        let differences = first.differences(from: second)
        let output = format == .json ? Reports.json(differences, a: a, b: b) : Reports.text(differences)
        FileHandle.standardOutput.write(Data(output.utf8))
        if !differences.isEmpty { throw ExitCode(1) }
    }
}
