import EvalSheet
import Foundation

/// The language of every message the command prints: `--lang zh|en` anywhere before `--`, else `LANG`/`LC_ALL`,
/// so errors thrown before or while the arguments are parsed follow it too.
enum CommandLanguage {
    static let current = of(Array(CommandLine.arguments.dropFirst()), environment: languageVariables)

    /// LC_ALL and LANG, what `Language.fromEnvironment` reads: the whole environment through ProcessInfo cost 880,000
    /// instructions at every start.
    private static var languageVariables: [String: String] {
        var variables: [String: String] = [:]
        for name in ["LC_ALL", "LANG"] {
            if let value = getenv(name) { variables[name] = String(cString: value) }
        }
        return variables
    }

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

    /// `arguments` with a `--lang X` in front of the command moved after it, where every command takes it
    /// (`evalsheet --lang zh convert a b` → `convert --lang zh a b`).
    static func afterCommand(_ arguments: [String]) -> [String] {
        let count = arguments.first == "--lang" ? 2 : arguments.first?.hasPrefix("--lang=") == true ? 1 : 0
        guard count > 0, arguments.count > count else { return arguments }
        return [arguments[count]] + arguments[..<count] + arguments[(count + 1)...]
    }

    /// `en` or `zh`, whichever the command speaks.
    static func text(_ en: String, zh: String) -> String { current == .zh ? zh : en }
}
