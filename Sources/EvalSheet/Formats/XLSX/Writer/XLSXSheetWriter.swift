import CXlsxWriter
import Foundation

/// Writes a laid-out form into an .xlsx file: merged blocks, greyed locked system cells, open input cells,
/// formulas with cached values, data validation, a full outline of borders, print setup and sheet protection.
struct XLSXSheetWriter {
    /// Excel's limit on the characters of one cell.
    static let maximumCellCharacters = 32_767
    /// Most rows written: what the reader's limits are sized for (`XLSXLimits`, `SheetPart.maximumCells`).
    static let maximumRows = 300_000

    let layout: SheetLayout
    let password: String?
    /// Findings to mark on the sheet and list on a sheet of their own (`validate --annotate`).
    var annotations: XLSXAnnotations?

    func write(to path: String) throws {
        guard layout.rows.count <= Self.maximumRows else {
            throw EvalSheetError(.invalidForm, "the form needs \(layout.rows.count) rows, more than a workbook evalsheet can read back holds (\(Self.maximumRows)); split its indicators over several forms", zh: "该表需要 \(layout.rows.count) 行，超出 evalsheet 能读回的工作簿行数（\(Self.maximumRows)）；请把指标分到几张表中")
        }
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addWorksheet(named: layout.template.sheetName)
        var styles = XLSXStyles(workbook: workbook, layout: layout.template)

        for column in layout.template.columns {
            try XLSXWorkbook.check(worksheet_set_column(sheet, lxw_col_t(column.col.index), lxw_col_t(column.col.index), column.width, nil),
                                   "setting the width of column \(CellReference.columnLetters(column.col.index))")
        }
        let cells = annotations.map { _ in XLSXAnnotations.cells(in: layout) } ?? [:]
        let marks = annotations?.marks(cells) ?? [:]
        var mergeStarts: [Int: SheetLayout.Merge] = [:]
        for merge in layout.merges { mergeStarts[merge.firstRow << 16 | merge.firstColumn] = merge }
        for row in layout.rows {
            try XLSXWorkbook.check(worksheet_set_row(sheet, lxw_row_t(row.index), row.height, nil), "setting the height of row \(row.index + 1)")
            for cell in row.cells {
                let format = styles.format(for: cell, bordered: row.template.kind != .title, marked: marks[cell.row << 16 | cell.column]?.severity)
                if let merge = mergeStarts.removeValue(forKey: cell.row << 16 | cell.column) { try self.merge(merge, format: format, on: sheet) }
                try write(cell, to: sheet, format: format)
            }
        }
        for merge in mergeStarts.values { try self.merge(merge, format: styles.gapFormat(), on: sheet) }
        try fillGaps(on: sheet, format: styles.gapFormat())
        try addValidations(to: sheet)
        try XLSXPrintSetup(layout: layout).apply(to: sheet)
        var protection = lxw_protection()
        protection.format_columns = 1
        protection.format_rows = 1
        worksheet_protect(sheet, password, &protection)
        if let annotations {
            try annotations.writeComments(marks, on: sheet)
            try annotations.writeList(cells, formSheet: layout.template.sheetName, workbook: workbook, password: password)
        }
        try workbook.close()
    }

    /// Merges a block; its top-left cell is written afterwards with the real value.
    private func merge(_ merge: SheetLayout.Merge, format: UnsafeMutablePointer<lxw_format>?, on sheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        try XLSXWorkbook.check(worksheet_merge_range(sheet, lxw_row_t(merge.firstRow), lxw_col_t(merge.firstColumn),
                                                     lxw_row_t(merge.lastRow), lxw_col_t(merge.lastColumn), "", format),
                               "merging \(CellReference.name(row: merge.firstRow, column: merge.firstColumn))")
    }

    /// Writes a bordered blank into every cell below the title that nothing fills, so the form's outline has no notches.
    private func fillGaps(on sheet: UnsafeMutablePointer<lxw_worksheet>, format: UnsafeMutablePointer<lxw_format>) throws {
        var filled = Set<Int>()
        for merge in layout.merges {
            for row in merge.firstRow...merge.lastRow {
                for column in merge.firstColumn...merge.lastColumn { filled.insert(row << 16 | column) }
            }
        }
        for row in layout.rows { for cell in row.cells { filled.insert(cell.row << 16 | cell.column) } }
        let lastColumn = layout.template.columns.map(\.col.index).max() ?? 0
        for row in layout.rows where row.template.kind != .title {
            for column in 0...lastColumn where !filled.contains(row.index << 16 | column) {
                try XLSXWorkbook.check(worksheet_write_blank(sheet, lxw_row_t(row.index), lxw_col_t(column), format),
                                       "bordering cell \(CellReference.name(row: row.index, column: column))")
            }
        }
    }

