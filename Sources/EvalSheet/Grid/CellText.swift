import Foundation

/// Turns the text of one cell into a field value, by the field's format in Templates/.
enum CellText {
    /// Texts that mean "nothing here" in a numeric cell.
    static let placeholders: Set<String> = ["", "—", "-", "–", "/", "－"]

    static func decimal(_ raw: String, percent: Bool) -> FormDecimal?? {
        // A plain number (`-12.50`) is its own value: no widths to fold, nothing to trim, never a placeholder.
        if let value = FormDecimal.plain(raw) { return .some(value) }
        var text = LabelText.halfWidth(raw).trimmed
        if placeholders.contains(text) { return .some(nil) }
        if percent, text.hasSuffix("%") { text.removeLast() }
        guard let value = FormDecimal(parsing: text) else { return nil }
        return .some(value)
    }

    static func integer(_ raw: String) -> Int?? {
        let text = LabelText.halfWidth(raw).trimmed
        if placeholders.contains(text) { return .some(nil) }
        guard let value = FormDecimal(parsing: text), value.significantScale == 0,
              let integer = Int(exactly: NSDecimalNumber(decimal: value.value).int64Value),
              Decimal(integer) == value.value
        else { return nil }
        return .some(integer)
    }

    /// The paragraphs of `<p>…</p>` markup (entities decoded), or the text itself when it has none.
    static func paragraphs(_ raw: String) -> [String] {
        guard raw.utf8.first(where: { $0 > 0x20 }) == UInt8(ascii: "<") else { return [raw] }
        var bytes = Array(raw.trimmed.utf8)
        if bytes.starts(with: Array("<P>".utf8)) {
            bytes = Array(String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: "<P>", with: "<p>").replacingOccurrences(of: "</P>", with: "</p>").utf8)
        }
        let open = Array("<p>".utf8), close = Array("</p>".utf8)
        guard bytes.starts(with: open) else { return [raw] }
        var result: [String] = []
        var position = 0
        while let start = find(open, in: bytes, from: position) {
            let contentStart = start + open.count
            guard let end = find(close, in: bytes, from: contentStart) else {
                result.append(HTMLEntities.decode(String(decoding: bytes[contentStart...], as: UTF8.self)))
                return result
            }
            result.append(HTMLEntities.decode(String(decoding: bytes[contentStart..<end], as: UTF8.self)))
            position = end + close.count
        }
        return result
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { UTF8Bytes.offset(of: $0, in: haystack, from: start) } }
    }
}

/// The few HTML entities old exports use inside `<p>` paragraphs.
enum HTMLEntities {
    static func encode(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func decode(_ text: String) -> String {
        var text = text
        // memchr over the bytes, where the generic `utf8.contains` took 38,000 instructions on a paragraph of the seed
        guard text.withUTF8({ $0.count > 0 && memchr($0.baseAddress!, Int32(UInt8(ascii: "&")), $0.count) != nil }) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let tail = rest[amp...]
            if let semicolon = tail.prefix(12).firstIndex(of: ";"),
               let decoded = entity(String(tail[tail.index(after: tail.startIndex)..<semicolon])) {
                result.append(decoded)
                rest = tail[tail.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = tail.dropFirst()
            }
        }
        return result + rest
    }

    private static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{00A0}"
        default:
            let number: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") { number = UInt32(name.dropFirst(2), radix: 16) }
            else if name.hasPrefix("#") { number = UInt32(name.dropFirst()) }
            else { number = nil }
            return number.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}

/// The `<p>…</p>` markup old exports use for paragraphs.
enum ParagraphMarkup {
    /// Every paragraph of `text` (split at newlines) in `<p>` markup, entities encoded.
    static func encode(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "<p>\(HTMLEntities.encode(String($0)))</p>" }.joined()
    }

    /// A plain text that a reader would take for markup (it starts with `<p>`) is written as markup; others as they are.
    static func protect(_ text: String) -> String {
        let start = text.trimmed.prefix(3).lowercased()
        return start == "<p>" ? encode(text) : text
    }
}
