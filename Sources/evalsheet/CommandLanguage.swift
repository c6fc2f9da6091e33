import EvalSheet
import Foundation

/// The language of every message the command prints: `--lang zh|en` anywhere before `--`, else `LANG`/`LC_ALL`,
/// so errors thrown before or while the arguments are parsed follow it too.
enum CommandLanguage {
    static let current = of(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

    /// The language chosen by `arguments` (`--lang zh`, `--lang=zh`), else by the environment.
    static func of(_ arguments: [String], environment: [String: String]) -> Language {
        var chosen: Language?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count { chosen = Language(rawValue: arguments[index + 1]) ?? chosen }
            if argument.hasPrefix("--lang=") { chosen = Language(rawValue: String(argument.dropFirst(7))) ?? chosen }
        }
        return chosen ?? .fromEnvironment(environment)
    }

    /// `en` or `zh`, whichever the command speaks.
    static func text(_ en: String, zh: String) -> String { current == .zh ? zh : en }
}
