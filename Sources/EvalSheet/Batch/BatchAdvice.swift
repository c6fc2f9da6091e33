/// Failure messages as batch gives them: advice naming an option `evalsheet batch` does not have (`--encoding`,
/// `--input-layout`) is replaced by what to do in a batch.
enum BatchAdvice {
    /// The options of `evalsheet batch`, which its advice may name.
    static let batchOptions: Set<String> = ["--to", "--jobs", "--mode", "--lang", "--no-clobber", "--file-seconds", "--baseline-dir", "--summary"]

    /// `message` with its advice (after the last `; `, or `；` in Chinese) replaced when it names another command's option.
    static func fitted(_ message: BilingualText) -> BilingualText {
        BilingualText(en: fitted(message.en, separator: "; ", language: .en), zh: fitted(message.zh, separator: "；", language: .zh))
    }

    private static func fitted(_ text: String, separator: String, language: Language) -> String {
        guard let split = text.range(of: separator, options: .backwards) else { return text }
        let advice = text[split.upperBound...]
        guard let foreign = options(in: advice).first(where: { !batchOptions.contains($0) }) else { return text }
        return String(text[..<split.lowerBound]) + separator + replacement(for: foreign).text(language)
    }

    /// The `--name` words in `text`.
    private static func options(in text: Substring) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
            .filter { $0.hasPrefix("--") && $0.count > 2 }
            .map { String($0) }
    }

    private static func replacement(for option: String) -> BilingualText {
        switch option {
        case "--encoding", "--input-encoding":
            return BilingualText(en: "save the file as UTF-8 text (or GB18030) and run the batch again",
                                zh: "请将文件另存为 UTF-8（或 GB18030）文本后重新运行批量转换")
        case "--input-layout":
            return BilingualText(en: "convert this file alone with evalsheet convert, naming the layout, or send the file so its layout can be added",
                                zh: "请用 evalsheet convert 单独转换此文件并指定版式，或提供此文件以便增加该版式")
        default:
            return BilingualText(en: "convert this file alone with evalsheet convert to choose how it is read",
                                zh: "请用 evalsheet convert 单独转换此文件并指定读取方式")
        }
    }
}
