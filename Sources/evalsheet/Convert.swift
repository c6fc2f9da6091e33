import ArgumentParser
import EvalSheet

/// `evalsheet convert INPUT OUTPUT`: one form from any format to any other.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a form from one format to another.",
        discussion: """
        Formats come from the extensions (.tsv/.txt, .json) or from --from/--to.
        Use - for standard input or output.

        Examples:
          evalsheet convert 2023-党建事务.txt 2023-党建事务.json
          evalsheet convert form.json form.tsv --encoding gb18030
          cat old.txt | evalsheet convert --from tsv --to json - -
        """
    )

    @Argument(help: "The form to read, or - for standard input.")
    var input: String

    @Argument(help: "The file to write, or - for standard output.")
    var output: String

    @OptionGroup var formats: FormatOptions

    func run() throws {
        let (reader, writer) = try formats.resolve(input: input, output: output)
        let readings = try FormFiles.read(input, format: reader)
        try FormFiles.write(readings[0].form, to: output, format: writer, noClobber: formats.noClobber)
    }
}
