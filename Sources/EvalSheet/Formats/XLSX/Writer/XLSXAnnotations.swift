import CXlsxWriter
import Foundation

/// The findings of a check written into the workbook the clerk corrects: each finding's cell coloured (error red,
/// warning amber) with a comment holding its message, and a 问题清单 sheet listing them with links to the cells.
struct XLSXAnnotations {
    /// The name of the sheet that lists the findings.
    static let listSheetName = "问题清单"
    /// Fills of marked cells: Excel's own light red and amber.
    static let errorFill: lxw_color_t = 0xFFC7CE
    static let warningFill: lxw_color_t = 0xFFEB9C

    let findings: [Finding]
    let language: Language

    /// One marked cell of the laid-out form: where it is and the findings about it.
    struct Mark {
        let row: Int, column: Int
        var findings: [Finding]
        var severity: Finding.Severity { findings.contains { $0.severity == .error } ? .error : .warning }
        var reference: String { CellReference.name(row: row, column: column) }
    }

    /// The cell of each field in `layout`; a `CODE-name` cell is the code's too.
    static func cells(in layout: SheetLayout) -> [String: CellAt] {
        var cells: [String: CellAt] = [:]
        for row in layout.rows {
            for cell in row.cells {
                if let path = cell.path { cells[path] = CellAt(row: cell.row, column: cell.column) }
                if let code = cell.source.codeField { cells[code] = CellAt(row: cell.row, column: cell.column) }
            }
        }
        return cells
    }

    /// A cell of the laid-out form.
    struct CellAt {
        let row: Int, column: Int
        var key: Int { row << 16 | column }
        var reference: String { CellReference.name(row: row, column: column) }
    }

    /// The findings about each cell, keyed as the sheet writer keys cells (`row << 16 | column`); findings about the
    /// whole form, or about a field the layout has no cell for, mark none.
    func marks(_ cells: [String: CellAt]) -> [Int: Mark] {
        var marks: [Int: Mark] = [:]
        for finding in findings {
            guard let cell = cells[finding.path] else { continue }
            marks[cell.key, default: Mark(row: cell.row, column: cell.column, findings: [])].findings.append(finding)
        }
        return marks
    }

    /// The comment on each marked cell: its findings' messages, one a line.
    func writeComments(_ marks: [Int: Mark], on sheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        var options = lxw_comment_options()
        options.width = 360
        options.height = 120
        for mark in marks.values.sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
            let colon = language == .zh ? "：" : ": "
            let text = mark.findings.map { severityWord($0.severity) + colon + $0.message(language) }.joined(separator: "\n")
            try XLSXWorkbook.check(worksheet_write_comment_opt(sheet, lxw_row_t(mark.row), lxw_col_t(mark.column),
                                                               try XString.encode(text, at: mark.reference), &options),
                                   "adding the comment at \(mark.reference)")
        }
    }

    /// The 问题清单 sheet: number, severity, place in words, the cell (a link to it), message and code of each finding.
    func writeList(_ cells: [String: CellAt], formSheet: String, workbook: XLSXWorkbook, password: String?) throws {
        let sheet = "'\(formSheet.replacingOccurrences(of: "'", with: "''"))'"
        let rows: [[XLSXTable.Cell]] = findings.enumerated().map { index, finding in
            [.number(FormDecimal(index + 1), format: "0"), .text(severityWord(finding.severity)), .text(finding.place(language)),
             cells[finding.path].map { .link($0.reference, to: "internal:\(sheet)!\($0.reference)") } ?? .empty,
             .text(finding.message(language)), .text(finding.code)]
        }
        let headers = language == .zh ? ["序号", "类别", "位置", "单元格", "问题", "代码"] : ["No.", "Severity", "Place", "Cell", "Finding", "Code"]
        let table = XLSXTable(sheetName: Self.listSheetName, headers: headers, widths: [6, 8, 60, 9, 70, 22], rows: rows)
        try XLSXTableWriter(table: table).add(to: workbook, password: password)
    }

    private func severityWord(_ severity: Finding.Severity) -> String {
        switch (severity, language) {
        case (.error, .zh): return "错误"
        case (.warning, .zh): return "警告"
        case (.error, .en): return "error"
        case (.warning, .en): return "warning"
        }
    }
}
