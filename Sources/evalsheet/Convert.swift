import ArgumentParser
import EvalSheet

/// `evalsheet convert INPUT OUTPUT`: one form from any format to any other.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a form from one format to another.",
        discussion: """
        Formats come from the extensions (.tsv/.txt, .json, .xlsx) or from --from/--to.
        A folder holding an unzipped .xlsx reads like the file.
        Use - for standard input or output.

        Examples:
          evalsheet convert 2023-党建事务.txt 2023-党建事务.json
          evalsheet convert form.json form.tsv --encoding gb18030
          evalsheet convert 2023-党建事务.txt 2023-党建事务.xlsx --password 1234
          evalsheet convert 汇总.xlsx 党建事务.json --sheet 党建事务
          cat old.txt | evalsheet convert --from tsv --to json - -
        """
    )

    @Argument(help: "The form to read, or - for standard input.")
    var input: String

    @Argument(help: "The file to write, or - for standard output.")
    var output: String

    @OptionGroup var formats: FormatOptions

    @Option(help: "The sheet to read, when the input is a workbook (default: the first sheet holding the form).")
    var sheet: String?

    @Option(help: "Password that protects a written sheet (default: protected without a password).")
    var password: String?

    func run() throws {
        let (reader, writer) = try formats.resolve(input: input, output: output)
        let readings = try FormFiles.read(input, format: reader, options: ReadOptions(sheet: sheet))
        try FormFiles.write(readings[0].form, to: output, format: writer, options: WriteOptions(password: password),
                            noClobber: formats.noClobber)
    }
}
