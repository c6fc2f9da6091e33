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
