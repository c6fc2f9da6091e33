import Foundation

/// An exact decimal as the form shows it: money, weights, rates and scores, never binary floating point.
public struct FormDecimal: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The exact value.
    public let value: Decimal
    /// How many digits to show after the point ("2560000.00" keeps 2).
    public let scale: Int
    /// The value's digits as an integer, `value` × 10^scale, when the number was read from plain digits: its text is
    /// then written from them, without Foundation's rounding and printing.
    private let digits: Int64?

    /// Most digits accepted in one number; Decimal holds 38.
    static let maximumDigits = 30

    public init(_ value: Decimal, scale: Int) {
        self.value = value
        self.scale = max(0, scale)
        digits = nil
    }

    private init(_ value: Decimal, scale: Int, digits: Int64) {
        self.value = value
        self.scale = scale
        self.digits = digits
    }

    /// `value` shown with at least `scale` places, and more where it has more digits: nothing is rounded away.
    public init(_ value: Decimal, atLeast scale: Int) {
        self.init(value, scale: max(scale, -value.exponent))
    }

    public init(_ integer: Int) {
        self.init(Decimal(integer), scale: 0)
    }

    /// Parses a plain decimal as people type it: `2560000.00`, `2,560,000.00`, `-1.5`, full-width digits; nil otherwise.
    public init?(parsing raw: String) {
        if let plain = FormDecimal.plain(raw) {
            self = plain
            return
        }
        var text = LabelText.halfWidth(raw).trimmed
        if text.utf8.contains(UInt8(ascii: ",")) {
            guard FormDecimal.hasValidGrouping(text) else { return nil }
            text.removeAll { $0 == "," }
        }
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)),
              body.count <= FormDecimal.maximumDigits + 1
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        var significand = Decimal(0)
        var chunk: UInt64 = 0
        var chunkDigits = 0
        // Build the digits in chunks of up to 18, exactly, without going through text parsing again.
        for digit in (parts[0] + fraction).utf8 {
            chunk = chunk * 10 + UInt64(digit - 48)
            chunkDigits += 1
            if chunkDigits == 18 {
                significand = significand * Decimal(sign: .plus, exponent: 18, significand: 1) + Decimal(chunk)
                chunk = 0
                chunkDigits = 0
            }
        }
        if chunkDigits > 0 {
            significand = significand * Decimal(sign: .plus, exponent: chunkDigits, significand: 1) + Decimal(chunk)
        }
        let magnitude = Decimal(sign: .plus, exponent: -fraction.count, significand: significand)
        self.init(text.first == "-" ? -magnitude : magnitude, scale: fraction.count)
    }

    /// The common case read straight from its UTF-8 into the same Decimal as the general way, byte for byte (a test
    /// holds them): a sign, ASCII digits and at most one point between digits, 18 digits at most (`-12.50`); nil for
    /// anything else.
    static func plain(_ raw: String) -> FormDecimal? {
        var chunk: UInt64 = 0, digits = 0, fraction = -1, negative = false, first = true
        for byte in raw.utf8 {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return nil }
                chunk = chunk * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if fraction >= 0 { fraction += 1 }
            case UInt8(ascii: ".") where fraction < 0 && digits > 0: fraction = 0
            case UInt8(ascii: "-") where first: negative = true
            case UInt8(ascii: "+") where first: break
            default: return nil
            }
        }
        guard digits > 0, fraction != 0 else { return nil }
        let scale = max(0, fraction)
        let magnitude = Decimal(sign: .plus, exponent: -scale, significand: Decimal(chunk))
        return FormDecimal(negative ? -magnitude : magnitude, scale: scale, digits: negative ? -Int64(chunk) : Int64(chunk))
    }

    private static func hasValidGrouping(_ text: String) -> Bool {
        var integerPart = Substring(text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0])
        if integerPart.first == "+" || integerPart.first == "-" { integerPart = integerPart.dropFirst() }
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// The plain text, with exactly `scale` digits after the point.
    public var description: String {
        if let digits { return Self.text(of: digits, scale: scale) }
        var rounded = Decimal()
        var source = value
        NSDecimalRound(&rounded, &source, scale, .plain)
        var text = rounded.description
        guard scale > 0 else { return text }
        let utf8 = text.utf8
        let shown = utf8.firstIndex(of: UInt8(ascii: ".")).map { utf8.distance(from: $0, to: utf8.endIndex) - 1 } ?? 0
        if shown == 0 { text += "." }
        if scale > shown { text += String(repeating: "0", count: scale - shown) }
        return text
    }

    /// `digits` ÷ 10^scale written out: `-1250`, 2 → `-12.50`; written from the last digit into the string's own
    /// bytes (through an array and its inserts it cost about 880 instructions a value, sixty values a form).
    static func text(of digits: Int64, scale: Int) -> String {
        var digitCount = 1
        var rest = digits.magnitude / 10
        while rest > 0 { digitCount += 1; rest /= 10 }
        let places = max(0, scale)
        let count = max(digitCount, places + 1) + (places > 0 ? 1 : 0) + (digits < 0 ? 1 : 0)
        return String(unsafeUninitializedCapacity: count) { bytes in
            var magnitude = digits.magnitude
            var index = count, written = 0
            repeat {
                if places > 0, written == places { index -= 1; bytes[index] = UInt8(ascii: ".") }
                index -= 1
                bytes[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                written += 1
            } while magnitude > 0 || written <= places
            if digits < 0 { index -= 1; bytes[index] = UInt8(ascii: "-") }
            return count
        }
    }

    /// Rounds half up to `places` digits, as the form's arithmetic demands.
    public func rounded(_ places: Int) -> FormDecimal {
        var result = Decimal()
        var source = value
        NSDecimalRound(&result, &source, places, .plain)
        return FormDecimal(result, scale: places)
    }

    public static func == (lhs: FormDecimal, rhs: FormDecimal) -> Bool { lhs.value == rhs.value }
    public static func < (lhs: FormDecimal, rhs: FormDecimal) -> Bool { lhs.value < rhs.value }

    public static func + (lhs: FormDecimal, rhs: FormDecimal) -> FormDecimal {
        FormDecimal(lhs.value + rhs.value, scale: max(lhs.scale, rhs.scale))
    }

    /// How many significant digits the value has (`2555831.40` has 8), as Excel counts its 15.
    public var significantDigits: Int {
        let digits = description.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.drop { $0 == UInt8(ascii: "0") }
        let trimmed = significantScale < scale ? digits.dropLast(scale - significantScale) : digits[...]
        return max(1, trimmed.count)
    }

    /// The fraction digits the value really has, ignoring trailing zeros.
    public var significantScale: Int { max(0, -value.exponent) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
