// Build step that compiles Templates/fields.json and every Templates/layouts/*.json into the EvalSheet library.
import Foundation
import PackagePlugin

@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let layouts = templates.appending(path: "layouts")
        let layoutFiles = try FileManager.default.contentsOfDirectory(atPath: layouts.path)
            .filter { $0.hasSuffix(".json") }
            .map { layouts.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding Templates/",
                executable: try context.tool(named: "EmbedTemplates").url,
                arguments: [templates.path, output.path],
                // The folder itself is an input, so adding or removing a layout file rebuilds.
                inputFiles: [templates.appending(path: "fields.json"), layouts] + layoutFiles,
                outputFiles: [output]
            )
        ]
    }
}
