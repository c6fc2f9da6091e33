import ArgumentParser
import EvalSheet

/// `--lang zh|en`, which every command takes; `CommandLanguage` reads it before parsing, so it covers usage errors too.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of messages: zh or en (default: from LANG).")
    var lang: String?

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError(CommandLanguage.text("unknown language \"\(lang)\"; use zh or en", zh: "未知语言 \"\(lang)\"；请使用 zh 或 en"))
        }
    }
}
