/// A sentence in English and Chinese, shown in the language asked for: what batch reports of a file, what writing
/// a form changed or left out.
public struct BilingualText: Sendable, Equatable {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The message of a failure, in English and Chinese.
    init(_ error: EvalSheetError) {
        self.init(en: error.message, zh: error.messageZH)
    }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}
