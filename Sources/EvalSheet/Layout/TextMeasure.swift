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
    /// whole to the next line when it fits there, and a closing mark never begins a line.
    static func lines(_ text: String, width: Double, fontSize: Double) -> Int {
        let usable = max(fontSize, width - horizontalPadding)
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            total += 1
            var used = 0.0
            var previous = 0.0
            for word in words(paragraph) {
                let advance = word.unicodeScalars.reduce(0) { $0 + (isWide($1) ? fontSize : fontSize / 2) }
                if used + advance > usable, used > 0 {
                    total += 1
                    let carried = word.unicodeScalars.first.map(noLineStart.contains) == true ? previous : 0
                    used = carried
                }
                if advance > usable {
                    total += Int((advance / usable).rounded(.up)) - 1
                    used = advance.truncatingRemainder(dividingBy: usable)
                } else {
                    used += advance
                }
                previous = advance
            }
        }
        return total
    }

    /// Runs of printable ASCII (kept together) and single other characters: the units a line breaks between.
    private static func words(_ text: Substring) -> [Substring] {
        var words: [Substring] = []
        var start = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            if !isWordPart(text[index]) || next == text.endIndex || !isWordPart(text[next]) {
                words.append(text[start..<next])
                start = next
            }
        }
        return words
    }

    private static func isWordPart(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { (0x21...0x7E).contains($0.value) } ?? false
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
