import Foundation

/// The old text export: a tab-separated sheet with a markdown title and `<b>`/`<p>` markup; as CSV, the same with
/// commas. Reading sniffs the delimiter (tab, comma, semicolon), so a CSV named .txt reads too.
public struct TSVFormat: FormFormat {
    public let name: String
    public let extensions: [String]
    /// The encoding to read with (detected when nil) and to write with (UTF-8 when nil; with a BOM for CSV, which
    /// Excel on a Chinese Windows reads as GBK without one).
    public var encoding: TextEncoding?
    /// The delimiter written.
    let delimiter: UInt8

    public init(encoding: TextEncoding? = nil) { self.init(name: "tsv", extensions: ["tsv", "txt"], encoding: encoding, delimiter: TextDelimiter.tab) }

    /// CSV as Excel saves it: the same table, comma-separated.
    public static func csv(encoding: TextEncoding? = nil) -> TSVFormat {
        TSVFormat(name: "csv", extensions: ["csv"], encoding: encoding, delimiter: TextDelimiter.comma)
    }

    private init(name: String, extensions: [String], encoding: TextEncoding?, delimiter: UInt8) {
        (self.name, self.extensions, self.encoding, self.delimiter) = (name, extensions, encoding, delimiter)
    }

    public func read(_ data: Data, options: ReadOptions) throws -> [FormReading] {
        let rows = try TextEncoding.withCellBytes(data, as: encoding) { try TSVRecords.parse($0, delimiter: TextDelimiter.sniff($0), decode: $1) }
            .map { Grid.Row(number: $0.number, cells: Self.withoutHeadingMarker($0.cells)) }
        return try FormFinder.read(Grid(rows: rows), layout: options.layout)
    }

    public func write(_ form: Form, options: WriteOptions) throws -> Data {
        let target = try LayoutConversion.target(for: form, requested: options.layout)
        let layout = SheetLayout(form: LayoutConversion.prepare(form, for: target), template: target)
        var lines: [String] = []
        var cellCount = 0
        for row in layout.rows where !row.isContinuation {
            switch row.template.kind {
            case .title:
                lines.append("## " + (row.cells.first.map(Self.text) ?? ""))
                lines.append("")
            case .note:
                lines.append(row.cells.map(Self.text).joined())
            default:
                let width = max(row.template.tsvWidth ?? 0, (row.cells.map(\.tsvColumn).max() ?? -1) + 1)
                var cells = Array(repeating: "", count: width)
                for cell in row.cells { cells[cell.tsvColumn] = TSVRecords.quote(Self.neutralised(cell), delimiter: delimiter) }
                lines.append(cells.joined(separator: String(UnicodeScalar(delimiter))))
                cellCount += width
            }
        }
        guard lines.count <= TSVRecords.maximumLines, cellCount <= TSVRecords.maximumCells else {
            throw EvalSheetError(.invalidForm, "the form needs \(lines.count) lines of \(cellCount) cells, more than a TSV export holds (100,000 lines, 1,000,000 cells); write JSON or XLSX", zh: "该表需要 \(lines.count) 行、\(cellCount) 个单元格，超出 TSV 导出所能容纳的（100,000 行、1,000,000 个单元格）；请写为 JSON 或 XLSX")
        }
        return try (encoding ?? (delimiter == TextDelimiter.comma ? .utf8BOM : .utf8)).encode(lines.joined(separator: "\n") + "\n")
    }

    /// The cells of a line with the markdown heading marker of a title line (`## 项目支出绩效自评表`) taken off.
    private static func withoutHeadingMarker(_ cells: [String]) -> [String] {
        guard let first = cells.first, first.hasPrefix("#") else { return cells }
        return [String(first.drop { $0 == "#" }).trimmed] + cells.dropFirst()
    }

    /// A cell as the export shows it: section labels bold, goal texts as `<p>` paragraphs.
    private static func text(_ cell: SheetLayout.Cell) -> String {
        switch cell.content {
        case .label(let label):
            return cell.source.style == "section" ? "<b>\(label)</b>" : label
        case .constant(let text):
            return text
        case .value(let value):
            let text = value.displayText
            guard cell.source.effectiveFormat == .paragraphs, !text.isEmpty else { return text }
            return ParagraphMarkup.encode(text)
        }
    }

    /// A cell's text with a text value neutralised against formula injection (see `TSVRecords.neutralise`).
    private static func neutralised(_ cell: SheetLayout.Cell) -> String {
        guard case .value(.text) = cell.content else { return text(cell) }
        return TSVRecords.neutralise(text(cell))
    }
}
