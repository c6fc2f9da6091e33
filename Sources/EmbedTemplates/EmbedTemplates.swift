// Turns each file of Templates/ into a Swift string constant, so the layout ships inside the library.
import Foundation

@main
struct EmbedTemplates {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count >= 2, let output = arguments.last else {
            FileHandle.standardError.write(Data("usage: EmbedTemplates INPUT... OUTPUT\n".utf8))
            exit(2)
        }
        var source = "// Generated from Templates/ at build time; edit the templates, not this file.\n"
        source += "enum EmbeddedTemplates {\n"
        for input in arguments.dropLast() {
            let url = URL(fileURLWithPath: input)
            let name = url.deletingPathExtension().lastPathComponent
                .split(separator: ".").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            let text = try String(contentsOf: url, encoding: .utf8)
            let identifier = name.prefix(1).lowercased() + name.dropFirst()
            source += "    static let \(identifier) = #\"\"\"\n\(text)\n\"\"\"#\n"
        }
        source += "}\n"
        try source.write(toFile: output, atomically: true, encoding: .utf8)
    }
}
