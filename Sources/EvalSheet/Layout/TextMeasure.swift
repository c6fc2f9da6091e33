import Foundation

/// Estimates how tall a wrapped text is in a column, so row heights show every text in full.
enum TextMeasure {
    /// Excel's tallest row, in points.
    static let maximumRowHeight = 409.0

    /// Width of one character in Excel column units: wide (CJK, full-width) characters take two.
    static func units(_ scalar: Unicode.Scalar) -> Double {
        scalar.value >= 0x2E80 ? 2.0 : 1.1
    }

    /// Lines `text` wraps into in a cell `width` column units wide.
    static func lines(_ text: String, width: Double) -> Int {
        let usable = max(1, width - 1.5)
        var total = 0
        var units = 0.0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                total += max(1, Int((units / usable).rounded(.up)))
                units = 0
            } else {
                units += Self.units(scalar)
            }
        }
        return total + max(1, Int((units / usable).rounded(.up)))
    }

    /// Row height in points for `lines` lines of a `fontSize` font.
    static func height(lines: Int, fontSize: Double) -> Double {
        Double(lines) * fontSize * 1.4 + 4
    }
}
