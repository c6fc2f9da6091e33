/// What writing a form changed or left out, in English and Chinese.
public struct WriteNote: Sendable, Equatable {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) { (self.en, self.zh) = (en, zh) }

    /// The note in `language`.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}
