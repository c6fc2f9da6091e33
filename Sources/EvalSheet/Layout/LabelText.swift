extension Unicode.Scalar {
    /// White space as forms use it: ASCII spaces and line breaks, no-break and ideographic spaces (a fast check).
    var isSpace: Bool {
        switch value {
        case 0x20, 0x09...0x0D, 0xA0, 0x3000, 0x2000...0x200B, 0x2028, 0x2029, 0xFEFF: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space and newlines (a fast, Foundation-free trim).
    var trimmed: String {
        let text = String(self)
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }),
              let last = scalars.lastIndex(where: { !$0.isSpace }) else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// True when the text holds nothing but white space.
    var isBlank: Bool { unicodeScalars.allSatisfy { $0.isSpace } }
}

/// Label matching that ignores what real files vary: full/half-width punctuation, spaces, `*`, `<b>`, colons.
enum LabelText {
    /// Maps full-width ASCII forms (`：（５０分）`) and the ideographic space to their half-width forms.
    static func halfWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x3000 && $0.value <= 0xFF5E }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The comparable form of a label: `* 实际完成值` and `实际完成值` match, `项目编码：` and `项目编码:` too.
    static func normalized(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: { $0.isSpace || $0 == "<" || $0 == "*" || $0 == ":" || ($0.value >= 0xFF01 && $0.value <= 0xFF5E) }) {
            return text
        }
        var result = halfWidth(text)
        if result.utf8.contains(UInt8(ascii: "<")) {
            for tag in ["<b>", "</b>", "<B>", "</B>", "<strong>", "</strong>"] {
                result = result.replacingOccurrences(of: tag, with: "")
            }
        }
        let scalars: [Unicode.Scalar] = result.unicodeScalars.filter { !$0.isSpace }
        var start = 0, end = scalars.count
        while start < end, scalars[start] == "*" { start += 1 }
        while end > start, scalars[end - 1] == ":" { end -= 1 }
        var view = String.UnicodeScalarView()
        for index in start..<end { view.append(scalars[index]) }
        return String(view)
    }
}
