import CXlsxWriter
import Foundation

/// A table for people to read, not to edit: a header row, rows of text, numbers and links, an optional bold last row.
struct XLSXTable {
    /// One cell: text, a decimal shown with an Excel number format (kept a number, not text), a link to a place in the
    /// workbook (`internal:'Sheet'!H14`) shown as `text`, or nothing.
    enum Cell {
        case text(String)
        case number(FormDecimal, format: String)
        case link(String, to: String)
        case empty
    }

    let sheetName: String
    let headers: [String]
    /// Column widths in characters, one per header.
    let widths: [Double]
    let rows: [[Cell]]
    /// A last row set in bold (totals).
    var footer: [Cell]? = nil
}

/// Writes an `XLSXTable` with libxlsxwriter: texts wrapped and each row as tall as they need, header frozen and
/// filterable, one page wide when printed, sheet protected (every cell locked) like the form templates.
struct XLSXTableWriter {
    let table: XLSXTable
    /// The font size the row heights are worked out for: libxlsxwriter's default, Calibri 11.
    private static let fontSize = 11.0

    /// Writes a workbook holding the table alone.
    func write(to path: String) throws {
        let workbook = try XLSXWorkbook(path: path)
        try add(to: workbook, password: nil)
        try workbook.close()
    }

    /// Adds the table as a sheet of `workbook`, protected with `password` (none when nil).
    func add(to workbook: XLSXWorkbook, password: String?) throws {
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
            try XLSXWorkbook.check(worksheet_set_row(sheet, lxw_row_t(index + 1), height(of: row), nil), "setting the height of row \(index + 2)")
            for (column, cell) in row.enumerated() {
                try write(cell, row: index + 1, column: column, on: sheet, formats: &formats, bold: bold)
            }
        }
        worksheet_freeze_panes(sheet, 1, 0)
        try XLSXWorkbook.check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.count), lxw_col_t(max(0, table.headers.count - 1))),
                               "adding the header's filter")
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)
        worksheet_fit_to_pages(sheet, 1, 0)
        try XLSXWorkbook.check(worksheet_repeat_rows(sheet, 0, 0), "repeating the header on printed pages")
        var protection = lxw_protection()
        protection.format_columns = 1
        protection.format_rows = 1
        protection.autofilter = 1
        protection.sort = 1
        worksheet_protect(sheet, password, &protection)
    }

    /// As tall as the row's longest text wraps to in its column, which LibreOffice does not work out for itself.
    private func height(of row: [XLSXTable.Cell]) -> Double {
        let lines = zip(row, table.widths).map { cell, width -> Int in
            guard case .text(let text) = cell else { return 1 }
            return TextMeasure.lines(text, width: TextMeasure.points(ofColumnWidth: width), fontSize: Self.fontSize)
        }
        return TextMeasure.height(lines: lines.max() ?? 1, fontSize: Self.fontSize)
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
            guard let number = decimal.nearestDouble else {
                throw EvalSheetError(.invalidForm, "\(place): \(decimal) is not a number Excel holds", zh: "\(place)：\(decimal) 不是 Excel 能容纳的数")
            }
            result = worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, formats.format(numberFormat: numberFormat, bold: bold))
        case .link(let text, let target):
            result = worksheet_write_url_opt(sheet, lxw_row_t(row), lxw_col_t(column), target, formats.link(), try XString.encode(text, at: place), nil)
        case .empty:
            result = worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), formats.format(numberFormat: "General", bold: bold))
        }
        try XLSXWorkbook.check(result, "writing cell \(place)")
    }

    /// The cell formats of the table, one per number format and weight, and one for links, made once.
    private struct Formats {
        let workbook: XLSXWorkbook
        var made: [String: UnsafeMutablePointer<lxw_format>] = [:]

        mutating func format(numberFormat: String, bold: Bool) -> UnsafeMutablePointer<lxw_format> {
            let key = numberFormat + (bold ? "|bold" : "")
            if let format = made[key] { return format }
            let format = bordered()
            format_set_num_format(format, numberFormat)
            format_set_text_wrap(format)
            if bold { format_set_bold(format) }
            made[key] = format
            return format
        }

        mutating func link() -> UnsafeMutablePointer<lxw_format> {
            if let format = made["|link"] { return format }
            let format = bordered()
            format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue))
            format_set_font_color(format, LXW_COLOR_BLUE.rawValue)
            made["|link"] = format
            return format
        }

        private func bordered() -> UnsafeMutablePointer<lxw_format> {
            let format = workbook.addFormat()
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            return format
        }
    }
}
