import Foundation

/// Shows a stored number as the user sees it under its format code: `0%` shows 1 as `100%`, `#,##0.00` shows
/// 2560000 as `2,560,000.00`; computed on exact decimals from the XML text, never on binary floats.
struct NumberFormat {
    private let decimals: Int?
    private let percent: Bool
    private let grouping: Bool
    private let isText: Bool

    init(code: String) {
        let section = NumberFormat.firstSection(code)
        isText = section == "@"
        percent = section.contains("%")
        grouping = section.contains("#,#") || section.contains("0,0")
        let isNumeric = section.contains("0") || section.contains("#")
        let isDate = section.lowercased().contains(where: { "ymdhs".contains($0) }) && !section.lowercased().contains("general")
        if !isNumeric || isDate || section.lowercased().contains("e+") {
            decimals = nil
        } else if let point = section.firstIndex(of: ".") {
            decimals = section[section.index(after: point)...].prefix { $0 == "0" || $0 == "#" }.count
        } else {
            decimals = 0
        }
    }

    /// The text shown for the stored number `raw` (the cell's `<v>`).
    func display(_ raw: String) -> String {
        guard !isText, let value = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")), raw.first != "." else { return raw }
        guard let decimals else { return NumberFormat.general(value) }
        let shown = FormDecimal(percent ? value * 100 : value, scale: decimals).rounded(decimals).description
        return (grouping ? NumberFormat.group(shown) : shown) + (percent ? "%" : "")
    }

    /// General: the number in plain digits, at most 15 significant, as Excel shows it.
    static func general(_ value: Decimal) -> String {
        let integerDigits = max(1, value.exponent + value.significand.description.count)
        let rounded = FormDecimal(value, scale: 0).rounded(15 - integerDigits)
        return FormDecimal(rounded.value, scale: rounded.significantScale).description
    }

    /// The stored number `raw` (a cell's `<v>`) as a plain decimal at Excel's 15 significant digits, whatever the
    /// format shows (`2555831.4` under `#,##0`; `1E-20` → `0.00000000000000000001`); nil when `raw` is not a number.
    static func stored(_ raw: String) -> String? {
        guard !raw.isEmpty, raw.allSatisfy({ "0123456789+-.eE".contains($0) }), Double(raw) != nil,
              let value = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        guard !value.isZero else { return "0" }
        let leading = value.exponent + value.significand.description.count - 1
        let rounded = FormDecimal(value, scale: 0).rounded(14 - leading)
        var text = FormDecimal(rounded.value, scale: max(0, 14 - leading)).description
        if text.contains(".") { text = String(text.reversed().drop { $0 == "0" }.drop { $0 == "." }.reversed()) }
        return text
    }

    private static func group(_ text: String) -> String {
        var integer = Substring(text.split(separator: ".", maxSplits: 1).first ?? "")
        let fraction = text.contains(".") ? "." + (text.split(separator: ".", maxSplits: 1).last ?? "") : ""
        var sign = ""
        if integer.hasPrefix("-") { sign = "-"; integer = integer.dropFirst() }
        var groups: [Substring] = []
        while integer.count > 3 {
            groups.insert(integer.suffix(3), at: 0)
            integer = integer.dropLast(3)
        }
        groups.insert(integer, at: 0)
        return sign + groups.joined(separator: ",") + fraction
    }

    /// The positive section of a format code, without colours, conditions, quoted text, escapes and padding.
    private static func firstSection(_ code: String) -> String {
        var result = ""
        var inQuotes = false
        var skipNext = false
        var inBrackets = false
        for character in code {
            if skipNext { skipNext = false; continue }
            if inQuotes { if character == "\"" { inQuotes = false }; continue }
            if inBrackets { if character == "]" { inBrackets = false }; continue }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": skipNext = true
            case ";": return result
            default: result.append(character)
            }
        }
        return result
    }
}
