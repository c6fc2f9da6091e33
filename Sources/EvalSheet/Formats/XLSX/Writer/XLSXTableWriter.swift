import CXlsxWriter
import Foundation

/// A table for people to read, not to edit: a header row, rows of text and numbers, an optional bold last row.
struct XLSXTable {
    /// One cell: text, a decimal shown with an Excel number format (kept a number, not text), or nothing.
    enum Cell {
        case text(String)
        case number(FormDecimal, format: String)
        case empty
    }

    let sheetName: String
    let headers: [String]
    /// Column widths in characters, one per header.
    let widths: [Double]
    let rows: [[Cell]]
    /// A last row set in bold (totals).
    let footer: [Cell]?
}

/// Writes an `XLSXTable` into an .xlsx file with libxlsxwriter: header frozen and filterable, sheet protected (every
/// cell locked, no password), like the form templates.
struct XLSXTableWriter {
    let table: XLSXTable

    func write(to path: String) throws {
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addWorksheet(named: table.sheetName)
        let header = workbook.addFormat()
        format_set_bold(header)
        format_set_text_wrap(header)
        format_set_align(header, UInt8(LXW_ALIGN_CENTER.rawValue))
        format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        format_set_pattern(header, UInt8(LXW_PATTERN_SOLID.rawValue))
        format_set_bg_color(header, XLSXStyles.systemFill)
        format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
        var formats = Formats(workbook: workbook)
        for (column, width) in table.widths.enumerated() {
            try XLSXWorkbook.check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil),
                                   "setting the width of column \(CellReference.columnLetters(column))")
        }
        for (column, text) in table.headers.enumerated() {
            try XLSXWorkbook.check(worksheet_write_string(sheet, 0, lxw_col_t(column), try XString.encode(text, at: "header"), header),
                                   "writing header \(CellReference.name(row: 0, column: column))")
        }
        let rows = table.rows + (table.footer.map { [$0] } ?? [])
        for (index, row) in rows.enumerated() {
            let bold = table.footer != nil && index == rows.count - 1
            for (column, cell) in row.enumerated() {
                try write(cell, row: index + 1, column: column, on: sheet, formats: &formats, bold: bold)
            }
        }
        worksheet_freeze_panes(sheet, 1, 0)
        try XLSXWorkbook.check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.count), lxw_col_t(max(0, table.headers.count - 1))),
                               "adding the header's filter")
        var protection = lxw_protection()
        protection.format_columns = 1
        protection.autofilter = 1
        protection.sort = 1
        worksheet_protect(sheet, nil, &protection)
        try workbook.close()
    }

    private func write(_ cell: XLSXTable.Cell, row: Int, column: Int, on sheet: UnsafeMutablePointer<lxw_worksheet>,
                       formats: inout Formats, bold: Bool) throws {
        let place = CellReference.name(row: row, column: column)
        let result: lxw_error
        switch cell {
        case .text(let text):
            result = worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), try XString.encode(text, at: place),
                                            formats.format(numberFormat: "@", bold: bold))
        case .number(let decimal, let numberFormat):
            // XLSX stores numbers as doubles: the nearest one to the decimal, from its text, as the form writer does.
            guard let number = Double(decimal.value.description) else {
                throw EvalSheetError(.invalidForm, "\(place): \(decimal) is not a number Excel holds", zh: "\(place)：\(decimal) 不是 Excel 能容纳的数")
            }
            result = worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, formats.format(numberFormat: numberFormat, bold: bold))
        case .empty:
            result = worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), formats.format(numberFormat: "General", bold: bold))
        }
        try XLSXWorkbook.check(result, "writing cell \(place)")
    }

    /// The cell formats of the table, one per number format and weight, made once.
    private struct Formats {
        let workbook: XLSXWorkbook
        var made: [String: UnsafeMutablePointer<lxw_format>] = [:]

        mutating func format(numberFormat: String, bold: Bool) -> UnsafeMutablePointer<lxw_format> {
            let key = numberFormat + (bold ? "|bold" : "")
            if let format = made[key] { return format }
            let format = workbook.addFormat()
            format_set_num_format(format, numberFormat)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            if bold { format_set_bold(format) }
            made[key] = format
            return format
        }
    }
}
