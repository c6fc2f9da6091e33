/// A level-1 or level-2 indicator label, `产出指标 (50分)`, written from and parsed by the layout's pattern.
struct LevelLabel: Sendable {
    private let prefix: String
    private let separator: String
    private let suffix: String
    /// `separator` and `suffix` as labels compare, worked out once.
    private let open: String, close: String

    /// `pattern` holds `{name}` then `{weight}`, as a layout's `level1Label`.
    init(_ pattern: String) {
        let afterName = pattern.components(separatedBy: "{name}")
        prefix = afterName.first ?? ""
        let rest = afterName.count > 1 ? afterName[1] : ""
        let weightParts = rest.components(separatedBy: "{weight}")
        separator = weightParts.first ?? ""
        suffix = weightParts.count > 1 ? weightParts[1] : ""
        open = LabelText.normalized(separator)
        close = LabelText.normalized(suffix)
    }

    func format(name: String, weight: FormDecimal?) -> String {
        guard let weight else { return prefix + name }
        return prefix + name + separator + weight.description + suffix
    }

    /// Name and weight of a label; either may be missing (`效益指标` alone, or `(30分)` alone); nil if the weight is malformed.
    func parse(_ raw: String) -> (name: String?, weight: FormDecimal?)? { parse(raw, simple: Self.isSimple(raw)) }

    /// `parse`, taking a simple text (see `isSimple`) apart by its scalars, else by its characters.
    func parse(_ raw: String, simple: Bool) -> (name: String?, weight: FormDecimal?)? {
        if raw.isEmpty { return (nil, nil) }
        // Names are joined across in-cell line breaks (`经济效益\n指标` is 经济效益指标), and across the spaces a
        // browser's copy makes of them (`经济效益 指标`).
        let trimmed = raw.trimmed
        let text = !trimmed.unicodeScalars.contains(where: Self.isWhitespace) ? trimmed
            : simple ? String(String.UnicodeScalarView(raw.unicodeScalars.filter { !Self.isWhitespace($0) }))
            : String(raw.filter { !$0.isWhitespace })
        guard !text.isEmpty else { return (nil, nil) }
        let compact = LabelText.normalized(text)
        guard !open.isEmpty, compact.hasSuffix(close), let start = LabelText.range(of: open, in: compact[...], last: true) else {
            return (text, nil)
        }
        let number = compact[start.upperBound..<compact.index(compact.endIndex, offsetBy: -close.count)]
        guard let weight = FormDecimal(parsing: String(number)) else { return nil }
        let namePart = simple ? Self.scalarPrefix(of: text, beforeLast: open) : Self.prefix(of: text, beforeLast: open)
        return (namePart.isEmpty ? nil : namePart, weight)
    }

    /// `Character.isWhitespace` of a one-scalar character, answered without Unicode's tables for ASCII and the CJK
    /// ideographs a label is made of.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0..<0x80, 0x3400...0x9FFF: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// True when every scalar of `text` is a character of its own, as a label's ASCII, CJK ideographs, CJK
    /// punctuation and full-width forms are (no combining marks, no variation selectors): then its scalars can be
    /// taken apart as its characters are, without Unicode's grapheme rules (about 3,500 instructions a label).
    static func isSimple(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x80, 0x3000...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
            default: return false
            }
        }
    }

    /// `prefix(of:beforeLast:)` over the scalars of a simple text (see `isSimple`).
    private static func scalarPrefix(of text: String, beforeLast open: String) -> String {
        let scalars = text.unicodeScalars
        guard open.unicodeScalars.count == 1, let wanted = open.unicodeScalars.first else { return text }
        guard let index = scalars.lastIndex(where: { LabelText.halfWidth($0) == wanted }) else { return text }
        return text[..<index].trimmed
    }

    /// The text before the last opening bracket, full- or half-width.
    private static func prefix(of text: String, beforeLast open: String) -> String {
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if LabelText.halfWidth(String(text[index])) == open {
                return text[..<index].trimmed
            }
        }
        return text
    }
}
