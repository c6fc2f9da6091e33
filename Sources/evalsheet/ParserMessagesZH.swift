import Foundation

/// swift-argument-parser's usage errors in Chinese: its message lines translated, the usage lines kept.
enum ParserMessagesZH {
    /// `text` (as `fullMessage(for:)` gives it) with each line the parser writes in English put in Chinese.
    static func translate(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n")
    }

    private static func line(_ line: String) -> String {
        let see = "  See '", more = "' for more information."
        if line.hasPrefix("Error: ") { return "错误：" + message(String(line.dropFirst(7))) }
        if line.hasPrefix("Help:  ") { return "说明：" + line.dropFirst(7) }
        if line.hasPrefix("Usage: ") { return "用法：" + line.dropFirst(7) }
        if line.hasPrefix(see), line.hasSuffix(more) { return "  详见 \(line.dropFirst(see.count).dropLast(more.count))。" }
        return line
    }

    /// The parser's messages (ErrorMessageGenerator in swift-argument-parser) and their Chinese.
    private static let messages: [(pattern: NSRegularExpression, zh: String)] = [
        (#"^Missing expected argument '(.+)'$"#, "缺少参数 $1"),
        (#"^Missing one of: (.+)$"#, "缺少以下之一：$1"),
        (#"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#, "未知选项 $1；您是否要输入 $2？"),
        (#"^Unknown option '(.+)'$"#, "未知选项 $1"),
        (#"^Unexpected argument '(.+)'$"#, "多余的参数 $1"),
        (#"^(\d+) unexpected arguments: (.+)$"#, "$1 个多余的参数：$2"),
        (#"^Missing value for '(.+)'$"#, "选项 $1 缺少值"),
        (#"^The value '(.+)' is invalid for '(.+)'(.*)$"#, "值 $1 对 $2 无效$3"),
        (#"^Invalid option: (.+)$"#, "无效选项：$1"),
        (#"^Missing required subcommand\.$"#, "缺少子命令"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    private static func message(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        for (pattern, zh) in messages where pattern.firstMatch(in: text, range: range) != nil {
            return pattern.stringByReplacingMatches(in: text, range: range, withTemplate: zh)
        }
        return text
    }
}
