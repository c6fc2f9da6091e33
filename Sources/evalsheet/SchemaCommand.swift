import ArgumentParser
import EvalSheet
import Foundation

/// `evalsheet schema`: the JSON Schema of the canonical JSON, generated from Templates/fields.json.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the canonical JSON (Templates/form.schema.json is this output)."
    )

    @OptionGroup var messages: LanguageOption

    func run() throws { FileHandle.standardOutput.write(Data(JSONSchemaWriter.text().utf8)) }
}
