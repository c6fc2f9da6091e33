import Foundation

/// The canonical JSON: the contract other systems read, with decimals as strings so no digit is lost.
public struct JSONFormat: FormFormat {
    public let name = "json"
    public let extensions = ["json"]

    public init() {}

    public func read(_ data: Data, options: ReadOptions) throws -> [FormReading] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw EvalSheetError(.unreadable, "not valid JSON (\(Self.describe(error))); check the file is the form's JSON", zh: "不是有效的 JSON（\(Self.describe(error))）；请确认文件是该表的 JSON")
        }
        return [FormReading(form: try JSONFormDecoder.form(from: root))]
    }

    /// JSON holds every field as it is.
    public func notes(for form: Form, options: WriteOptions) throws -> [BilingualText] { [] }

    public func write(_ form: Form, options: WriteOptions) throws -> Data {
        JSONFormWriter.data(of: form)
    }

    private static func describe(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.count > 120 ? line.prefix(117) + "…" : line
    }
}
