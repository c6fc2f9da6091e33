/// Spreadsheet coordinates: column letters and `C9`-style references, zero-based inside the code.
public enum CellReference {
    /// `A` → 0, `I` → 8, `AA` → 26; nil for anything that is not column letters within Excel's 16,384 columns.
    public static func columnIndex(_ letters: some StringProtocol) -> Int? {
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        var index = 0
        for scalar in letters.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { return nil }
            index = index * 26 + Int(scalar.value - 64)
        }
        return index <= 16_384 ? index - 1 : nil
    }

    /// 0 → `A`, 26 → `AA`.
    public static func columnLetters(_ index: Int) -> String {
        ASCIIText.make(capacity: 14) { $0.appendColumnLetters(index) }
    }

    /// Zero-based row and column → `C9`; built from its bytes (by interpolation, a name took 2,000 instructions).
    public static func name(row: Int, column: Int) -> String {
        ASCIIText.make(capacity: 34) {
            $0.appendColumnLetters(column)
            $0.append(row + 1)
        }
    }
}
