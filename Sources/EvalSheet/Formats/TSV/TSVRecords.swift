import Foundation

/// Splits TSV or CSV bytes into rows of cells, honouring Excel's quoting (RFC 4180: `"a""b"`, delimiters and newlines inside quotes), in
/// memory near the input's size: blank rows are left out, and input with more lines or cells than any form is
/// refused as soon as the limit is passed.
enum TSVRecords {
    /// Most lines read; a form has a few thousand (one per indicator item and a few dozen more).
    static let maximumLines = 100_000
    /// Most cells on one line; the form is about ten columns wide.
    static let maximumCellsPerLine = 256
    /// Most cells in the file.
    static let maximumCells = 1_000_000

    /// The non-blank rows of `bytes` (UTF-8 or GB18030: both keep ASCII delimiters, newline, CR and quote as single bytes),
    /// cells split at `delimiter`, each turned into text by `decode`, which throws on bytes invalid in the encoding.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8 = TextDelimiter.tab,
                      decode: (UnsafeBufferPointer<UInt8>) throws -> String) throws -> [Grid.Row] {
        var rows: [Grid.Row] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 0, recordLine = 0, cellCount = 0
        var inQuotes = false, atCellStart = true
        var index = 0
        func endCell() throws {
            cells.append(cell.isEmpty ? "" : restore(try cell.withUnsafeBufferPointer(decode)))
            cell.removeAll(keepingCapacity: true)
            atCellStart = true
            cellCount += 1
            guard cells.count <= maximumCellsPerLine, cellCount <= maximumCells else { throw tooMany("cells", line: recordLine) }
        }
        func endRecord() throws {
            try endCell()
            if cells.allSatisfy(\.isBlank) { cellCount -= cells.count } else { rows.append(Grid.Row(number: recordLine, cells: cells)) }
            cells = []
            line += 1
            recordLine = line
            guard line <= maximumLines else { throw tooMany("lines", line: line) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            let next: UInt8? = index < bytes.count ? bytes[index] : nil
            if inQuotes {
                if byte == 0x22 {
                    if next == 0x22 { cell.append(0x22); index += 1 } else { inQuotes = false }
                } else {
                    if byte == 0x0A { line += 1 }
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where atCellStart:
                inQuotes = true
                atCellStart = false
            case delimiter:
                try endCell()
            case 0x0D where next == 0x0A:
                continue
            case 0x0A, 0x0D:
                try endRecord()
            default:
                // the rest of an unquoted run, up to the next delimiter or line end, copied at once
                var end = index
                while end < bytes.count, case let byte = bytes[end], byte != delimiter, byte != 0x0A, byte != 0x0D { end += 1 }
                cell.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index - 1)..<end]))
                index = end
                atCellStart = false
            }
        }
        if !cell.isEmpty || !cells.isEmpty { try endRecord() }
        return rows
    }

    private static func tooMany(_ what: String, line: Int) -> EvalSheetError {
        what == "lines"
            ? EvalSheetError(.invalidForm, "more than 100,000 lines; a 项目支出绩效自评表 has a few thousand, so this is not one",
                             zh: "超过 100,000 行；项目支出绩效自评表只有几千行，所以这不是该表")
            : EvalSheetError(.invalidForm, "line \(line + 1): more than \(maximumCellsPerLine) cells on one line (or 1,000,000 in the file); the form is about ten columns wide, so this is not one",
                             zh: "第 \(line + 1) 行：一行超过 \(maximumCellsPerLine) 个单元格（或全文件超过 1,000,000 个）；该表约十列宽，所以这不是该表")
    }

    /// One cell as Excel writes it: quoted when it holds the delimiter, a newline, CR or quote.
    static func quote(_ cell: String, delimiter: UInt8 = TextDelimiter.tab) -> String {
        guard cell.utf8.contains(where: { $0 == delimiter || $0 == 0x0A || $0 == 0x0D || $0 == 0x22 }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// What a spreadsheet may run as a formula when a cell starts with it (OWASP's CSV injection list).
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// True when `text`, past any leading apostrophes, starts a formula.
    private static func startsFormula(_ text: Substring.UnicodeScalarView) -> Bool {
        text.first(where: { $0 != "'" }).map(formulaStarts.contains) ?? false
    }

    /// A text value as written to TSV: `'` in front when a spreadsheet would run it (`=HYPERLINK(…)`, `@SUM(…)`) or
    /// when it already starts with apostrophes before such a character, so `restore` undoes exactly this.
    static func neutralise(_ text: String) -> String {
        startsFormula(Substring(text).unicodeScalars) ? "'" + text : text
    }

    /// A cell as read from TSV: the `'` that `neutralise` put in front taken away again.
    static func restore(_ cell: String) -> String {
        guard cell.hasPrefix("'"), startsFormula(Substring(cell).unicodeScalars.dropFirst()) else { return cell }
        return String(cell.dropFirst())
    }
}
