/// One thing a check found, with where it is and a message in Chinese and English for finance staff.
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }

    public let severity: Severity
    /// A stable identifier for systems that act on findings (`score-above-weight`).
    public let code: String
    /// The field's JSON path (`indicators[0].categories[2].items[0].score`), or empty for the whole form.
    public let path: String
    /// The label finance staff know the field by (`* 得分`).
    public let label: String
    /// The cell in the file it came from (`H22`), when known.
    public var cell: String?
    public let expected: String?
    public let found: String?
    public let messageZH: String
    public let messageEN: String

    public func message(_ language: Language) -> String { language == .zh ? messageZH : messageEN }
}

/// The language of messages: Chinese for finance staff, English for the people who run the systems.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// From `LANG`/`LC_ALL`: Chinese when it starts with `zh`, English otherwise.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let value = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return value.lowercased().hasPrefix("zh") ? .zh : .en
    }
}
