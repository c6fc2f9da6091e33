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
        return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            halfWidthBytes(of: text, droppingSpace: false) { buffer[count] = $0; count += 1 }
            return count
        }
    }

    /// The UTF-8 of `text` with each scalar in its half-width form (never longer), white space left out when
    /// `droppingSpace`, handed to `put` byte by byte: written straight into a new String's storage, not an array.
    private static func halfWidthBytes(of text: String, droppingSpace: Bool, _ put: (UInt8) -> Void) {
        for scalar in text.unicodeScalars {
            let half = halfWidth(scalar)
            if !(droppingSpace && half.isSpace) { UTF8.encode(half, into: put) }
        }
    }

    /// One scalar in its half-width form.
    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: return " "
        default: return scalar
        }
    }

    /// The comparable form of a label: `* 实际完成值` and `实际完成值` match, `项目编码：` and `项目编码:` too.
    /// Built as UTF-8 bytes: appending scalars to a String one by one costs far more. Without markup the bytes go
    /// straight into the new String's storage, leading stars left out as they come, with no array in between.
    static func normalized(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: { $0.isSpace || $0 == "<" || $0 == "*" || $0 == ":" || ($0.value >= 0xFF01 && $0.value <= 0xFF5E) }) {
            return text
        }
        guard text.utf8.contains(UInt8(ascii: "<")) else {
            return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
                var count = 0
                halfWidthBytes(of: text, droppingSpace: true) { byte in
                    guard count > 0 || byte != UInt8(ascii: "*") else { return }
                    buffer[count] = byte
                    count += 1
                }
                while count > 0, buffer[count - 1] == UInt8(ascii: ":") { count -= 1 }
                return count
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        halfWidthBytes(of: text, droppingSpace: true) { bytes.append($0) }
        if bytes.contains(UInt8(ascii: "<")) { bytes = withoutBoldTags(bytes) }
        var start = 0, end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: "*") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The first (or last) place `literal` stands in `text`, compared as UTF-8 bytes: both are normalised, so bytes
    /// compare as labels do (Foundation's `range(of:)` took about 11,000 instructions a search).
    static func range(of literal: String, in text: Substring, last: Bool) -> Range<String.Index>? {
        let offset = UTF8Bytes.with(literal) { needle in UTF8Bytes.with(text) { UTF8Bytes.offset(of: needle, in: $0, last: last) } }
        guard let offset else { return nil }
        let start = text.utf8.index(text.startIndex, offsetBy: offset)
        return start..<text.utf8.index(start, offsetBy: literal.utf8.count)
    }

    /// The bytes without `<b>`, `</b>` and `<strong>` tags (either case), as section labels carry them.
    private static func withoutBoldTags(_ bytes: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
                let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self).lowercased()
                if ["b", "/b", "strong", "/strong"].contains(name) {
                    index = close + 1
                    continue
                }
            }
            kept.append(bytes[index])
            index += 1
        }
        return kept
    }
}
