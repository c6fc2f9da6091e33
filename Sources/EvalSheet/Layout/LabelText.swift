extension StringProtocol {
    /// The text without leading and trailing white space and newlines (a fast, Foundation-free trim).
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }

    /// True when the text holds nothing but white space.
    var isBlank: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
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
        if text.utf8.allSatisfy({ $0 >= 0x80 || ($0 > 0x20 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: ":")) }),
           !text.unicodeScalars.contains(where: { $0.value >= 0x3000 && $0.value <= 0xFF5E || $0.properties.isWhitespace }) {
            return text
        }
        var result = halfWidth(text)
        if result.contains("<") {
            for tag in ["<b>", "</b>", "<B>", "</B>", "<strong>", "</strong>"] {
                result = result.replacingOccurrences(of: tag, with: "")
            }
        }
        result.removeAll { $0.isWhitespace }
        while result.first == "*" { result.removeFirst() }
        while result.last == ":" { result.removeLast() }
        return result
    }
}
