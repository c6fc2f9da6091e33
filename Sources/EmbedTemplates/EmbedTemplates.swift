// Turns the files of Templates/ into one Swift dictionary, so the layouts ship inside the library.
import Foundation

@main
struct EmbedTemplates {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 3, let output = arguments.last else {
            FileHandle.standardError.write(Data("usage: EmbedTemplates ROOT INPUT... OUTPUT\n".utf8))
            exit(2)
        }
        let root = URL(fileURLWithPath: arguments[0]).standardizedFileURL.path + "/"
        var source = "// Generated from Templates/ at build time; edit the templates, not this file.\n"
        source += "enum EmbeddedTemplates {\n    /// Each file's text by its path under Templates/.\n    static let files: [String: String] = [\n"
        for input in arguments.dropFirst().dropLast() {
            let path = URL(fileURLWithPath: input).standardizedFileURL.path
            let name = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
            let text = try String(contentsOf: URL(fileURLWithPath: input), encoding: .utf8)
            source += "        #\"\(name)\"#: #\"\"\"\n\(text)\n\"\"\"#,\n"
        }
        source += "    ]\n}\n"
        try source.write(toFile: output, atomically: true, encoding: .utf8)
    }
}
