import CXlsxWriter

/// Prints the form like the official one: A4 portrait one page wide, the indicator header on every page, pages
/// broken between level-1 indicator blocks, and 第 N 页 共 M 页 at the foot. The width is fitted by a print scale
/// worked out here rather than Excel's fit-to-pages, which makes Excel ignore manual page breaks.
struct XLSXPrintSetup {
    /// A4 in points.
    static let paperWidth = 595.28, paperHeight = 841.89
    /// Margins in inches: left, right, top, bottom; the footer sits 0.3 in from the bottom edge.
    static let left = 0.5, right = 0.5, top = 0.6, bottom = 0.7, footerMargin = 0.3
    /// Room kept at the foot of each page for Excel's and LibreOffice's own rounding of scale and row heights.
    static let slack = 0.97
    /// How much wider LibreOffice draws a column than Excel (its Calibri digit is 7.4 px, not 7), so both fit the width.
    static let widestColumns = 1.06

    let layout: SheetLayout

    /// The print scale that fits the form's columns on the page width, in whole percents within Excel's 10 to 100.
    var percent: Int {
        let columns = (layout.template.columns.map(\.col.index).max() ?? 0) + 1
        var widths = Array(repeating: 8.43, count: columns)
        for column in layout.template.columns { widths[column.col.index] = column.width }
        let sheetWidth = widths.reduce(0) { $0 + TextMeasure.points(ofColumnWidth: $1) } * Self.widestColumns
        let printable = Self.paperWidth - (Self.left + Self.right) * 72
        return max(10, min(100, Int(100 * printable / sheetWidth)))
    }

    /// Points of sheet rows one page holds.
    var pageHeight: Double {
        (Self.paperHeight - (Self.top + Self.bottom) * 72) * 100 / Double(percent) * Self.slack
    }

    func apply(to sheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        worksheet_set_portrait(sheet)
        worksheet_set_paper(sheet, 9)
        worksheet_set_print_scale(sheet, UInt16(percent))
        worksheet_set_margins(sheet, Self.left, Self.right, Self.top, Self.bottom)
        worksheet_center_horizontally(sheet)
        var footer = lxw_header_footer_options()
        footer.margin = Self.footerMargin
        try XLSXWorkbook.check(worksheet_set_footer_opt(sheet, "&C第 &P 页 共 &N 页", &footer), "setting the page footer")
        if let header = layout.indicatorHeader {
            try XLSXWorkbook.check(worksheet_repeat_rows(sheet, lxw_row_t(header.lowerBound), lxw_row_t(header.upperBound)),
                                   "repeating the indicator header on printed pages")
        }
        // Excel keeps at most 1023 manual breaks; the pages after them break where the printer's fit puts them.
        var breaks = PageBreaks.rows(of: layout, pageHeight: pageHeight).prefix(1023).map { lxw_row_t($0) } + [0]
        if breaks.count > 1 {
            try XLSXWorkbook.check(worksheet_set_h_pagebreaks(sheet, &breaks), "setting the page breaks")
        }
    }
}
