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
    /// Where the field sits on the printed form (`绩效指标 › 产出指标 › 数量指标 › 党建事务 · 得分`), empty for the whole form.
    public var placeZH = ""
    public var placeEN = ""

    public func message(_ language: Language) -> String { language == .zh ? messageZH : messageEN }
    public func place(_ language: Language) -> String { language == .zh ? placeZH : placeEN }

    /// The finding with its place in words worked out from `form`.
    func placed(in form: Form) -> Finding {
        var finding = self
        finding.placeZH = FieldPlace.words(path, in: form, language: .zh)
        let english = FieldPlace.words(path, in: form, language: .en)
        finding.placeEN = english.prefix(1).uppercased() + english.dropFirst()
        return finding
    }
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
