import ArgumentParser
import EvalSheet
import Foundation

/// Options shared by commands that read and write forms: formats, text encodings, clobbering.
struct FormatOptions: ParsableArguments {
    @Option(help: "Input format (\(FormatRegistry.names)); default: from the input's extension.")
    var from: String?

    @Option(help: "Output format (\(FormatRegistry.names)); default: from the output's extension.")
    var to: String?

    @Option(help: "Text encoding of TSV output (utf-8, utf-8-bom, utf-16le, gb18030; default utf-8); when the output is not TSV, of the input instead.")
    var encoding: String?

    @Option(help: "Text encoding of TSV input, overriding detection.")
    var inputEncoding: String?

    @Flag(help: "Refuse to replace an existing output file.")
    var noClobber = false

    func validate() throws {
        for name in [encoding, inputEncoding].compactMap({ $0 }) where TextEncoding(name: name) == nil {
            throw ValidationError(CommandLanguage.text("unknown encoding \"\(name)\"; use utf-8, utf-8-bom, utf-16le or gb18030",
                                                       zh: "未知编码 \"\(name)\"；请使用 utf-8、utf-8-bom、utf-16le 或 gb18030"))
        }
    }

    /// The reader for `input` and the writer for `output`, from the flags or the extensions (an output `-` means JSON);
    /// no reader for standard input, known by its content (text when an input encoding is given), nor for a folder
    /// (an unzipped spreadsheet) or an .xls.
    func resolve(input: String, output: String) throws -> (reader: (any FormFormat)?, writer: any FormFormat) {
        let outputName = try to ?? (output == "-" ? "json" : FormatRegistry.format(forPath: output).name)
        let writer = try FormatRegistry.format(named: outputName, encoding: encoding.flatMap(TextEncoding.init(name:)))
        let readEncoding = (inputEncoding ?? (["tsv", "csv"].contains(outputName) ? nil : encoding)).flatMap(TextEncoding.init(name:))
        var isFolder: ObjCBool = false
        if from == nil, FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue {
            return (nil, writer)
        }
        if from == nil, (input == "-" && readEncoding == nil) || input.lowercased().hasSuffix(".xls") { return (nil, writer) }  // FormFiles tells them apart
        let inputName = try from ?? (input == "-" ? "tsv" : FormatRegistry.format(forPath: input).name)
        return (try FormatRegistry.format(named: inputName, encoding: readEncoding), writer)
    }
}
