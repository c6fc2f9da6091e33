import Foundation

/// The text encodings old exports come in, detected from the bytes or chosen with `--encoding`.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case gb18030 = "gb18030"

    /// GB18030 (a superset of GBK and GB2312) as Foundation names it on every platform.
    private static let gb18030Encoding = String.Encoding(rawValue: 0x8000_0632)

    /// Accepts the names people use: `utf8`, `UTF-8`, `gbk`, `gb2312`, `utf-16`.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-8-bom", "utf8-bom", "utf-8-sig": self = .utf8BOM
        case "utf-16le", "utf-16", "utf16", "unicode": self = .utf16LE
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }

    /// Decodes `data`: BOMs first, then strict UTF-8, then GB18030.
    public static func decode(_ data: Data, as forced: TextEncoding? = nil) throws -> String {
        let bytes = [UInt8](data.prefix(3))
        let encoding = forced ?? detect(bytes, data)
        let body: Data
        switch encoding {
        case .utf8BOM, .utf8:
            body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        case .utf16LE:
            body = bytes.starts(with: [0xFF, 0xFE]) ? data.dropFirst(2) : data
        case .gb18030:
            body = data
        }
        guard let text = String(data: Data(body), encoding: encoding.foundationEncoding) else {
            throw EvalSheetError(.unreadable, "not valid \(encoding.rawValue) text; convert again with --encoding set to the file's encoding")
        }
        return text
    }

    private static func detect(_ bytes: [UInt8], _ data: Data) -> TextEncoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if isValidUTF8(data) { return .utf8 }
        return .gb18030
    }

    /// Encodes `text` for writing, with a BOM where the encoding has one.
    public func encode(_ text: String) throws -> Data {
        switch self {
        case .utf8: return Data(text.utf8)
        case .utf8BOM: return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case .utf16LE:
            guard let body = text.data(using: .utf16LittleEndian) else { break }
            return Data([0xFF, 0xFE]) + body
        case .gb18030:
            guard let body = text.data(using: Self.gb18030Encoding) else { break }
            return body
        }
        throw EvalSheetError(.invalidForm, "the form holds characters that \(rawValue) cannot encode; write UTF-8 instead")
    }

    private var foundationEncoding: String.Encoding {
        switch self {
        case .utf8, .utf8BOM: return .utf8
        case .utf16LE: return .utf16LittleEndian
        case .gb18030: return Self.gb18030Encoding
        }
    }
}

/// True when `data` is well-formed UTF-8.
private func isValidUTF8(_ data: Data) -> Bool {
    data.withUnsafeBytes { raw in
        var iterator = raw.bindMemory(to: UInt8.self).makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
