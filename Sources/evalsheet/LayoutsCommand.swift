import ArgumentParser
import EvalSheet
import Foundation

/// `evalsheet layouts`: the layouts of the form this tool reads and writes, one line each.
struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts",
        abstract: "List the layouts of the form (id, title, where used); each is a file of Templates/layouts/.",
        discussion: "Reading finds the layout from the labels; --input-layout ID forces one, --layout ID chooses the output's."
    )

    @OptionGroup var messages: LanguageOption

    func run() throws {
        let layouts = try Layouts.all()
        let width = layouts.map(\.id.count).max() ?? 0
        for layout in layouts {
            print(layout.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + layout.title + " — " + layout.usedIn)
        }
    }
}

/// Prints what writing a form changed or left out, one `note:` line each, on standard error.
enum WriteNotes {
    static func print(_ notes: [BilingualText]) {
        let prefix = CommandLanguage.text("note: ", zh: "注意：")
        for note in notes { FileHandle.standardError.write(Data("evalsheet: \(prefix)\(note.text(CommandLanguage.current))\n".utf8)) }
    }
}
