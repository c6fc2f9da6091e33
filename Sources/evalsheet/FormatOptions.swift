import ArgumentParser
import EvalSheet

/// Options shared by commands that read and write forms: formats, text encodings, clobbering.
struct FormatOptions: ParsableArguments {
    @Option(help: "Input format (tsv, json); default: from the input's extension.")
    var from: String?

    @Option(help: "Output format (tsv, json); default: from the output's extension.")
    var to: String?

    @Option(help: "Text encoding: utf-8, utf-8-bom, utf-16le or gb18030. Reading: overrides detection; writing TSV: the output's encoding (default utf-8).")
    var encoding: String?

    @Flag(help: "Refuse to replace an existing output file.")
    var noClobber = false

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding \"\(encoding)\"; use utf-8, utf-8-bom, utf-16le or gb18030")
        }
    }

    func inputEncoding() throws -> TextEncoding? { encoding.flatMap(TextEncoding.init(name:)) }
    func outputEncoding() throws -> TextEncoding? { encoding.flatMap(TextEncoding.init(name:)) }

    func inputFormat(for path: String) throws -> (any FormFormat)? {
        try from.map { try FormatRegistry.format(named: $0, encoding: inputEncoding()) }
            ?? (path == "-" ? FormatRegistry.format(named: "json") : nil)
    }

    func outputFormat(for path: String) throws -> (any FormFormat)? {
        try to.map { try FormatRegistry.format(named: $0, encoding: outputEncoding()) }
            ?? (path == "-" ? FormatRegistry.format(named: "json") : nil)
    }
}