    private func write(_ cell: SheetLayout.Cell, to sheet: UnsafeMutablePointer<lxw_worksheet>,
                       format: UnsafeMutablePointer<lxw_format>) throws {
        let row = lxw_row_t(cell.row), column = lxw_col_t(cell.column)
        var place: String { CellReference.name(row: cell.row, column: cell.column) + (cell.path.map { " (\($0))" } ?? "") }
        let result: lxw_error
        switch cell.content {
        case .label(let text), .constant(let text), .value(.text(let text)):
            let text = cell.source.effectiveFormat == .paragraphs ? ParagraphMarkup.protect(text) : text
            if text.isEmpty {
                result = worksheet_write_blank(sheet, row, column, format)
            } else {
                guard text.utf16.count <= Self.maximumCellCharacters else {
                    throw EvalSheetError(.invalidForm, "\(cell.path ?? place): \(text.utf16.count) characters, over Excel's \(Self.maximumCellCharacters)-character cell limit (Excel counts a character beyond U+FFFF as two); shorten the text", zh: "\(cell.path ?? place)：\(text.utf16.count) 个字符，超过 Excel 单元格 \(Self.maximumCellCharacters) 个字符的上限（U+FFFF 以上的字符 Excel 按两个计）；请缩短文本")
                }
                result = worksheet_write_string(sheet, row, column, try XString.encode(text, at: cell.path ?? place), format)
            }
        case .value(let value):
            let number = Self.double(value)
            if let formula = cell.formula, let number {
                result = worksheet_write_formula_num(sheet, row, column, "=" + formula, format, number)
            } else if let formula = cell.formula {
                result = worksheet_write_formula_str(sheet, row, column, "=" + formula, format, "")
            } else if let number {
                result = worksheet_write_number(sheet, row, column, number, format)
            } else {
                result = worksheet_write_blank(sheet, row, column, format)
            }
        }
        try XLSXWorkbook.check(result, "writing cell \(place)")
    }

    /// The number Excel stores for a value: XLSX keeps numbers as doubles; our decimals have at most 15 digits here.
    private static func double(_ value: FieldValue) -> Double? {
        switch value {
        case .decimal(let decimal): return decimal?.nearestDouble
        case .integer(let integer): return integer.map(Double.init)
        case .text: return nil
        }
    }

    /// Input messages on required cells, and numeric checks with Chinese messages on weight and score.
    private func addValidations(to sheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        var firstOfColumn: [Int: SheetLayout.Cell] = [:]
        var lastRow: [Int: Int] = [:]
        for row in layout.rows {
            for cell in row.cells where cell.path != nil && cell.source.effectiveRole.isInput {
                if firstOfColumn[cell.column] == nil || row.template.kind != .items { firstOfColumn[cell.column] = cell }
                lastRow[cell.column] = cell.row
                if row.template.kind != .items { try validate(cell, through: cell.row, on: sheet) }
            }
        }
        for (column, first) in firstOfColumn.sorted(by: { $0.key < $1.key }) where first.source.field?.hasPrefix("item.") == true {
            try validate(first, through: lastRow[column] ?? first.row, on: sheet)
        }
    }

    private func validate(_ cell: SheetLayout.Cell, through last: Int, on sheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        let label = LabelText.normalized(layout.template.label(forField: cell.source.field!))
        let required = cell.source.effectiveRole == .required
        var strings: [UnsafeMutablePointer<CChar>] = []
        defer { strings.forEach { free($0) } }
        func c(_ text: String) -> UnsafeMutablePointer<CChar> { let s = strdup(text)!; strings.append(s); return s }

        var validation = lxw_data_validation()
        validation.input_title = c(required ? "必填" : "选填")
        validation.error_title = c("输入有误")
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        validation.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        let here = CellReference.name(row: cell.row, column: cell.column)
        switch cell.source.effectiveFormat {
        case .decimal, .amount, .percent:
            if let limit = cell.source.notAbove, let limitCell = layout.template.rows.flatMap(\.cells).first(where: { $0.field == limit }) {
                let other = CellReference.name(row: cell.row, column: limitCell.col.index)
                let limitLabel = LabelText.normalized(layout.template.label(forField: limit))
                validation.validate = UInt8(LXW_VALIDATION_TYPE_CUSTOM_FORMULA.rawValue)
                validation.value_formula = c("=AND(ISNUMBER(\(here)),\(here)>=0,\(here)<=\(other))")
                validation.input_message = c("请填写\(label)：不小于0且不大于\(limitLabel)的数字")
                validation.error_message = c("\(label)须为不小于0且不大于\(limitLabel)的数字。")
            } else {
                validation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
                validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
                validation.value_number = 0
                validation.input_message = c("请填写\(label)：不小于0的数字")
                validation.error_message = c("\(label)须为不小于0的数字。")
            }
        default:
            guard required else { return }
            validation.validate = UInt8(LXW_VALIDATION_TYPE_ANY.rawValue)
            validation.input_message = c("请填写\(label)，此项必填。")
        }
        try XLSXWorkbook.check(worksheet_data_validation_range(sheet, lxw_row_t(cell.row), lxw_col_t(cell.column),
                                                               lxw_row_t(last), lxw_col_t(cell.column), &validation),
                               "adding the input check of \(here)")
    }
}

extension FormDecimal {
    /// The nearest double, as XLSX stores numbers, from the decimal's text: NSDecimalNumber's doubleValue misses it
    /// (98.98 became 98.97999999999999, which openpyxl, pandas and calamine show).
    var nearestDouble: Double? { Double(value.description) }
}
