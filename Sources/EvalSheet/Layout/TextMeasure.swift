/// Measures wrapped text in 宋体 (SimSun: CJK full width, ASCII half width), so a row is as tall as its text needs.
enum TextMeasure {
    /// Excel's tallest row, in points.
    static let maximumRowHeight = 409.0
    /// Room a cell keeps free across its text: the border padding on both sides and one level of indent.
    static let horizontalPadding = 13.0
    /// Room a cell keeps free above and below its lines.
    static let verticalPadding = 6.0
    /// Line pitch as a multiple of the font size (13.5 pt for 10-point 宋体 in Excel, 13.7 pt for its substitute in LibreOffice).
    static let lineSpacing = 1.4
    /// Characters that may not begin a line; Excel moves the character before them down with them.
    private static let noLineStart: Set<Unicode.Scalar> = Set("，。、；：？！）》」』】〕”’…%,.;:?!)]}".unicodeScalars)

    /// Points a column of `width` Excel units spans: `width` digits of the default font (7 px) and 5 px of padding, at 96 dpi.
    static func points(ofColumnWidth width: Double) -> Double {
        (width * 7 + 5) * 0.75
    }

    /// Whether a character takes a full em in 宋体: CJK, full-width forms, and the quotes and dashes SimSun draws wide.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F000...:
            return true
        default:
            return false
        }
    }

    /// Lines `text` wraps into across `width` points of a `fontSize` font: CJK breaks anywhere, an ASCII word moves
    /// whole to the next line when it fits there, and a closing mark never begins a line. One pass over the scalars.
    static func lines(_ text: String, width: Double, fontSize: Double) -> Int {
        var wrap = Wrap(usable: max(fontSize, width - horizontalPadding))
        var word = 0.0, wordStart: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if (0x21...0x7E).contains(scalar.value) {
                if word == 0 { wordStart = scalar }
                word += fontSize / 2
                continue
            }
            if word > 0 { wrap.place(word, startsWith: wordStart); word = 0 }
            if scalar == "\n" {
                wrap.newParagraph()
            } else {
                wrap.place(isWide(scalar) ? fontSize : fontSize / 2, startsWith: scalar)
            }
        }
        if word > 0 { wrap.place(word, startsWith: wordStart) }
        return wrap.total
    }

    /// Lines filled so far: the units (an ASCII word, or one other character) placed one after another.
    private struct Wrap {
        let usable: Double
        var total = 1
        var used = 0.0
        var previous = 0.0

        mutating func place(_ advance: Double, startsWith first: Unicode.Scalar) {
            if used + advance > usable, used > 0 {
                total += 1
                used = noLineStart.contains(first) ? previous : 0
            }
            if advance > usable {
                total += Int((advance / usable).rounded(.up)) - 1
                used = advance.truncatingRemainder(dividingBy: usable)
            } else {
                used += advance
            }
            previous = advance
        }

        mutating func newParagraph() {
            total += 1
            used = 0
            previous = 0
        }
    }

    /// Row height in points for `lines` lines of a `fontSize` font, never under one line with its padding.
    static func height(lines: Int, fontSize: Double) -> Double {
        max(Double(max(lines, 1)) * fontSize * lineSpacing + verticalPadding, minimumRowHeight(fontSize: fontSize))
    }

    /// The shortest row: two font sizes, room for one line and its padding.
    static func minimumRowHeight(fontSize: Double) -> Double {
        fontSize * 2
    }
}
