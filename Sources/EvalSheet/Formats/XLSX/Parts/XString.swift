import Foundation

/// OOXML's ST_Xstring escapes, `_xHHHH_` for one UTF-16 unit: how XML-illegal characters (U+FFFE, U+FFFF, C0
/// controls) and Excel's CR (`_x000D_`) travel in cell text, and `_x005F_` for an underscore that starts one.
enum XString {
    /// The cell text as written: `_xHHHH_`-looking text and U+FFFE/U+FFFF escaped (libxlsxwriter escapes C0 controls
    /// itself); a NUL is refused, since the C string libxlsxwriter takes would end there.
    static func encode(_ text: String, at place: @autoclosure () -> String) throws -> String {
        guard text.unicodeScalars.contains(where: { $0 == "_" || $0 == "\u{FFFE}" || $0 == "\u{FFFF}" || $0 == "\0" }) else { return text }
        if text.utf8.contains(0) {
            throw EvalSheetError(.invalidForm, "\(place()): the text holds a NUL character, which a spreadsheet cell cannot hold; remove it and convert again", zh: "\(place())：文本中有单元格不能容纳的 NUL 字符；请删除后重新转换")
        }
        let units = Array(text.utf16)
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        for (index, unit) in units.enumerated() {
            if unit == 0xFFFE || unit == 0xFFFF || (unit == 0x5F && readsAsEscape(at: index, in: units)) {
                result += Array(String(format: "_x%04X_", unit).utf16)
            } else {
                result.append(unit)
            }
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// The text with every `_xHHHH_` turned back into its UTF-16 unit, as Excel reads it.
    static func decode(_ text: String) -> String {
        // A byte check first (memchr over the UTF-8 in place): Foundation's contains("_x") costs more than the whole cell.
        let underscore = text.utf8.withContiguousStorageIfAvailable { $0.isEmpty ? false : memchr($0.baseAddress!, 0x5F, $0.count) != nil }
        guard underscore ?? text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let units = Array(text.utf16)
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        var index = 0
        while index < units.count {
            if let unit = escape(at: index, in: units) {
                result.append(unit)
                index += 7
            } else {
                result.append(units[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// The unit of the `_xHHHH_` escape starting at `index`, nil when none starts there.
    private static func escape(at index: Int, in units: [UInt16]) -> UInt16? {
        guard index + 6 < units.count, units[index + 6] == 0x5F else { return nil }
        return hexUnit(at: index, in: units)
    }

    /// True when the text at `index` will read as an escape once written: `_xHHHH_`, or `_xHHHH` before a C0
    /// control, which libxlsxwriter writes as `_x0007_`, so its underscore closes the one before (found by make fuzz).
    private static func readsAsEscape(at index: Int, in units: [UInt16]) -> Bool {
        guard index + 6 < units.count, hexUnit(at: index, in: units) != nil else { return false }
        let next = units[index + 6]
        return next == 0x5F || (next < 0x20 && next != 0x09 && next != 0x0A)
    }

    /// The unit of `_xHHHH` at `index`, nil when the text there is anything else.
    private static func hexUnit(at index: Int, in units: [UInt16]) -> UInt16? {
        guard index + 5 < units.count, units[index] == 0x5F, units[index + 1] == 0x78 else { return nil }
        var value: UInt16 = 0
        for unit in units[(index + 2)...(index + 5)] {
            guard let digit = Unicode.Scalar(unit).flatMap({ Character($0).hexDigitValue }) else { return nil }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
