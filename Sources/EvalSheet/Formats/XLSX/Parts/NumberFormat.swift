import Foundation
import Synchronization

/// Shows a stored number as the user sees it under its format code: `0%` shows 1 as `100%`, `#,##0.00` shows
/// 2560000 as `2,560,000.00`; computed on exact decimals from the XML text, never on binary floats.
struct NumberFormat {
    private let decimals: Int?
    private let percent: Bool
    private let grouping: Bool
    private let isText: Bool

    /// The format of `code`, taken apart once per process: a workbook has a few codes, and the same ones recur.
    static func of(code: String) -> NumberFormat {
        if let known = known.withLock({ $0[code] }) { return known }
        let format = NumberFormat(code: code)
        known.withLock { if $0.count < maximumKnown { $0[code] = format } }
        return format
    }

    private static let known = Mutex<[String: NumberFormat]>([:])
    /// Most codes kept: a workbook is untrusted, and may declare any number of codes.
    private static let maximumKnown = 256

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
    func display(_ raw: String) -> String { display(raw, plain: NumberFormat.plainStored(raw)) }

    /// The same, given what `plainStored(raw)` gives (a reader needing both works it out once).
    func display(_ raw: String, plain: String?) -> String {
        // (the byte first: a Character is dearer to take apart, and every number cell asks)
        guard !isText, raw.utf8.first != UInt8(ascii: ".") || raw.first != "." else { return raw }
        // General shows a plain decimal of at most 15 significant digits, not below 1 (or 0 itself), as it is stored:
        // no arithmetic needed.
        if decimals == nil, raw == "0" || raw.utf8.first(where: { $0 != UInt8(ascii: "-") }).map({ $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) == true,
           let plain { return plain }
        if let decimals, let plain, let shown = NumberFormat.padded(plain, decimals: decimals, percent: percent) {
            return (grouping ? NumberFormat.group(shown) : shown) + (percent ? "%" : "")
        }
        guard let value = Decimal(string: raw, locale: NumberFormat.posix) else { return raw }
        guard let decimals else { return NumberFormat.general(value) }
        let shown = FormDecimal(percent ? value * 100 : value, scale: decimals).rounded(decimals).description
        return (grouping ? NumberFormat.group(shown) : shown) + (percent ? "%" : "")
    }

    /// The common fixed-places case without arithmetic: a plain decimal (× 100 for a percent, by moving its point)
    /// with no more places than the format shows, padded with zeros (`2560000` at two places → `2560000.00`,
    /// `0.9984` as a percent → `99.84`); nil when rounding is needed.
    private static func padded(_ stored: String, decimals: Int, percent: Bool) -> String? {
        let plain = percent ? hundredfold(stored) : stored
        let places = plain.utf8.firstIndex(of: UInt8(ascii: ".")).map { plain.utf8.distance(from: $0, to: plain.utf8.endIndex) - 1 } ?? 0
        guard places <= decimals else { return nil }
        guard places < decimals else { return plain }
        // built from its bytes: joining the pieces cost about 4,800 instructions a cell
        return ASCIIText.make(capacity: plain.utf8.count + 1 + decimals - places) { text in
            text.append(plain)
            if places == 0 { text.append(".") }
            for _ in places..<decimals { text.append("0") }
        }
    }

    /// A plain decimal as `plainStored` gives it (no trailing fraction zeros) × 100: `0.9984` → `99.84`, `-1.5` → `-150`.
    private static func hundredfold(_ plain: String) -> String {
        var digits = Substring(plain)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? parts[1] : ""
        var integer = String(parts[0]) + fraction.prefix(2) + String(repeating: "0", count: max(0, 2 - fraction.count))
        while integer.count > 1, integer.first == "0" { integer.removeFirst() }
        let rest = fraction.dropFirst(2)
        return (negative ? "-" : "") + integer + (rest.isEmpty ? "" : "." + rest)
    }

    /// General: the number in plain digits, at most 15 significant, as Excel shows it.
    static func general(_ value: Decimal) -> String {
        let integerDigits = max(1, value.exponent + value.significand.description.count)
        let rounded = FormDecimal(value, scale: 0).rounded(15 - integerDigits)
        return FormDecimal(rounded.value, scale: rounded.significantScale).description
    }

    /// The POSIX locale, made once: making one costs more than parsing the number.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The stored number `raw` (a cell's `<v>`) as a plain decimal at Excel's 15 significant digits, whatever the
    /// format shows (`2555831.4` under `#,##0`; `1E-20` → `0.00000000000000000001`); nil when `raw` is not a number.
    static func stored(_ raw: String) -> String? {
        if let plain = plainStored(raw) { return plain }
        guard !raw.isEmpty, raw.utf8.allSatisfy({ "0123456789+-.eE".utf8.contains($0) }), Double(raw) != nil else { return nil }
        // Plain decimals parse without Foundation; exponents (1E-20) through Decimal with a locale made once.
        let plain = raw.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) ? nil : FormDecimal(parsing: raw)?.value
        guard let value = plain ?? Decimal(string: raw, locale: posix) else { return nil }
        guard !value.isZero else { return "0" }
        let leading = value.exponent + value.significand.description.count - 1
        let rounded = FormDecimal(value, scale: 0).rounded(14 - leading)
        var text = FormDecimal(rounded.value, scale: max(0, 14 - leading)).description
        if text.utf8.contains(UInt8(ascii: ".")) { text = String(text.reversed().drop { $0 == "0" }.drop { $0 == "." }.reversed()) }
        return text
    }

    /// The common case without any arithmetic: a plain decimal (`2555831.4`, `-10`) of at most 15 significant
    /// digits is its own stored value, less trailing fraction zeros; nil for anything else.
    static func plainStored(_ raw: String) -> String? {
        UTF8Bytes.with(raw) { plainStored(bytes: $0) }
    }

    /// `plainStored` over the text's bytes where they are stored (every number cell asks; copying them into an array
    /// cost an allocation each).
    private static func plainStored(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
        // a digit first (`-.5` is left to the general way)
        guard index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else { return nil }
        // Leading zeros before a digit (`007`) are left to the general way.
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: ".") { return nil }
        var digits = 0, sawPoint = false, leadingZeros = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard !sawPoint else { return nil }
                sawPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if byte != UInt8(ascii: "0") { leadingZeros = false }
                if !leadingZeros { digits += 1 }
            } else {
                return nil
            }
            index += 1
        }
        guard digits <= 15, bytes.last != UInt8(ascii: "."), bytes.first != UInt8(ascii: "."), bytes.count <= 20 else { return nil }
        var end = bytes.count
        if sawPoint {
            while bytes[end - 1] == UInt8(ascii: "0") { end -= 1 }
            if bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        return text == "-0" || text.isEmpty ? "0" : text
    }

    private static func group(_ text: String) -> String {
        var integer = Substring(text.split(separator: ".", maxSplits: 1).first ?? "")
        let fraction = text.utf8.contains(UInt8(ascii: ".")) ? "." + (text.split(separator: ".", maxSplits: 1).last ?? "") : ""
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
