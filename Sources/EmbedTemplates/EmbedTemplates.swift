// Turns Templates/fields.json and every Templates/layouts/*.json into one Swift dictionary, so the layouts ship
// inside the library; the folder is listed here, at build time, so a new layout file needs no other change.
import Foundation

@main
struct EmbedTemplates {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count == 2 else {
            FileHandle.standardError.write(Data("usage: EmbedTemplates TEMPLATES-FOLDER OUTPUT\n".utf8))
            exit(2)
        }
        let root = URL(fileURLWithPath: arguments[0])
        let layouts = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("layouts").path)
            .filter { $0.hasSuffix(".json") }.sorted().map { "layouts/" + $0 }
        var source = "// Generated from Templates/ at build time; edit the templates, not this file.\n"
        source += "enum EmbeddedTemplates {\n    /// Each file's text by its path under Templates/.\n    static let files: [String: String] = [\n"
        for name in ["fields.json"] + layouts {
            let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            source += "        #\"\(name)\"#: #\"\"\"\n\(text)\n\"\"\"#,\n"
        }
        source += "    ]\n}\n"
        try source.write(toFile: arguments[1], atomically: true, encoding: .utf8)
    }
}
