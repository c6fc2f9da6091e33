import Foundation

/// The text encodings old exports come in, detected from the bytes or chosen with `--encoding`.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case gb18030 = "gb18030"

    /// GB18030 (a superset of GBK and GB2312) as Foundation names it on every platform.
    private static let gb18030Encoding = String.Encoding(rawValue: 0x8000_0632)

    /// Accepts the names people use: `utf8`, `UTF-8`, `gbk`, `gb2312`, `utf-16`.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-8-bom", "utf8-bom", "utf-8-sig": self = .utf8BOM
        case "utf-16le", "utf-16", "utf16", "unicode": self = .utf16LE
        case "utf-16be": self = .utf16BE
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }

    /// Calls `body` with the text's bytes in an encoding that keeps tab, newline, CR and quote as single bytes
    /// (UTF-8 or GB18030, BOM removed; UTF-16 is converted to UTF-8) and a decoder for any run of them between those.
    /// The encoding is detected (BOMs first, then strict UTF-8, then GB18030) unless `forced`.
    public static func withCellBytes<T>(_ data: Data, as forced: TextEncoding? = nil,
                                        _ body: (UnsafeBufferPointer<UInt8>, (UnsafeBufferPointer<UInt8>) throws -> String) throws -> T) throws -> T {
        let prefix = [UInt8](data.prefix(3))
        let encoding = forced ?? detect(prefix, data)
        let invalid = EvalSheetError(.unreadable, "not valid \(encoding.rawValue) text; convert again with --encoding set to the file's encoding", zh: "不是有效的 \(encoding.rawValue) 文本；请用 --encoding 指定文件的编码后重新转换")
        var bytes = data
        switch encoding {
        case .utf8BOM, .utf8:
            if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = data.dropFirst(3) }
            guard forced == nil && encoding == .utf8 || isValidUTF8(bytes) else { throw invalid }
        case .utf16LE, .utf16BE:
            let bom: [UInt8] = encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
            guard let text = String(data: prefix.starts(with: bom) ? data.dropFirst(2) : data, encoding: encoding.foundationEncoding) else { throw invalid }
            bytes = Data(text.utf8)
        case .gb18030:
            break
        }
        let decode: (UnsafeBufferPointer<UInt8>) throws -> String = encoding != .gb18030 ? { String(decoding: $0, as: UTF8.self) } : {
            if $0.allSatisfy({ $0 < 0x80 }) { return String(decoding: $0, as: UTF8.self) }
            guard let text = String(bytes: $0, encoding: Self.gb18030Encoding) else { throw invalid }
            return text
        }
        return try bytes.withUnsafeBytes { try body($0.bindMemory(to: UInt8.self), decode) }
    }

    private static func detect(_ bytes: [UInt8], _ data: Data) -> TextEncoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        if isValidUTF8(data) { return .utf8 }
        return .gb18030
    }

    /// Encodes `text` for writing, with a BOM where the encoding has one.
    public func encode(_ text: String) throws -> Data {
        switch self {
        case .utf8: return Data(text.utf8)
        case .utf8BOM: return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case .utf16LE, .utf16BE:
            guard let body = text.data(using: foundationEncoding) else { break }
            return Data(self == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]) + body
        case .gb18030:
            guard let body = text.data(using: Self.gb18030Encoding) else { break }
            return body
        }
        throw EvalSheetError(.invalidForm, "the form holds characters that \(rawValue) cannot encode; write UTF-8 instead", zh: "表中有 \(rawValue) 无法编码的字符；请改写为 UTF-8")
    }

    private var foundationEncoding: String.Encoding {
        switch self {
        case .utf8, .utf8BOM: return .utf8
        case .utf16LE: return .utf16LittleEndian
        case .utf16BE: return .utf16BigEndian
        case .gb18030: return Self.gb18030Encoding
        }
    }
}

/// True when `data` is well-formed UTF-8.
private func isValidUTF8(_ data: Data) -> Bool {
    // The standard library's validation (ASCII checked a word at a time) costs under half of decoding scalar by scalar.
    data.withUnsafeBytes { raw in String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) != nil }
}
